using System;
using System.Collections.Generic;
using System.Linq;
using Profiler.PS.Engine;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Crafted histories with a known right answer for each kind of recommendation, and histories with none.</summary>
    public class RecommenderTests
    {
        /// <summary>Deterministic jitter of at most 0.8%: steady nodes that are not constant.</summary>
        private static double Jitter(int run) => 1 + ((run * 7) % 5 - 2) * 0.004;

        /// <summary>A profile of <paramref name="runs"/> runs; each node's duration in run r (from 1); an optional shape per run.</summary>
        internal static WorkflowPerformanceProfile Profile(int runs, IEnumerable<(string Id, Func<int, double> Ms)> nodes, Func<int, RunShape> shape = null)
        {
            var list = nodes.ToList();
            int[] numbers = Enumerable.Range(1, runs).ToArray();
            NodePerformanceData[] data = list.Select(n =>
            {
                double[] d = numbers.Select(r => n.Ms(r)).ToArray();
                return new NodePerformanceData("wf", n.Id, null, n.Id, d, numbers, d.LastOrDefault(), runs, runs);
            }).ToArray();
            var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
            WorkflowRunSummary[] summaries = numbers.Select(r =>
            {
                double total = list.Sum(n => n.Ms(r));
                return new WorkflowRunSummary(r, Guid.NewGuid(), start.AddHours(r), start.AddHours(r).AddMilliseconds(total), total,
                    list.Count, list.Count, 0, shape?.Invoke(r));
            }).ToArray();
            return new WorkflowPerformanceProfile("wf", "Workflow", summaries.LastOrDefault()?.TotalDuration ?? 0, data, new string[0], start,
                runs, 20, false, null, summaries);
        }

        private static WorkflowRecommendation[] Analyze(WorkflowPerformanceProfile profile, out string reason) => Recommender.Analyze(new RecommendationInput(profile), out reason);

        /// <summary>Five steady nodes of about a fifth of the path each: nothing to say.</summary>
        private static List<(string, Func<int, double>)> Steady() => new List<(string, Func<int, double>)>
        {
            ("restore", r => 1000 * Jitter(r)), ("compile", r => 1100 * Jitter(r + 1)), ("lint", r => 900 * Jitter(r + 2)),
            ("test", r => 1050 * Jitter(r + 3)), ("publish", r => 950 * Jitter(r + 4)),
        };

        private static List<(string, Func<int, double>)> SteadyWith(string id, Func<int, double> ms)
        {
            var nodes = Steady();
            int i = nodes.FindIndex(n => n.Item1 == id);
            nodes[i] = (id, ms);
            return nodes;
        }

        [Fact]
        public void A_steady_history_recommends_nothing_and_says_why()
        {
            Assert.Empty(Analyze(Profile(20, Steady()), out string reason));
            Assert.Contains("nothing passes a threshold", reason);
        }

        [Fact]
        public void A_regression_at_run_15_is_first_since_run_15_and_saves_the_step()
        {
            WorkflowRecommendation[] found = Analyze(Profile(20, SteadyWith("test", r => 1050 * Jitter(r) * (r >= 15 ? 2 : 1))), out _);
            WorkflowRecommendation first = found[0];
            Assert.Equal((RecommendationKind.Regression, "test", (int?)15, 1), (first.KindValue, first.NodeId, first.SinceRun, first.Rank));
            // Sequential run: the path loses the whole excess, the judged samples' median minus the baseline median.
            double[] before = Enumerable.Range(1, 14).Select(r => 1050 * Jitter(r)).ToArray();
            double baseline = Profiler.PS.Statistics.SampleStatistics.Median(before);
            double expected = Profiler.PS.Statistics.SampleStatistics.Median(Enumerable.Range(15, 6).Select(r => 2100 * Jitter(r) - baseline).ToArray());
            Assert.Equal(expected, first.EstimatedSaving, 6);
            Assert.Contains("runs 15-20", first.Evidence);
            Assert.Contains("Slower", first.Evidence);
            Assert.DoesNotContain(found, f => f.KindValue == RecommendationKind.Trend || f.KindValue == RecommendationKind.Noisy);
        }

        [Fact]
        public void A_drift_of_2_percent_a_run_is_a_trend_in_ms_per_run()
        {
            WorkflowRecommendation first = Analyze(Profile(20, SteadyWith("test", r => 1050 * Math.Pow(1.02, r - 1))), out _)[0];
            Assert.Equal((RecommendationKind.Trend, "test"), (first.KindValue, first.NodeId));
            // Theil-Sen slope of 1050 * 1.02^i over 20 runs: 1.05 times the oracle's 23.9409 for 1000 * 1.02^i.
            Assert.Contains("+25.1 ms per run over 20 runs", first.Evidence);
            Assert.Equal(Math.Round(23.940925067721025 * 1.05 * 19, 1), first.EstimatedSaving, 6);   // rounded to 0.1 ms
        }

        /// <summary>Two lanes: restore (3,000) then lint and package (1,500 each) on one, test (5,500, the slowest) on the other.</summary>
        private static WorkflowPerformanceProfile Parallel(double wall) => Profile(10, new List<(string, Func<int, double>)>
        {
            ("restore", r => 3000), ("lint", r => 1500), ("package", r => 1500), ("test", r => 5500),
        }, r => new RunShape(wall, 11500, 6000, new[] { "restore", "lint", "package" }, 2, 0));

        [Fact]
        public void The_slowest_node_off_the_critical_path_saves_nothing()
        {
            WorkflowRecommendation[] found = Analyze(Parallel(6050), out _);
            WorkflowRecommendation first = Assert.Single(found);
            Assert.Equal((RecommendationKind.CriticalPath, "restore"), (first.KindValue, first.NodeId));
            // Halving restore shortens its lane to 4,500 ms; the other lane's 5,500 ms then leads: 500 ms, not 1,500.
            Assert.Equal(500, first.EstimatedSaving, 9);
            Assert.Contains("50% of the critical path", first.Evidence);
        }

        [Fact]
        public void Wall_time_far_above_the_critical_path_is_parallel_headroom()
        {
            WorkflowRecommendation first = Analyze(Parallel(12000), out _)[0];
            Assert.Equal((RecommendationKind.ParallelHeadroom, null), (first.KindValue, first.NodeId));
            Assert.Equal(6000, first.EstimatedSaving, 9);
        }

        [Fact]
        public void A_regression_off_the_critical_path_is_reported_with_no_saving()
        {
            var nodes = new List<(string, Func<int, double>)>
            {
                ("restore", r => 3000), ("lint", r => 1500), ("package", r => 1500), ("test", r => r >= 8 ? 5800 : 5000),
            };
            WorkflowRecommendation regression = Analyze(Profile(12, nodes, r => new RunShape(6050, 11500, 6000, new[] { "restore", "lint", "package" }, 2, 0)), out _)
                .Single(f => f.KindValue == RecommendationKind.Regression);
            Assert.Equal(("test", (int?)8, 0.0), (regression.NodeId, regression.SinceRun, regression.EstimatedSaving));
        }

        [Fact]
        public void A_noisy_node_is_first()
        {
            double[] swings = { 1000, 1600, 500, 1100, 1400, 600, 900, 1500, 700, 1000 };
            WorkflowRecommendation first = Analyze(Profile(20, SteadyWith("test", r => swings[(r - 1) % 10])), out _)[0];
            Assert.Equal((RecommendationKind.Noisy, "test"), (first.KindValue, first.NodeId));
            Assert.Contains("coefficient of variation 0.3", first.Evidence);
            // Saving: the mean excess over the median (1,000 ms) per run.
            Assert.Equal(swings.Average(v => Math.Max(0, v - 1000)), first.EstimatedSaving, 9);
        }

        [Fact]
        public void A_cold_start_is_first_and_saves_its_excess_in_the_cold_run()
        {
            WorkflowRecommendation[] found = Analyze(Profile(12, SteadyWith("restore", r => r == 1 ? 4000 : 1000 * Jitter(r))), out _);
            WorkflowRecommendation first = found[0];
            Assert.Equal((RecommendationKind.ColdStart, "restore"), (first.KindValue, first.NodeId));
            double later = Profiler.PS.Statistics.SampleStatistics.Median(Enumerable.Range(2, 11).Select(r => 1000 * Jitter(r)).ToArray());
            Assert.Equal(4000 - later, first.EstimatedSaving, 9);
            Assert.Single(found);
        }

        [Fact]
        public void A_failing_node_is_first_when_node_statuses_are_known()
        {
            var input = new RecommendationInput(Profile(20, Steady())) { FailedRuns = new Dictionary<string, int[]> { ["lint"] = new[] { 3, 9, 14 } } };
            WorkflowRecommendation first = Assert.Single(Recommender.Analyze(input, out _));
            Assert.Equal((RecommendationKind.Failing, "lint"), (first.KindValue, first.NodeId));
            Assert.Equal("failed in 3 of its last 20 runs (15%)", first.Evidence);
        }

        [Fact]
        public void Failing_runs_are_reported_for_the_workflow_when_only_run_counts_are_known()
        {
            WorkflowRecommendation first = Assert.Single(Analyze(Profile(10, Steady(), r => new RunShape(0, 0, 0, null, 0, r % 3 == 0 ? 1 : 0)), out _));
            Assert.Equal((RecommendationKind.Failing, null), (first.KindValue, first.NodeId));
            Assert.StartsWith("3 of the last 10 runs", first.Evidence);
        }

        [Fact]
        public void A_node_near_its_budget_is_a_budget_risk()
        {
            var input = new RecommendationInput(Profile(10, Steady()));
            input.Budgets.Add(new NodeBudget("compile", 1150, BudgetStatistic.Avg));
            input.Budgets.Add(new NodeBudget("lint", 5000, BudgetStatistic.Avg));
            WorkflowRecommendation first = Assert.Single(Recommender.Analyze(input, out _));
            Assert.Equal((RecommendationKind.BudgetRisk, "compile"), (first.KindValue, first.NodeId));
            Assert.Contains("of its budget of 1,150 ms", first.Evidence);
        }

        [Fact]
        public void A_dominant_node_of_a_sequential_run_saves_half_its_time()
        {
            WorkflowRecommendation first = Assert.Single(Analyze(Profile(10, SteadyWith("compile", r => 5000)), out _));
            Assert.Equal((RecommendationKind.CriticalPath, "compile", 2500.0), (first.KindValue, first.NodeId, first.EstimatedSaving));
        }

        [Fact]
        public void Bad_histories_recommend_nothing_with_a_reason_and_no_nan()
        {
            string reason;
            Assert.Empty(Analyze(Profile(0, new List<(string, Func<int, double>)>()), out reason));
            Assert.Contains("0 completed runs; recommendations need at least 5", reason);
            Assert.Empty(Analyze(Profile(1, Steady()), out reason));
            Assert.Contains("complete 4 more", reason);
            Assert.Empty(Analyze(Profile(10, Steady().Select(n => (n.Item1, (Func<int, double>)(r => 0))).ToList()), out reason));
            Assert.Contains("is 0 ms", reason);
            Assert.Empty(Analyze(Profile(10, new List<(string, Func<int, double>)> { ("only", r => 800 * Jitter(r)) }), out reason));
            Assert.Contains("single node", reason);
            WorkflowRecommendation failed = Assert.Single(Analyze(Profile(10, Steady(), r => new RunShape(0, 0, 0, null, 0, 2)), out reason));
            Assert.Equal(RecommendationKind.Failing, failed.KindValue);
            Assert.Contains("every run in the window had failed", reason);
        }

        [Fact]
        public void Hand_timed_runs_whose_chain_exceeds_the_clock_are_taken_as_sequential()
        {
            // Add-NodeTiming -Duration records end "now": the chain is one node longer than the 3 ms the clock saw.
            WorkflowRecommendation first = Assert.Single(Analyze(Profile(10, SteadyWith("compile", r => 5000), r => new RunShape(3, 9000, 5000, new[] { "compile" }, 1, 0)), out _));
            Assert.Equal((RecommendationKind.CriticalPath, "compile", 2500.0), (first.KindValue, first.NodeId, first.EstimatedSaving));
            Assert.Contains("on it in 10 of 10 runs", first.Evidence);
        }
    }
}
