using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>The arithmetic of failed and stopped steps, of nodes re-entered inside themselves, of self-time shares and of the baseline.</summary>
    public class FailureAndNestingTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly ProfilerSession _session;

        public FailureAndNestingTests() => _session = new ProfilerSession(_clock);

        private RunCompletion Run(string wf, double ms, NodeStatus status = NodeStatus.Succeeded, WorkflowSettings settings = null)
        {
            WorkflowRun run = _session.StartRun(wf, settings, false, out _);
            _clock.Advance(ms);
            new NodeScopeStack().Record(run, "test", ms, status: status);
            return run.Complete();
        }

        private RunComparison Verdict(string wf, int? run = null) => _session.GetWorkflow(wf)
            .Compare(run == null ? null : new[] { run.Value }, null, null, null, null, out _).Single(c => c.NodeId == "test");

        [Theory]
        [InlineData(NodeStatus.Failed, ComparisonVerdict.Failed)]
        [InlineData(NodeStatus.Stopped, ComparisonVerdict.Stopped)]
        public void A_step_that_fails_fast_is_kept_out_of_the_window_and_judged_by_its_status(NodeStatus status, ComparisonVerdict verdict)
        {
            for (int i = 0; i < 5; i++) Run("f", 300);
            RunCompletion done = Run("f", 10, status);
            Assert.Equal(verdict, Verdict("f").VerdictValue);
            NodePerformanceData n = done.Profile.NodeData.Single();
            Assert.Equal(new[] { 300.0, 300, 300, 300, 300 }, n.Durations);
            Assert.Equal((300.0, 300.0, 300.0), (n.MinDuration, n.LastDuration, n.AvgDuration));
            Assert.Equal(5, n.RunCount);
            Assert.Equal(6, n.ExecutionCount);
            Assert.Equal(status == NodeStatus.Failed ? (1, 0, 1L, 0L) : (0, 1, 0L, 1L),
                (n.WindowFailedCount, n.WindowStoppedCount, n.AllTimeFailedCount, n.AllTimeStoppedCount));
            Assert.Equal(status, n.LastStatusValue);
            Assert.Equal(10, done.Run.WallTime);          // the run's wall time still counts the failed time
            Assert.Empty(done.Alerts);
            Assert.Equal(0, done.Profile.Comparison.FasterCount);
            // The next successful run is judged against the five successful ones, not the failure.
            Run("f", 300);
            RunComparison next = Verdict("f");
            Assert.Equal(ComparisonVerdict.Same, next.VerdictValue);
            Assert.Equal(5, next.BaselineSamples);
            Assert.Equal(new[] { 1, 2, 3, 4, 5 }, next.BaselineRunNumbers);
        }

        [Fact]
        public void A_failure_rolls_out_of_the_window_count_but_stays_in_the_all_time_count()
        {
            var settings = new WorkflowSettings { WindowSize = 2 };
            Run("w", 100, NodeStatus.Failed, settings);
            Run("w", 100);
            Run("w", 100);
            NodePerformanceData n = _session.GetWorkflow("w").GetNodeStatistics().Single();
            Assert.Equal((0, 1L), (n.WindowFailedCount, n.AllTimeFailedCount));
        }

        [Fact]
        public void A_node_re_entered_inside_itself_counts_its_outermost_execution_once()
        {
            WorkflowRun run = _session.StartRun("r");
            var stack = new NodeScopeStack();
            // walk(3): each level spends 100 ms of its own, then calls the next: inclusive 300, 200, 100.
            NodeScope a = stack.Begin(run, "walk");
            _clock.Advance(100);
            NodeScope b = stack.Begin(run, "walk");
            _clock.Advance(100);
            NodeScope c = stack.Begin(run, "walk");
            _clock.Advance(100);
            stack.End(c, NodeStatus.Succeeded);
            stack.End(b, NodeStatus.Succeeded);
            stack.End(a, NodeStatus.Succeeded);
            RunCompletion done = run.Complete();
            NodePerformanceData walk = done.Profile.NodeData.Single();
            Assert.Equal(300, walk.LastDuration);          // not 300 + 200 + 100
            Assert.Equal(300, walk.LastSelfDuration);      // self times still add up
            Assert.Equal(3, walk.ExecutionCount);
            Assert.True(walk.LastDuration <= done.Run.WallTime);
        }

        [Fact]
        public void Shares_are_of_self_time_and_the_wrapper_does_not_top_the_ranking()
        {
            WorkflowRun run = _session.StartRun("s");
            var stack = new NodeScopeStack();
            NodeScope three = stack.Begin(run, "Three");
            NodeScope one = stack.Begin(run, "One");
            _clock.Advance(100);
            stack.End(one, NodeStatus.Succeeded);
            NodeScope two = stack.Begin(run, "Two");
            _clock.Advance(200);
            stack.End(two, NodeStatus.Succeeded);
            _clock.Advance(100);
            stack.End(three, NodeStatus.Succeeded);
            run.Complete();
            WorkflowProfiler wf = _session.GetWorkflow("s");
            BottleneckInfo[] self = wf.GetBottlenecks(5);
            Assert.Equal(new[] { "Two", "One", "Three" }, self.Select(b => b.NodeId));
            Assert.Equal(new[] { 0.5, 0.25, 0.25 }, self.Select(b => b.Share));
            Assert.Equal(1.0, self.Sum(b => b.Share), 12);
            BottleneckInfo[] inclusive = wf.GetBottlenecks(5, RankBy.Inclusive);
            Assert.Equal(new[] { "Three", "Two", "One" }, inclusive.Select(b => b.NodeId));
            Assert.Equal(1.0, inclusive.Sum(b => b.Share), 12);
            HeatmapRow[] rows = Rendering.HeatmapRenderer.Render(wf.GetProfile(), new Rendering.HeatmapOptions());
            Assert.Equal(new[] { "Two", "One", "Three" }, rows.Select(r => r.NodeId));
            Assert.Equal(0.5, rows[0].Share);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        public void The_baseline_is_up_to_WindowSize_runs_before_the_judged_one(int window)
        {
            var settings = new WorkflowSettings { WindowSize = window, MinimumSamples = 1 };
            for (int i = 0; i < 5; i++) Run("b" + window, 100, settings: i == 0 ? settings : null);
            RunComparison line = Verdict("b" + window);
            Assert.Equal(window, line.BaselineSamples);     // never one short
            Assert.Equal(ComparisonVerdict.Same, line.VerdictValue);   // ran in the previous run: never New
        }

        [Fact]
        public void A_run_timed_by_hand_totals_its_recorded_timeline_and_says_so()
        {
            WorkflowRun run = _session.StartRun("imp");
            _clock.Advance(6);
            run.Record("a", 5000);
            run.Record("b", 3000);
            RunCompletion done = run.Complete();
            Assert.Equal(8000, done.Run.TotalDuration);    // a then b, laid end to end; not the 6 ms the clock saw
            Assert.Equal(RunTotalSource.Timeline, done.Run.TotalSourceValue);
            Assert.True(done.Run.TotalDuration >= done.Run.CriticalPath);
            Assert.Equal(6, done.Run.WallTime);
            WorkflowRun given = _session.StartRun("imp");
            given.Record("a", 5000);
            Assert.Equal(RunTotalSource.Given, given.Complete(9000).Run.TotalSourceValue);
            WorkflowRun measured = _session.StartRun("live");
            var stack = new NodeScopeStack();
            NodeScope s = stack.Begin(measured, "step");
            _clock.Advance(40);
            stack.End(s, NodeStatus.Succeeded);
            _clock.Advance(10);
            RunCompletion live = measured.Complete();
            Assert.Equal((50.0, RunTotalSource.Clock), (live.Run.TotalDuration, live.Run.TotalSourceValue));
        }
    }
}
