using System;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Compare-WorkflowRun and the comparison summary of Complete-WorkflowProfile, through the real engine.</summary>
    public class CompareWorkflowRunTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession(width: 160);

        public CompareWorkflowRunTests() => _ps.RunClean(@"
            foreach ($ms in 100, 102, 98, 101, 150) {
                Start-WorkflowProfile cmp; Add-NodeTiming compile $ms; Add-NodeTiming test 40
                $null = Complete-WorkflowProfile -TotalDuration ($ms + 40)
            }");

        public void Dispose() => _ps.Dispose();

        private static void AssertError(ErrorRecord e, string id, ErrorCategory category)
        {
            Assert.StartsWith(id + ",", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
        }

        [Fact]
        public void The_latest_run_is_judged_against_the_runs_before_it()
        {
            RunComparison[] lines = _ps.RunClean("Compare-WorkflowRun").Objects<RunComparison>();
            Assert.Equal(new[] { "compile", "test", null }, lines.Select(l => l.NodeId));
            Assert.Equal(new[] { ComparisonVerdict.Slower, ComparisonVerdict.Same, ComparisonVerdict.Slower }, lines.Select(l => l.VerdictValue));
            Assert.Equal(ComparisonScope.Workflow, lines[2].ScopeValue);
            Assert.All(lines, l => Assert.Equal(new[] { 1, 2, 3, 4 }, l.BaselineRunNumbers));
            Assert.Equal("compile: Slower, 150.0 ms vs 100.5 ms (+49.3%)", lines[0].ToString());
            Assert.Equal(new[] { "compile" }, _ps.RunClean("Compare-WorkflowRun cmp | Where-Object Verdict -eq Slower | Where-Object Scope -eq Node | ForEach-Object NodeId")
                .Output.Select(o => o.ToString()));
        }

        [Fact]
        public void Runs_and_baselines_take_numbers_or_run_objects()
        {
            RunComparison c = _ps.RunClean("(Get-WorkflowProfile cmp).Runs[3] | Compare-WorkflowRun -Baseline (Get-WorkflowProfile cmp).Runs[0..2]").Objects<RunComparison>()[0];
            Assert.Equal(new[] { 4 }, c.RunNumbers);
            Assert.Equal(new[] { 1, 2, 3 }, c.BaselineRunNumbers);
            Assert.Equal(ComparisonVerdict.Same, c.VerdictValue);
            c = _ps.RunClean("Compare-WorkflowRun -WorkflowId cmp -Run 5 -BaselineCount 2").Objects<RunComparison>()[0];
            Assert.Equal(new[] { 3, 4 }, c.BaselineRunNumbers);
            Assert.Equal(ComparisonVerdict.Inconclusive, c.VerdictValue);
            var lines = _ps.RunClean(@"
                $run = Start-WorkflowProfile piped -PassThru; Add-NodeTiming a 1; $null = Complete-WorkflowProfile
                Start-WorkflowProfile cmp; Add-NodeTiming compile 100; $null = Complete-WorkflowProfile
                $run | Compare-WorkflowRun").Objects<RunComparison>();
            Assert.Equal("piped", lines[0].WorkflowId);
            Assert.Equal(ComparisonVerdict.New, lines[0].VerdictValue);
        }

        [Fact]
        public void Thresholds_are_settable_in_percent_and_milliseconds()
        {
            var lines = _ps.RunClean("Compare-WorkflowRun cmp -RelativeThreshold 60").Objects<RunComparison>();
            Assert.Equal(ComparisonVerdict.Same, lines[0].VerdictValue);
            lines = _ps.RunClean("Compare-WorkflowRun cmp -AbsoluteThreshold ([TimeSpan]::FromMilliseconds(60))").Objects<RunComparison>();
            Assert.Equal(ComparisonVerdict.Same, lines[0].VerdictValue);
        }

        [Fact]
        public void Listing_the_judged_run_in_the_baseline_warns_and_leaves_it_out()
        {
            PsResult r = _ps.RunClean("Compare-WorkflowRun cmp -Run 5 -Baseline 1,2,3,5");
            Assert.Contains("never compared with itself", Assert.Single(r.Warnings));
            Assert.Equal(new[] { 1, 2, 3 }, r.Objects<RunComparison>()[0].BaselineRunNumbers);
        }

        [Theory]
        [InlineData("Compare-WorkflowRun cmp -Run 42", "CompareWorkflowRunRunNotFound", ErrorCategory.ObjectNotFound)]
        [InlineData("Compare-WorkflowRun cmp -Baseline 0", "CompareWorkflowRunRunNotFound", ErrorCategory.ObjectNotFound)]
        [InlineData("Compare-WorkflowRun nope", "CompareWorkflowRunWorkflowNotFound", ErrorCategory.ObjectNotFound)]
        [InlineData("Start-WorkflowProfile fresh; Compare-WorkflowRun fresh", "CompareWorkflowRunNoCompletedRun", ErrorCategory.InvalidOperation)]
        [InlineData("Compare-WorkflowRun cmp -AbsoluteThreshold -1", "CompareWorkflowRunInvalidSetting", ErrorCategory.InvalidArgument)]
        public void Errors_have_stable_ids_and_change_nothing(string command, string errorId, ErrorCategory category)
        {
            PsResult r = _ps.Run(command + "; 'after'");
            AssertError(Assert.Single(r.Errors), errorId, category);
            Assert.Equal("after", r.Output.Last().ToString());
            Assert.Equal(5, ((WorkflowPerformanceProfile)_ps.RunClean("Get-WorkflowProfile cmp").Single()).RunCount);
        }

        [Fact]
        public void An_empty_session_says_what_to_do()
        {
            using var empty = new PsSession();
            PsResult r = empty.Run("Compare-WorkflowRun");
            AssertError(Assert.Single(r.Errors), "CompareWorkflowRunNoWorkflow", ErrorCategory.ObjectNotFound);   // the base class's one policy
            Assert.Contains("Start-WorkflowProfile", r.Errors[0].Exception.Message);
        }

        [Fact]
        public void Complete_carries_a_summary_and_writes_it_as_verbose()
        {
            PsResult r = _ps.RunClean("Start-WorkflowProfile cmp; Add-NodeTiming compile 300; Add-NodeTiming test 40; Complete-WorkflowProfile -TotalDuration 340 -Verbose");
            RunComparisonSummary s = ((WorkflowPerformanceProfile)r.Single()).Comparison;
            Assert.Equal(6, s.RunNumber);
            Assert.Equal(ComparisonVerdict.Slower, s.VerdictValue);
            Assert.Equal(new[] { "compile" }, s.SlowerNodes);
            Assert.Contains(r.Verbose, v => v.StartsWith("Comparison: run 6 vs 5 earlier runs: Slower", StringComparison.Ordinal));
        }

        [Fact]
        public void Comparisons_and_summaries_have_table_views()
        {
            string text = _ps.ShowPlain("Compare-WorkflowRun cmp") + _ps.ShowPlain("(Get-WorkflowProfile cmp).Comparison");
            Assert.Contains("Comparison: cmp run 5", text);
            Assert.DoesNotContain("baseline run(s)", text);   // one table per judged run: baseline sizes differ by node
            Assert.Contains("(workflow total)", text);
            Assert.Contains("+49.3%", text);
            Assert.Contains("SlowerNodes", text);
        }
    }
}
