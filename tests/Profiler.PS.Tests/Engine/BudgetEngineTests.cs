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
            BudgetResult ok = Budgets.Check(Node, BudgetStatistic.Avg, 40);
            Assert.True(ok.Passed);
            Assert.Equal(0.0, ok.Headroom);
            Assert.StartsWith("PASS compile: Avg 40.0 ms is within the budget of 40.0 ms (5 runs)", ok.ToString());
            BudgetResult bad = Budgets.Check(Node, BudgetStatistic.Max, 60);
            Assert.False(bad.Passed);
            Assert.Equal(-40.0, bad.Headroom);
            Assert.Equal("compile: Max 100.0 ms exceeds the budget of 60.0 ms by 40.0 ms (5 runs)", bad.Message);
            Assert.Equal(5, bad.Samples);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-1.0)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void A_maximum_must_be_positive_and_finite(double maximum)
        {
            Assert.Equal(ProfilerErrorKind.InvalidSetting, Assert.Throws<ProfilerException>(() => Budgets.Check(Node, BudgetStatistic.Avg, maximum)).Kind);
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
