using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Nested executions on a manual clock: inclusive, self and child times add up exactly.</summary>
    public class NestingTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly ProfilerSession _session;
        private readonly NodeScopeStack _stack = new NodeScopeStack();

        public NestingTests() => _session = new ProfilerSession(_clock);

        /// <summary>
        /// build [0, 430]: restore [10, 110]; compile [115, 415]: codegen [135, 165] and a hand-timed 'manual' of 40 ms
        /// recorded at 165. So compile = 300 inclusive, 230 self; build = 430 inclusive, 30 self.
        /// </summary>
        private WorkflowRun BuildTree()
        {
            WorkflowRun run = _session.StartRun("tree");
            NodeScope build = _stack.Begin(run, "build", "script");
            _clock.Advance(10);
            NodeScope restore = _stack.Begin(run, "restore");
            _clock.Advance(100);
            _stack.End(restore, NodeStatus.Succeeded);
            _clock.Advance(5);
            NodeScope compile = _stack.Begin(run, "compile");
            _clock.Advance(20);
            NodeScope codegen = _stack.Begin(run, "codegen");
            _clock.Advance(30);
            _stack.End(codegen, NodeStatus.Succeeded);
            _stack.Record(run, "manual", 40);
            _clock.Advance(250);
            _stack.End(compile, NodeStatus.Succeeded);
            _clock.Advance(15);
            _stack.End(build, NodeStatus.Succeeded);
            return run;
        }

        [Fact]
        public void Self_plus_children_is_inclusive_exactly()
        {
            NodeTiming[] t = BuildTree().GetTimings();
            NodeTiming Get(string id) => t.Single(x => x.NodeId == id);
            Assert.Equal(new[] { "restore", "codegen", "manual", "compile", "build" }, t.Select(x => x.NodeId));
            Assert.Equal(430.0, Get("build").Duration);
            Assert.Equal(30.0, Get("build").SelfDuration);
            Assert.Equal(300.0, Get("compile").Duration);
            Assert.Equal(230.0, Get("compile").SelfDuration);
            Assert.Equal(Get("build").Duration, Get("build").SelfDuration + Get("restore").Duration + Get("compile").Duration);
            Assert.Equal(Get("compile").Duration, Get("compile").SelfDuration + Get("codegen").Duration + Get("manual").Duration);
            Assert.Equal(Get("build").Duration, t.Sum(x => x.SelfDuration));
        }

        [Fact]
        public void Each_execution_names_its_parent_and_its_place_in_time()
        {
            NodeTiming[] t = BuildTree().GetTimings();
            NodeTiming Get(string id) => t.Single(x => x.NodeId == id);
            Assert.Null(Get("build").ParentId);
            Assert.Equal(0, Get("build").ParentSequence);
            Assert.Equal("build", Get("restore").ParentId);
            Assert.Equal("build", Get("compile").ParentId);
            Assert.Equal("compile", Get("codegen").ParentId);
            Assert.Equal("compile", Get("manual").ParentId);
            Assert.Equal(Get("build").Sequence, Get("compile").ParentSequence);
            Assert.Equal(Get("compile").Sequence, Get("codegen").ParentSequence);
            Assert.Equal(new[] { 0.0, 10, 115, 135, 125 }, new[] { "build", "restore", "compile", "codegen", "manual" }.Select(id => Get(id).StartOffset));
            Assert.Equal(430.0, Get("build").EndOffset);
            Assert.All(t, x => Assert.Equal(1, x.Lane));
            Assert.All(t, x => Assert.Equal(NodeStatus.Succeeded, x.StatusValue));
            Assert.Equal("script", Get("build").NodeType);
        }

        [Fact]
        public void Completed_runs_keep_a_self_window_and_the_run_shape()
        {
            WorkflowRun run = BuildTree();
            _clock.Advance(70);
            RunCompletion done = run.Complete();
            NodePerformanceData build = done.Profile.NodeData.Single(n => n.NodeId == "build");
            Assert.Equal(430.0, build.AvgDuration);
            Assert.Equal(30.0, build.AvgSelfDuration);
            Assert.Equal(new[] { 30.0 }, build.SelfDurations);
            Assert.Equal(100.0, done.Profile.NodeData.Single(n => n.NodeId == "restore").AvgSelfDuration);
            WorkflowRunSummary summary = done.Run;
            Assert.Equal(500.0, summary.WallTime);
            Assert.Equal(430.0, summary.NodeTimeSum);
            Assert.Equal(430.0, summary.CriticalPath);
            Assert.Equal(new[] { "build" }, summary.CriticalPathNodes);
            Assert.Equal(1, summary.LaneCount);
            Assert.Equal(0, summary.FailedCount);
        }

        [Fact]
        public void Failed_and_stopped_executions_keep_their_time_and_status()
        {
            WorkflowRun run = _session.StartRun("s");
            NodeScope a = _stack.Begin(run, "a");
            _clock.Advance(12);
            _stack.End(a, NodeStatus.Failed);
            NodeScope b = _stack.Begin(run, "b");
            _clock.Advance(8);
            _stack.End(b, NodeStatus.Stopped);
            NodeTiming[] t = run.GetTimings();
            Assert.Equal(new[] { NodeStatus.Failed, NodeStatus.Stopped }, t.Select(x => x.StatusValue));
            Assert.Equal(new[] { 12.0, 8.0 }, t.Select(x => x.Duration));
            Assert.Equal(2, run.Complete().Run.FailedCount);
        }

        [Fact]
        public void Time_before_the_clock_starts_is_overhead_not_duration()
        {
            WorkflowRun run = _session.StartRun("o");
            long entered = _clock.GetTimestamp();
            _clock.Advance(2);
            NodeScope n = _stack.Begin(run, "n", enteredTimestamp: entered);
            _clock.Advance(50);
            _stack.End(n, NodeStatus.Succeeded);
            NodeTiming t = Assert.Single(run.GetTimings());
            Assert.Equal(50.0, t.Duration);
            Assert.Equal(2.0, t.Overhead);
            Assert.Equal(2.0, t.StartOffset);
        }

        [Fact]
        public void A_scope_of_another_run_is_not_a_parent()
        {
            WorkflowRun outerRun = _session.StartRun("x");
            WorkflowRun innerRun = _session.StartRun("y");
            NodeScope outer = _stack.Begin(outerRun, "outer");
            NodeScope inner = _stack.Begin(innerRun, "inner");
            _clock.Advance(5);
            _stack.End(inner, NodeStatus.Succeeded);
            _clock.Advance(5);
            _stack.End(outer, NodeStatus.Succeeded);
            Assert.Null(innerRun.GetTimings().Single().ParentId);
            Assert.Equal(10.0, outerRun.GetTimings().Single().SelfDuration);
            Assert.Null(_stack.Current);
        }

        [Fact]
        public void A_closed_run_refuses_to_begin_and_an_execution_ends_once()
        {
            WorkflowRun run = _session.StartRun("c");
            NodeScope n = _stack.Begin(run, "n");
            _stack.End(n, NodeStatus.Succeeded);
            Assert.Throws<System.InvalidOperationException>(() => _stack.End(n, NodeStatus.Succeeded));
            run.Complete();
            var ex = Assert.Throws<ProfilerException>(() => _stack.Begin(run, "m"));
            Assert.Equal(ProfilerErrorKind.RunClosed, ex.Kind);
            Assert.Equal(ProfilerErrorKind.InvalidNodeId, Assert.Throws<ProfilerException>(() => _stack.Begin(_session.StartRun("d"), " ")).Kind);
            Assert.Null(_stack.Current);
        }
    }
}
