using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Messages and help a fresh user found wrong or unreadable: each says what happened and what to do next.</summary>
    public class PapercutMessageTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        private static ErrorRecord Caught(PsResult r) => (ErrorRecord)Assert.Single(r.Output).BaseObject;

        private static string Shown(ErrorRecord e) => e.ErrorDetails?.Message ?? e.Exception.Message;

        [Fact]
        public void Parse_errors_are_listed_readably_without_line_breaks_shown_as_question_marks()
        {
            string script = _dir.File("parse.ps1");
            File.WriteAllText(script, "function f( {\n$x = (1 +\n");
            ErrorRecord e = Caught(_ps.Run($"try {{ Measure-WorkflowScript -Path '{script}' }} catch {{ $_ }}"));
            Assert.StartsWith("MeasureWorkflowScriptParseError,", e.FullyQualifiedErrorId);
            string message = Shown(e);
            Assert.DoesNotContain("?", message);
            Assert.DoesNotContain(message, c => char.IsControl(c));
            Assert.Contains("run again: " + script + ":1:", message);
            Assert.Contains("; " + script + ":", message);   // several errors, one after the other
        }

        [Fact]
        public void Get_WorkflowProfile_HistoryPath_naming_a_file_says_it_is_a_file_as_Start_WorkflowProfile_does()
        {
            string file = _dir.File("afile");
            File.WriteAllText(file, "x");
            ErrorRecord get = Assert.Single(_ps.Run($"Get-WorkflowProfile -HistoryPath '{file}'").Errors);
            ErrorRecord start = Caught(_ps.Run($"try {{ Start-WorkflowProfile w -HistoryPath '{file}' }} catch {{ $_ }}"));
            Assert.StartsWith("GetWorkflowProfileInvalidHistoryPath,", get.FullyQualifiedErrorId);
            Assert.Contains("is a file, not a folder", Shown(get));
            Assert.Equal(Shown(start), Shown(get));
            PsResult missing = _ps.Run($"Get-WorkflowProfile -HistoryPath '{_dir.File("none")}'");
            Assert.StartsWith("GetWorkflowProfileHistoryNotFound,", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        }

        [Fact]
        public void An_HTML_page_is_said_to_be_no_JUnit_or_NUnit_report_never_at_line_0()
        {
            string html = _dir.File("report.html");
            _ps.RunClean($"Start-WorkflowProfile w; Add-NodeTiming n 5; $null = Complete-WorkflowProfile; Export-WorkflowReport -Path '{html}'");
            PsResult r = _ps.Run($"Import-WorkflowRun -Path '{html}' -WorkflowId r");
            ErrorRecord e = r.Errors.Concat(r.Terminating == null ? Array.Empty<ErrorRecord>() : new[] { r.Terminating.ErrorRecord }).Single();
            Assert.StartsWith("ImportWorkflowRunDtdProhibited,", e.FullyQualifiedErrorId);
            Assert.Contains("is not a JUnit or NUnit test report", Shown(e));
            Assert.DoesNotContain("line 0", Shown(e));
        }

        [Theory]
        [InlineData("-GoodBelow -5", "GoodBelow -5 ms is negative")]
        [InlineData("-BadAbove -1 -GoodBelow 10", "BadAbove -1 ms is negative")]
        [InlineData("-GoodBelow 500 -BadAbove 100", "GoodBelow smaller than BadAbove")]
        public void Heatmap_thresholds_are_checked_one_by_one_before_their_order(string arguments, string expected)
        {
            _ps.RunClean("Start-WorkflowProfile w; Add-NodeTiming n 5; $null = Complete-WorkflowProfile");
            ErrorRecord e = Caught(_ps.Run($"try {{ Show-Heatmap {arguments} }} catch {{ $_ }}"));
            Assert.StartsWith("ShowHeatmapInvalidThreshold,", e.FullyQualifiedErrorId);
            Assert.Contains(expected, Shown(e));
            if (expected.Contains("negative", StringComparison.Ordinal)) Assert.DoesNotContain("smaller than", Shown(e));
        }

        [Fact]
        public void Get_NodeTiming_says_verbosely_when_the_named_workflow_has_no_run_in_flight()
        {
            _ps.RunClean("Start-WorkflowProfile wf; Add-NodeTiming n 5; $null = Complete-WorkflowProfile");
            PsResult r = _ps.RunClean("Get-NodeTiming -WorkflowId wf -Verbose");
            Assert.Empty(r.Output);
            Assert.Contains(r.Verbose, v => v.Contains("'wf' has no run in flight", StringComparison.Ordinal));
        }

        [Fact]
        public void Measure_WorkflowScript_declares_and_describes_its_outputs_and_Path_takes_wildcards()
        {
            PSObject facts = Assert.Single(_ps.RunClean(@"
                $help = Get-Help Measure-WorkflowScript -Full
                [pscustomobject]@{
                    Globbing = (Get-Help Measure-WorkflowScript -Parameter Path).globbing
                    Outputs = @($help.returnValues.returnValue | ForEach-Object { '{0}={1}' -f $_.type.name, (@($_.description | ForEach-Object Text) -join ' ') })
                    Declared = @((Get-Command Measure-WorkflowScript).OutputType.Name)
                }").Output);
            Assert.Equal("true", facts.Properties["Globbing"].Value.ToString());
            string[] outputs = ((object[])facts.Properties["Outputs"].Value).Select(o => o.ToString()).ToArray();
            Assert.DoesNotContain(outputs, o => o.StartsWith("System.Object=", StringComparison.Ordinal));
            Assert.Contains(outputs, o => o.StartsWith("System.Management.Automation.PSObject=The script's own output", StringComparison.Ordinal));
            Assert.Contains(outputs, o => o.StartsWith("Profiler.PS.WorkflowPerformanceProfile=", StringComparison.Ordinal) && o.Length > 45);
            Assert.Contains("System.Management.Automation.PSObject", ((object[])facts.Properties["Declared"].Value).Select(o => o.ToString()));

            File.WriteAllText(_dir.File("wild-one.ps1"), "'ran'");
            PsResult r = _ps.RunClean($"Measure-WorkflowScript -Path '{_dir.File("wild-*.ps1")}' -WorkflowId wild");
            Assert.Equal("ran", r.Output[0].BaseObject);
        }

        [Fact]
        public void Clear_WorkflowProfile_help_says_the_history_file_is_kept()
        {
            string synopsis = (string)Assert.Single(_ps.RunClean("(Get-Help Clear-WorkflowProfile).Synopsis").Output).BaseObject;
            Assert.Contains("history files on disk are kept", synopsis);
            string description = (string)Assert.Single(_ps.RunClean("(Get-Help Clear-WorkflowProfile -Full).description.Text -join ' '").Output).BaseObject;
            Assert.Contains("Remove-WorkflowHistory", description);
        }
    }
}
