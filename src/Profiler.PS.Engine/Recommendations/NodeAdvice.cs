using System;
using System.Collections.Generic;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>The time-based checks of one node: Regression or Trend, CriticalPath, Noisy, ColdStart.</summary>
    internal sealed partial class NodeAdvice
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
        private readonly WorkflowPerformanceProfile _profile;
        private readonly RunPaths _paths;
        private readonly List<WorkflowRecommendation> _found;

        public NodeAdvice(WorkflowPerformanceProfile profile, RunPaths paths, List<WorkflowRecommendation> found)
        {
            _profile = profile;
            _paths = paths;
            _found = found;
        }

        public void Check(NodePerformanceData node, bool severalNodes)
        {
            double[] x = node.Durations;
            bool changed = RegressionOrTrend(node);
            bool enough = x.Length >= RecommendationThresholds.MinimumRuns;
            int since = changed || !enough ? 0 : Improvement(node);
            // A node that got faster is judged on the runs since: its older times no longer say what halving it would win.
            if (severalNodes) CriticalPath(node, Math.Max(since, 0));
            bool cold = node.IsFirstRunSlow && x.Length > RecommendationThresholds.MinimumRuns - 1 && !ExplainedByImprovement(node, since);
            if (cold) ColdStart(node);
            if (changed || !enough) return;
            if (since >= 0) Noisy(node, Math.Max(since, cold ? 1 : 0), since > 0);
        }

        /// <summary>
        /// True when a first run slower than the later runs' median is explained by the node getting faster later (a
        /// downward step from run <paramref name="since"/> + 1 on, or a downward trend: -1), not by a cold start: the first
        /// run is then a cold start only when the same rule calls it Slower than the runs between it and the step.
        /// </summary>
        private static bool ExplainedByImprovement(NodePerformanceData node, int since)
        {
            if (since == -1) return true;
            if (since <= 1) return false;
            double[] before = Slice(node.Durations, 1, since - 1);
            return !RegressionRule.Default.IsSlower(node.Durations[0], before);
        }

        /// <summary>
        /// A step (the best single change point by least absolute deviations from each side's median) that the
        /// workflow's regression rule calls Slower is a Regression; a series a Theil-Sen line fits better, with a
        /// significant upward Mann-Kendall trend past the rule's thresholds over the window, is a Trend.
        /// </summary>
        private bool RegressionOrTrend(NodePerformanceData node)
        {
            double[] x = node.Durations;
            int n = x.Length;
            if (n < RecommendationThresholds.MinimumRuns) return false;
            // Neither a step nor a drift can pass the thresholds when the whole window's range does not: skip the tests.
            if (!RegressionRule.Default.PassesThresholds(node.MaxDuration.Value - node.MinDuration.Value, node.MinDuration.Value)) return false;
            TrendResult trend = TrendTest.Test(x);
            double lineCost = LineCost(x, trend);
            int split = BestSplit(x, +1, out double stepCost, out bool passes);
            // The thresholds are checked first (the rule checks them again): the rule's exact test is the costly part.
            if (split > 0 && passes && stepCost < lineCost && Regression(node, split)) return true;
            if (n < RecommendationThresholds.MinimumTrendSamples || !(trend.Slope > 0) || !(trend.PValue < RecommendationThresholds.TrendSignificance)) return false;
            double start = trend.Intercept, end = trend.Intercept + trend.Slope * (n - 1);
            if (!RegressionRule.Default.PassesThresholds(end - start, start)) return false;
            int last = node.RunNumbers[n - 1];
            double saving = _paths.Saving(node.NodeId, last, Math.Min(end - start, x[n - 1]));
            string p = trend.PValue < 0.0001 ? "p < 0.0001" : "p = " + trend.PValue.ToString("0.####", Inv);
            Add(node, RecommendationKind.Trend, saving, 0, string.Format(Inv,
                "Theil-Sen slope {0} ms per run over {1} runs (+{2:N0} ms in all); Mann-Kendall S = {3}, z = {4:F2}, {5}",
                (trend.Slope < 0 ? "" : "+") + trend.Slope.ToString("N1", Inv), n, end - start, trend.S, trend.Z, p),
                string.Format(Inv, "It gets slower run after run: look for what grows with each run (caches, logs, test data, dependencies) since run {0}.", node.RunNumbers[0]));
            return true;
        }

        /// <summary>Asks the workflow's regression rule (RunComparer, as Compare-WorkflowRun) whether the runs from the split on are Slower.</summary>
        private bool Regression(NodePerformanceData node, int split)
        {
            int[] runs = node.RunNumbers;
            int[] judged = SliceInts(runs, split, runs.Length - split);
            RunComparison line = Judge(node, split);
            if (line.VerdictValue != ComparisonVerdict.Slower || line.BaselineDuration == null || line.CurrentDuration == null) return false;
            double baseMedian = line.BaselineDuration.Value;
            var savings = new double[judged.Length];
            for (int i = 0; i < judged.Length; i++) savings[i] = _paths.Saving(node.NodeId, judged[i], node.Durations[split + i] - baseMedian);
            string since = judged.Length == 1 ? "in run " + judged[0].ToString(Inv)
                : string.Format(Inv, "in runs {0}-{1}", judged[0], judged[judged.Length - 1]);
            string test = line.PValue is double p ? ", " + PValueText.Format(p) : ", outside the baseline's noise";
            Add(node, RecommendationKind.Regression, SampleStatistics.Median(savings), judged[0], string.Format(Inv,
                "median {0:N0} ms {1} vs {2:N0} ms in the {3} runs before (Slower, {4}{5})",
                line.CurrentDuration.Value, since, baseMedian, split, Rendering.DurationFormat.SignedPercent(line.DeltaPercent ?? 0), test),
                string.Format(Inv, "It got slower in run {0}: look at what changed then (code, dependencies, machine), for example with Compare-WorkflowRun -Run {0}.", judged[0]));
            return true;
        }

        private void CriticalPath(NodePerformanceData node, int from)
        {
            int n = node.Durations.Length - from, on = 0;
            var shares = new List<double>();
            var savings = new double[n];
            for (int k = 0; k < n; k++)
            {
                int i = from + k;
                int run = node.RunNumbers[i];
                double length = _paths.Length(run);
                if (!_paths.OnPath(node.NodeId, run) || !(length > 0)) continue;
                on++;
                shares.Add(_paths.TimeOnPath(node.NodeId, run, node.SelfDurations[i]) / length);
                savings[k] = _paths.Saving(node.NodeId, run, node.SelfDurations[i] / 2);
            }
            if (n == 0 || on < RecommendationThresholds.CriticalPathPresence * n) return;
            double share = SampleStatistics.Median(shares.ToArray()), saving = SampleStatistics.Median(savings);
            if (!(share >= RecommendationThresholds.CriticalPathShare) || !(saving >= RecommendationThresholds.MinimumMilliseconds)) return;
            Add(node, RecommendationKind.CriticalPath, saving, 0, string.Format(Inv,
                "self time {0:F0}% of the critical path (median), on it in {1} of {2} runs", share * 100, on, n),
                string.Format(Inv, "Halving it would cut about {0:N0} ms from a run: time its parts with nested Measure-WorkflowNode calls, cache its work or split it to run in parallel.", saving));
        }

        /// <summary>
        /// Noisy: the node's samples from <paramref name="skip"/> on (after a cold first run, or since the node got
        /// faster: <paramref name="sinceFaster"/>) have a coefficient of variation of 0.25 or more, or at least 2 outliers
        /// making 10% of them. Only a spread within one level counts: a node that got slower is a Regression or Trend and
        /// one that got faster an improvement (<see cref="Improvement"/>), neither of them noise.
        /// </summary>
        private void Noisy(NodePerformanceData node, int skip, bool sinceFaster)
        {
            double[] x = Slice(node.Durations, skip, node.Durations.Length - skip);
            if (x.Length < RecommendationThresholds.MinimumRuns) return;
            double mean = SampleStatistics.Mean(x), sd = SampleStatistics.StandardDeviation(x), median = SampleStatistics.Median(x);
            if (!(mean > 0) || !(sd >= RecommendationThresholds.MinimumMilliseconds)) return;
            double cv = sd / mean;
            // The outliers Get-NodeStatistics counts (the same test on the same window when no run is skipped).
            int outliers = RegressionRule.Default.OutlierCount(x);
            bool many = outliers >= RecommendationThresholds.NoisyMinimumOutliers && outliers >= RecommendationThresholds.NoisyOutlierShare * x.Length;
            if (!(cv >= RecommendationThresholds.NoisyCoefficientOfVariation) && !many) return;
            double saving = 0;
            for (int i = 0; i < x.Length; i++) saving += _paths.Saving(node.NodeId, node.RunNumbers[i + skip], x[i] - median);
            Add(node, RecommendationKind.Noisy, saving / x.Length, 0, string.Format(Inv,
                "coefficient of variation {0:F2} over {1} runs{6}, {2} outlier{3} (past 10% and 5 ms from the median, modified z-score above 3.5), median {4:N0} ms, max {5:N0} ms",
                cv, x.Length, outliers, outliers == 1 ? "" : "s", median, SampleStatistics.Percentile(x, 1),
                sinceFaster ? " since it got faster in run " + node.RunNumbers[skip].ToString(Inv) : ""),
                "Its time swings: time it in isolation before judging it, and find what it waits on (network, disk, other jobs).");
        }

        private void ColdStart(NodePerformanceData node)
        {
            double[] later = Slice(node.Durations, 1, node.Durations.Length - 1);
            double first = node.Durations[0], median = SampleStatistics.Median(later);
            double saving = _paths.Saving(node.NodeId, node.RunNumbers[0], first - median);
            Add(node, RecommendationKind.ColdStart, saving, 0, string.Format(Inv,
                "first run (run {0}) {1:N0} ms vs median {2:N0} ms of the {3} later runs ({4:F1}x)", node.RunNumbers[0], first, median, later.Length,
                median > 0 ? first / median : 0),
                "Its first run is slow: warm it up (restore caches, pre-built images) or leave the first run out when comparing runs.");
        }

        private void Add(NodePerformanceData node, RecommendationKind kind, double saving, int since, string evidence, string message)
            => _found.Add(new WorkflowRecommendation(_profile.WorkflowId, 0, kind, node.NodeId, node.NodeLabel, Finite(saving), since, evidence, message));

        internal static double Finite(double value) => double.IsNaN(value) || double.IsInfinity(value) || value < 0 ? 0 : value;

        internal static double[] Slice(double[] x, int start, int count)
        {
            var result = new double[Math.Max(0, count)];
            Array.Copy(x, start, result, 0, result.Length);
            return result;
        }

        private static int[] SliceInts(int[] x, int start, int count)
        {
            var result = new int[count];
            Array.Copy(x, start, result, 0, count);
            return result;
        }
    }
}
