using Profiler.PS.Engine;

namespace Profiler.PS.Tests.Engine
{
    public class BudgetEngineTests
    {
        private static readonly NodePerformanceData Node =
            new NodePerformanceData("wf", "compile", null, "compile", new[] { 10.0, 100, 20, 40, 30 }, new[] { 1, 2, 3, 4, 5 }, 30, 5, 5);

        [Theory]
        [InlineData(BudgetStatistic.Avg, 40.0)]
        [InlineData(BudgetStatistic.Median, 30.0)]
        [InlineData(BudgetStatistic.P95, 88.0)]   // type 7: rank 3.8 of {10,20,30,40,100} = 40 + 0.8 * 60
        [InlineData(BudgetStatistic.Max, 100.0)]
        [InlineData(BudgetStatistic.Last, 30.0)]
        public void Each_statistic_is_read_from_the_window(BudgetStatistic statistic, double expected)
        {
            Assert.Equal(expected, Budgets.ValueOf(Node, statistic).Value, 9);
        }

        [Fact]
        public void A_budget_passes_at_or_below_its_maximum()
        {
            BudgetResult ok = Budgets.Check(Node, BudgetStatistic.Avg, 40, 5);
            Assert.True(ok.Passed);
            Assert.Equal(0.0, ok.Headroom);
            Assert.StartsWith("PASS compile: Avg 40.0 ms is within the budget of 40.0 ms (5 runs)", ok.ToString());
            BudgetResult bad = Budgets.Check(Node, BudgetStatistic.Max, 60, 5);
            Assert.False(bad.Passed);
            Assert.Equal(-40.0, bad.Headroom);
            Assert.Equal("compile: Max 100.0 ms exceeds the budget of 60.0 ms by 40.0 ms (5 runs)", bad.Message);
            Assert.Equal(5, bad.Samples);
        }

        /// <summary>compile succeeded in runs 1-3 (10, 20, 30 ms), then ended with <paramref name="status"/> in run 4.</summary>
        private static NodePerformanceData EndedIn(NodeStatus status)
        {
            var node = new NodePerformanceData("wf", "compile", null, "compile", new[] { 10.0, 20, 30 }, new[] { 1, 2, 3 }, 30, 4, 3);
            node.SetOutcomes(node.Durations, node.RunNumbers, new[] { 4 }, new[] { status }, status == NodeStatus.Failed ? 1 : 0,
                status == NodeStatus.Stopped ? 1 : 0, status == NodeStatus.Failed ? 1 : 0, status == NodeStatus.Stopped ? 1 : 0, status);
            return node;
        }

        [Theory]
        [InlineData(NodeStatus.Failed, "failed in the latest run 4")]
        [InlineData(NodeStatus.Stopped, "was stopped in the latest run 4")]
        public void A_node_that_did_not_succeed_in_the_latest_run_fails_every_statistic_unchecked(NodeStatus status, string says)
        {
            foreach (BudgetStatistic statistic in new[] { BudgetStatistic.Avg, BudgetStatistic.Median, BudgetStatistic.P95, BudgetStatistic.Max, BudgetStatistic.Last })
            {
                BudgetResult r = Budgets.Check(EndedIn(status), statistic, 1000, 4);
                Assert.Equal((false, false, null, null, 0), (r.Passed, r.Checked, r.Value, r.Headroom, r.Samples));
                Assert.Contains(says, r.Message);
                Assert.Contains($"its {statistic} budget fails", r.Message);
            }
        }

        [Fact]
        public void A_node_whose_latest_run_failed_fails_even_when_later_runs_of_the_workflow_skipped_it()
        {
            BudgetResult r = Budgets.Check(EndedIn(NodeStatus.Failed), BudgetStatistic.Max, 1000, 6);
            Assert.False(r.Passed);
            Assert.Null(r.Value);
            Assert.Contains("failed in run 4, the latest run it ran in (the workflow's latest is run 6)", r.Message);
        }

        [Fact]
        public void A_node_that_failed_only_before_its_latest_run_is_judged_on_its_successful_samples()
        {
            var node = new NodePerformanceData("wf", "compile", null, "compile", new[] { 10.0, 20, 30 }, new[] { 1, 3, 4 }, 30, 4, 3);
            node.SetOutcomes(node.Durations, node.RunNumbers, new[] { 2 }, new[] { NodeStatus.Failed }, 1, 0, 1, 0, NodeStatus.Succeeded);
            BudgetResult max = Budgets.Check(node, BudgetStatistic.Max, 25, 4);
            Assert.Equal((true, false, 30.0), (max.Checked, max.Passed, max.Value));
            BudgetResult last = Budgets.Check(node, BudgetStatistic.Last, 1000, 4);
            Assert.Equal((true, true, 30.0, 3), (last.Checked, last.Passed, last.Value, last.Samples));
        }

        [Fact]
        public void Last_fails_unchecked_when_the_node_did_not_run_in_the_latest_run_and_window_statistics_keep_its_history()
        {
            BudgetResult last = Budgets.Check(Node, BudgetStatistic.Last, 1000, 7);
            Assert.Equal((false, false, null), (last.Checked, last.Passed, last.Value));
            Assert.Contains("did not run in the latest run 7 (it last ran in run 5)", last.Message);
            BudgetResult avg = Budgets.Check(Node, BudgetStatistic.Avg, 1000, 7);
            Assert.Equal((true, true, 40.0), (avg.Checked, avg.Passed, avg.Value));
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-1.0)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void A_maximum_must_be_positive_and_finite(double maximum)
        {
            Assert.Equal(ProfilerErrorKind.InvalidSetting, Assert.Throws<ProfilerException>(() => Budgets.Check(Node, BudgetStatistic.Avg, maximum, 5)).Kind);
        }

        [Theory]
        [InlineData("p95", true)]
        [InlineData(" Median ", true)]
        [InlineData("Mode", false)]
        [InlineData("2", false)]
        [InlineData("", false)]
        public void Statistics_parse_by_name_only(string text, bool ok)
        {
            Assert.Equal(ok, Budgets.TryParseStatistic(text, out _));
        }
    }
}
