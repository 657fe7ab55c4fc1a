using System.Linq;
using System.Threading.Tasks;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    public class SessionTests
    {
        private readonly ProfilerSession _session = new ProfilerSession(new ManualClock());

        [Fact]
        public void The_latest_started_workflow_and_run_are_the_defaults()
        {
            WorkflowRun a = _session.StartRun("a");
            WorkflowRun b = _session.StartRun("b");
            Assert.Same(b, _session.DefaultRun);
            Assert.Equal("b", _session.DefaultWorkflow.WorkflowId);
            b.Record("x", 1);
            b.Complete();
            Assert.Same(a, _session.DefaultRun);             // b is done; a is still in flight
            Assert.Equal("b", _session.DefaultWorkflow.WorkflowId);
            Assert.Same(a, _session.GetRunInFlight(null));
            Assert.Same(a, _session.GetRunInFlight("A"));
            Assert.Equal(ProfilerErrorKind.NoRunInProgress, Assert.Throws<ProfilerException>(() => _session.GetRunInFlight("b")).Kind);
        }

        [Fact]
        public void No_run_in_flight_says_to_start_one()
        {
            var ex = Assert.Throws<ProfilerException>(() => _session.GetRunInFlight(null));
            Assert.Contains("Start-WorkflowProfile", ex.Message);
        }

        [Fact]
        public void Workflow_settings_persist_across_runs()
        {
            _session.StartRun("w", new WorkflowSettings { WorkflowName = "Nightly", WindowSize = 5 }, false, out _).Record("n", 1);
            _session.GetWorkflow("w").CurrentRun.Complete();
            _session.StartRun("w").Record("n", 1);
            WorkflowProfiler wf = _session.GetWorkflow("w");
            Assert.Equal("Nightly", wf.WorkflowName);
            Assert.Equal(5, wf.WindowSize);
            Assert.True(wf.GetProfile().IsRunInProgress);
        }

        [Fact]
        public void Parallel_recording_loses_nothing()
        {
            WorkflowRun run = _session.StartRun("p");
            Parallel.For(0, 4, lane =>
            {
                for (int i = 0; i < 10_000; i++) run.Record("lane" + lane, 1);
            });
            Assert.Equal(40_000, run.GetTimings().Length);
            NodePerformanceData[] nodes = run.Complete().Profile.NodeData;
            Assert.Equal(4, nodes.Length);
            Assert.All(nodes, n => Assert.Equal(10_000, n.ExecutionCount));
            Assert.All(nodes, n => Assert.Equal(10_000, n.LastDuration));
        }

        [Fact]
        public void Snapshots_do_not_change_after_more_runs()
        {
            WorkflowRun run = _session.StartRun("s");
            run.Record("n", 10);
            WorkflowPerformanceProfile before = run.Complete().Profile;
            run = _session.StartRun("s");
            run.Record("n", 90);
            run.Complete();
            Assert.Equal(1, before.RunCount);
            Assert.Equal(new[] { 10.0 }, before.NodeData.Single().Durations);
        }
    }
}
