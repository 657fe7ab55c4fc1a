using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// A pipeline of commands with begin/process/end blocks (Get-A | Set-B): each command's clock runs only inside its
    /// blocks (Suspend/Resume), the downstream command's blocks run inside the upstream's output call, and each command
    /// gets its own time, so the caller's children add up to its time and nothing is counted twice.
    /// </summary>
    public class PipelineSliceTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly ProfilerSession _session;
        private readonly NodeScopeStack _stack = new NodeScopeStack();
        private readonly WorkflowRun _run;

        public PipelineSliceTests()
        {
            _session = new ProfilerSession(_clock);
            _run = _session.StartRun("pipe");
        }

        private NodePerformanceData Node(RunCompletion done, string id) => done.Profile.NodeData.Single(n => n.NodeId == id);

        [Fact]
        public void Each_command_of_a_streaming_pipeline_gets_only_its_own_blocks_time()
        {
            NodeScope caller = _stack.Begin(_run, "caller");
            NodeScope upstream = _stack.BeginChild(_run, caller, "upstream");   // begin block: 5 ms
            _clock.Advance(5);
            _stack.Suspend(upstream);
            NodeScope downstream = _stack.BeginChild(_run, caller, "downstream");   // begin block: 1 ms
            _clock.Advance(1);
            _stack.Suspend(downstream);
            for (int item = 0; item < 3; item++)
            {
                _stack.Resume(upstream);              // process: 20 ms of its own, then its output runs the downstream block
                _clock.Advance(20);
                _stack.Resume(downstream);
                _clock.Advance(10);
                _stack.Suspend(downstream);
                _stack.Suspend(upstream);
                _clock.Advance(2);                    // between blocks: the pipeline's source, nobody's
            }
            _stack.Resume(upstream);
            _clock.Advance(5);
            _stack.End(upstream, NodeStatus.Succeeded);
            _stack.Resume(downstream);
            _clock.Advance(1);
            _stack.End(downstream, NodeStatus.Succeeded);
            _stack.End(caller, NodeStatus.Succeeded);
            RunCompletion done = _run.Complete();

            Assert.Equal((70.0, 70.0), (Node(done, "upstream").AvgDuration.Value, Node(done, "upstream").AvgSelfDuration.Value));
            Assert.Equal((32.0, 32.0), (Node(done, "downstream").AvgDuration.Value, Node(done, "downstream").AvgSelfDuration.Value));
            // 108 ms elapsed: 70 + 32 in the commands, 6 between blocks in the caller's own time.
            Assert.Equal((108.0, 6.0), (Node(done, "caller").AvgDuration.Value, Node(done, "caller").AvgSelfDuration.Value));
        }

        [Fact]
        public void A_downstream_block_inside_a_call_of_the_upstream_command_is_excluded_from_both()
        {
            NodeScope caller = _stack.Begin(_run, "caller");
            NodeScope upstream = _stack.BeginChild(_run, caller, "upstream");
            _clock.Advance(4);
            NodeScope helper = _stack.Begin(_run, "helper");   // called by upstream: its child
            _clock.Advance(3);
            NodeScope downstream = _stack.BeginChild(_run, caller, "downstream");   // helper's output reached the next command
            _clock.Advance(10);
            _stack.End(downstream, NodeStatus.Succeeded);
            _clock.Advance(2);
            _stack.End(helper, NodeStatus.Succeeded);
            _clock.Advance(1);
            _stack.End(upstream, NodeStatus.Succeeded);
            _stack.End(caller, NodeStatus.Succeeded);
            RunCompletion done = _run.Complete();

            Assert.Equal((5.0, 5.0), (Node(done, "helper").AvgDuration.Value, Node(done, "helper").AvgSelfDuration.Value));
            Assert.Equal((10.0, 5.0), (Node(done, "upstream").AvgDuration.Value, Node(done, "upstream").AvgSelfDuration.Value));
            Assert.Equal(10.0, Node(done, "downstream").AvgDuration.Value);
            Assert.Equal((20.0, 0.0), (Node(done, "caller").AvgDuration.Value, Node(done, "caller").AvgSelfDuration.Value));
        }

        [Fact]
        public void A_block_further_downstream_is_excluded_once_from_every_upstream_command()
        {
            // step runs `Invoke-Inner | Save-Part`; Invoke-Inner runs `Get-Part | Convert-Part`.
            NodeScope step = _stack.Begin(_run, "step");
            NodeScope save = _stack.BeginChild(_run, step, "save");
            _stack.Suspend(save);
            NodeScope inner = _stack.BeginChild(_run, step, "inner");
            NodeScope convert = _stack.BeginChild(_run, inner, "convert");
            _stack.Suspend(convert);
            NodeScope part = _stack.BeginChild(_run, inner, "part");
            _clock.Advance(10);                       // part's own
            _stack.Resume(convert);
            _clock.Advance(5);                        // convert's own
            _stack.Resume(save);
            _clock.Advance(7);                        // save's own, inside convert's output, inside part's
            _stack.Suspend(save);
            _stack.Suspend(convert);
            _clock.Advance(10);                       // part's own
            _stack.End(part, NodeStatus.Succeeded);
            _stack.Resume(convert);
            _stack.End(convert, NodeStatus.Succeeded);
            _stack.End(inner, NodeStatus.Succeeded);
            _stack.Resume(save);
            _stack.End(save, NodeStatus.Succeeded);
            _stack.End(step, NodeStatus.Succeeded);
            RunCompletion done = _run.Complete();

            Assert.Equal(20.0, Node(done, "part").AvgDuration.Value);
            Assert.Equal(5.0, Node(done, "convert").AvgDuration.Value);
            Assert.Equal(7.0, Node(done, "save").AvgDuration.Value);
            Assert.Equal((25.0, 0.0), (Node(done, "inner").AvgDuration.Value, Node(done, "inner").AvgSelfDuration.Value));
            Assert.Equal((32.0, 0.0), (Node(done, "step").AvgDuration.Value, Node(done, "step").AvgSelfDuration.Value));
        }

        [Fact]
        public void Suspend_and_resume_do_nothing_out_of_turn_and_a_suspended_execution_ends_with_its_slices()
        {
            NodeScope call = _stack.Begin(_run, "call");
            _clock.Advance(4);
            _stack.Resume(call);                      // running: nothing to resume
            _stack.Suspend(call);
            _stack.Suspend(call);                     // already suspended: no second slice
            Assert.True(call.IsSuspended);
            Assert.Null(_stack.Current);
            _clock.Advance(50);                       // never resumed: ended by whoever closes it
            _stack.End(call, NodeStatus.Succeeded);
            _stack.Suspend(call);                     // ended: nothing
            RunCompletion done = _run.Complete();

            Assert.Equal(4.0, done.Profile.NodeData.Single().LastDuration.Value);
        }

        [Fact]
        public void Begin_takes_the_innermost_running_execution_as_parent_never_a_suspended_one()
        {
            NodeScope outer = _stack.Begin(_run, "outer");
            NodeScope paused = _stack.BeginChild(_run, outer, "paused");
            _stack.Suspend(paused);
            NodeScope inner = _stack.Begin(_run, "inner");
            Assert.Same(outer, inner.Parent);
            Assert.Same(inner, _stack.Current);
        }
    }
}
