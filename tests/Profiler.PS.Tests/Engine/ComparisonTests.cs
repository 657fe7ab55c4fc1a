using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Run comparison: baselines that exclude the judged run, both thresholds, the two verdict rules, New and Missing.</summary>
    public class ComparisonTests
    {
        private readonly ProfilerSession _session = new ProfilerSession(new ManualClock());

        private RunCompletion Run(string workflow, double total, params (string Node, double Ms)[] timings)
        {
            WorkflowRun run = _session.StartRun(workflow);
            foreach (var (node, ms) in timings) run.Record(node, ms);
            return run.Complete(total);
        }

        private RunComparison[] Compare(string workflow, int[] runs = null, int[] baseline = null, int? count = null,
            double relative = 0.10, double absolute = 5)
            => _session.GetWorkflow(workflow).Compare(runs, baseline, count, relative, absolute, out _);

        private static RunComparison Line(RunComparison[] lines, string node)
            => lines.Single(l => node == null ? l.ScopeValue == ComparisonScope.Workflow : l.NodeId == node);

        [Fact]
        public void A_single_run_is_judged_by_thresholds_and_the_baseline_noise()
        {
            foreach (double ms in new double[] { 100, 102, 98, 101 }) Run("s", ms + 40, ("compile", ms), ("test", 40));
            Run("s", 190, ("compile", 150), ("test", 41));
            RunComparison[] lines = Compare("s");
            RunComparison compile = Line(lines, "compile");
            Assert.Equal(ComparisonVerdict.Slower, compile.VerdictValue);
            Assert.Equal(new[] { 5 }, compile.RunNumbers);
            Assert.Equal(new[] { 1, 2, 3, 4 }, compile.BaselineRunNumbers);
            Assert.Equal(150, compile.CurrentDuration);
            Assert.Equal(100.5, compile.BaselineDuration);
            Assert.Equal(49.5, compile.Delta);
            Assert.Equal(49.5 / 100.5 * 100, compile.DeltaPercent.Value, 9);
            Assert.Null(compile.PValue);
            Assert.Equal(ComparisonVerdict.Same, Line(lines, "test").VerdictValue);   // 1 ms: under the 5 ms threshold
            RunComparison total = Line(lines, null);
            Assert.Equal(ComparisonVerdict.Slower, total.VerdictValue);
            Assert.Equal("s", total.NodeLabel);
            Assert.Same(lines.Last(), total);
        }

        [Fact]
        public void A_change_within_the_baseline_noise_or_with_too_small_a_baseline_is_inconclusive()
        {
            foreach (double ms in new double[] { 100, 200, 60, 140 }) Run("n", ms, ("step", ms));
            Run("n", 175, ("step", 175));
            RunComparison noisy = Line(Compare("n"), "step");
            Assert.Equal(ComparisonVerdict.Inconclusive, noisy.VerdictValue);
            Assert.Contains("noise", noisy.Reason);
            Assert.Equal(ComparisonVerdict.Inconclusive, Line(Compare("n", count: 2), "step").VerdictValue);
            Assert.Contains("only 2 baseline runs", Line(Compare("n", count: 2), "step").Reason);
        }

        [Fact]
        public void Both_thresholds_are_needed_and_settable()
        {
            foreach (double ms in new double[] { 10, 10, 10 }) Run("t", ms, ("tiny", ms), ("big", ms * 1000));
            Run("t", 13, ("tiny", 13), ("big", 10_500));
            RunComparison[] defaults = Compare("t");
            Assert.Equal(ComparisonVerdict.Same, Line(defaults, "tiny").VerdictValue);   // +30% but 3 ms
            Assert.Equal(ComparisonVerdict.Same, Line(defaults, "big").VerdictValue);    // +500 ms but 5%
            RunComparison[] tight = Compare("t", relative: 0.01, absolute: 1);
            Assert.Equal(ComparisonVerdict.Slower, Line(tight, "tiny").VerdictValue);
            Assert.Equal(ComparisonVerdict.Slower, Line(tight, "big").VerdictValue);
        }

        [Fact]
        public void Five_samples_a_side_use_Mann_Whitney()
        {
            for (int i = 1; i <= 12; i++) Run("m", 0, ("step", 100 + (i > 6 ? 20 : 0) + i % 3), ("flat", 50 + i % 2));
            RunComparison[] lines = Compare("m", runs: new[] { 7, 8, 9, 10, 11, 12 }, baseline: new[] { 1, 2, 3, 4, 5, 6 });
            RunComparison step = Line(lines, "step");
            Assert.Equal(ComparisonVerdict.Slower, step.VerdictValue);
            Assert.Equal(6, step.CurrentSamples);
            Assert.Equal(6, step.BaselineSamples);
            Assert.True(step.PValue < 0.01);
            Assert.Contains("normal approximation", step.Method);
            Assert.Equal(ComparisonVerdict.Same, Line(lines, "flat").VerdictValue);
            Assert.NotNull(Line(lines, "flat").PValue);
        }

        [Fact]
        public void A_large_change_that_Mann_Whitney_cannot_confirm_is_inconclusive()
        {
            double[] a = { 100, 300, 100, 300, 100 }, b = { 300, 100, 300, 100, 300 };
            foreach (double ms in a.Concat(b)) Run("i", ms, ("step", ms));
            RunComparison step = Line(Compare("i", runs: new[] { 6, 7, 8, 9, 10 }, baseline: new[] { 1, 2, 3, 4, 5 }), "step");
            Assert.Equal(300, step.CurrentDuration);
            Assert.Equal(100, step.BaselineDuration);
            Assert.Equal(ComparisonVerdict.Inconclusive, step.VerdictValue);
            Assert.True(step.PValue >= 0.05);
        }

        [Fact]
        public void New_and_missing_nodes_are_reported()
        {
            for (int i = 0; i < 3; i++) Run("nm", 10, ("old", 5), ("kept", 5));
            Run("nm", 10, ("kept", 5), ("fresh", 5));
            RunComparison[] lines = Compare("nm");
            Assert.Equal(ComparisonVerdict.Missing, Line(lines, "old").VerdictValue);
            Assert.Null(Line(lines, "old").CurrentDuration);
            Assert.Equal(ComparisonVerdict.New, Line(lines, "fresh").VerdictValue);
            Assert.Null(Line(lines, "fresh").Delta);
            Assert.Equal(ComparisonVerdict.Same, Line(lines, "kept").VerdictValue);
        }

        [Fact]
        public void The_judged_run_never_enters_its_baseline()
        {
            for (int i = 1; i <= 4; i++) Run("b", i, ("x", 10 * i));
            bool excluded;
            RunComparison x = _session.GetWorkflow("b").Compare(new[] { 3 }, new[] { 1, 2, 3 }, null, 0.1, 5, out excluded)
                .Single(l => l.NodeId == "x");
            Assert.True(excluded);
            Assert.Equal(new[] { 1, 2 }, x.BaselineRunNumbers);
            Assert.Equal(new[] { 1, 2 }, Line(Compare("b", runs: new[] { 3 }), "x").BaselineRunNumbers);   // earlier runs only
            Assert.Equal(new[] { 2 }, Line(Compare("b", runs: new[] { 3 }, count: 1), "x").BaselineRunNumbers);
        }

        [Fact]
        public void Unknown_runs_and_empty_workflows_are_errors()
        {
            Run("u", 1, ("x", 1));
            var ex = Assert.Throws<ProfilerException>(() => Compare("u", runs: new[] { 9 }));
            Assert.Equal(ProfilerErrorKind.RunNotFound, ex.Kind);
            Assert.Contains("which holds run 1 (", ex.Message);
            Assert.Equal(ProfilerErrorKind.RunNotFound, Assert.Throws<ProfilerException>(() => Compare("u", baseline: new[] { 0 })).Kind);
            _session.StartRun("empty");
            Assert.Equal(ProfilerErrorKind.NoCompletedRun, Assert.Throws<ProfilerException>(() => Compare("empty")).Kind);
            Assert.Equal(ProfilerErrorKind.InvalidSetting, Assert.Throws<ProfilerException>(() => Compare("u", relative: -1)).Kind);
        }

        [Fact]
        public void Completing_a_run_summarises_its_comparison()
        {
            Assert.Equal(ComparisonVerdict.New, Run("c", 100, ("a", 50), ("b", 50)).Profile.Comparison.VerdictValue);
            for (int i = 0; i < 3; i++) Run("c", 100, ("a", 50), ("b", 50));
            RunComparisonSummary s = Run("c", 200, ("a", 150), ("b", 50), ("new", 1)).Profile.Comparison;
            Assert.Equal(5, s.RunNumber);
            Assert.Equal(4, s.BaselineRunCount);
            Assert.Equal(ComparisonVerdict.Slower, s.VerdictValue);
            Assert.Equal(100, s.DeltaPercent);
            Assert.Equal(new[] { "a" }, s.SlowerNodes);
            Assert.Equal((1, 0, 1, 1), (s.SlowerCount, s.FasterCount, s.SameCount, s.NewCount));
            Assert.Contains("run 5 vs 4 earlier runs: Slower (+100.0%)", s.ToString());
            Assert.Same(s, _session.GetWorkflow("c").GetProfile().Comparison);
        }
    }
}
