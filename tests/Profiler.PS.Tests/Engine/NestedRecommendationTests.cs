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
        public void A_nested_regression_saves_its_excess_and_its_parent_is_not_capped_by_its_own_child()
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
            WorkflowRecommendation outer6 = found.Single(f => f.KindValue == RecommendationKind.Regression && f.NodeId == "outer");
            // Baseline medians: inner 100.3 ms (runs 1-5: 100.1 ... 100.5), outer 105.3 ms; run 6: 400 and 405.
            Assert.Equal(400 - 100.3, inner6.EstimatedSaving, 6);
            Assert.Equal(405 - 105.3, outer6.EstimatedSaving, 6);
        }
    }
}
