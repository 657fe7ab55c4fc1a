using System;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    public class ValidationTests
    {
        private readonly ProfilerSession _session = new ProfilerSession(new ManualClock());

        [Theory]
        [InlineData(-1)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        public void Bad_durations_are_refused_and_change_nothing(double ms)
        {
            WorkflowRun run = _session.StartRun("v");
            run.Record("a", 10);
            var ex = Assert.Throws<ProfilerException>(() => run.Record("a", ms));
            Assert.Equal(ProfilerErrorKind.InvalidDuration, ex.Kind);
            Assert.Equal(10, run.GetTimings().Single().Duration);
            Assert.Equal(10, run.Complete().Profile.NodeData.Single().LastDuration);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void Empty_node_ids_are_refused(string id)
        {
            WorkflowRun run = _session.StartRun("v");
            Assert.Equal(ProfilerErrorKind.InvalidNodeId, Assert.Throws<ProfilerException>(() => run.Record(id, 1)).Kind);
            Assert.Empty(run.GetTimings());
        }

        [Fact]
        public void Zero_is_a_valid_duration()
        {
            WorkflowRun run = _session.StartRun("z");
            run.Record("a", 0);
            Assert.Equal(0, run.Complete().Profile.NodeData.Single().AvgDuration);
        }

        [Fact]
        public void Starting_a_workflow_in_flight_fails_unless_forced()
        {
            WorkflowRun first = _session.StartRun("s");
            first.Record("a", 1);
            first.Complete();
            WorkflowRun second = _session.StartRun("s");
            second.Record("a", 50);
            Assert.Equal(ProfilerErrorKind.RunInProgress, Assert.Throws<ProfilerException>(() => _session.StartRun("s")).Kind);
            Assert.Equal(WorkflowRunState.Running, second.StateValue);

            WorkflowRun third = _session.StartRun("s", null, true, out WorkflowRun abandoned);
            Assert.Same(second, abandoned);
            Assert.Equal(WorkflowRunState.Abandoned, second.StateValue);
            Assert.Equal(ProfilerErrorKind.RunClosed, Assert.Throws<ProfilerException>(() => second.Record("a", 1)).Kind);
            Assert.Equal(ProfilerErrorKind.NoRunInProgress, Assert.Throws<ProfilerException>(() => second.Complete()).Kind);
            Assert.Equal(new[] { 1.0 }, _session.GetWorkflow("s").GetNodeStatistics().Single().Durations);
            Assert.Equal(2, third.RunNumber);
        }

        [Fact]
        public void Completing_twice_fails_and_keeps_the_first_result()
        {
            WorkflowRun run = _session.StartRun("d");
            run.Record("a", 1);
            run.Complete();
            Assert.Equal(ProfilerErrorKind.NoRunInProgress, Assert.Throws<ProfilerException>(() => run.Complete()).Kind);
            Assert.Equal(1, _session.GetWorkflow("d").GetProfile().RunCount);
        }

        [Fact]
        public void A_bad_total_duration_leaves_the_run_in_flight()
        {
            WorkflowRun run = _session.StartRun("d");
            run.Record("a", 1);
            Assert.Equal(ProfilerErrorKind.InvalidDuration, Assert.Throws<ProfilerException>(() => run.Complete(-5)).Kind);
            Assert.Equal(WorkflowRunState.Running, run.StateValue);
            Assert.Single(run.GetTimings());
        }

        [Theory]
        [InlineData(0, null, null)]
        [InlineData(100_001, null, null)]
        [InlineData(null, -0.1, null)]
        [InlineData(null, double.NaN, null)]
        [InlineData(null, null, 0)]
        public void Bad_settings_are_refused_before_anything_changes(int? window, double? relative, int? minimum)
        {
            var settings = new WorkflowSettings { WindowSize = window, RelativeThreshold = relative, MinimumSamples = minimum };
            Assert.Equal(ProfilerErrorKind.InvalidSetting,
                Assert.Throws<ProfilerException>(() => _session.StartRun("x", settings, false, out _)).Kind);
            Assert.Null(_session.GetWorkflow("x"));
        }

        [Fact]
        public void Empty_workflow_ids_are_refused()
            => Assert.Equal(ProfilerErrorKind.InvalidWorkflowId, Assert.Throws<ProfilerException>(() => _session.StartRun(" ")).Kind);

        [Fact]
        public void Removing_a_workflow_abandons_its_run()
        {
            WorkflowRun run = _session.StartRun("r");
            Assert.True(_session.Remove("R"));
            Assert.Equal(WorkflowRunState.Abandoned, run.StateValue);
            Assert.Null(_session.GetWorkflow("r"));
            Assert.False(_session.Remove("r"));
        }
    }
}
