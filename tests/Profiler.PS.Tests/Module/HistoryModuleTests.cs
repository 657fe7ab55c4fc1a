using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>History folders through the cmdlets: Start -HistoryPath, Set/Get-ProfilerOption, warnings and errors.</summary>
    public class HistoryModuleTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private string Dir => _dir.Path.Replace("'", "''");

        private static void AssertError(ErrorRecord e, string id, ErrorCategory category)
        {
            Assert.StartsWith(id + ",", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
        }

        private void ThreeRuns(PsSession ps, string option) => ps.RunClean($@"
            foreach ($ms in 100, 110, 120) {{ Start-WorkflowProfile ci {option}; Add-NodeTiming build $ms; $null = Complete-WorkflowProfile -TotalDuration ($ms + 5) }}");

        [Fact]
        public void Runs_survive_the_session_through_the_history_folder()
        {
            using (var first = new PsSession()) ThreeRuns(first, $"-HistoryPath '{Dir}'");
            Assert.Equal(3, File.ReadAllLines(_dir.File("ci.jsonl")).Length);
            using var second = new PsSession();
            second.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'; Add-NodeTiming build 130; $null = Complete-WorkflowProfile");
            var node = (NodePerformanceData)second.RunClean("Get-NodeStatistics build").Single();
            Assert.Equal(new[] { 100.0, 110, 120, 130 }, node.Durations);
            Assert.Equal(new[] { 1, 2, 3, 4 }, node.RunNumbers);
            Assert.Equal(4, File.ReadAllLines(_dir.File("ci.jsonl")).Length);
        }

        [Fact]
        public void The_session_default_applies_to_new_workflows_and_relative_paths_resolve_now()
        {
            using var ps = new PsSession();
            var option = (ProfilerOption)ps.RunClean($"$ExecutionContext.SessionState.Path.SetLocation('{Dir}') | Out-Null; Set-ProfilerOption -HistoryPath hist -PassThru").Single();
            Assert.Equal(Path.Combine(_dir.Path, "hist"), option.HistoryPath);
            ThreeRuns(ps, "");
            Assert.True(File.Exists(Path.Combine(_dir.Path, "hist", "ci.jsonl")));
            Assert.Equal(option.HistoryPath, ((ProfilerOption)ps.RunClean("Get-ProfilerOption").Single()).HistoryPath);
            Assert.Null(((ProfilerOption)ps.RunClean("Set-ProfilerOption -HistoryPath $null; Get-ProfilerOption").Single()).HistoryPath);
            Assert.Contains("HistoryPath : (none)", ps.ShowPlain("Get-ProfilerOption"));
        }

        [Fact]
        public void A_torn_record_is_a_warning_and_the_rest_loads()
        {
            using (var first = new PsSession()) ThreeRuns(first, $"-HistoryPath '{Dir}'");
            File.AppendAllText(_dir.File("ci.jsonl"), "{\"format\":\"Profiler.PS.History\",\"schemaVer");
            using var second = new PsSession();
            PsResult r = second.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'");
            Assert.Contains("line 4 was skipped because the last record is incomplete", Assert.Single(r.Warnings));
            Assert.Equal(3, ((WorkflowPerformanceProfile)second.RunClean("Get-WorkflowProfile ci").Single()).RunCount);
        }

        [Fact]
        public void Start_errors_have_stable_ids_and_create_nothing()
        {
            using var ps = new PsSession();
            File.WriteAllText(_dir.File("ci.jsonl"), "{\"format\":\"Profiler.PS.History\",\"schemaVersion\":7,\"workflowId\":\"ci\"}\n");
            PsResult r = ps.Run($"Start-WorkflowProfile ci -HistoryPath '{Dir}'");
            AssertError(Assert.Single(r.Errors), "StartWorkflowProfileInvalidFile", ErrorCategory.InvalidData);
            Assert.Contains("schema version 7", r.Errors[0].Exception.Message);
            Assert.Empty(ps.RunClean("Get-WorkflowProfile").Output);

            r = ps.Run($"Start-WorkflowProfile other; Start-WorkflowProfile other -Force -HistoryPath '{Dir}'");
            AssertError(Assert.Single(r.Errors), "StartWorkflowProfileHistoryConflict", ErrorCategory.InvalidOperation);
            r = ps.Run("Start-WorkflowProfile third -HistoryPath '  '");
            AssertError(Assert.Single(r.Errors), "StartWorkflowProfileInvalidSetting", ErrorCategory.InvalidArgument);
            r = ps.Run("Set-ProfilerOption -HistoryPath '  '");
            AssertError(Assert.Single(r.Errors), "SetProfilerOptionInvalidSetting", ErrorCategory.InvalidArgument);
        }

        [Fact]
        public void A_history_path_that_is_a_file_is_refused_at_start()
        {
            File.WriteAllText(_dir.File("blocker"), "");
            using var ps = new PsSession();
            PsResult r = ps.Run($"Start-WorkflowProfile w -HistoryPath '{Dir}/blocker'");
            AssertError(Assert.Single(r.Errors), "StartWorkflowProfileInvalidHistoryPath", ErrorCategory.InvalidArgument);
        }

        [Fact]
        public void Set_ProfilerOption_supports_WhatIf()
        {
            using var ps = new PsSession();
            ps.RunClean($"Set-ProfilerOption -HistoryPath '{Dir}' -WhatIf");
            Assert.Null(((ProfilerOption)ps.RunClean("Get-ProfilerOption").Single()).HistoryPath);
        }
    }
}
