using System;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    // Finding where a node's time changed level, and asking the workflow's one regression rule about it.
    internal sealed partial class NodeAdvice
    {
        /// <summary>
        /// Where the node got faster, by the same rule that calls a regression: the index of the first sample of the
        /// best downward step (least absolute deviations from each side's median, fitting better than the Theil-Sen
        /// line) that the workflow's regression rule (RunComparer, as Compare-WorkflowRun) calls Faster; -1 for a
        /// significant downward Mann-Kendall trend past the rule's thresholds over the window (8 samples or more); 0 when
        /// it did not get faster. Noise is then judged on the runs since the step only (none are left for a trend): the
        /// drop itself is an improvement, not a swing.
        /// </summary>
        private int Improvement(NodePerformanceData node)
        {
            double[] x = node.Durations;
            if (!RegressionRule.Default.PassesThresholds(node.MaxDuration.Value - node.MinDuration.Value, node.MinDuration.Value)) return 0;
            TrendResult trend = TrendTest.Test(x);
            int split = BestSplit(x, -1, out double stepCost, out bool passes);
            if (split > 0 && passes && stepCost < LineCost(x, trend) && Judge(node, split).VerdictValue == ComparisonVerdict.Faster) return split;
            if (x.Length < RecommendationThresholds.MinimumTrendSamples) return 0;
            if (!(trend.Slope < 0) || !(trend.PValue < RecommendationThresholds.TrendSignificance)) return 0;
            return RegressionRule.Default.PassesThresholds(trend.Slope * (x.Length - 1), trend.Intercept) ? -1 : 0;
        }

        /// <summary>Sum of absolute deviations from the Theil-Sen line: a step is taken only when it fits better than the line.</summary>
        private static double LineCost(double[] x, TrendResult trend)
        {
            double cost = 0;
            for (int i = 0; i < x.Length; i++) cost += Math.Abs(x[i] - (trend.Intercept + trend.Slope * i));
            return cost;
        }

        /// <summary>
        /// Index of the first judged sample of the best step up (<paramref name="direction"/> +1) or down (-1), the rule
        /// needing 3 baseline samples; 0 when no split moves the median that way.
        /// </summary>
        private static int BestSplit(double[] x, int direction, out double bestCost, out bool passesThresholds)
        {
            int best = 0;
            bestCost = double.MaxValue;
            passesThresholds = false;
            for (int c = RegressionRule.DefaultMinimumBaselineSamples; c < x.Length; c++)
            {
                double[] before = Slice(x, 0, c), after = Slice(x, c, x.Length - c);
                double mb = SampleStatistics.Median(before), ma = SampleStatistics.Median(after);
                if (!(direction * (ma - mb) > 0)) continue;
                double cost = 0;
                foreach (double v in before) cost += Math.Abs(v - mb);
                foreach (double v in after) cost += Math.Abs(v - ma);
                if (!(cost < bestCost)) continue;
                bestCost = cost;
                best = c;
                passesThresholds = RegressionRule.Default.PassesThresholds(ma - mb, mb);
            }
            return best;
        }

        /// <summary>The workflow's regression rule (RunComparer, as Compare-WorkflowRun) on the runs from <paramref name="split"/> on against those before.</summary>
        private RunComparison Judge(NodePerformanceData node, int split)
        {
            int[] runs = node.RunNumbers;
            int[] judged = SliceInts(runs, split, runs.Length - split), baseline = SliceInts(runs, 0, split);
            return RunComparer.Compare(_profile.WorkflowId, _profile.WorkflowName, new[] { node }, _profile.Runs, judged, baseline,
                baseline.Length, RegressionRule.Default)[0];
        }
    }
}
