using System;
using System.Collections.Generic;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// Judges runs against baseline runs, node by node and for the workflow's total. Each side is the node's
    /// samples in those runs; the verdict compares medians. A change counts only past both thresholds. Then:
    /// with at least 5 samples on each side the Mann-Whitney U test decides (p below 0.05 confirms the change,
    /// else Inconclusive); with fewer judged samples (the usual case: one run) the baseline needs at least 3
    /// samples and the judged median must lie outside the baseline's noise (modified z-score above 3.5, or any
    /// difference when the baseline has no spread), else Inconclusive.
    /// </summary>
    internal static class RunComparer
    {
        public static RunComparison[] Compare(string workflowId, string workflowName, NodePerformanceData[] nodes,
            WorkflowRunSummary[] runs, int[] current, int[] baseline, double relativeThreshold, double absoluteThreshold)
        {
            var currentSet = new HashSet<int>(current);
            var baselineSet = new HashSet<int>(baseline);
            var lines = new List<RunComparison>(nodes.Length + 1);
            foreach (NodePerformanceData node in nodes)
            {
                double[] cur = Pick(node.Durations, node.RunNumbers, currentSet);
                double[] bas = Pick(node.Durations, node.RunNumbers, baselineSet);
                if (cur.Length == 0 && bas.Length == 0) continue;
                lines.Add(Judge(workflowId, ComparisonScope.Node, node.NodeId, node.NodeLabel, current, baseline, cur, bas,
                    relativeThreshold, absoluteThreshold));
            }
            var curTotals = new List<double>();
            var baseTotals = new List<double>();
            foreach (WorkflowRunSummary run in runs)
            {
                if (currentSet.Contains(run.RunNumber)) curTotals.Add(run.TotalDuration);
                else if (baselineSet.Contains(run.RunNumber)) baseTotals.Add(run.TotalDuration);
            }
            lines.Add(Judge(workflowId, ComparisonScope.Workflow, null, workflowName, current, baseline, curTotals.ToArray(),
                baseTotals.ToArray(), relativeThreshold, absoluteThreshold));
            return lines.ToArray();
        }

        private static double[] Pick(double[] durations, int[] runNumbers, HashSet<int> runs)
        {
            var picked = new List<double>();
            for (int i = 0; i < durations.Length; i++)
                if (runs.Contains(runNumbers[i])) picked.Add(durations[i]);
            return picked.ToArray();
        }

        private static RunComparison Judge(string workflowId, ComparisonScope scope, string nodeId, string label, int[] current,
            int[] baseline, double[] cur, double[] bas, double relative, double absolute)
        {
            RunComparison Line(double? c, double? b, ComparisonVerdict verdict, double? p, string method, string reason)
                => new RunComparison(workflowId, scope, nodeId, label, current, baseline, cur.Length, bas.Length, c, b, verdict, p, method, reason);

            string subject = scope == ComparisonScope.Workflow ? "the workflow's total" : "this node";
            if (cur.Length == 0)
                return scope == ComparisonScope.Workflow
                    ? Line(null, Median(bas), ComparisonVerdict.Inconclusive, null, "none", "the judged runs' totals are no longer kept")
                    : Line(null, Median(bas), ComparisonVerdict.Missing, null, "none", "none of the judged runs has this node");
            if (bas.Length == 0)
                return Line(Median(cur), null, ComparisonVerdict.New, null, "none", "no baseline run has " + subject);
            double current1 = SampleStatistics.Median(cur), base1 = SampleStatistics.Median(bas);
            string thresholds = string.Format(CultureInfo.InvariantCulture, "{0:0.##}% and {1:0.###} ms", relative * 100, absolute);
            bool passes = ChangeRule.PassesThresholds(current1, base1, relative, absolute);
            ComparisonVerdict direction = current1 > base1 ? ComparisonVerdict.Slower : ComparisonVerdict.Faster;
            if (cur.Length >= ChangeRule.MinimumTestSamples && bas.Length >= ChangeRule.MinimumTestSamples)
            {
                MannWhitneyResult test = MannWhitney.Test(cur, bas);
                string method = test.IsExact ? "Mann-Whitney U (exact)" : "Mann-Whitney U (normal approximation)";
                string p = test.PValue.ToString("0.####", CultureInfo.InvariantCulture);
                if (!passes) return Line(current1, base1, ComparisonVerdict.Same, test.PValue, method, "the change is within the thresholds (" + thresholds + ")");
                if (test.PValue < ChangeRule.SignificanceLevel)
                    return Line(current1, base1, direction, test.PValue, method, "past the thresholds and significant (p = " + p + ")");
                return Line(current1, base1, ComparisonVerdict.Inconclusive, test.PValue, method,
                    "past the thresholds but not significant (p = " + p + ", needs < 0.05)");
            }
            const string rule = "thresholds and baseline noise";
            if (bas.Length < ChangeRule.MinimumBaselineSamples)
                return Line(current1, base1, ComparisonVerdict.Inconclusive, null, rule, string.Format(CultureInfo.InvariantCulture,
                    "only {0} baseline run{1}: at least {2} are needed to judge", bas.Length, bas.Length == 1 ? "" : "s",
                    ChangeRule.MinimumBaselineSamples));
            if (!passes) return Line(current1, base1, ComparisonVerdict.Same, null, rule, "the change is within the thresholds (" + thresholds + ")");
            if (ChangeRule.OutsideNoise(current1, bas))
                return Line(current1, base1, direction, null, rule, "past the thresholds and outside the baseline's noise");
            return Line(current1, base1, ComparisonVerdict.Inconclusive, null, rule,
                "past the thresholds but within the baseline's noise (modified z-score 3.5 or less)");
        }

        private static double? Median(double[] samples) => samples.Length == 0 ? (double?)null : SampleStatistics.Median(samples);
    }
}
