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
            WorkflowRunSummary[] runs, window;
            int windowSize;
            RegressionRule rule;
            lock (SyncRoot)
            {
                if (_runCount == 0)
                    throw new ProfilerException(ProfilerErrorKind.NoCompletedRun,
                        $"Workflow '{WorkflowId}' has no completed run to compare: record timings and call Complete-WorkflowProfile first.");
                nodes = SnapshotNodesLocked();
                runs = _runs.ToArray();
                window = WindowRunsLocked();
                windowSize = WindowSize;
                rule = Rule.With(relativeThreshold, absoluteThreshold);
            }
            if (window.Length == 0)
                throw new ProfilerException(ProfilerErrorKind.NoCompletedRun,
                    $"Workflow '{WorkflowId}' keeps no completed run to compare (its profile has no run summaries): complete a run with Complete-WorkflowProfile first.");
            // A run is judged only while it is in the window (Runs), whose runs all keep their whole baseline; a
            // baseline may name any kept run (the window and the runs before it kept as its runs' baselines).
            int[] current = runNumbers == null || runNumbers.Length == 0
                ? new[] { window[window.Length - 1].RunNumber }
                : Known(runNumbers, window, runs, "Run");
            var currentSet = new HashSet<int>(current);
            int[] baseline = null;
            excluded = false;
            if (baselineRunNumbers != null && baselineRunNumbers.Length > 0)
            {
                var chosen = new SortedSet<int>();
                foreach (int r in Known(baselineRunNumbers, runs, window, "Baseline"))
                    if (currentSet.Contains(r)) excluded = true;
                    else chosen.Add(r);
                // Only judged runs named: an empty baseline would call every node New, which a node that ran before never is.
                if (chosen.Count == 0)
                    throw new ProfilerException(ProfilerErrorKind.InvalidSetting,
                        $"-Baseline names only the judged run{(current.Length == 1 ? "" : "s")} ({string.Join(", ", current)}), and a run is never compared with itself: name other runs, or leave -Baseline out for the runs before it.");
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

        /// <summary>
        /// The <paramref name="requested"/> runs, sorted, when each is one of <paramref name="accepted"/>; else RunNotFound,
        /// naming exactly the accepted runs (ranges, gaps shown) and, for a judged run, the runs kept only as baselines
        /// (<paramref name="other"/>).
        /// </summary>
        private int[] Known(int[] requested, WorkflowRunSummary[] accepted, WorkflowRunSummary[] other, string parameter)
        {
            var numbers = new HashSet<int>();
            foreach (WorkflowRunSummary r in accepted) numbers.Add(r.RunNumber);
            var missing = new List<string>();
            var result = new SortedSet<int>();
            foreach (int r in requested)
                if (numbers.Contains(r)) result.Add(r);
                else missing.Add(r.ToString(CultureInfo.InvariantCulture));
            if (missing.Count > 0)
            {
                string what = string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}", parameter, string.Join(", ", missing), missing.Count == 1 ? "is" : "are");
                throw new ProfilerException(ProfilerErrorKind.RunNotFound, parameter == "Run"
                    ? string.Format(CultureInfo.InvariantCulture,
                        "{0} not in the window of workflow '{1}', which holds {2} (as (Get-WorkflowProfile {1}).Runs lists): judge one of those.{3}",
                        what, WorkflowId, RunRanges.Describe(accepted), other.Length > accepted.Length
                            ? " Older runs are kept only as the baselines of the window's runs."
                            : "")
                    : string.Format(CultureInfo.InvariantCulture, "{0} not kept by workflow '{1}', which keeps {2}{3}: give baseline runs from those.",
                        what, WorkflowId, RunRanges.Describe(accepted), accepted.Length > other.Length
                            ? " (its window, " + RunRanges.Describe(other) + ", and the runs before it, kept as their baselines)"
                            : ""));
            }
            var array = new int[result.Count];
            result.CopyTo(array);
            return array;
        }
    }
}
