using System;
using System.Collections.Generic;
using System.Linq;
using Profiler.PS.Engine;
using Xunit;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>
    /// A node that got faster is an improvement, not noise: Noisy judges the spread within one level only, and the
    /// level change is found by the same regression rule Compare-WorkflowRun uses (Faster).
    /// </summary>
    public class FasterNodeRecommendationTests
    {
        private static WorkflowRecommendation[] Analyze(int runs, Func<int, double> a)
            => Recommender.Analyze(new RecommendationInput(RecommenderTests.Profile(runs, new List<(string, Func<int, double>)>
                { ("a", a), ("b", r => 50) })), out _);

        private static readonly double[] Steady = { 100, 102, 98, 101, 99, 103 };

        [Fact]
        public void Six_runs_near_100_ms_then_one_at_20_ms_is_not_noisy()
        {
            // The tester's case: before the fix the drop made a coefficient of variation of 0.34 and an outlier: Noisy.
            WorkflowRecommendation[] found = Analyze(7, r => r <= 6 ? Steady[r - 1] : 20);
            Assert.DoesNotContain(found, f => f.KindValue == RecommendationKind.Noisy);
            Assert.DoesNotContain(found, f => f.KindValue == RecommendationKind.Regression || f.KindValue == RecommendationKind.Trend);
            // The same runs, by the rule itself: the last run is Faster than the six before it.
            double[] x = Steady.Concat(new[] { 20.0 }).ToArray();
            Assert.Equal(ComparisonVerdict.Faster, Profiler.PS.Statistics.RegressionRule.Default.Judge(new[] { 20.0 }, Steady).Verdict);
            Assert.True(Profiler.PS.Statistics.SampleStatistics.StandardDeviation(x) / Profiler.PS.Statistics.SampleStatistics.Mean(x) >= 0.25);
        }

        [Fact]
        public void A_node_that_got_faster_is_not_called_a_cold_start()
        {
            // Eight runs near 300 ms, then eight near 100 ms: the first run is 3x the later median only because the node
            // got faster in run 9; against runs 2 to 8 it is not slow.
            WorkflowRecommendation[] found = Analyze(16, r => (r <= 8 ? 300 : 100) + (r % 3));
            Assert.DoesNotContain(found, f => f.NodeId == "a" && f.KindValue == RecommendationKind.ColdStart);
        }

        [Fact]
        public void A_cold_first_run_before_a_later_improvement_is_still_a_cold_start()
        {
            WorkflowRecommendation cold = Assert.Single(Analyze(16, r => r == 1 ? 900 : (r <= 8 ? 300 : 100) + (r % 3)),
                f => f.KindValue == RecommendationKind.ColdStart);
            Assert.Equal("a", cold.NodeId);
        }

        [Fact]
        public void A_node_that_got_faster_is_judged_for_the_critical_path_on_its_runs_since()
        {
            // About 500 ms in runs 1-5, about 100 ms since: halving it now wins about 50 ms, not half the old median.
            double[] a = { 500, 505, 498, 502, 500, 100, 101, 99, 100, 102 };
            WorkflowRecommendation path = Assert.Single(Analyze(10, r => a[r - 1]), f => f.NodeId == "a" && f.KindValue == RecommendationKind.CriticalPath);
            Assert.Equal(50, path.EstimatedSaving, 0);
            Assert.Contains("on it in 5 of 5 runs", path.Evidence);
        }

        [Fact]
        public void A_halving_that_stays_is_not_noisy()
        {
            WorkflowRecommendation[] found = Analyze(12, r => (r <= 6 ? 100 : 50) + (r % 3));
            Assert.DoesNotContain(found, f => f.NodeId == "a" && f.KindValue == RecommendationKind.Noisy);
        }

        [Fact]
        public void A_node_that_swings_after_it_got_faster_is_noisy_over_the_runs_since()
        {
            // Edge: the drop is an improvement, but the new level itself swings (coefficient of variation 0.45).
            double[] after = { 50, 20, 80, 30, 70, 20 };
            WorkflowRecommendation noisy = Assert.Single(Analyze(12, r => r <= 6 ? Steady[r - 1] : after[r - 7]),
                f => f.KindValue == RecommendationKind.Noisy);
            Assert.Equal("a", noisy.NodeId);
            Assert.StartsWith("coefficient of variation 0.58 over 6 runs since it got faster in run 7,", noisy.Evidence);
            // Saving: the mean excess over the new level's median (40 ms), not over the old one.
            Assert.Equal(after.Average(v => Math.Max(0, v - 40)), noisy.EstimatedSaving, 1);
        }

        [Fact]
        public void A_drop_within_the_thresholds_is_no_level_change()
        {
            // Edge: 100 to 96 ms is within 10% and 5 ms, so the window is one level and is judged whole (and is steady).
            Assert.Empty(Analyze(10, r => r <= 5 ? 100 : 96).Where(f => f.NodeId == "a" && f.KindValue == RecommendationKind.Noisy));
        }

        [Fact]
        public void A_single_fast_run_that_came_back_is_still_judged_for_noise()
        {
            // Edge: one run at 20 ms between steady ones is no change of level (no split lowers the median), so the
            // whole window is judged: the swing makes a coefficient of variation of 0.34.
            WorkflowRecommendation[] found = Analyze(7, r => r == 4 ? 20 : 100);
            Assert.Contains(found, f => f.NodeId == "a" && f.KindValue == RecommendationKind.Noisy);
        }

        [Fact]
        public void A_steady_downward_drift_is_not_noisy()
        {
            WorkflowRecommendation[] found = Analyze(10, r => 200 - 15 * r);
            Assert.DoesNotContain(found, f => f.NodeId == "a" && f.KindValue == RecommendationKind.Noisy);
        }
    }
}
