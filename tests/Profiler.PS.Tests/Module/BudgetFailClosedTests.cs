using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// Test-WorkflowBudget fails closed: a gate that checked nothing, a Last budget on stale data and a node whose latest
    /// run failed never pass (a fresh-user tester found each passing).
    /// </summary>
    public class BudgetFailClosedTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        /// <summary>Run 1 of 'g': a 100 ms, b 50 ms.</summary>
        public BudgetFailClosedTests() => _ps.RunClean("Start-WorkflowProfile g; Add-NodeTiming a 100; Add-NodeTiming b 50; $null = Complete-WorkflowProfile");

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        [Theory]
        [InlineData("-Path 'no-such-budgets.psd1'", "TestWorkflowBudgetFileNotFound")]
        [InlineData("-WorkflowId $null -NodeId a -Maximum 5", "TestWorkflowBudgetInvalidWorkflowId")]
        public void A_problem_that_stops_the_gate_is_its_verdict_with_Quiet_and_Assert(string args, string id)
        {
            // A statement-terminating error would skip `if (-not (... -Quiet)) { exit 1 }` and let a CI script go on
            // after -Assert: -Quiet answers $false, and -Assert stops the script.
            PsResult quiet = _ps.Run($"if (-not (Test-WorkflowBudget {args} -Quiet)) {{ 'gate failed' }}");
            Assert.Equal("gate failed", quiet.Single());
            Assert.StartsWith(id + ",", Assert.Single(quiet.Errors).FullyQualifiedErrorId);
            PsResult assert = _ps.Run($"Test-WorkflowBudget {args} -Assert; 'went on'");
            Assert.NotNull(assert.Terminating);
            Assert.StartsWith("TestWorkflowBudgetExceeded,", assert.Terminating.ErrorRecord.FullyQualifiedErrorId);
            Assert.DoesNotContain(assert.Output, o => "went on".Equals(o?.BaseObject));
        }

        private string EmptyBudgets()
        {
            string path = _dir.File("empty.psd1");
            File.WriteAllText(path, "@{ Nodes = @{} }");
            return path.Replace("'", "''");
        }

        private void Run(string steps) => _ps.RunClean($"Start-WorkflowProfile g; {steps}; $null = Complete-WorkflowProfile");

        /// <summary>The gate's verdicts for one call: -Quiet, the default output's last error, -Assert's terminating error, the results.</summary>
        private (object quiet, ErrorRecord error, ErrorRecord asserted, int results) Gate(string call)
        {
            object quiet = Assert.Single(_ps.Run(call + " -Quiet -ErrorAction SilentlyContinue").Output).BaseObject;
            PsResult plain = _ps.Run(call);
            PsResult asserted = _ps.Run(call + " -Assert -ErrorAction SilentlyContinue; 'next line'");
            Assert.DoesNotContain(asserted.Output, o => "next line".Equals(o?.BaseObject));
            Assert.NotEmpty(plain.Errors);
            return (quiet, plain.Errors.Last(), asserted.Terminating?.ErrorRecord, plain.Objects<BudgetResult>().Length);
        }

        [Fact]
        public void An_empty_budgets_file_fails_the_gate_saying_it_holds_no_budget()
        {
            var (quiet, error, asserted, results) = Gate($"Test-WorkflowBudget -Path '{EmptyBudgets()}'");
            Assert.Equal(false, quiet);
            Assert.Equal(0, results);
            Assert.StartsWith("TestWorkflowBudgetNothingChecked,", error.FullyQualifiedErrorId);
            Assert.Contains("holds no budget", error.Exception.Message);
            Assert.Contains("empty.psd1", error.Exception.Message);
            Assert.StartsWith("TestWorkflowBudgetExceeded,", asserted.FullyQualifiedErrorId);
            Assert.Contains("no budget was checked and the gate fails", asserted.Exception.Message);
        }

        [Theory]
        [InlineData("Get-NodeStatistics | Where-Object AvgDuration -gt 1e9 | Test-WorkflowBudget -Maximum 5")]
        [InlineData("@() | Test-WorkflowBudget -Maximum 5")]
        [InlineData("'no NodeId here' | Test-WorkflowBudget -Maximum 5")]
        public void A_pipeline_that_gives_nothing_fails_the_gate_saying_to_check_the_filter(string call)
        {
            var (quiet, error, asserted, results) = Gate(call);
            Assert.Equal(false, quiet);
            Assert.Equal(0, results);
            Assert.StartsWith("TestWorkflowBudgetNothingChecked,", error.FullyQualifiedErrorId);
            Assert.Contains("The pipeline gave Test-WorkflowBudget no node statistics", error.Exception.Message);
            Assert.Contains("check the filter", error.Exception.Message);
            Assert.StartsWith("TestWorkflowBudgetExceeded,", asserted.FullyQualifiedErrorId);
        }

        [Fact]
        public void A_pipeline_that_gives_nodes_is_judged_as_before()
        {
            Assert.Equal(true, _ps.RunClean("Get-NodeStatistics | Test-WorkflowBudget -Maximum 1000 -Quiet").Single());
            Assert.Equal(new[] { true, true }, _ps.RunClean("Get-NodeStatistics | Test-WorkflowBudget -Maximum 1000 -Assert").Objects<BudgetResult>().Select(r => r.Passed));
        }

        [Fact]
        public void Last_after_the_node_failed_in_the_latest_run_fails_with_no_value_naming_the_run()
        {
            Run("Add-NodeTiming a 99999 -Status Failed");
            BudgetResult r = (BudgetResult)_ps.RunClean("Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Last").Single();
            Assert.Equal((false, false, null, null), (r.Passed, r.Checked, r.Value, r.Headroom));
            Assert.Contains("failed in the latest run 2", r.Message);
            Assert.Equal(false, _ps.RunClean("Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Last -Quiet").Single());
        }

        [Theory]
        [InlineData("Avg")]
        [InlineData("Median")]
        [InlineData("P95")]
        [InlineData("Max")]
        public void A_window_statistic_fails_when_the_node_failed_or_stopped_in_its_latest_run(string statistic)
        {
            Run("Add-NodeTiming a 99999 -Status Failed; Add-NodeTiming b 1 -Status Stopped");
            BudgetResult[] r = _ps.RunClean($"Test-WorkflowBudget -NodeId a, b -Maximum 1000 -Statistic {statistic}").Objects<BudgetResult>();
            Assert.Equal(new[] { ("a", false, false), ("b", false, false) }, r.Select(x => (x.NodeId, x.Checked, x.Passed)));
            Assert.Contains("a' of workflow 'g' failed in the latest run 2", r[0].Message);
            Assert.Contains("b' of workflow 'g' was stopped in the latest run 2", r[1].Message);
            Run("Add-NodeTiming other 1");   // skipped in run 3: its latest run is still the failed one
            Assert.Contains("failed in run 2, the latest run it ran in (the workflow's latest is run 3)",
                ((BudgetResult)_ps.RunClean($"Test-WorkflowBudget -NodeId a -Maximum 1000 -Statistic {statistic}").Single()).Message);
        }

        [Fact]
        public void A_node_that_failed_before_its_latest_successful_run_is_judged_on_its_successful_runs()
        {
            Run("Add-NodeTiming a 99999 -Status Failed");
            Run("Add-NodeTiming a 300");
            BudgetResult[] r = _ps.RunClean("Test-WorkflowBudget a 1000 -Statistic Max; Test-WorkflowBudget a 1000 -Statistic Last").Objects<BudgetResult>();
            Assert.Equal(new[] { (true, 300.0, 2), (true, 300.0, 2) }, r.Select(x => (x.Passed, x.Value.Value, x.Samples)));
        }

        [Fact]
        public void Last_fails_on_stale_data_when_the_node_did_not_run_in_the_latest_run()
        {
            Run("Add-NodeTiming b 40");
            BudgetResult last = (BudgetResult)_ps.RunClean("Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Last").Single();
            Assert.Equal((false, false, null), (last.Checked, last.Passed, last.Value));
            Assert.Contains("did not run in the latest run 2 (it last ran in run 1)", last.Message);
            Assert.Equal(false, _ps.RunClean("Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Last -Quiet").Single());
            Assert.Equal(true, _ps.RunClean("Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Avg -Quiet").Single());
        }

        [Fact]
        public void Brief_A3_a_failed_then_skipped_node_fails_Last()
        {
            Run("Add-NodeTiming a 99999 -Status Failed");
            Run("Add-NodeTiming other 1");
            BudgetResult r = (BudgetResult)_ps.RunClean("Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Last").Single();
            Assert.Equal((false, null), (r.Passed, r.Value));
            Assert.Contains("failed in run 2, the latest run it ran in (the workflow's latest is run 3)", r.Message);
        }

        [Fact]
        public void Unchecked_results_keep_their_shape_in_csv_and_json()
        {
            Run("Add-NodeTiming a 99999 -Status Failed; Add-NodeTiming b 50");
            PsResult r = _ps.RunClean(@"$r = Test-WorkflowBudget a, b 1000 -Statistic Last
                $r | ConvertTo-Json -Compress
                $r | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv | ForEach-Object { $_.NodeId + '=' + $_.Value + '/' + $_.Passed }");
            string[] text = r.Output.Select(o => o.BaseObject.ToString()).ToArray();
            Assert.Contains("\"NodeId\":\"a\",\"Statistic\":\"Last\",\"Value\":null", text[0]);
            Assert.Contains("\"NodeId\":\"b\",\"Statistic\":\"Last\",\"Value\":50", text[0]);
            Assert.Equal(new[] { "a=/False", "b=50/True" }, text.Skip(1));
        }

        [Fact]
        public void A_workflow_with_no_completed_run_fails_every_budget_saying_so()
        {
            _ps.RunClean("Start-WorkflowProfile fresh");
            BudgetResult r = (BudgetResult)_ps.RunClean("Test-WorkflowBudget -WorkflowId fresh -NodeId a -Maximum 1000").Single();
            Assert.Equal((false, false), (r.Checked, r.Passed));
            Assert.Contains("has no completed run yet", r.Message);
            var (quiet, error, asserted, _) = Gate($"Test-WorkflowBudget -WorkflowId fresh -Path '{EmptyBudgets()}'");
            Assert.Equal(false, quiet);
            Assert.StartsWith("TestWorkflowBudgetNothingChecked,", error.FullyQualifiedErrorId);
            Assert.NotNull(asserted);
        }
    }
}
