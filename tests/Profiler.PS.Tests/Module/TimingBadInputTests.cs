using System;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Bad input to Measure-WorkflowNode and Test-WorkflowBudget: stable ErrorIds, and nothing recorded is lost.</summary>
    public class TimingBadInputTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();

        public TimingBadInputTests() => _ps.RunClean("Start-WorkflowProfile e; Add-NodeTiming keep 10; $null = Complete-WorkflowProfile");

        public void Dispose() => _ps.Dispose();

        private void AssertHistoryIntact()
        {
            var n = (NodePerformanceData)_ps.RunClean("Get-NodeStatistics -WorkflowId e").Single();
            Assert.Equal(new[] { 10.0 }, n.Durations);
            Assert.Empty(_ps.Run("Get-WorkflowProfile adhoc -ErrorAction SilentlyContinue").Output);   // no one-off run was started
        }

        /// <summary>Runs <paramref name="script"/> inside try/catch: only a terminating error reaches the catch.</summary>
        private static ErrorRecord Terminating(PsSession ps, string script, string id, ErrorCategory category)
        {
            PsResult r = ps.Run($"try {{ {script} }} catch {{ $_ }}");
            Assert.Null(r.Terminating);
            ErrorRecord e = r.Objects<ErrorRecord>().Single();
            Assert.StartsWith(id + ",", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
            return e;
        }

        [Fact]
        public void A_negative_zero_duration_is_recorded_as_zero()
        {
            var t = (NodeTiming)_ps.RunClean("Start-WorkflowProfile z; Add-NodeTiming nz (-0.0); Get-NodeTiming -WorkflowId z -NodeId nz").Single();
            Assert.Equal(0.0, t.Duration);
            Assert.False(double.IsNegative(t.Duration));   // shown as 0.00, never -0.00
        }

        [Fact]
        public void A_null_script_block_stops_before_anything_starts()
        {
            ErrorRecord e = Terminating(_ps, "Measure-WorkflowNode build $null", "MeasureWorkflowNodeNullScriptBlock", ErrorCategory.InvalidArgument);
            Assert.Contains("script block", e.Exception.Message);
            AssertHistoryIntact();
        }

        [Theory]
        [InlineData("''")]
        [InlineData("'  '")]
        [InlineData("$null")]
        [InlineData("-NodeId $null")]
        public void An_empty_node_id_stops_before_the_block_runs(string bad)
        {
            Terminating(_ps, $"Measure-WorkflowNode {bad} {{ $ran = $true }}", "MeasureWorkflowNodeInvalidNodeId", ErrorCategory.InvalidArgument);
            Assert.Equal(false, _ps.RunClean("[bool]$ran").Single());
            AssertHistoryIntact();
        }

        [Fact]
        public void A_closed_run_is_refused_and_the_block_does_not_run()
        {
            _ps.RunClean("$run = Start-WorkflowProfile x -PassThru; Add-NodeTiming a 1; $null = Complete-WorkflowProfile x");
            Terminating(_ps, "Measure-WorkflowNode late -Run $run { $ran = $true }", "MeasureWorkflowNodeRunClosed", ErrorCategory.ResourceUnavailable);
            Assert.Equal(false, _ps.RunClean("[bool]$ran").Single());
            AssertHistoryIntact();
        }

        [Fact]
        public void A_run_completed_inside_the_block_is_reported_without_losing_the_output()
        {
            PsResult r = _ps.Run("Start-WorkflowProfile y; Measure-WorkflowNode n { 'out'; Add-NodeTiming a 1; $null = Complete-WorkflowProfile y }");
            Assert.Equal("out", r.Single());
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.StartsWith("MeasureWorkflowNodeRunClosed,", e.FullyQualifiedErrorId);
            Assert.Equal(new[] { "a" }, ((WorkflowPerformanceProfile)_ps.RunClean("Get-WorkflowProfile y").Single()).NodeData.Select(n => n.NodeId));
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-5")]
        [InlineData("([TimeSpan]::FromSeconds(-1))")]
        public void A_budget_maximum_of_zero_or_less_is_refused(string bad)
        {
            Terminating(_ps, $"Test-WorkflowBudget keep {bad} -WorkflowId e", "TestWorkflowBudgetInvalidMaximum", ErrorCategory.InvalidArgument);
            AssertHistoryIntact();
        }

        [Fact]
        public void An_unknown_statistic_is_refused_by_the_binder()
        {
            ErrorRecord e = Terminating(_ps, "Test-WorkflowBudget keep 100 -Statistic Mode", "CannotConvertArgumentNoMessage", ErrorCategory.InvalidArgument);
            Assert.Equal("CannotConvertArgumentNoMessage,Profiler.PS.Commands.TestWorkflowBudgetCommand", e.FullyQualifiedErrorId);
            Assert.Contains("Avg", e.Exception.Message);
            AssertHistoryIntact();
        }

        [Fact]
        public void A_node_not_in_the_profile_is_an_error_and_counts_as_not_passed()
        {
            // Issue 13: an entry matching no node (literal or pattern) fails closed as a result that did not pass.
            PsResult r = _ps.Run("Test-WorkflowBudget keep, nosuch, no* 100; Test-WorkflowBudget nosuch 100 -Quiet");
            Assert.Empty(r.Errors);
            Assert.Equal(new[] { ("keep", true, true), ("nosuch", false, false), ("no*", false, false) },
                r.Objects<BudgetResult>().Select(b => (b.NodeId, b.Checked, b.Passed)));
            Assert.False(r.Objects<bool>().Single());
            Terminating(_ps, "Test-WorkflowBudget nosuch 100 -Assert -ErrorAction SilentlyContinue", "TestWorkflowBudgetExceeded", ErrorCategory.LimitsExceeded);
            AssertHistoryIntact();
        }

        [Fact]
        public void Unknown_workflows_and_empty_sessions_are_errors()
        {
            PsResult r = _ps.Run("Test-WorkflowBudget keep 100 -WorkflowId nope -Quiet");
            Assert.StartsWith("TestWorkflowBudgetWorkflowNotFound,", Assert.Single(r.Errors).FullyQualifiedErrorId);
            Assert.False(r.Objects<bool>().Single());
            using var empty = new PsSession();
            Terminating(empty, "Test-WorkflowBudget a 100", "TestWorkflowBudgetNoWorkflow", ErrorCategory.ObjectNotFound);
            AssertHistoryIntact();
        }
    }
}
