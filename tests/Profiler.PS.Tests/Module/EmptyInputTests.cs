using System;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>$null and empty values get a stable &lt;Verb&gt;&lt;Noun&gt;&lt;Problem&gt; ErrorId and change nothing recorded.</summary>
    public class EmptyInputTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();

        public EmptyInputTests() => _ps.RunClean("Start-WorkflowProfile e; Add-NodeTiming keep 10; Add-NodeTiming other 20; $null = Complete-WorkflowProfile");

        public void Dispose() => _ps.Dispose();

        private void AssertHistoryIntact()
        {
            NodePerformanceData[] nodes = _ps.RunClean("Get-NodeStatistics -WorkflowId e").Objects<NodePerformanceData>();
            Assert.Equal(new[] { ("keep", 10.0), ("other", 20.0) }, nodes.Select(n => (n.NodeId, n.Durations.Single())));
        }

        private static void AssertError(ErrorRecord e, string id)
        {
            Assert.StartsWith(id + ",", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        }

        [Theory]
        [InlineData("Test-WorkflowBudget -NodeId keep -Maximum 100 -Quiet", "TestWorkflowBudget", "$null")]
        [InlineData("Test-WorkflowBudget -NodeId keep -Maximum 100 -Quiet", "TestWorkflowBudget", "''")]
        [InlineData("Get-NodeStatistics", "GetNodeStatistics", "$null")]
        [InlineData("Get-Bottleneck", "GetBottleneck", "@()")]
        [InlineData("Get-WorkflowProfile", "GetWorkflowProfile", "@('e', ' ')")]
        [InlineData("Compare-WorkflowRun", "CompareWorkflowRun", "$null")]
        [InlineData("Get-WorkflowRecommendation", "GetWorkflowRecommendation", "$null")]
        [InlineData("Export-WorkflowProfile -Path (Join-Path ([IO.Path]::GetTempPath()) 'never.json')", "ExportWorkflowProfile", "$null")]
        [InlineData("Measure-WorkflowNode x { $ran = $true }", "MeasureWorkflowNode", "$null")]
        [InlineData("Add-NodeTiming x 5", "AddNodeTiming", "$null")]
        public void An_explicit_empty_workflow_id_is_refused_never_read_as_the_default(string command, string cmdlet, string bad)
        {
            // A second workflow would be the default: a gate given an unset variable must not check it instead.
            _ps.RunClean("Start-WorkflowProfile later; Add-NodeTiming keep 5000; $null = Complete-WorkflowProfile");
            PsResult r = _ps.Run($"try {{ {command} -WorkflowId {bad} }} catch {{ $_ }}");
            // A gate with -Quiet writes the problem as a non-terminating error and answers $false (never $true).
            ErrorRecord e = r.Objects<ErrorRecord>().SingleOrDefault() ?? Assert.Single(r.Errors);
            Assert.DoesNotContain(r.Output, o => true.Equals(o?.BaseObject));
            AssertError(e, cmdlet + "InvalidWorkflowId");
            Assert.Contains("-WorkflowId is $null or empty", e.Exception.Message);
            Assert.Equal(false, _ps.RunClean("[bool]$ran").Single());
            Assert.Empty(_ps.Run("Get-WorkflowProfile adhoc -ErrorAction SilentlyContinue").Output);
            AssertHistoryIntact();
        }

        [Theory]
        [InlineData("$null")]
        [InlineData("''")]
        [InlineData("'  '")]
        public void Add_NodeTiming_with_an_empty_duration_by_parameter_writes_MissingDuration_and_goes_on(string bad)
        {
            PsResult r = _ps.Run($"Start-WorkflowProfile e; Add-NodeTiming -NodeId x -Duration {bad}; Add-NodeTiming -NodeId y -Duration 4; 'after'");
            Assert.Null(r.Terminating);
            ErrorRecord e = Assert.Single(r.Errors);
            AssertError(e, "AddNodeTimingMissingDuration");
            Assert.Contains("No duration for node 'x' (-Duration is $null or empty): give -Duration", e.Exception.Message);
            Assert.Equal("after", r.Single());
            Assert.Equal(new[] { "y" }, _ps.RunClean("Get-NodeTiming").Objects<NodeTiming>().Select(t => t.NodeId));
            AssertHistoryIntact();
        }

        [Fact]
        public void Piped_rows_with_an_empty_duration_each_write_MissingDuration_and_the_others_land()
        {
            PsResult r = _ps.Run(@"Start-WorkflowProfile e
                @([pscustomobject]@{ NodeId = 'a'; Duration = $null }, [pscustomobject]@{ NodeId = 'b'; Duration = 2 },
                  [pscustomobject]@{ NodeId = 'c'; Duration = '' }, [pscustomobject]@{ NodeId = 'd'; Duration = ' ' },
                  [pscustomobject]@{ NodeId = 'e'; Duration = '3' }) | Add-NodeTiming");
            Assert.Null(r.Terminating);
            Assert.Equal(3, r.Errors.Count);
            Assert.All(r.Errors, e => AssertError(e, "AddNodeTimingMissingDuration"));
            Assert.Equal(new[] { "a", "c", "d" }, r.Errors.Select(e => e.Exception.Message.Split('\'')[1]));
            Assert.Equal(new[] { ("b", 2.0), ("e", 3.0) }, _ps.RunClean("Get-NodeTiming").Objects<NodeTiming>().Select(t => (t.NodeId, t.Duration)));
            AssertHistoryIntact();
        }

        [Fact]
        public void Add_NodeTiming_with_a_null_node_id_by_parameter_writes_InvalidNodeId()
        {
            PsResult r = _ps.Run("Start-WorkflowProfile e; Add-NodeTiming -NodeId $null -Duration 5; Add-NodeTiming -NodeId '' -Duration 5; 'after'");
            Assert.Equal(2, r.Errors.Count);
            Assert.All(r.Errors, e => AssertError(e, "AddNodeTimingInvalidNodeId"));
            Assert.Equal("after", r.Single());
            Assert.Empty(_ps.RunClean("Get-NodeTiming").Output);
            AssertHistoryIntact();
        }

        [Theory]
        [InlineData("Get-NodeStatistics -WorkflowId e", "GetNodeStatisticsInvalidNodeId", "$null")]
        [InlineData("Get-NodeStatistics -WorkflowId e", "GetNodeStatisticsInvalidNodeId", "''")]
        [InlineData("Get-NodeStatistics -WorkflowId e", "GetNodeStatisticsInvalidNodeId", "@()")]
        [InlineData("Get-NodeStatistics -WorkflowId e", "GetNodeStatisticsInvalidNodeId", "@('keep', $null)")]
        [InlineData("Start-WorkflowProfile e; Add-NodeTiming n 1; Get-NodeTiming", "GetNodeTimingInvalidNodeId", "$null")]
        [InlineData("Start-WorkflowProfile e; Add-NodeTiming n 1; Get-NodeTiming", "GetNodeTimingInvalidNodeId", "'  '")]
        public void An_explicit_empty_node_filter_is_an_error_not_every_node(string command, string id, string bad)
        {
            PsResult r = _ps.Run($"try {{ {command} -NodeId {bad} }} catch {{ $_ }}");
            Assert.Null(r.Terminating);
            Assert.Empty(r.Objects<NodePerformanceData>());
            Assert.Empty(r.Objects<NodeTiming>());
            ErrorRecord e = r.Objects<ErrorRecord>().Single();
            AssertError(e, id);
            Assert.Contains("leave -NodeId out for every node", e.Exception.Message);
            // Leaving the filter out is still every node.
            Assert.Equal(2, _ps.RunClean("Get-NodeStatistics -WorkflowId e").Output.Count);
        }

        [Theory]
        [InlineData("$null")]
        [InlineData("''")]
        [InlineData("@()")]
        public void Test_WorkflowBudget_with_an_empty_node_id_is_a_problem_of_the_gate(string bad)
        {
            PsResult r = _ps.Run($"Test-WorkflowBudget -WorkflowId e -NodeId {bad} -Maximum 100 -Quiet");
            AssertError(Assert.Single(r.Errors), "TestWorkflowBudgetInvalidNodeId");
            Assert.Equal(false, r.Single());
            PsResult asserted = _ps.Run($"try {{ Test-WorkflowBudget -WorkflowId e -NodeId {bad} -Maximum 100 -Assert -ErrorAction SilentlyContinue }} catch {{ $_.FullyQualifiedErrorId }}");
            Assert.StartsWith("TestWorkflowBudgetExceeded", (string)asserted.Single());
        }

        [Theory]
        [InlineData("$null")]
        [InlineData("''")]
        public void Set_ProfilerOption_turns_the_default_history_off_as_documented_and_says_so(string off)
        {
            _ps.RunClean("Set-ProfilerOption -HistoryPath (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))");
            PsResult r = _ps.RunClean($"Set-ProfilerOption -HistoryPath {off} -Verbose -PassThru");
            Assert.Null(((ProfilerOption)r.Single()).HistoryPath);
            Assert.Contains(r.Verbose, v => v.StartsWith("The default history folder is off"));
        }

        [Fact]
        public void Set_ProfilerOption_with_blank_text_is_an_error_and_keeps_the_folder()
        {
            string folder = (string)_ps.RunClean("$f = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()); Set-ProfilerOption -HistoryPath $f; $f").Single();
            PsResult r = _ps.Run("Set-ProfilerOption -HistoryPath '  '");
            ErrorRecord e = Assert.Single(r.Errors);
            AssertError(e, "SetProfilerOptionInvalidSetting");
            Assert.Contains("$null for none", e.Exception.Message);
            Assert.Equal(folder, ((ProfilerOption)_ps.RunClean("Get-ProfilerOption").Single()).HistoryPath);
        }
    }
}
