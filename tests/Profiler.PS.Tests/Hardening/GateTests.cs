using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Hardening
{
    /// <summary>Issue 13, fault 3 (gates fail closed, -Assert stops the script) and fault 8 (budgets-file errors).</summary>
    public class GateTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        public GateTests() => _ps.RunClean("Start-WorkflowProfile ci; Add-NodeTiming 'shard[1]' 60000; Add-NodeTiming shard1 1; Add-NodeTiming test 5; $null = Complete-WorkflowProfile");

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        private string Budgets(string text)
        {
            string path = _dir.File("budgets.psd1");
            File.WriteAllText(path, text);
            return path.Replace("'", "''");
        }

        [Fact]
        public void An_id_with_brackets_is_the_node_of_that_name_not_a_pattern()
        {
            Assert.Equal(false, _ps.RunClean("Test-WorkflowBudget -NodeId 'shard[1]' -Maximum 1 -Quiet").Single());
            BudgetResult r = Assert.Single(_ps.RunClean("Test-WorkflowBudget -NodeId 'shard[1]' -Maximum 1").Objects<BudgetResult>());
            Assert.Equal(("shard[1]", 60000.0, false), (r.NodeId, r.Value, r.Passed));
        }

        [Theory]
        [InlineData("tset*")]
        [InlineData("missing")]
        [InlineData("[")]
        public void An_entry_that_matches_no_node_fails_closed(string entry)
        {
            Assert.Equal(false, _ps.Run($"Test-WorkflowBudget -NodeId '{entry}' -Maximum 100000 -Quiet").Output.Single().BaseObject);
            BudgetResult r = Assert.Single(_ps.Run($"Test-WorkflowBudget -NodeId '{entry}' -Maximum 100000").Objects<BudgetResult>());
            Assert.False(r.Passed);
            Assert.False(r.Checked);
            Assert.Contains(entry, r.Message);
            PsResult asserted = _ps.Run($"Test-WorkflowBudget -NodeId '{entry}' -Maximum 100000 -Assert; 'next line'");
            Assert.NotNull(asserted.Terminating);
            Assert.DoesNotContain(asserted.Output, o => "next line".Equals(o.BaseObject));
        }

        [Fact]
        public void The_same_entries_in_a_budgets_file_fail_the_gate_and_name_the_file()
        {
            string path = Budgets("@{ Nodes = @{ 'shard[1]' = 1; 'tset*' = 1000000; '[' = 5 } }");
            Assert.Equal(false, _ps.Run($"Test-WorkflowBudget -Path '{path}' -Quiet").Output.Single().BaseObject);
            BudgetResult[] results = _ps.Run($"Test-WorkflowBudget -Path '{path}'").Objects<BudgetResult>();
            Assert.Equal(new[] { "shard[1]", "tset*", "[" }, results.Select(r => r.NodeId));
            Assert.All(results, r => Assert.False(r.Passed));
            Assert.Contains("budgets.psd1", results[1].Message);
            Assert.Contains("not a valid wildcard pattern", results[2].Message);
            Assert.NotNull(_ps.Run($"Test-WorkflowBudget -Path '{path}' -Assert; 'next'").Terminating);
        }

        [Fact]
        public void A_failed_Assert_is_script_terminating_and_catchable()
        {
            PsResult r = _ps.Run("Test-WorkflowBudget shard1, test 2 -Assert; 'next line ran'");
            Assert.NotNull(r.Terminating);
            Assert.StartsWith("TestWorkflowBudgetExceeded,", r.Terminating.ErrorRecord.FullyQualifiedErrorId);
            Assert.DoesNotContain(r.Output, o => "next line ran".Equals(o.BaseObject));
            PsResult caught = _ps.RunClean("try { Test-WorkflowBudget test 2 -Assert } catch { 'caught ' + $_.FullyQualifiedErrorId }; 'after'");
            Assert.Equal(new object[] { "caught TestWorkflowBudgetExceeded,Profiler.PS.Commands.TestWorkflowBudgetCommand", "after" },
                caught.Output.Where(o => o.BaseObject is string).Select(o => o.BaseObject));
        }

        [Theory]
        [InlineData("@{ Nodes = @{ test = { 1 } } }", "TestWorkflowBudgetInvalidMaximum")]
        [InlineData("@{ Nodes = @{ test = 1 }; Extra = { 2 } }", "TestWorkflowBudgetInvalidFile")]
        public void Script_block_values_get_product_error_ids_naming_the_file(string text, string errorId)
        {
            string path = Budgets(text);
            PsResult r = _ps.Run($"Test-WorkflowBudget -Path '{path}'");
            ErrorRecord e = r.Terminating?.ErrorRecord ?? Assert.Single(r.Errors);
            Assert.StartsWith(errorId + ",", e.FullyQualifiedErrorId);
            Assert.Contains("budgets.psd1", e.Exception.Message);
        }

        [Fact]
        public void A_budgets_file_over_the_size_cap_is_refused_naming_the_file()
        {
            string path = Budgets("@{ Nodes = @{ test = 1 } }" + new string(' ', (1 << 20) + 10));
            PsResult r = _ps.Run($"Test-WorkflowBudget -Path '{path}'");
            ErrorRecord e = r.Terminating?.ErrorRecord ?? Assert.Single(r.Errors);
            Assert.StartsWith("TestWorkflowBudgetInvalidFile,", e.FullyQualifiedErrorId);
            Assert.Contains("larger than 1,048,576 bytes", e.Exception.Message);
        }
    }
}
