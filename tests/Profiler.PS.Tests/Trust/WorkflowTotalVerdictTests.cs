using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// The workflow's total is judged like a node: a run with a failed or stopped execution gets the verdict Failed or
    /// Stopped for its total, never Faster, and such runs stay out of the total's baseline.
    /// </summary>
    public class WorkflowTotalVerdictTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly ProfilerSession _session;

        public WorkflowTotalVerdictTests() => _session = new ProfilerSession(_clock);

        /// <summary>A run of compile then test (500 ms each), or of the given steps with their statuses (hand-timed, end to end).</summary>
        private RunCompletion Run(string wf, params (string Node, double Ms, NodeStatus Status)[] steps)
        {
            WorkflowRun run = _session.StartRun(wf);
            var stack = new NodeScopeStack();
            if (steps.Length == 0) steps = new[] { ("compile", 500.0, NodeStatus.Succeeded), ("test", 500.0, NodeStatus.Succeeded) };
            foreach (var (node, ms, status) in steps) stack.Record(run, node, ms, status: status);
            return run.Complete();
        }

        private RunComparison Total(string wf, int[] runs = null, int[] baseline = null)
            => _session.GetWorkflow(wf).Compare(runs, baseline, null, null, null, out _).Single(c => c.ScopeValue == ComparisonScope.Workflow);

        [Theory]
        [InlineData(NodeStatus.Failed, ComparisonVerdict.Failed)]
        [InlineData(NodeStatus.Stopped, ComparisonVerdict.Stopped)]
        public void A_run_that_failed_fast_is_Failed_for_the_workflow_never_Faster(NodeStatus status, ComparisonVerdict verdict)
        {
            for (int i = 0; i < 6; i++) Run("ff");
            RunCompletion done = Run("ff", ("compile", 10, status));
            Assert.Equal(10, done.Run.TotalDuration);
            RunComparison total = Total("ff");
            Assert.Equal(verdict, total.VerdictValue);
            Assert.Null(total.CurrentDuration);           // its total is kept out of verdicts, as a failed node's time is
            Assert.Null(total.DeltaPercent);
            Assert.Equal(1000, total.BaselineDuration);
            Assert.Contains("kept out of verdicts", total.Reason);
            Assert.Equal(verdict.ToString(), done.Profile.Comparison.Verdict);
            Assert.Null(done.Profile.Comparison.DeltaPercent);
            Assert.Equal(0, done.Profile.Comparison.FasterCount);
        }

        [Fact]
        public void A_stop_inside_a_step_that_went_on_does_not_keep_the_total_out()
        {
            // A function stopped by a downstream Select-Object -First inside a statement that succeeded: the run's work
            // was not cut short, so its total is judged (here: the same as before).
            for (int i = 0; i < 6; i++)
            {
                WorkflowRun run = _session.StartRun("inner");
                var stack = new NodeScopeStack();
                NodeScope step = stack.Begin(run, "statement");
                NodeScope inner = stack.Begin(run, "Get-Items");
                _clock.Advance(100);
                stack.End(inner, i == 5 ? NodeStatus.Stopped : NodeStatus.Succeeded);
                _clock.Advance(400);
                stack.End(step, NodeStatus.Succeeded);
                run.Complete();
            }
            Assert.Equal(1, _session.GetWorkflow("inner").GetProfile().Runs.Last().FailedCount);
            RunComparison total = Total("inner");
            Assert.Equal(ComparisonVerdict.Same, total.VerdictValue);
            Assert.Equal(500, total.CurrentDuration);
        }

        [Fact]
        public void A_stopped_top_level_step_keeps_the_total_out()
        {
            for (int i = 0; i < 6; i++)
            {
                WorkflowRun run = _session.StartRun("outer");
                var stack = new NodeScopeStack();
                NodeScope step = stack.Begin(run, "statement");
                NodeScope inner = stack.Begin(run, "Get-Items");
                _clock.Advance(i == 5 ? 10 : 100);
                NodeStatus status = i == 5 ? NodeStatus.Stopped : NodeStatus.Succeeded;
                stack.End(inner, status);
                stack.End(step, status);
                run.Complete();
            }
            Assert.Equal(ComparisonVerdict.Stopped, Total("outer").VerdictValue);
        }

        [Fact]
        public void A_stopped_top_level_step_the_run_went_on_after_does_not_keep_the_total_out()
        {
            // Measure-WorkflowNode gen { 1..5 } | Select-Object -First 1, then more steps: the run went on.
            for (int i = 0; i < 6; i++)
            {
                WorkflowRun run = _session.StartRun("went-on");
                var stack = new NodeScopeStack();
                NodeScope gen = stack.Begin(run, "gen");
                _clock.Advance(10);
                stack.End(gen, i == 5 ? NodeStatus.Stopped : NodeStatus.Succeeded);
                NodeScope build = stack.Begin(run, "build");
                _clock.Advance(490);
                stack.End(build, NodeStatus.Succeeded);
                run.Complete();
            }
            Assert.Equal(ComparisonVerdict.Same, Total("went-on").VerdictValue);
        }

        [Fact]
        public void A_named_baseline_lists_the_runs_it_used_without_the_failed_ones()
        {
            for (int i = 1; i <= 6; i++) Run("named", ("compile", 500, i == 3 ? NodeStatus.Failed : NodeStatus.Succeeded));
            RunComparison total = Total("named", new[] { 6 }, new[] { 1, 2, 3, 4, 5 });
            Assert.Equal(new[] { 1, 2, 4, 5 }, total.BaselineRunNumbers);
            Assert.Equal(4, total.BaselineSamples);
        }

        [Fact]
        public void A_failed_step_among_stopped_ones_makes_the_total_Failed()
        {
            for (int i = 0; i < 4; i++) Run("mix");
            Run("mix", ("compile", 500, NodeStatus.Stopped), ("test", 20, NodeStatus.Failed));
            Assert.Equal(ComparisonVerdict.Failed, Total("mix").VerdictValue);
        }

        [Fact]
        public void A_healthy_run_after_failed_runs_is_judged_against_the_healthy_runs_only()
        {
            for (int i = 0; i < 3; i++) Run("g");
            for (int i = 0; i < 5; i++) Run("g", ("compile", 10, NodeStatus.Failed));
            Run("g");
            RunComparison total = Total("g");
            Assert.Equal(ComparisonVerdict.Same, total.VerdictValue);   // was Slower by +9900%: the failures' 10 ms totals were the baseline
            Assert.Equal(new[] { 1, 2, 3 }, total.BaselineRunNumbers);
            Assert.Equal(3, total.BaselineSamples);
            Assert.Equal(1000, total.BaselineDuration);
            Assert.Equal("Same", _session.GetWorkflow("g").GetProfile().Comparison.Verdict);
        }

        [Fact]
        public void Failed_runs_named_as_the_baseline_are_left_out_of_the_total()
        {
            for (int i = 0; i < 3; i++) Run("b");
            Run("b", ("compile", 10, NodeStatus.Failed));
            Run("b");
            RunComparison total = Total("b", new[] { 5 }, new[] { 1, 2, 3, 4 });
            Assert.Equal(3, total.BaselineSamples);
            Assert.Equal(1000, total.BaselineDuration);
            Assert.Equal(ComparisonVerdict.Same, total.VerdictValue);
        }

        [Fact]
        public void With_only_failed_runs_before_it_a_healthy_total_is_Inconclusive_not_New()
        {
            for (int i = 0; i < 3; i++) Run("only", ("compile", 10, NodeStatus.Failed));
            Run("only");
            RunComparison total = Total("only");
            Assert.Equal(ComparisonVerdict.Inconclusive, total.VerdictValue);
            Assert.Equal(0, total.BaselineSamples);
            Assert.Contains("failed or stopped", total.Reason);
        }

        [Fact]
        public void Several_judged_runs_are_Failed_when_any_of_them_failed()
        {
            for (int i = 0; i < 5; i++) Run("many");
            Run("many");
            Run("many", ("compile", 10, NodeStatus.Failed));
            Run("many");
            Assert.Equal(ComparisonVerdict.Failed, Total("many", new[] { 6, 7, 8 }).VerdictValue);
            Assert.Equal(ComparisonVerdict.Same, Total("many", new[] { 6, 8 }).VerdictValue);
        }
    }
}
