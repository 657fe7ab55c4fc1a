using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Statistics;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Median, P95, spread, outliers, cold start and all-time aggregates, on known values.</summary>
    public class RobustStatisticsTests
    {
        private readonly ProfilerSession _session = new ProfilerSession(new ManualClock());

        private NodePerformanceData Node(string workflow, int windowSize, params double[] samples)
        {
            foreach (double ms in samples)
            {
                WorkflowRun run = _session.StartRun(workflow, new WorkflowSettings { WindowSize = windowSize }, false, out _);
                run.Record("n", ms);
                run.Complete();
            }
            return _session.GetWorkflow(workflow).GetNodeStatistics().Single();
        }

        [Fact]
        public void Window_statistics_of_a_sample_with_one_slow_run()
        {
            NodePerformanceData n = Node("w", 20, 10, 20, 30, 40, 1000);
            Assert.Equal(220, n.AvgDuration);
            Assert.Equal(30, n.MedianDuration);
            Assert.Equal(808, n.P95Duration.Value, 9);          // rank 0.95 * 4 = 3.8: 40 + 0.8 * 960
            Assert.Equal(436.1765697512878, n.StdDevDuration.Value, 9);
            Assert.Equal(436.1765697512878 / 220, n.CoefficientOfVariation.Value, 12);
            Assert.Equal(new[] { false, false, false, false, true }, n.Outliers);   // MAD 10: z(1000) = 65.4
            Assert.Equal(1, n.OutlierCount);
        }

        [Fact]
        public void One_sample_has_no_spread_and_P95_is_the_sample()
        {
            NodePerformanceData n = Node("one", 20, 42);
            Assert.Equal(42, n.MedianDuration);
            Assert.Equal(42, n.P95Duration);
            Assert.Equal(0, n.StdDevDuration);
            Assert.Equal(0, n.CoefficientOfVariation);
            Assert.Equal(new[] { false }, n.Outliers);
            Assert.False(n.IsFirstRunSlow);
        }

        [Fact]
        public void Modified_z_scores_follow_Iglewicz_and_Hoaglin()
        {
            double[] z = SampleStatistics.ModifiedZScores(new[] { -0.2, 0.0, 0.2, 4.0 });   // median 0.1, MAD 0.2
            double[] expected = { -1.01175, -0.33725, 0.33725, 13.15275 };
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], z[i], 9);
            Assert.Equal(0.2, SampleStatistics.MedianAbsoluteDeviation(new[] { -0.2, 0.0, 0.2, 4.0 }), 12);
            double[] normal = { 2.33269488, 1.42195907, -0.57527698, -0.31293437, 2.2948158, 0.75813273, -1.0712388, -0.96394741, -1.15897446, 1.10976285 };
            Assert.All(SampleStatistics.ModifiedZScores(normal), s => Assert.True(System.Math.Abs(s) <= SampleStatistics.OutlierThreshold));
        }

        [Fact]
        public void A_zero_MAD_still_lets_a_far_off_value_be_an_outlier_as_hyperfine_does()
        {
            NodePerformanceData n = Node("flat", 20, 10, 10, 10, 10, 10, 10, 10, 100);   // hyperfine's own test case
            Assert.Equal(1, n.OutlierCount);
            Assert.True(n.Outliers[^1]);
            Assert.Equal(2, Node("flat2", 20, 10, 10, 10, 10, 10, 10, 10, 100, 100).OutlierCount);
            double[] scores = SampleStatistics.ModifiedZScores(new double[] { 10, 10, 10, 10, 100 });
            Assert.Equal(0, scores[0]);
            Assert.True(scores[4] > 1e10);
        }

        [Fact]
        public void A_slow_first_run_is_a_cold_start_while_it_is_in_the_window()
        {
            Assert.True(Node("cold", 5, 1000, 100, 101, 99, 100).IsFirstRunSlow);
            Assert.False(Node("cold", 5, 100).IsFirstRunSlow);                          // the first run rolled out of the window
            Assert.False(Node("small", 20, 104, 100, 100, 100).IsFirstRunSlow);         // 4 ms is under the 5 ms threshold
            Assert.False(Node("few", 20, 1000, 100, 100).IsFirstRunSlow);               // two later runs are too few to judge
            Assert.False(Node("noisy", 20, 150, 100, 200, 60, 140, 90).IsFirstRunSlow); // inside the later runs' noise
            Assert.True(Node("flatlater", 20, 120, 100, 100, 100).IsFirstRunSlow);      // later runs have no spread at all
        }

        [Fact]
        public void All_time_aggregates_survive_the_window()
        {
            NodePerformanceData n = Node("all", 20, Enumerable.Range(1, 25).Select(i => (double)i).ToArray());
            Assert.Equal(20, n.Durations.Length);
            Assert.Equal(15.5, n.AvgDuration);
            Assert.Equal(25, n.RunCount);
            Assert.Equal(13, n.AllTimeAvgDuration.Value, 12);
            Assert.Equal(1, n.AllTimeMinDuration);
            Assert.Equal(25, n.AllTimeMaxDuration);
            Assert.Equal(7.359800721939872, n.AllTimeStdDevDuration.Value, 12);
        }

        [Fact]
        public void Welford_keeps_precision_far_from_zero_and_combines_exactly()
        {
            RunningStatistics s = RunningStatistics.Of(new[] { 1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16 });
            Assert.Equal(5.477225575051661, s.StandardDeviation, 9);
            Assert.Equal(1e9 + 10, s.Mean);
            RunningStatistics a = RunningStatistics.Of(new double[] { 1, 2, 3 }), b = RunningStatistics.Of(new double[] { 10, 20 });
            RunningStatistics both = a.Combine(b), direct = RunningStatistics.Of(new double[] { 1, 2, 3, 10, 20 });
            Assert.Equal(direct.Count, both.Count);
            Assert.Equal(direct.Mean, both.Mean, 12);
            Assert.Equal(direct.StandardDeviation, both.StandardDeviation, 12);
            Assert.Equal((1.0, 20.0), (both.Min, both.Max));
            Assert.Equal(a, a.Combine(default));
            Assert.Equal(0, default(RunningStatistics).StandardDeviation);
        }

        [Fact]
        public void The_threshold_rule_needs_both_thresholds()
        {
            RegressionRule rule = RegressionRule.Default;
            Assert.False(rule.PassesThresholds(104 - 100, 100));   // 4%, 4 ms
            Assert.False(rule.PassesThresholds(6 - 2, 2));         // 200%, but only 4 ms
            Assert.True(rule.PassesThresholds(8 - 2, 2));          // 300% and 6 ms
            Assert.False(rule.PassesThresholds(1050 - 1000, 1000)); // 50 ms but 5%
            Assert.True(rule.PassesThresholds(1200 - 1000, 1000));
            Assert.True(rule.PassesThresholds(800 - 1000, 1000));   // both directions
        }
    }
}
