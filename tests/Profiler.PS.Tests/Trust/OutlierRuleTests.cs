using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Statistics;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// Outliers follow the one regression rule: past both thresholds from the window's median AND a modified z-score
    /// above 3.5 (MAD 0 replaced by the machine epsilon), so Get-NodeStatistics, IsFirstRunSlow and the Noisy evidence agree.
    /// </summary>
    public class OutlierRuleTests
    {
        private static readonly double[] Jitter =
            { 50, 50, 50, 50, 200, 50, 50, 50, 50, 50, 50, 50.2, 50.2, 50.2, 50.2, 50.2, 50.2, 50.2, 50.2, 50 };

        private readonly ProfilerSession _session = new ProfilerSession(new ManualClock());

        private WorkflowProfiler Runs(string wf, double[] x, WorkflowSettings settings = null)
        {
            foreach (double ms in x)
            {
                WorkflowRun run = _session.StartRun(wf, settings, false, out _);
                run.Record("x", ms);
                run.Record("y", 100);
                run.Complete();
            }
            return _session.GetWorkflow(wf);
        }

        [Fact]
        public void Jitter_within_the_thresholds_is_no_outlier_even_when_the_MAD_is_0()
        {
            NodePerformanceData x = Runs("nz", Jitter).GetNodeStatistics().Single(n => n.NodeId == "x");
            Assert.Equal(0, SampleStatistics.MedianAbsoluteDeviation(x.Durations));   // more than half the window is 50
            Assert.Equal(1, x.OutlierCount);                                           // was 9: each 50.2 was flagged
            Assert.Equal(Enumerable.Range(0, 20).Select(i => i == 4).ToArray(), x.Outliers);
        }

        [Fact]
        public void The_Noisy_evidence_counts_the_outliers_Get_NodeStatistics_counts()
        {
            WorkflowProfiler wf = Runs("nz", Jitter);
            WorkflowRecommendation noisy = Recommender.Analyze(new RecommendationInput(wf.GetProfile()), out _)
                .Single(r => r.KindValue == RecommendationKind.Noisy);
            Assert.Equal("x", noisy.NodeId);
            Assert.Contains(", 1 outlier (", noisy.Evidence);                          // was "0 outliers": MAD 0 counted none
        }

        [Fact]
        public void A_first_run_within_the_thresholds_is_neither_a_cold_start_nor_an_outlier()
        {
            NodePerformanceData x = Runs("fr", new[] { 50.2 }.Concat(Enumerable.Repeat(50.0, 9)).ToArray())
                .GetNodeStatistics().Single(n => n.NodeId == "x");
            Assert.False(x.IsFirstRunSlow);
            Assert.False(x.Outliers[0]);                                              // was True: the epsilon MAD alone decided
            NodePerformanceData cold = Runs("cold", new[] { 80.0 }.Concat(Enumerable.Repeat(50.0, 9)).ToArray())
                .GetNodeStatistics().Single(n => n.NodeId == "x");
            Assert.True(cold.IsFirstRunSlow);
            Assert.True(cold.Outliers[0]);
            Assert.Equal(1, cold.OutlierCount);
        }

        [Fact]
        public void Outliers_use_the_workflow_s_thresholds()
        {
            var loose = new WorkflowSettings { AbsoluteThreshold = 200 };
            NodePerformanceData x = Runs("loose", Jitter, loose).GetNodeStatistics().Single(n => n.NodeId == "x");
            Assert.Equal(0, x.OutlierCount);                                           // 150 ms from the median is under 200 ms
            Assert.Equal(new[] { false, false, false, true }, new RegressionRule(0.1, 5, 3).Outliers(new double[] { 10, 10, 10, 100 }));
            Assert.Equal(new[] { false, false, false, false }, new RegressionRule(0.1, 100, 3).Outliers(new double[] { 10, 10, 10, 100 }));
        }

        [Fact]
        public void An_outlier_needs_both_tests_the_thresholds_and_the_z_score()
        {
            // Median 1000.5, MAD 1: 1050 scores 33 but is 49.5 ms off, under 10% of the median; 1200 passes both tests.
            // Median 1150, MAD 450: 2000 is 850 ms off (past both thresholds) but scores only 0.6745 * 850 / 450 = 1.27.
            var rule = RegressionRule.Default;
            Assert.Equal(new[] { false, false, false, false, false, false, false, true },
                rule.Outliers(new double[] { 1000, 1001, 999, 1000, 1001, 999, 1050, 1200 }));
            Assert.True(System.Math.Abs(SampleStatistics.ModifiedZScores(new double[] { 1000, 1001, 999, 1000, 1001, 999, 1050, 1200 })[6]) > 3.5);
            Assert.All(rule.Outliers(new double[] { 400, 700, 1000, 1300, 1600, 2000 }), Assert.False);
        }
    }
}
