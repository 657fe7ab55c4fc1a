using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// One recording lane of a run. Threads are handed lanes in turn on their first record and record through
    /// theirs, taking the lane's lock instead of a run-wide one, so threads recording into one run at the same
    /// time do not queue on a single lock. A lane holds its part of the execution log and of each node's sums;
    /// closing the run takes every lane's lock, so it waits for the records in progress.
    /// </summary>
    internal sealed class RunLane
    {
        /// <summary>Lanes per run (a power of two).</summary>
        public const int Count = 8;
        /// <summary>Execution records per log chunk (64 KB): below the large-object heap threshold, so a long run
        /// never copies its log or triggers the full collections that large-object allocations cause.</summary>
        private const int ChunkSize = 2048;

        [ThreadStatic] private static int t_lane;
        private static int s_nextLane;

        private List<TimingSample[]> _log;
        private long _logged;
        /// <summary>This lane's part of the node it recorded last, so repeated records of a node skip the lookup.</summary>
        public NodePart Last;
#pragma warning disable CS0169 // Padding: lanes are allocated side by side; their hot fields must not share a cache line.
        private long _pad0, _pad1, _pad2, _pad3, _pad4, _pad5, _pad6, _pad7;
#pragma warning restore CS0169

        public RunLane(int index) => Index = index;

        public int Index { get; }

        /// <summary>The calling thread's lane number, fixed on its first record.</summary>
        public static int ForCurrentThread()
        {
            int lane = t_lane;
            if (lane == 0) t_lane = lane = (Interlocked.Increment(ref s_nextLane) & (Count - 1)) + 1;
            return lane - 1;
        }

        /// <summary>Appends an execution record. Caller holds the lane's lock.</summary>
        public void Append(int sequence, int nodeIndex, double duration, double endOffset)
        {
            if (_log == null) _log = new List<TimingSample[]>();
            int chunk = (int)(_logged / ChunkSize), offset = (int)(_logged % ChunkSize);
            // Only the first chunk grows (from 16), so a short run stays small; later chunks are allocated full size.
            if (chunk == _log.Count) _log.Add(new TimingSample[chunk == 0 ? 16 : ChunkSize]);
            else if (offset == _log[chunk].Length) _log[chunk] = Grow(_log[chunk]);
            ref TimingSample s = ref _log[chunk][offset];
            _logged++;
            s.Sequence = sequence;
            s.NodeIndex = nodeIndex;
            s.Duration = duration;
            s.EndOffset = endOffset;
            s.ThreadId = Environment.CurrentManagedThreadId;
        }

        /// <summary>Puts each of the lane's records at index Sequence - 1. Caller holds the lane's lock.</summary>
        public void CopyTo(TimingSample[] bySequence)
        {
            for (long i = 0; i < _logged; i++)
            {
                TimingSample s = _log[(int)(i / ChunkSize)][(int)(i % ChunkSize)];
                bySequence[s.Sequence - 1] = s;
            }
        }

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
        public long Executions;
    }

    /// <summary>The run's execution counter, alone on its cache line: every record of every lane increments it.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    internal sealed class SequenceCounter
    {
        [FieldOffset(64)] public long Value;
    }
}
