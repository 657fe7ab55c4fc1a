using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    public class BottleneckTests
    {
        private readonly ProfilerSession _session = new ProfilerSession(new ManualClock());

        private void Runs(string wf, params double[] samples)
        {
            foreach (double ms in samples)
            {
                WorkflowRun run = _session.StartRun(wf);
                run.Record("n", ms);
                run.Complete();
            }
        }

        [Fact]
        public void Never_fires_with_fewer_than_the_minimum_earlier_samples()
        {
            Runs("b", 100, 100);
            WorkflowRun run = _session.StartRun("b");
            Assert.Null(run.Record("n", 1000).Alert);
        }

        [Fact]
        public void Fires_when_the_rule_judges_the_run_so_far_slower_than_earlier_runs()
        {
            Runs("b", 100, 100, 100);
            WorkflowRun run = _session.StartRun("b");
            BottleneckAlert alert = run.Record("n", 151).Alert;
            Assert.NotNull(alert);
            Assert.Equal(100, alert.BaselineMedian);   // the judged run is not in its own baseline
            Assert.Equal(3, alert.BaselineSamples);
            Assert.Equal(151, alert.Duration);
            Assert.Equal(1.51, alert.Ratio);
            Assert.Contains("is 1.5x the median", alert.Reason);
            Assert.True(alert.IsProvisional);
            Assert.Equal(run.RunNumber, alert.RunNumber);
            Assert.Contains("Slower", alert.Reason);
        }

        [Fact]
        public void A_change_within_the_thresholds_is_not_an_alert()
        {
            Runs("b", 100, 100, 100);
            Assert.Null(_session.StartRun("b").Record("n", 109).Alert);   // 9% is under the 10% threshold
        }

        [Fact]
        public void Fires_at_most_once_per_node_per_run_and_counts_loop_executions_together()
        {
            Runs("b", 100, 100, 100);
            WorkflowRun run = _session.StartRun("b");
            Assert.Null(run.Record("n", 80).Alert);
            Assert.NotNull(run.Record("n", 80).Alert);       // 160 in this run is Slower
            Assert.Null(run.Record("n", 500).Alert);
            RunCompletion done = run.Complete();
            Assert.Single(done.Alerts);
            Assert.False(done.Alerts[0].IsProvisional);
            Assert.Equal(660, done.Alerts[0].Duration);
            Assert.Single(done.Profile.Alerts);
            Assert.Equal(1, done.Run.AlertCount);
            Assert.Null(_session.StartRun("b").Record("n", 10).Alert);
        }

        [Fact]
        public void Thresholds_and_minimum_samples_are_settable()
        {
            var settings = new WorkflowSettings { RelativeThreshold = 2, MinimumSamples = 1 };
            WorkflowRun first = _session.StartRun("s", settings, false, out _);
            first.Record("n", 100);
            first.Complete();
            WorkflowRun run = _session.StartRun("s");
            Assert.Null(run.Record("n", 250).Alert);        // +150%, under the 200% threshold
            Assert.NotNull(run.Record("n", 51).Alert);
        }

        [Fact]
        public void Ranking_is_by_average_with_ties_broken_by_node_id()
        {
            WorkflowRun run = _session.StartRun("r");
            run.Record("zeta", 10);
            run.Record("alpha", 10);
            run.Record("mid", 5);
            run.Record("big", 40);
            run.Complete();
            BottleneckInfo[] top = _session.GetWorkflow("r").GetBottlenecks(3);
            Assert.Equal(new[] { "big", "alpha", "zeta" }, top.Select(b => b.NodeId));
            Assert.Equal(new[] { 1, 2, 3 }, top.Select(b => b.Rank));
            Assert.Equal(40.0 / 65, top[0].Share, 9);
            Assert.Equal(new[] { "big", "alpha", "zeta", "mid" }, _session.GetWorkflow("r").GetProfile().Bottlenecks);
        }

        [Fact]
        public void The_profile_lists_at_most_five_bottlenecks()
        {
            WorkflowRun run = _session.StartRun("p");
            for (int i = 0; i < 8; i++) run.Record("n" + i, i);
            Assert.Equal(new[] { "n7", "n6", "n5", "n4", "n3" }, run.Complete().Profile.Bottlenecks);
        }
    }
}
