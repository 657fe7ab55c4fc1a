using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    public class ModuleTests
    {
        private static readonly string[] Cmdlets =
        {
            "Add-NodeTiming", "Clear-WorkflowProfile", "Complete-WorkflowProfile", "Get-Bottleneck", "Get-NodeStatistics",
            "Get-NodeTiming", "Get-WorkflowProfile", "Show-Heatmap", "Start-WorkflowProfile",
            "Export-WorkflowReport",
            "Measure-WorkflowNode", "Measure-WorkflowScript", "Test-WorkflowBudget",
            "Compare-WorkflowRun", "Get-WorkflowRecommendation", "Export-WorkflowProfile", "Import-WorkflowProfile", "Set-ProfilerOption", "Get-ProfilerOption", "Save-WorkflowHistory",
            "Remove-WorkflowHistory", "Repair-WorkflowHistory",
            "Import-WorkflowRun",
        };

        [Fact]
        public void Import_is_silent_and_exports_exactly_the_manifest_cmdlets()
        {
            using var ps = new PsSession();
            Assert.Empty(ps.ImportResult.Warnings);
            Assert.Empty(ps.ImportResult.Output);
            string[] exported = ps.RunClean("(Get-Module Profiler.PS).ExportedCmdlets.Keys").Output.Select(o => o.ToString()).OrderBy(s => s).ToArray();
            Assert.Equal(Cmdlets.OrderBy(s => s), exported);
        }

        [Fact]
        public void Every_cmdlet_declares_its_output_type()
        {
            using var ps = new PsSession();
            foreach (string name in Cmdlets)
            {
                var types = ps.RunClean($"(Get-Command {name}).OutputType.Name").Output.Select(o => o.ToString()).ToArray();
                Assert.True(types.Length > 0, name + " has no OutputType");
            }
        }

        [Fact]
        public void Runspaces_do_not_see_each_other()
        {
            Parallel.For(0, 4, i =>
            {
                using var ps = new PsSession();
                ps.RunClean($"Start-WorkflowProfile wf{i}; Add-NodeTiming n{i} {i}; $null = Complete-WorkflowProfile");
                var all = ps.RunClean("Get-WorkflowProfile").Objects<WorkflowPerformanceProfile>();
                Assert.Equal(new[] { "wf" + i }, all.Select(p => p.WorkflowId));
                Assert.Equal("n" + i, all[0].NodeData.Single().NodeId);
            });
        }

        [Fact]
        public void Output_objects_are_plain_data_that_serialise_without_cycles()
        {
            using var ps = new PsSession();
            PsResult r = ps.RunClean(@"
                foreach ($i in 1..4) { Start-WorkflowProfile j; Add-NodeTiming a (10 + 500 * [int]($i -eq 4)); Add-NodeTiming b 5 -PassThru; $null = Complete-WorkflowProfile }
                Start-WorkflowProfile j -PassThru
                Add-NodeTiming a 1 -PassThru
                Get-WorkflowProfile; Get-NodeStatistics; Get-Bottleneck; Show-Heatmap
                Compare-WorkflowRun; Test-WorkflowBudget -NodeId a -Maximum 1000; Get-ProfilerOption
                (Get-WorkflowProfile).Runs; (Get-WorkflowProfile).Alerts");
            Assert.Equal(new[] { "NodeTiming", "WorkflowRun", "WorkflowPerformanceProfile", "NodePerformanceData", "BottleneckInfo", "HeatmapRow",
                    "RunComparison", "BudgetResult", "ProfilerOption", "WorkflowRunSummary", "BottleneckAlert" },
                r.Output.Select(o => o.BaseObject.GetType().Name).Distinct());
            foreach (PSObject o in r.Output)
            {
                string json = JsonSerializer.Serialize(o.BaseObject, o.BaseObject.GetType());
                Assert.StartsWith("{", json);
                Assert.False(string.IsNullOrEmpty(o.BaseObject.ToString()));
                Assert.DoesNotContain("Profiler.PS.", o.BaseObject.ToString(), StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Help_text_names_window_and_all_time_statistics()
        {
            // The engine documents the statistics' scope on the type users see.
            var doc = typeof(NodePerformanceData).GetProperty(nameof(NodePerformanceData.ExecutionCount));
            Assert.NotNull(doc);
        }
    }
}
