using System;
using System.Collections.Generic;
using Profiler.PS.Engine;
using Profiler.PS.Statistics;

namespace Profiler.PS.Export
{
    /// <summary>What the text exports read of one workflow, taken once so every format sees one consistent snapshot.</summary>
    internal sealed class ExportSource
    {
        public ExportSource(WorkflowProfiler wf)
        {
            Profile = wf.GetProfile();
            WorkflowRun run = wf.CurrentRun;
            InFlight = run?.GetTimings() ?? Array.Empty<NodeTiming>();
            InFlightRunNumber = run?.RunNumber ?? 0;
            if (Profile.RunCount > 0)
                Comparison = wf.Compare(null, null, null, ChangeRule.DefaultRelativeThreshold, ChangeRule.DefaultAbsoluteThreshold, out _);
        }

        public WorkflowPerformanceProfile Profile { get; }
        /// <summary>Executions of the run in flight (the only ones with start offsets and threads); empty when none.</summary>
        public NodeTiming[] InFlight { get; }
        public int InFlightRunNumber { get; }
        /// <summary>The latest run against the runs before it; null before the first completed run.</summary>
        public RunComparison[] Comparison { get; }

        /// <summary>Every completed run that still has samples, oldest first.</summary>
        public int[] CompletedRunNumbers()
        {
            var runs = new SortedSet<int>();
            foreach (NodePerformanceData n in Profile.NodeData) foreach (int r in n.RunNumbers) runs.Add(r);
            var result = new int[runs.Count];
            runs.CopyTo(result);
            return result;
        }

        /// <summary>The run's summary when the profile still keeps it, else null.</summary>
        public WorkflowRunSummary Summary(int runNumber)
        {
            foreach (WorkflowRunSummary r in Profile.Runs) if (r.RunNumber == runNumber) return r;
            return null;
        }
    }

    /// <summary>One node's time in a laid-out run: start and duration in milliseconds on a lane.</summary>
    internal struct Slice
    {
        public string NodeId;
        public string NodeLabel;
        public string NodeType;
        public double Start;
        public double Duration;
        public int Lane;
        public int ThreadId;
    }

    /// <summary>
    /// Places runs on a timeline. A completed run keeps one total per node and no start times, so its nodes are
    /// laid end to end, in the order the nodes first ran, from 0 on one lane. The run in flight keeps each
    /// execution's end offset and thread: an execution starts at its end offset minus its duration (at 0 if
    /// that is negative, as for timings added by hand) and goes on the first lane of its thread that is free
    /// then, so slices on one lane never overlap.
    /// </summary>
    internal static class RunLayout
    {
        public static List<Slice> Completed(WorkflowPerformanceProfile profile, int runNumber)
        {
            var slices = new List<Slice>();
            double cursor = 0;
            foreach (NodePerformanceData n in profile.NodeData)
            {
                int i = Array.IndexOf(n.RunNumbers, runNumber);
                if (i < 0) continue;
                slices.Add(new Slice { NodeId = n.NodeId, NodeLabel = n.NodeLabel, NodeType = n.NodeType, Start = cursor, Duration = n.Durations[i] });
                cursor += n.Durations[i];
            }
            return slices;
        }

        /// <summary>The run in flight's executions on lanes; <paramref name="lanes"/> lists each lane's (thread, lane within the thread).</summary>
        public static List<Slice> InFlight(NodeTiming[] timings, out List<KeyValuePair<int, int>> lanes)
        {
            var ordered = new List<NodeTiming>(timings);
            ordered.Sort((a, b) =>
            {
                int c = Start(a).CompareTo(Start(b));
                return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
            });
            lanes = new List<KeyValuePair<int, int>>();
            var laneEnds = new List<double>();
            var slices = new List<Slice>(ordered.Count);
            foreach (NodeTiming t in ordered)
            {
                double start = Start(t);
                int lane = -1, withinThread = 0;
                for (int i = 0; i < lanes.Count; i++)
                {
                    if (lanes[i].Key != t.ThreadId) continue;
                    if (laneEnds[i] <= start) { lane = i; break; }
                    withinThread++;
                }
                if (lane < 0)
                {
                    lanes.Add(new KeyValuePair<int, int>(t.ThreadId, withinThread));
                    laneEnds.Add(0);
                    lane = lanes.Count - 1;
                }
                laneEnds[lane] = start + t.Duration;
                slices.Add(new Slice { NodeId = t.NodeId, NodeLabel = t.NodeLabel, NodeType = t.NodeType, Start = start, Duration = t.Duration, Lane = lane, ThreadId = t.ThreadId });
            }
            return slices;
        }

        private static double Start(NodeTiming t) => Math.Max(0, t.EndOffset - t.Duration);
    }
}
