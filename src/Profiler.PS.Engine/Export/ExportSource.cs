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
                Comparison = wf.Compare(null, null, null, null, null, out _);
        }

        public WorkflowPerformanceProfile Profile { get; }
        /// <summary>Executions of the run in flight (the only ones with start offsets and threads); empty when none.</summary>
        public NodeTiming[] InFlight { get; }
        public int InFlightRunNumber { get; }
        /// <summary>The latest run against the runs before it; null before the first completed run.</summary>
        public RunComparison[] Comparison { get; }

        /// <summary>Every completed run that still has samples or a summary (a run whose every node failed has no sample), oldest first.</summary>
        public int[] CompletedRunNumbers()
        {
            var runs = new SortedSet<int>();
            foreach (NodePerformanceData n in Profile.NodeData) foreach (int r in n.RunNumbers) runs.Add(r);
            foreach (WorkflowRunSummary r in Profile.Runs) runs.Add(r.RunNumber);
            var result = new int[runs.Count];
            runs.CopyTo(result);
            return result;
        }

        /// <summary>
        /// The completed run's executions as timing records (start offsets, lanes as threads, parents), or null when
        /// the run keeps no timeline (stored before schema version 4): such a run is drawn end to end.
        /// </summary>
        public NodeTiming[] CompletedTimings(int runNumber)
        {
            RunTimeline timeline = Summary(runNumber)?.Timeline;
            if (timeline == null) return null;
            var nodes = new Dictionary<string, NodePerformanceData>(StringComparer.OrdinalIgnoreCase);
            foreach (NodePerformanceData n in Profile.NodeData) nodes[n.NodeId] = n;
            return timeline.ToTimings(Profile.WorkflowId, runNumber,
                id => nodes.TryGetValue(id, out NodePerformanceData n) ? (n.NodeType, n.NodeLabel) : (null, null));
        }

        /// <summary>The run's summary when the profile still keeps it, else null.</summary>
        public WorkflowRunSummary Summary(int runNumber)
        {
            foreach (WorkflowRunSummary r in Profile.Runs) if (r.RunNumber == runNumber) return r;
            return null;
        }
    }
}
