using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// One recording lane of a run: a lock stripe. Threads are handed lanes in turn on their first record and
    /// record through theirs, taking the lane's lock instead of a run-wide one, so threads recording into one run
    /// at the same time do not queue on a single lock. A lane holds its part of the execution log and of each
    /// node's sums; closing or reading the run takes every lane's lock, so it waits for the records in progress.
    /// Not to be confused with a timing's Lane, the run's number for the thread that recorded it (threads
    /// outnumbering the lanes share one).
    /// </summary>
    internal sealed class RunLane
    {
        /// <summary>Lanes per run (a power of two).</summary>
        public const int Count = 8;
        /// <summary>Execution records per log chunk (56 KB of 56-byte records): below the large-object heap
        /// threshold, so a long run never copies its log or triggers the full collections that large-object
        /// allocations cause. A power of two, so a position splits into chunk and offset with a shift and a mask.</summary>
        private const int ChunkShift = 10, ChunkSize = 1 << ChunkShift, ChunkMask = ChunkSize - 1;

        [ThreadStatic] private static int t_lane;
        private static int s_nextLane;

        private readonly List<TimingSample[]> _log = new List<TimingSample[]>();
        private int _logged;
        /// <summary>This lane's part of the node it recorded last, so repeated records of a node skip the lookup.</summary>
        public NodePart Last;
        private int _held;
        /// <summary>The managed thread that recorded last through this lane (0: none yet) and its number in the run.</summary>
        public int LastThread, LastThreadNumber;
        /// <summary>Executions recorded through this lane that ended Failed or Stopped.</summary>
        public long Failed;
        /// <summary>Milliseconds of top-level executions timed by hand (Add-NodeTiming) through this lane: laid end to end,
        /// the timeline they describe, which a run's total must not fall below.</summary>
        public double HandTimeline;
#pragma warning disable CS0169 // Padding: lanes are allocated side by side; their hot fields must not share a cache line.
        private long _pad0, _pad1, _pad2, _pad3, _pad4, _pad5, _pad6, _pad7;
#pragma warning restore CS0169

        public RunLane(int index) => Index = index;

        /// <summary>
        /// Takes the lane: one compare-and-swap when free (about half of an uncontended Monitor's cost, which matters
        /// on a record path of ~50 ns), spinning and then yielding while another thread holds it. Lanes are held only
        /// for a record, or by Close and GetTimings for a copy, so waits are short.
        /// </summary>
        public void Enter()
        {
            if (Interlocked.CompareExchange(ref _held, 1, 0) == 0) return;
            var spin = new SpinWait();
            while (Interlocked.CompareExchange(ref _held, 1, 0) != 0) spin.SpinOnce();
        }

        /// <summary>Releases the lane (a release write, so the lane's updates are visible to the next holder).</summary>
        public void Exit() => Volatile.Write(ref _held, 0);

        public int Index { get; }
        /// <summary>Records in this lane's part of the log, in increasing Sequence.</summary>
        public int Logged => _logged;

        /// <summary>The calling thread's lane number, fixed on its first record.</summary>
        public static int ForCurrentThread()
        {
            int lane = t_lane;
            if (lane == 0) t_lane = lane = (Interlocked.Increment(ref s_nextLane) & (Count - 1)) + 1;
            return lane - 1;
        }

        /// <summary>A new record at the end of the log, for the caller to fill. Caller holds the lane's lock.</summary>
        public ref TimingSample Append()
        {
            int chunk = _logged >> ChunkShift, offset = _logged & ChunkMask;
            // Only the first chunk grows (from 16), so a short run stays small; later chunks are allocated full size.
            if (chunk == _log.Count) _log.Add(new TimingSample[chunk == 0 ? 16 : ChunkSize]);
            else if (offset == _log[chunk].Length) _log[chunk] = Grow(_log[chunk]);
            _logged++;
            return ref _log[chunk][offset];
        }

        /// <summary>The record at <paramref name="position"/> of this lane's log. Caller holds the lane's lock or the run is closed.</summary>
        public ref TimingSample At(int position) => ref _log[position >> ChunkShift][position & ChunkMask];

        private static TimingSample[] Grow(TimingSample[] chunk)
        {
            var grown = new TimingSample[Math.Min(chunk.Length * 2, ChunkSize)];
            Array.Copy(chunk, grown, chunk.Length);
            return grown;
        }
    }

    /// <summary>One lane's sums for one node in a run; written only under the lane's lock.</summary>
    internal sealed class NodePart
    {
        public NodePart(RunNode node) => Node = node;

        public RunNode Node { get; }
        public double Total;
        public double SelfTotal;
        public long Executions;
        /// <summary>Executions of this lane that failed, and that were stopped.</summary>
        public long Failed, Stopped;
    }

    /// <summary>The run's execution counter, alone on its cache line: every record of every lane increments it.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    internal sealed class SequenceCounter
    {
        [FieldOffset(64)] public long Value;
    }
}
