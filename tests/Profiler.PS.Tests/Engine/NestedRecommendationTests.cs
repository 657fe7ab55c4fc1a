using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Recommendations for nested nodes: a node inside a step on the critical path saves what it regressed.</summary>
    public class NestedRecommendationTests
    {
        [Fact]
        public void A_nested_regression_saves_its_excess_and_is_not_reported_again_for_its_parent()
        {
            var clock = new ManualClock();
            var session = new ProfilerSession(clock);
            for (int r = 1; r <= 6; r++)
            {
                WorkflowRun run = session.StartRun("nest");
                var stack = new NodeScopeStack();
                NodeScope outer = stack.Begin(run, "outer");
                NodeScope inner = stack.Begin(run, "inner");
                clock.Advance(r == 6 ? 400 : 100 + r * 0.1);
                stack.End(inner, NodeStatus.Succeeded);
                clock.Advance(5);
                stack.End(outer, NodeStatus.Succeeded);
                NodeScope other = stack.Begin(run, "other");
                clock.Advance(50);
                stack.End(other, NodeStatus.Succeeded);
                run.Complete();
            }
            WorkflowRecommendation[] found = Recommender.Analyze(new RecommendationInput(session.GetWorkflow("nest").GetProfile()), out _);
            WorkflowRecommendation inner6 = found.Single(f => f.KindValue == RecommendationKind.Regression && f.NodeId == "inner");
            // Baseline median of inner: 100.3 ms (runs 1-5: 100.1 ... 100.5); run 6: 400.
            Assert.Equal(400 - 100.3, inner6.EstimatedSaving, 6);
            // outer got slower only by inner's time: the recommendation points at inner alone, not also at outer.
            Assert.DoesNotContain(found, f => f.KindValue == RecommendationKind.Regression && f.NodeId == "outer");
        }
    }
}
