using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Export-WorkflowReport through the real engine: the file, path rules, overwrite rule and errors.</summary>
    public class ExportWorkflowReportTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly string _dir = Directory.CreateTempSubdirectory("profiler-report-").FullName;

        public void Dispose()
        {
            _ps.Dispose();
            Directory.Delete(_dir, recursive: true);
        }

        private string File(string name) => Path.Combine(_dir, name);

        private void Runs(string workflow, string name = null)
            => _ps.RunClean($@"foreach ($i in 1..3) {{
                Start-WorkflowProfile -WorkflowId {workflow} {(name == null ? "" : $"-WorkflowName '{name}'")}
                Add-NodeTiming restore 1000 -NodeLabel 'Restore packages'; Add-NodeTiming compile (1000 * $i)
                $null = Complete-WorkflowProfile -TotalDuration (2000 + 1000 * $i) }}");

        private static void AssertError(ErrorRecord e, string id, ErrorCategory category)
        {
            Assert.StartsWith(id + ",", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
        }

        private ErrorRecord Terminating(string script)
        {
            PsResult r = _ps.Run($"try {{ {script}; 'not reached' }} catch {{ $_ }}");
            return (ErrorRecord)r.Single();
        }

        [Fact]
        public void Writes_one_self_contained_file_and_PassThru_returns_it()
        {
            Runs("build", "Nightly build");
            Runs("deploy");
            PsResult r = _ps.RunClean($"Export-WorkflowReport -Path '{File("r.html")}' -PassThru");
            FileInfo info = Assert.IsType<FileInfo>(r.Single());
            Assert.Equal(File("r.html"), info.FullName);
            string html = System.IO.File.ReadAllText(info.FullName);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("Nightly build", html);
            Assert.Contains("deploy", html);
            Assert.Equal(2 * 2 * 3, html.Split("<td style=\"background:").Length - 1);   // 2 workflows x 2 nodes x 3 runs
            Assert.Empty(_ps.RunClean($"Export-WorkflowReport '{File("quiet.html")}' build").Output);
            Assert.True(System.IO.File.Exists(File("quiet.html")));
        }

        [Fact]
        public void Relative_paths_resolve_from_the_PowerShell_location_and_workflows_come_by_pipeline()
        {
            Runs("a", "Alpha");
            Runs("b", "Beta");
            Runs("c", "Gamma");
            _ps.RunClean($"$ExecutionContext.SessionState.Path.SetLocation('{_dir}') | Out-Null; Get-WorkflowProfile -WorkflowId a, c | Export-WorkflowReport -Path ./piped.html -Title 'Two of three'");
            string html = System.IO.File.ReadAllText(File("piped.html"));
            Assert.Contains("<title>Two of three</title>", html);
            Assert.Contains("Alpha", html);
            Assert.Contains("Gamma", html);
            Assert.DoesNotContain("Beta", html);
            _ps.RunClean($"Export-WorkflowReport -Path ./wild.html -WorkflowId b*");
            Assert.Contains("Beta", System.IO.File.ReadAllText(File("wild.html")));
        }

        [Fact]
        public void An_existing_file_is_kept_with_NoClobber_and_replaced_without_it()
        {
            Runs("build");
            System.IO.File.WriteAllText(File("keep.html"), "mine");
            ErrorRecord e = Terminating($"Export-WorkflowReport -Path '{File("keep.html")}' -NoClobber");
            AssertError(e, "ExportWorkflowReportFileExists", ErrorCategory.ResourceExists);
            Assert.Contains("-NoClobber", e.Exception.Message);
            Assert.Equal("mine", System.IO.File.ReadAllText(File("keep.html")));

            _ps.RunClean($"Export-WorkflowReport -Path '{File("keep.html")}'");
            Assert.StartsWith("<!DOCTYPE html>", System.IO.File.ReadAllText(File("keep.html")));
        }

        [Theory]
        [InlineData("missing-folder/r.html")]
        [InlineData(".")]
        [InlineData("variable:/report")]
        public void Unusable_paths_stop_the_command(string path)
        {
            Runs("build");
            string full = path.Contains(':') ? path : path == "." ? _dir : File(path);
            ErrorRecord e = Terminating($"Export-WorkflowReport -Path '{full}'");
            AssertError(e, "ExportWorkflowReportInvalidPath", ErrorCategory.InvalidArgument);
            Assert.Empty(Directory.GetFiles(_dir));
            Assert.Equal(3, ((WorkflowPerformanceProfile)_ps.RunClean("Get-WorkflowProfile build").Single()).RunCount);
        }

        [Fact]
        public void Unknown_workflows_are_ObjectNotFound_and_the_known_ones_are_still_reported()
        {
            Runs("build");
            PsResult r = _ps.Run($"Export-WorkflowReport -Path '{File("none.html")}' -WorkflowId nope");
            Assert.Null(r.Terminating);
            AssertError(Assert.Single(r.Errors), "ExportWorkflowReportWorkflowNotFound", ErrorCategory.ObjectNotFound);
            Assert.False(System.IO.File.Exists(File("none.html")));

            r = _ps.Run($"Export-WorkflowReport -Path '{File("some.html")}' -WorkflowId nope, build");
            AssertError(Assert.Single(r.Errors), "ExportWorkflowReportWorkflowNotFound", ErrorCategory.ObjectNotFound);
            Assert.Contains("build", System.IO.File.ReadAllText(File("some.html")));
        }

        [Fact]
        public void A_session_without_workflows_has_nothing_to_report()
        {
            ErrorRecord e = Terminating($"Export-WorkflowReport -Path '{File("empty.html")}'");
            AssertError(e, "ExportWorkflowReportNoWorkflow", ErrorCategory.ObjectNotFound);
            Assert.Contains("Start-WorkflowProfile", e.Exception.Message);
            Assert.False(System.IO.File.Exists(File("empty.html")));
        }

        [Fact]
        public void WhatIf_writes_nothing()
        {
            Runs("build");
            _ps.RunClean($"Export-WorkflowReport -Path '{File("what.html")}' -WhatIf");
            Assert.False(System.IO.File.Exists(File("what.html")));
        }

        [Fact]
        public void Hostile_names_are_escaped_in_the_file()
        {
            _ps.RunClean("Start-WorkflowProfile x -WorkflowName '<script>alert(1)</script>'; Add-NodeTiming n 5 -NodeLabel '<img src=x onerror=alert(1)>' -NodeType '\"><u>'; $null = Complete-WorkflowProfile");
            _ps.RunClean($"Export-WorkflowReport -Path '{File("x.html")}'");
            string html = System.IO.File.ReadAllText(File("x.html"));
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("\"><u>", html);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        }
    }
}
