using System;
using System.IO;
using System.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// Measure-WorkflowScript's exit-code rule (ExitCodeWatch) in the real engine: a call or statement during which
    /// $LASTEXITCODE was set keeps the code, and a non-zero one fails it, as Measure-WorkflowNode judges a block;
    /// -IgnoreExitCode keeps the codes and fails nothing by them, while exit statements are still judged by their code.
    /// </summary>
    public class MeasureWorkflowScriptExitCodeTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("n"));

        public MeasureWorkflowScriptExitCodeTests() => Directory.CreateDirectory(_folder);

        public void Dispose()
        {
            _ps.Dispose();
            Directory.Delete(_folder, true);
        }

        /// <summary>Runs <paramref name="text"/> as a script profiled in an outer run; returns "NodeId Status=ExitCode" per execution, in the order recorded.</summary>
        private string[] Outcomes(string text, string options = "")
        {
            string path = Path.Combine(_folder, Guid.NewGuid().ToString("n") + ".ps1");
            File.WriteAllText(path, text);
            _ps.Run($"Start-WorkflowProfile outer -Force; $null = Measure-WorkflowScript -LiteralPath '{path}' {options}");
            NodeTiming[] timings = _ps.RunClean("Get-NodeTiming -WorkflowId outer").Objects<NodeTiming>();
            _ps.RunClean("$null = Complete-WorkflowProfile -WorkflowId outer -WarningAction SilentlyContinue");
            return timings.Select(t => $"{t.NodeId} {t.Status}={t.ExitCode}").ToArray();
        }

        [Fact]
        public void A_native_command_failing_inside_a_function_fails_the_function_its_callers_and_its_statement()
        {
            string[] outcomes = Outcomes("function Invoke-Inner { sh -c 'exit 3' }\nfunction Invoke-Outer { Invoke-Inner; 'after' }\nInvoke-Outer\n'next'\n");
            Assert.Equal(new[] { "Invoke-Inner Failed=3", "Invoke-Outer Failed=3", "L3 Invoke-Outer Failed=3", "L4 'next' Succeeded=" }, outcomes);
        }

        [Fact]
        public void The_last_code_decides_and_a_call_that_set_none_has_none()
        {
            string[] outcomes = Outcomes("function Invoke-Fix { sh -c 'exit 2'; sh -c 'exit 0' }\nfunction Get-Plain { 'plain' }\nsh -c 'exit 4'\nInvoke-Fix\nGet-Plain\n");
            Assert.Equal(new[] { "L3 sh -c 'exit 4' Failed=4", "Invoke-Fix Succeeded=0", "L4 Invoke-Fix Succeeded=0", "Get-Plain Succeeded=", "L5 Get-Plain Succeeded=" }, outcomes);
        }

        [Fact]
        public void A_pipeline_command_is_not_charged_the_codes_set_while_it_waited_between_its_blocks()
        {
            string[] outcomes = Outcomes("function Get-Two { 'a'; sh -c 'exit 5'; 'b' }\nfunction Measure-Two { begin { $n = 0 } process { $n++ } end { $n } }\nGet-Two | Measure-Two\n");
            Assert.Contains("Get-Two Failed=5", outcomes);
            Assert.Contains("Measure-Two Succeeded=", outcomes);
            Assert.Contains("L3 Get-Two | Measure-Two Failed=5", outcomes);
        }

        [Fact]
        public void IgnoreExitCode_keeps_codes_without_failing_and_a_statement_that_wrote_an_error_still_fails()
        {
            string[] outcomes = Outcomes("function Invoke-Copy { sh -c 'exit 1' }\nInvoke-Copy\nsh -c 'exit 2'\nif ($true) {\n sh -c 'exit 3'; Write-Error 'broke'\n}\n", "-IgnoreExitCode -ErrorAction SilentlyContinue");
            Assert.Equal(new[] { "Invoke-Copy Succeeded=1", "L2 Invoke-Copy Succeeded=1", "L3 sh -c 'exit 2' Succeeded=2", "L4 if ($true) { Failed=3" }, outcomes);
        }

        [Fact]
        public void IgnoreExitCode_still_fails_an_exit_statement_after_a_timed_call_in_the_finally_it_ran()
        {
            // The cleanup call in the finally runs before exit stores the code; the quit mark must outlive its probes.
            string[] outcomes = Outcomes("function Invoke-Cleanup { 'clean' }\nfunction Stop-Build { try { exit 3 } finally { Invoke-Cleanup } }\nStop-Build\n", "-IgnoreExitCode");
            Assert.Equal(new[] { "Invoke-Cleanup Succeeded=", "Stop-Build Failed=3", "L3 Stop-Build Failed=3" }, outcomes);
        }
    }
}
