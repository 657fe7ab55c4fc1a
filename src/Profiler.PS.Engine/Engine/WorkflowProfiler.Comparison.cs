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
        /// <paramref name="baselineRunNumbers"/>, else the <paramref name="baselineCount"/> runs before the earliest
        /// judged run (default: the window size). Judged runs are never part of the baseline; when listed there,
        /// they are left out and <paramref name="excluded"/> is true. Thresholds: a fraction (0.1 is 10%) and milliseconds.
        /// </summary>
        /// <exception cref="ProfilerException">No completed run, an unknown run number, or a bad threshold.</exception>
        public RunComparison[] Compare(int[] runNumbers, int[] baselineRunNumbers, int? baselineCount,
            double relativeThreshold, double absoluteThreshold, out bool excluded)
        {
            if (double.IsNaN(relativeThreshold) || double.IsInfinity(relativeThreshold) || relativeThreshold < 0)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, "RelativeThreshold must be a finite percentage of 0 or more, such as 10.");
            if (double.IsNaN(absoluteThreshold) || double.IsInfinity(absoluteThreshold) || absoluteThreshold < 0)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, "AbsoluteThreshold must be a finite number of milliseconds of 0 or more, such as 5.");
            if (baselineCount is int c && c < 1)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, "BaselineCount must be at least 1 run.");
            NodePerformanceData[] nodes;
            WorkflowRunSummary[] runs;
            int windowSize;
            lock (SyncRoot)
            {
                if (_runCount == 0)
                    throw new ProfilerException(ProfilerErrorKind.NoCompletedRun,
                        $"Workflow '{WorkflowId}' has no completed run to compare: record timings and call Complete-WorkflowProfile first.");
                nodes = SnapshotNodesLocked();
                runs = _runs.ToArray();
                windowSize = WindowSize;
            }
            SortedSet<int> known = KnownRuns(nodes, runs);
            int[] current = runNumbers == null || runNumbers.Length == 0
                ? new[] { runs.Length > 0 ? runs[runs.Length - 1].RunNumber : known.Max }
                : Known(runNumbers, known, "Run");
            var currentSet = new HashSet<int>(current);
            var baseline = new SortedSet<int>();
            excluded = false;
            if (baselineRunNumbers != null && baselineRunNumbers.Length > 0)
            {
                foreach (int r in Known(baselineRunNumbers, known, "Baseline"))
                    if (currentSet.Contains(r)) excluded = true;
                    else baseline.Add(r);
            }
            else
            {
                int first = current[0], count = baselineCount ?? windowSize;
                foreach (int r in known)
                    if (r < first && r >= first - count) baseline.Add(r);
            }
            var baselineArray = new int[baseline.Count];
            baseline.CopyTo(baselineArray);
            return RunComparer.Compare(WorkflowId, WorkflowName, nodes, runs, current, baselineArray, relativeThreshold, absoluteThreshold);
        }

        /// <summary>The verdict on <paramref name="runNumber"/> against the window's runs before it, with default thresholds. Caller holds the lock.</summary>
        /// <remarks>Deferred to the first read of the profile's Comparison; it works on copies taken now (the node
        /// snapshots are immutable), so its result is the same whenever it is read.</remarks>
        private Lazy<RunComparisonSummary> SummarizeLocked(NodePerformanceData[] nodes, int runNumber)
        {
            WorkflowRunSummary[] runs = _runs.ToArray();
            int windowSize = WindowSize;
            string workflowId = WorkflowId, workflowName = WorkflowName;
            return new Lazy<RunComparisonSummary>(() =>
            {
                var baseline = new List<int>();
                foreach (int r in KnownRuns(nodes, runs))
                    if (r < runNumber && r >= runNumber - windowSize) baseline.Add(r);
                RunComparison[] lines = RunComparer.Compare(workflowId, workflowName, nodes, runs, new[] { runNumber }, baseline.ToArray(),
                    ChangeRule.DefaultRelativeThreshold, ChangeRule.DefaultAbsoluteThreshold);
                return new RunComparisonSummary(runNumber, lines);
            });
        }

        /// <summary>Every run the profile still holds data of: in the run list or in some node's window.</summary>
        private static SortedSet<int> KnownRuns(NodePerformanceData[] nodes, WorkflowRunSummary[] runs)
        {
            // Collected in a hash set first: every node repeats the same few run numbers, and a sorted set pays a
            // tree search per add (about 1 ms for 1,000 nodes on every Complete).
            var seen = new HashSet<int>();
            foreach (WorkflowRunSummary r in runs) seen.Add(r.RunNumber);
            foreach (NodePerformanceData n in nodes) foreach (int r in n.RunNumbers) seen.Add(r);
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
