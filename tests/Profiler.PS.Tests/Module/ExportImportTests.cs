using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Export-WorkflowProfile and Import-WorkflowProfile through the real engine, with every error path.</summary>
    public class ExportImportTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        public ExportImportTests() => _ps.RunClean(@"
            foreach ($i in 1..3) { Start-WorkflowProfile build; Add-NodeTiming compile (100 * $i) -NodeType dotnet; Add-NodeTiming test 50; $null = Complete-WorkflowProfile -TotalDuration 500 }
            Start-WorkflowProfile deploy; Add-NodeTiming push 10; $null = Complete-WorkflowProfile");

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        private string F(string name) => _dir.File(name).Replace("'", "''");

        private static void AssertError(ErrorRecord e, string id, ErrorCategory category)
        {
            Assert.StartsWith(id + ",", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
        }

        [Fact]
        public void Export_then_import_in_a_fresh_session_and_export_again_is_identical()
        {
            var file = (FileInfo)_ps.RunClean($"Export-WorkflowProfile -Path '{F("a.json")}' -PassThru").Single();
            Assert.Equal(_dir.File("a.json"), file.FullName);
            using var fresh = new PsSession();
            var imported = fresh.RunClean($"Import-WorkflowProfile '{F("a.json")}'").Objects<WorkflowPerformanceProfile>();
            Assert.Equal(new[] { "build", "deploy" }, imported.Select(p => p.WorkflowId));
            fresh.RunClean($"Export-WorkflowProfile '{F("b.json")}'");
            Assert.Equal(File.ReadAllBytes(_dir.File("a.json")), File.ReadAllBytes(_dir.File("b.json")));
            var compile = (NodePerformanceData)fresh.RunClean("Get-NodeStatistics compile -WorkflowId build").Single();
            Assert.Equal(new[] { 100.0, 200, 300 }, compile.Durations);
            Assert.Equal("dotnet", compile.NodeType);
        }

        [Fact]
        public void Selected_or_piped_workflows_are_exported_and_relative_paths_follow_the_location()
        {
            _ps.RunClean($"$ExecutionContext.SessionState.Path.SetLocation('{_dir.Path.Replace("'", "''")}') | Out-Null; Get-WorkflowProfile dep* | Export-WorkflowProfile -Path rel.json");
            string text = File.ReadAllText(_dir.File("rel.json"));
            Assert.Contains("\"deploy\"", text);
            Assert.DoesNotContain("\"build\"", text);
            _ps.RunClean($"Export-WorkflowProfile '{F("one.json")}' -WorkflowId build");
            Assert.DoesNotContain("\"deploy\"", File.ReadAllText(_dir.File("one.json")));
        }

        [Fact]
        public void A_run_in_flight_is_not_exported_and_says_so()
        {
            PsResult r = _ps.RunClean($"Start-WorkflowProfile build; Add-NodeTiming inflight-only 9999; Export-WorkflowProfile '{F("f.json")}'");
            Assert.Contains("Run 4 of workflow 'build' is in flight", Assert.Single(r.Warnings));
            Assert.DoesNotContain("inflight-only", File.ReadAllText(_dir.File("f.json"))); // a node only the open run has; any number could contain 9999
        }

        [Fact]
        public void WhatIf_writes_nothing()
        {
            _ps.RunClean($"Export-WorkflowProfile '{F("w.json")}' -WhatIf");
            Assert.False(File.Exists(_dir.File("w.json")));
        }

        [Fact]
        public void Importing_an_existing_workflow_needs_Merge_or_Replace()
        {
            _ps.RunClean($"Export-WorkflowProfile '{F("p.json")}'");
            PsResult r = _ps.Run($"Import-WorkflowProfile '{F("p.json")}'");
            AssertError(Assert.Single(r.Errors), "ImportWorkflowProfileWorkflowExists", ErrorCategory.ResourceExists);
            Assert.Contains("-Merge", r.Errors[0].Exception.Message);
            Assert.Contains("p.json", r.Errors[0].Exception.Message);

            r = _ps.Run($"Import-WorkflowProfile '{F("p.json")}' -Merge");
            AssertError(Assert.Single(r.Errors), "ImportWorkflowProfileRunsOverlap", ErrorCategory.InvalidOperation);

            var replaced = _ps.RunClean($"Start-WorkflowProfile build; Add-NodeTiming compile 1; $null = Complete-WorkflowProfile; Import-WorkflowProfile '{F("p.json")}' -Replace")
                .Objects<WorkflowPerformanceProfile>();
            Assert.Equal(3, replaced.Single(p => p.WorkflowId == "build").RunCount);

            using var other = new PsSession();
            other.RunClean($"Start-WorkflowProfile build; Add-NodeTiming compile 400; $null = Complete-WorkflowProfile; Import-WorkflowProfile '{F("p.json")}' -Merge");
            Assert.Equal(4, ((WorkflowPerformanceProfile)other.RunClean("Get-WorkflowProfile build").Single()).RunCount);
        }

        [Fact]
        public void Import_WhatIf_changes_nothing()
        {
            _ps.RunClean($"Export-WorkflowProfile '{F("p.json")}' -WorkflowId deploy; Clear-WorkflowProfile deploy");
            Assert.Empty(_ps.RunClean($"Import-WorkflowProfile '{F("p.json")}' -WhatIf").Output);
            Assert.Empty(_ps.RunClean("Get-WorkflowProfile dep*").Output);
        }

        [Fact]
        public void Merge_and_Replace_cannot_be_combined()
        {
            PsResult r = _ps.Run($"Import-WorkflowProfile '{F("p.json")}' -Merge -Replace");
            // -Merge and -Replace are plain switches now that the parameter sets are Path and LiteralPath.
            Assert.StartsWith("ImportWorkflowProfileMergeAndReplace,", (r.Terminating?.ErrorRecord ?? Assert.Single(r.Errors)).FullyQualifiedErrorId);
        }

        [Fact]
        public void A_run_in_flight_blocks_a_merge()
        {
            _ps.RunClean($"Export-WorkflowProfile '{F("p.json")}'; Clear-WorkflowProfile build; Start-WorkflowProfile build");
            PsResult r = _ps.Run($"Import-WorkflowProfile '{F("p.json")}' -Merge");
            AssertError(Assert.Single(r.Errors), "ImportWorkflowProfileRunInProgress", ErrorCategory.InvalidOperation);
        }

        [Theory]
        [InlineData("{ not json", "ImportWorkflowProfileInvalidFile", ErrorCategory.InvalidData, "line 1, column 3")]
        [InlineData("{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":9,\"workflows\":[]}", "ImportWorkflowProfileInvalidFile", ErrorCategory.InvalidData, "schema version 9")]
        [InlineData("{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":1,\"workflows\":[", "ImportWorkflowProfileInvalidFile", ErrorCategory.InvalidData, "truncated")]
        public void Bad_files_are_named_and_change_nothing(string content, string errorId, ErrorCategory category, string reason)
        {
            File.WriteAllText(_dir.File("bad.json"), content);
            PsResult r = _ps.Run($"Import-WorkflowProfile '{F("bad.json")}' -Replace; 'after'");
            AssertError(Assert.Single(r.Errors), errorId, category);
            Assert.Contains(reason, r.Errors[0].Exception.Message);
            Assert.Contains("bad.json", r.Errors[0].Exception.Message);
            Assert.Equal("after", r.Single().ToString());
            Assert.Equal(3, ((WorkflowPerformanceProfile)_ps.RunClean("Get-WorkflowProfile build").Single()).RunCount);
        }

        [Fact]
        public void Missing_files_and_unwritable_paths_are_reported()
        {
            PsResult r = _ps.Run($"Import-WorkflowProfile '{F("nope.json")}'");
            AssertError(Assert.Single(r.Errors), "ImportWorkflowProfileFileNotFound", ErrorCategory.ObjectNotFound);
            r = _ps.Run($"Export-WorkflowProfile '{F(Path.Combine("no-such-dir", "x.json"))}'");
            AssertError(Assert.Single(r.Errors), "ExportWorkflowProfileInvalidPath", ErrorCategory.InvalidArgument);   // one path rule with Export-WorkflowReport: the missing folder is named
            Assert.Empty(Directory.GetFiles(_dir.Path));   // no temporary file left behind
            r = _ps.Run($"Export-WorkflowProfile '{F("x.json")}' -WorkflowId nope");
            AssertError(Assert.Single(r.Errors), "ExportWorkflowProfileWorkflowNotFound", ErrorCategory.ObjectNotFound);
            Assert.False(File.Exists(_dir.File("x.json")));
        }

        [Fact]
        public void Exporting_an_empty_session_is_an_error()
        {
            using var empty = new PsSession();
            PsResult r = empty.Run($"Export-WorkflowProfile '{F("e.json")}'");
            AssertError(Assert.Single(r.Errors), "ExportWorkflowProfileNoWorkflow", ErrorCategory.ObjectNotFound);   // the base class's one policy (was ...NothingToExport)
            Assert.False(File.Exists(_dir.File("e.json")));
        }

        [Fact]
        public void Several_files_import_from_the_pipeline_each_all_or_nothing()
        {
            _ps.RunClean($"Export-WorkflowProfile '{F("ok.json")}' -WorkflowId deploy");
            File.WriteAllText(_dir.File("broken.json"), "[");
            using var fresh = new PsSession();
            PsResult r = fresh.Run($"'{F("broken.json")}', '{F("ok.json")}' | Import-WorkflowProfile");
            AssertError(Assert.Single(r.Errors), "ImportWorkflowProfileInvalidFile", ErrorCategory.InvalidData);
            Assert.Equal("deploy", ((WorkflowPerformanceProfile)r.Single()).WorkflowId);
            r = fresh.RunClean($"Clear-WorkflowProfile deploy; Import-WorkflowProfile '{F("o*.json")}'");
            Assert.Equal("deploy", ((WorkflowPerformanceProfile)r.Single()).WorkflowId);
        }
    }
}
