using System;
using System.Collections.Generic;
using System.Globalization;

namespace Profiler.PS.Export
{
    /// <summary>One node's time in a laid-out run: start and duration in milliseconds, nested in <see cref="Parent"/>.</summary>
    internal struct Slice
    {
        public string NodeId;
        public string NodeLabel;
        public string NodeType;
        public double Start;
        /// <summary>Kept as given (not start + duration) so a child ending with its parent ends exactly where it does.</summary>
        public double End;
        /// <summary>Index of the enclosing slice in the same track, or -1 at the top level.</summary>
        public int Parent;
        /// <summary>The enclosing execution's node id as recorded (set even when the slice could not be drawn inside it).</summary>
        public string ParentId;
        public double SelfDuration;
        public NodeStatus Status;
        public double Duration => End - Start;
    }

    /// <summary>One row of a laid-out run: slices that never partly overlap (each lies after or inside another).</summary>
    internal sealed class Track
    {
        public int Lane;
        public int ThreadId;
        /// <summary>0 for a lane's first track; 1, 2... for extra tracks of executions that overlap without nesting.</summary>
        public int Overflow;
        public double End;
        public readonly List<Slice> Slices = new List<Slice>();
        /// <summary>The slices still open at the track's latest slice: its top-level slice and the chain nested down to it.</summary>
        public readonly List<int> Open = new List<int>();

        /// <summary>For example <c>lane 1 (thread 12)</c> or <c>lane 1 (thread 12) track 2</c>.</summary>
        public string Name => string.Format(CultureInfo.InvariantCulture, "{0}thread {1}{2}{3}", Lane > 0 ? "lane " + Lane.ToString(CultureInfo.InvariantCulture) + " (" : "",
            ThreadId, Lane > 0 ? ")" : "", Overflow > 0 ? " track " + (Overflow + 1).ToString(CultureInfo.InvariantCulture) : "");
    }

    /// <summary>
    /// Places runs on a timeline. A completed run stored before schema version 4 keeps one total per node and no
    /// start times, so its nodes are laid end to end, in the order the nodes first ran, from 0 on one track
    /// (<see cref="Completed"/>). Every other run, in flight or completed (its timeline), keeps each
    /// execution's start offset, lane (recording thread) and parent (<see cref="InFlight"/>): an execution is drawn inside its parent
    /// when it lies within the parent's time and after the parent's earlier children (so nested steps stack up
    /// as in a flame chart); otherwise it goes on the first track of its lane that is free at its start. A start
    /// before the run (a hand-given duration longer than the run so far) is drawn from 0. On every track, slices in
    /// order open and close like a call stack, which is what Chrome's complete events and speedscope's events need.
    /// </summary>
    internal static class RunLayout
    {
        /// <summary>Offsets are computed in floating point: a child ending this close after its parent still fits.</summary>
        private const double Epsilon = 1e-6;

        /// <summary>Integer microseconds of an offset in milliseconds: exports compute every event time with it from
        /// one origin (the run's start), so a slice ending where the next starts gives both the same value.</summary>
        public static long Microseconds(double milliseconds) => (long)Math.Round(milliseconds * 1000, MidpointRounding.AwayFromZero);

        /// <summary>A completed run without timeline: its nodes end to end from 0.</summary>
        public static List<Slice> Completed(WorkflowPerformanceProfile profile, int runNumber)
        {
            var slices = new List<Slice>();
            double cursor = 0;
            foreach (NodePerformanceData n in profile.NodeData)
            {
                int i = Array.IndexOf(n.RunNumbers, runNumber);
                if (i < 0) continue;
                slices.Add(new Slice
                {
                    NodeId = n.NodeId, NodeLabel = n.NodeLabel, NodeType = n.NodeType, Start = cursor, End = cursor + n.Durations[i],
                    Parent = -1, SelfDuration = n.SelfDurations[i],
                });
                cursor = slices[slices.Count - 1].End;
            }
            return slices;
        }

        private struct Placement
        {
            public Track Track;
            public int Index;
            public double ChildrenEnd;
        }

        /// <summary>The run in flight's executions on tracks, ordered by lane then overflow; each track's slices by start, parents first.</summary>
        public static List<Track> InFlight(NodeTiming[] timings)
        {
            var bySequence = new Dictionary<long, int>(timings.Length);
            for (int i = 0; i < timings.Length; i++) bySequence[timings[i].Sequence] = i;
            var depth = new int[timings.Length];
            for (int i = 0; i < timings.Length; i++)
                for (int p = ParentOf(timings[i], bySequence); p >= 0 && depth[i] <= timings.Length; p = ParentOf(timings[p], bySequence)) depth[i]++;
            var order = new int[timings.Length];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) =>
            {
                int c = Start(timings[a]).CompareTo(Start(timings[b]));
                if (c == 0) c = End(timings[b]).CompareTo(End(timings[a]));   // the longer (enclosing) one first
                if (c == 0) c = depth[a].CompareTo(depth[b]);
                return c != 0 ? c : timings[a].Sequence.CompareTo(timings[b].Sequence);
            });
            var tracks = new List<Track>();
            var placed = new Placement?[timings.Length];
            foreach (int i in order)
            {
                NodeTiming t = timings[i];
                var slice = new Slice
                {
                    NodeId = t.NodeId, NodeLabel = t.NodeLabel, NodeType = t.NodeType, Start = Start(t), End = End(t), Parent = -1,
                    ParentId = t.ParentId, SelfDuration = t.SelfDuration, Status = t.StatusValue,
                };
                int p = ParentOf(t, bySequence);
                Track track;
                if (p >= 0 && placed[p] is Placement parent && FitsInside(ref slice, parent))
                {
                    track = parent.Track;
                    slice.Parent = parent.Index;
                    placed[p] = new Placement { Track = track, Index = parent.Index, ChildrenEnd = slice.End };
                    while (track.Open[track.Open.Count - 1] != parent.Index) track.Open.RemoveAt(track.Open.Count - 1);
                }
                else
                {
                    track = FreeTrack(tracks, t, slice.Start);
                    track.End = Math.Max(track.End, slice.End);
                    track.Open.Clear();
                }
                placed[i] = new Placement { Track = track, Index = track.Slices.Count, ChildrenEnd = slice.Start };
                track.Open.Add(track.Slices.Count);
                track.Slices.Add(slice);
            }
            tracks.Sort((a, b) => a.Lane != b.Lane ? a.Lane.CompareTo(b.Lane) : a.Overflow.CompareTo(b.Overflow));
            return tracks;
        }

        /// <summary>
        /// Clamps <paramref name="slice"/> into its parent when it is inside it up to rounding and the parent is still open
        /// on its track; false when it is not (a hand-given duration longer than the block, or overlapping a sibling).
        /// </summary>
        private static bool FitsInside(ref Slice slice, Placement parent)
        {
            Slice outer = parent.Track.Slices[parent.Index];
            if (!parent.Track.Open.Contains(parent.Index)) return false;
            if (slice.Start < parent.ChildrenEnd - Epsilon || slice.End > outer.End + Epsilon) return false;
            double start = Math.Max(slice.Start, parent.ChildrenEnd), end = Math.Min(slice.End, outer.End);
            slice.Start = start;
            slice.End = Math.Max(start, end);
            return true;
        }

        private static Track FreeTrack(List<Track> tracks, NodeTiming t, double start)
        {
            // Issue 5 numbers lanes from 1; a record without one is put on a lane of its own thread.
            int lane = t.Lane > 0 ? t.Lane : -t.ThreadId;
            int overflow = 0;
            foreach (Track track in tracks)
            {
                if (track.Lane != lane) continue;
                if (track.End <= start) return track;
                overflow++;
            }
            var added = new Track { Lane = lane, ThreadId = t.ThreadId, Overflow = overflow };
            tracks.Add(added);
            return added;
        }

        private static int ParentOf(NodeTiming t, Dictionary<long, int> bySequence)
            => t.ParentSequence > 0 && bySequence.TryGetValue(t.ParentSequence, out int p) ? p : -1;

        private static double Start(NodeTiming t) => Math.Max(0, t.StartOffset);

        private static double End(NodeTiming t) => Start(t) + t.Duration;
    }
}
