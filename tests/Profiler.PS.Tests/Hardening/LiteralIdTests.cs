using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Hardening
{
    /// <summary>Issue 13, fault 2: an id that exists is literal; wildcards only when nothing matches literally and the pattern is valid.</summary>
    public class LiteralIdTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        public LiteralIdTests() => _ps.RunClean(
            "foreach ($id in 'a', '[a]', 'b1', 'b2') { Start-WorkflowProfile $id; Add-NodeTiming 'n[1]' 5; Add-NodeTiming n1 7; $null = Complete-WorkflowProfile }");

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        private string[] Ids() => _ps.RunClean("Get-WorkflowProfile").Objects<WorkflowPerformanceProfile>().Select(p => p.WorkflowId).ToArray();

        [Fact]
        public void Clear_with_an_existing_bracketed_id_removes_that_workflow_only()
        {
            _ps.RunClean("Clear-WorkflowProfile -WorkflowId '[a]' -Confirm:$false");
            Assert.Equal(new[] { "a", "b1", "b2" }, Ids());
        }

        [Fact]
        public void Export_with_an_existing_bracketed_id_exports_that_workflow()
        {
            string path = _dir.File("x.json");
            _ps.RunClean($"Export-WorkflowProfile -WorkflowId '[a]' -Path '{path}'");
            string json = File.ReadAllText(path);
            Assert.Contains("\"[a]\"", json);
            Assert.DoesNotContain("\"workflowId\":\"a\"", json.Replace(" ", ""));
        }

        [Theory]
        [InlineData("Clear-WorkflowProfile -WorkflowId '[' -Force", "ClearWorkflowProfileInvalidPattern")]
        [InlineData("Get-NodeStatistics -WorkflowId '['", "GetNodeStatisticsInvalidPattern")]
        [InlineData("Export-WorkflowProfile -WorkflowId '[' -Path nothing.json", "ExportWorkflowProfileInvalidPattern")]
        [InlineData("Get-NodeStatistics -WorkflowId a -NodeId '['", "GetNodeStatisticsInvalidPattern")]
        public void An_invalid_pattern_is_a_clear_error_with_a_stable_id(string script, string errorId)
        {
            PsResult r = _ps.Run(script);
            Assert.Null(r.Terminating);
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.StartsWith(errorId + ",", e.FullyQualifiedErrorId);
            Assert.Contains("not a valid wildcard pattern", e.Exception.Message);
            Assert.Equal(4, Ids().Length);
        }

        [Fact]
        public void Node_ids_follow_the_same_rule()
        {
            NodePerformanceData n = Assert.Single(_ps.RunClean("Get-NodeStatistics -WorkflowId a -NodeId 'n[1]'").Objects<NodePerformanceData>());
            Assert.Equal(5.0, n.AvgDuration);
            Assert.Equal(new[] { "n[1]", "n1" }, _ps.RunClean("Get-NodeStatistics -WorkflowId a -NodeId 'n*'").Objects<NodePerformanceData>().Select(x => x.NodeId));
        }

        [Fact]
        public void Several_NodeId_values_each_follow_the_rule_in_each_workflow_and_a_literal_naming_none_is_reported_once()
        {
            _ps.RunClean("Start-WorkflowProfile c; Add-NodeTiming x1 3; Add-NodeTiming n1 4; $null = Complete-WorkflowProfile");
            PsResult r = _ps.Run("Get-NodeStatistics -WorkflowId a, c -NodeId 'n[1]', 'x[1]', zz");
            // In a, 'n[1]' names the node n[1] (never also n1) and the pattern 'x[1]' matches nothing; c has no node
            // 'n[1]', so there the same value is the pattern selecting n1, and 'x[1]' selects x1.
            Assert.Equal(new[] { "a:n[1]", "c:x1", "c:n1" }, r.Objects<NodePerformanceData>().Select(n => n.WorkflowId + ":" + n.NodeId));
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.StartsWith("GetNodeStatisticsNodeNotFound,", e.FullyQualifiedErrorId);
            Assert.Equal("zz", e.TargetObject);
        }

        [Fact]
        public void Clear_asks_before_forgetting_workflows_a_pattern_selects_and_Force_skips_the_question()
        {
            PsResult asked = _ps.Run("Clear-WorkflowProfile -WorkflowId 'b*'");
            Assert.True(asked.Terminating != null || asked.Errors.Count > 0, "a host that cannot ask must not clear silently");
            Assert.Equal(4, Ids().Length);
            _ps.RunClean("Clear-WorkflowProfile -WorkflowId 'b*' -Force");
            Assert.Equal(new[] { "a", "[a]" }, Ids());
        }
    }
}
