using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>One-off runs are flagged on the workflow they create, not recognised by the id 'adhoc'.</summary>
    public class OneOffWorkflowTests
    {
        private readonly ProfilerSession _session = new ProfilerSession(new ManualClock());

        private void Completed(string id, bool oneOff)
        {
            WorkflowRun run = _session.StartRun(id, null, false, out _, out _, oneOff);
            run.Record("n", 1);
            run.Complete();
        }

        [Fact]
        public void A_one_off_workflow_is_never_the_default_while_another_exists()
        {
            Completed("build", oneOff: false);
            Completed("adhoc", oneOff: true);
            Assert.True(_session.GetWorkflow("adhoc").IsOneOff);
            Assert.Equal("build", _session.DefaultWorkflow.WorkflowId);
            Assert.Equal(1, _session.GetWorkflow("adhoc").CompletedRunCount);
        }

        [Fact]
        public void Alone_a_one_off_workflow_is_the_default()
        {
            Completed("adhoc", oneOff: true);
            Assert.Equal("adhoc", _session.DefaultWorkflow.WorkflowId);
        }

        [Fact]
        public void The_id_adhoc_started_as_an_ordinary_workflow_is_ordinary()
        {
            Completed("build", oneOff: false);
            Completed("adhoc", oneOff: false);
            Assert.False(_session.GetWorkflow("adhoc").IsOneOff);
            Assert.Equal("adhoc", _session.DefaultWorkflow.WorkflowId);
        }

        [Fact]
        public void Any_id_can_be_one_off_and_an_ordinary_start_clears_the_flag()
        {
            Completed("build", oneOff: false);
            Completed("scratch", oneOff: true);
            Assert.Equal("build", _session.DefaultWorkflow.WorkflowId);
            Completed("scratch", oneOff: false);
            Assert.False(_session.GetWorkflow("scratch").IsOneOff);
            Assert.Equal("scratch", _session.DefaultWorkflow.WorkflowId);
        }

        [Fact]
        public void A_one_off_run_of_an_existing_workflow_does_not_move_the_default()
        {
            Completed("adhoc", oneOff: false);
            Completed("build", oneOff: false);
            Completed("adhoc", oneOff: true);
            Assert.False(_session.GetWorkflow("adhoc").IsOneOff);   // started by hand first: it stays ordinary
            Assert.Equal("build", _session.DefaultWorkflow.WorkflowId);
        }
    }
}
