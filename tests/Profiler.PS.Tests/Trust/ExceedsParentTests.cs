using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>Bad input: a hand-given child longer than its parent had run is accepted as given and flagged.</summary>
    public class ExceedsParentTests
    {
        [Fact]
        public void A_child_longer_than_its_parent_is_kept_as_given_and_flagged_in_flight_and_once_completed()
        {
            var clock = new ManualClock();
            var session = new ProfilerSession(clock);
            WorkflowRun run = session.StartRun("bad");
            var stack = new NodeScopeStack();
            NodeScope outer = stack.Begin(run, "outer");
            clock.Advance(10);
            RecordResult fits = stack.Record(run, "fits", 4);
            RecordResult tooLong = stack.Record(run, "tooLong", 50);
            Assert.Null(fits.ExceededParent);
            Assert.Equal("outer", tooLong.ExceededParent);
            Assert.Equal(10, tooLong.ParentElapsed);
            clock.Advance(5);
            stack.End(outer, NodeStatus.Succeeded);
            string Flags(NodeTiming[] t) => string.Join(", ", t.Select(x => $"{x.NodeId} {x.Duration} {x.ExceedsParent}"));
            Assert.Equal("fits 4 False, tooLong 50 True, outer 15 False", Flags(run.GetTimings()));
            run.Complete();
            WorkflowRunSummary done = session.GetWorkflow("bad").GetProfile().Runs.Single();
            Assert.Equal("fits 4 False, tooLong 50 True, outer 15 False", Flags(done.Timeline.ToTimings("bad", 1, _ => (null, null))));
            Assert.Equal(50, session.GetWorkflow("bad").GetNodeStatistics().Single(n => n.NodeId == "tooLong").LastDuration);
        }
    }
}
