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
}
