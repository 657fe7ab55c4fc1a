using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// Papercuts a fresh user found: an empty NodeLabel cell gave nodes a blank label, and a -NodeId naming a node
    /// literally ('[') was also tried as a pattern and reported invalid while its row was written.
    /// </summary>
    public class BlankLabelAndLiteralIdTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        [Fact]
        public void An_empty_or_blank_NodeLabel_cell_falls_back_to_the_NodeId_everywhere()
        {
            string csv = _dir.File("steps.csv");
            File.WriteAllText(csv, "NodeId,Duration,NodeLabel\nlint,120,\nbuild,900,\"   \"\ntest,300,Unit tests\n");
            string md = _dir.File("r.md");
            PsResult r = _ps.RunClean($@"
                Start-WorkflowProfile w
                Import-Csv -LiteralPath '{csv}' | Add-NodeTiming
                Get-NodeTiming
                $null = Complete-WorkflowProfile
                Get-NodeStatistics
                Show-Heatmap -NoColor
                Export-WorkflowProfile -Format Markdown -Path '{md}'");
            Assert.Equal(new[] { "lint", "build", "Unit tests" }, r.Objects<NodeTiming>().Select(t => t.NodeLabel));
            Assert.Equal(new[] { "lint", "build", "Unit tests" }, r.Objects<NodePerformanceData>().Select(n => n.NodeLabel));
            Assert.All(r.Objects<HeatmapRow>().Where(h => !h.IsOthers), h => Assert.False(string.IsNullOrWhiteSpace(h.NodeLabel)));
            string markdown = File.ReadAllText(md);
            Assert.DoesNotContain("|  (lint)", markdown);
            Assert.DoesNotContain("(build)", markdown);   // a label equal to the id is not repeated after it
        }

        [Fact]
        public void An_empty_NodeLabel_argument_is_no_label_and_keeps_an_earlier_one_as_leaving_it_out_does()
        {
            PsResult r = _ps.RunClean(@"
                Start-WorkflowProfile w
                Add-NodeTiming -NodeId a -Duration 5 -NodeLabel ''
                Measure-WorkflowNode -NodeId b -NodeLabel ' ' { }
                Add-NodeTiming -NodeId c -Duration 5 -NodeLabel 'Named'
                $null = Complete-WorkflowProfile
                Start-WorkflowProfile w
                Add-NodeTiming -NodeId c -Duration 5 -NodeLabel ''
                $null = Complete-WorkflowProfile
                Get-NodeStatistics");
            Assert.Equal(new[] { "a", "b", "Named" }, r.Objects<NodePerformanceData>().Select(n => n.NodeLabel));
        }

        [Theory]
        [InlineData("Get-NodeStatistics -NodeId '['", "[")]
        [InlineData("Get-NodeStatistics -NodeId '[', 'x[1]'", "[")]
        [InlineData("Get-NodeStatistics -NodeId 'x[1]', '['", "[")]
        public void A_NodeId_naming_a_node_literally_is_never_also_tried_as_a_pattern(string query, string expected)
        {
            _ps.RunClean("Start-WorkflowProfile w; Add-NodeTiming -NodeId '[' -Duration 5; $null = Complete-WorkflowProfile");
            PsResult r = _ps.Run(query);
            Assert.Null(r.Terminating);
            Assert.Empty(r.Errors);
            Assert.Equal(expected, Assert.Single(r.Objects<NodePerformanceData>()).NodeId);
        }

        [Fact]
        public void Get_NodeTiming_and_Test_WorkflowBudget_follow_the_same_rule()
        {
            _ps.RunClean("Start-WorkflowProfile w; Add-NodeTiming -NodeId '[' -Duration 5; $null = Complete-WorkflowProfile");
            PsResult budget = _ps.Run("Test-WorkflowBudget -NodeId '[' -Maximum 10");
            Assert.Empty(budget.Errors);
            Assert.True(Assert.Single(budget.Objects<BudgetResult>()).Passed);

            _ps.RunClean("Start-WorkflowProfile w; Add-NodeTiming -NodeId '[' -Duration 5");
            PsResult timing = _ps.Run("Get-NodeTiming -NodeId '[', 'x[1]'");
            Assert.Empty(timing.Errors);
            Assert.Equal("[", Assert.Single(timing.Objects<NodeTiming>()).NodeId);
            // With no node of that id it is still an invalid pattern, reported once.
            PsResult invalid = _ps.Run("Get-NodeTiming -NodeId '[x'");
            Assert.StartsWith("GetNodeTimingInvalidPattern,", Assert.Single(invalid.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void Recommendation_budgets_name_a_bracketed_node_literally()
        {
            string budgets = _dir.File("budgets.psd1");
            File.WriteAllText(budgets, "@{ Nodes = @{ '[' = 100; 'x[1]' = 100; '[y' = 100 } }");
            PsResult r = _ps.Run($@"
                foreach ($i in 1..6) {{
                    Start-WorkflowProfile w
                    Add-NodeTiming -NodeId '[' -Duration 98
                    Add-NodeTiming -NodeId x1 -Duration 99
                    $null = Complete-WorkflowProfile
                }}
                Get-WorkflowRecommendation w -BudgetPath '{budgets}'");
            Assert.Null(r.Terminating);
            // 'x[1]' names no node, so it is the pattern matching x1; '[y' names none and is no pattern: one error.
            Assert.StartsWith("GetWorkflowRecommendationInvalidPattern,", Assert.Single(r.Errors).FullyQualifiedErrorId);
            string[] risks = r.Output.Select(o => o.Properties["Kind"].Value.ToString() + ":" + o.Properties["NodeId"].Value)
                .Where(s => s.StartsWith("BudgetRisk:", StringComparison.Ordinal)).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "BudgetRisk:[", "BudgetRisk:x1" }, risks);
        }

        [Fact]
        public void Get_WorkflowProfile_HistoryPath_opens_a_bracketed_workflow_id_literally()
        {
            string history = _dir.File("h");
            _ps.RunClean($"Start-WorkflowProfile 'x[1]' -HistoryPath '{history}'; Add-NodeTiming n 5; $null = Complete-WorkflowProfile; Clear-WorkflowProfile 'x[1]' -Confirm:$false");
            _ps.RunClean($"Start-WorkflowProfile x1 -HistoryPath '{history}'; Add-NodeTiming n 5; $null = Complete-WorkflowProfile; Clear-WorkflowProfile x1 -Confirm:$false");
            PsResult r = _ps.RunClean($"Get-WorkflowProfile -WorkflowId 'x[1]' -HistoryPath '{history}'");
            Assert.Equal("x[1]", Assert.Single(r.Objects<WorkflowPerformanceProfile>()).WorkflowId);
            PsResult bad = _ps.Run($"Get-WorkflowProfile -WorkflowId '[z' -HistoryPath '{history}'");
            Assert.Null(bad.Terminating);
            Assert.StartsWith("GetWorkflowProfileInvalidPattern,", Assert.Single(bad.Errors).FullyQualifiedErrorId);

            // Deleting follows the same rule: 'x[1]' removes x[1]'s history, never x1's.
            _ps.RunClean($"Clear-WorkflowProfile 'x[1]' -Confirm:$false; Remove-WorkflowHistory -WorkflowId 'x[1]' -HistoryPath '{history}' -Confirm:$false");
            string[] left = _ps.RunClean($"Get-WorkflowProfile -HistoryPath '{history}'").Objects<WorkflowPerformanceProfile>().Select(p => p.WorkflowId).ToArray();
            Assert.Equal(new[] { "x1" }, left);
            PsResult invalid = _ps.Run($"Remove-WorkflowHistory -WorkflowId '[z' -HistoryPath '{history}' -Confirm:$false");
            Assert.Null(invalid.Terminating);
            Assert.StartsWith("RemoveWorkflowHistoryInvalidPattern,", Assert.Single(invalid.Errors).FullyQualifiedErrorId);
        }
    }
}
