using System;
using System.Collections.Generic;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    public sealed partial class WorkflowProfiler
    {
        /// <summary>Computed on first read: a node-by-node comparison on every Complete cost about 1 ms for 1,000 nodes.</summary>
        private Lazy<RunComparisonSummary> _lastComparison;

        /// <summary>
        /// Compares <paramref name="runNumbers"/> (default: the latest completed run) with a baseline: the runs in
        /// <paramref name="baselineRunNumbers"/>, else for each node the successful samples of up to
        /// <paramref name="baselineCount"/> runs (default: the window size) before the earliest judged run. Judged runs are
        /// never part of the baseline; when listed there, they are left out and <paramref name="excluded"/> is true.
        /// Thresholds (a fraction, 0.1 is 10%; milliseconds) override the workflow's rule when given.
        /// </summary>
        /// <exception cref="ProfilerException">No completed run, an unknown run number, or a bad threshold.</exception>
        public RunComparison[] Compare(int[] runNumbers, int[] baselineRunNumbers, int? baselineCount,
            double? relativeThreshold, double? absoluteThreshold, out bool excluded)
        {
            if (relativeThreshold is double rt && (double.IsNaN(rt) || double.IsInfinity(rt) || rt < 0))
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, "RelativeThreshold must be a finite percentage of 0 or more, such as 10.");
            if (absoluteThreshold is double at && (double.IsNaN(at) || double.IsInfinity(at) || at < 0))
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, "AbsoluteThreshold must be a finite number of milliseconds of 0 or more, such as 5.");
            if (baselineCount is int c && c < 1)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, "BaselineCount must be at least 1 run.");
            NodePerformanceData[] nodes;
            WorkflowRunSummary[] runs;
            int windowSize;
            RegressionRule rule;
            lock (SyncRoot)
            {
                if (_runCount == 0)
                    throw new ProfilerException(ProfilerErrorKind.NoCompletedRun,
                        $"Workflow '{WorkflowId}' has no completed run to compare: record timings and call Complete-WorkflowProfile first.");
                nodes = SnapshotNodesLocked();
                runs = _runs.ToArray();
                windowSize = WindowSize;
                rule = Rule.With(relativeThreshold, absoluteThreshold);
            }
            SortedSet<int> known = KnownRuns(nodes, runs);
            int[] current = runNumbers == null || runNumbers.Length == 0
                ? new[] { runs.Length > 0 ? runs[runs.Length - 1].RunNumber : known.Max }
                : Known(runNumbers, known, "Run");
            var currentSet = new HashSet<int>(current);
            int[] baseline = null;
            excluded = false;
            if (baselineRunNumbers != null && baselineRunNumbers.Length > 0)
            {
                var chosen = new SortedSet<int>();
                foreach (int r in Known(baselineRunNumbers, known, "Baseline"))
                    if (currentSet.Contains(r)) excluded = true;
                    else chosen.Add(r);
                baseline = new int[chosen.Count];
                chosen.CopyTo(baseline);
            }
            return RunComparer.Compare(WorkflowId, WorkflowName, nodes, runs, current, baseline, baselineCount ?? windowSize, rule);
        }

        /// <summary>The verdict on <paramref name="runNumber"/> against each node's window before it, by the workflow's rule. Caller holds the lock.</summary>
        /// <remarks>Deferred to the first read of the profile's Comparison; it works on copies taken now (the node
        /// snapshots are immutable), so its result is the same whenever it is read.</remarks>
        private Lazy<RunComparisonSummary> SummarizeLocked(NodePerformanceData[] nodes, int runNumber)
        {
            WorkflowRunSummary[] runs = _runs.ToArray();
            int windowSize = WindowSize;
            RegressionRule rule = Rule;
            string workflowId = WorkflowId, workflowName = WorkflowName;
            return new Lazy<RunComparisonSummary>(() => new RunComparisonSummary(runNumber,
                RunComparer.Compare(workflowId, workflowName, nodes, runs, new[] { runNumber }, null, windowSize, rule)));
        }

        /// <summary>Every run the profile still holds data of: in the run list or in some node's window.</summary>
        private static SortedSet<int> KnownRuns(NodePerformanceData[] nodes, WorkflowRunSummary[] runs)
        {
            // Collected in a hash set first: every node repeats the same few run numbers, and a sorted set pays a
            // tree search per add (about 1 ms for 1,000 nodes on every Complete).
            var seen = new HashSet<int>();
            foreach (WorkflowRunSummary r in runs) seen.Add(r.RunNumber);
            foreach (NodePerformanceData n in nodes)
            {
                foreach (int r in n.KeptRunNumbers) seen.Add(r);
                foreach (int r in n.UnsuccessfulRunNumbers) seen.Add(r);
            }
            return new SortedSet<int>(seen);
        }

        private int[] Known(int[] requested, SortedSet<int> known, string parameter)
        {
            var missing = new List<string>();
            var result = new SortedSet<int>();
            foreach (int r in requested)
                if (known.Contains(r)) result.Add(r);
                else missing.Add(r.ToString(CultureInfo.InvariantCulture));
            if (missing.Count > 0)
                throw new ProfilerException(ProfilerErrorKind.RunNotFound, string.Format(CultureInfo.InvariantCulture,
                    "{0} {1} {2} not kept by workflow '{3}', which holds runs {4} to {5}: give run numbers from that range (see (Get-WorkflowProfile {3}).Runs).",
                    parameter, string.Join(", ", missing), missing.Count == 1 ? "is" : "are", WorkflowId, known.Min, known.Max));
            var array = new int[result.Count];
            result.CopyTo(array);
            return array;
        }
    }
}
