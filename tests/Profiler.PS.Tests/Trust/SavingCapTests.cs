using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// A hand-given child longer than its Measure-WorkflowNode parent is kept as given, but no recommendation's saving
    /// or share of the critical path can exceed what the run took: a nested node counts for no more than its top-level step.
    /// </summary>
    public class SavingCapTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly ProfilerSession _session;

        public SavingCapTests() => _session = new ProfilerSession(_clock);

        /// <summary>build (a clock-timed scope of 0.3 ms) holding a hand-given 5,000 ms test, then pack: by hand, or clock-timed.</summary>
        private WorkflowPerformanceProfile Runs(string wf, bool packByHand)
        {
            for (int i = 0; i < 5; i++)
            {
                WorkflowRun run = _session.StartRun(wf);
                var stack = new NodeScopeStack();
                NodeScope build = stack.Begin(run, "build");
                _clock.Advance(0.3);
                stack.Record(run, "test", 5000);
                stack.End(build, NodeStatus.Succeeded);
                if (packByHand) stack.Record(run, "pack", 100);
                else
                {
                    NodeScope pack = stack.Begin(run, "pack");
                    _clock.Advance(100);
                    stack.End(pack, NodeStatus.Succeeded);
                }
                run.Complete();
            }
            return _session.GetWorkflow(wf).GetProfile();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void No_saving_exceeds_the_run_and_the_overlong_child_is_not_called_the_critical_path(bool packByHand)
        {
            WorkflowPerformanceProfile profile = Runs("ep", packByHand);
            WorkflowRunSummary last = profile.Runs.Last();
            Assert.Equal(new[] { "build", "pack" }, last.CriticalPathNodes);
            Assert.Equal(5100, last.NodeTimeSum, 6);                 // the child is kept as given
            WorkflowRecommendation[] found = Recommender.Analyze(new RecommendationInput(profile), out _);
            double shortest = profile.Runs.Min(r => r.TotalDuration);
            Assert.All(found, r => Assert.True(r.EstimatedSaving <= shortest, $"{r.KindValue} {r.NodeId} saves {r.EstimatedSaving} ms of a {shortest} ms run"));
            // Was: "test: self time 98% of the critical path", saving 2,500 ms of a ~100 ms run.
            Assert.DoesNotContain(found, r => r.KindValue == RecommendationKind.CriticalPath && r.NodeId == "test");
            WorkflowRecommendation pack = found.Single(r => r.KindValue == RecommendationKind.CriticalPath);
            Assert.Equal("pack", pack.NodeId);
            Assert.Equal(50, pack.EstimatedSaving, 6);
            Assert.Contains("on it in 5 of 5 runs", pack.Evidence);
        }

        [Fact]
        public void A_sequential_path_is_no_longer_than_the_run_s_given_total()
        {
            for (int i = 0; i < 5; i++)
            {
                WorkflowRun run = _session.StartRun("given");
                run.Record("a", 300);
                run.Record("b", 300);
                run.Complete(200);                                   // -TotalDuration below the steps' sum: taken as given
            }
            WorkflowPerformanceProfile profile = _session.GetWorkflow("given").GetProfile();
            WorkflowRecommendation[] found = Recommender.Analyze(new RecommendationInput(profile), out _);
            Assert.NotEmpty(found);
            Assert.All(found, r => Assert.True(r.EstimatedSaving <= 200, $"{r.KindValue} {r.NodeId} saves {r.EstimatedSaving} ms of a 200 ms run"));
        }

        [Fact]
        public void An_inclusive_share_is_at_most_the_whole_run()
        {
            Runs("share", packByHand: true);
            BottleneckInfo[] inclusive = _session.GetWorkflow("share").GetBottlenecks(5, RankBy.Inclusive);
            Assert.Equal("test", inclusive[0].NodeId);                // 5,000 ms of a ~100 ms run: was a share of about 50 (5,000%)
            Assert.Equal(1, inclusive[0].Share);
            Assert.All(inclusive, b => Assert.InRange(b.Share, 0, 1));
        }
    }
}
