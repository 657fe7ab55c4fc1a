using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Hardening
{
    /// <summary>Issue 13, faults 7 and 9: bytes counted as they are read (FIFOs, devices), -Path that matches nothing, -LiteralPath.</summary>
    [Collection("Memory")] // measures allocations: no test may run beside it
    public class PathAndCapTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        public PathAndCapTests() => _ps.RunClean($"$ExecutionContext.SessionState.Path.SetLocation('{_dir.Path.Replace("'", "''")}') | Out-Null; Start-WorkflowProfile ci; Add-NodeTiming compile 5; $null = Complete-WorkflowProfile");

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        private static bool Unix => !System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);

        private string Fifo(string name)
        {
            string path = _dir.File(name);
            using (Process p = Process.Start(new ProcessStartInfo("mkfifo", "\"" + path + "\"") { UseShellExecute = false })) p.WaitForExit();
            Assert.True(File.Exists(path));
            return path;
        }

        /// <summary>Feeds <paramref name="bytes"/> bytes of '{' into the FIFO; the reader may stop early (a broken pipe).</summary>
        private static Task Feed(string fifo, long bytes) => Task.Run(() =>
        {
            try
            {
                using (var w = new FileStream(fifo, FileMode.Open, FileAccess.Write))
                {
                    var chunk = Enumerable.Repeat((byte)' ', 1 << 16).ToArray();
                    for (long sent = 0; sent < bytes; sent += chunk.Length) w.Write(chunk, 0, chunk.Length);
                }
            }
            catch (IOException) { }   // the reader stopped at the cap
        });

        [Fact]
        public void Import_of_a_fifo_stops_at_the_cap_with_an_error_naming_the_file()
        {
            if (!Unix) return;   // FIFOs are a Unix file type
            string fifo = Fifo("feed.json");
            Task writer = Feed(fifo, 80L << 20);
            PsResult r = _ps.Run("Import-WorkflowProfile -LiteralPath feed.json");
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.StartsWith("ImportWorkflowProfileInvalidFile,", e.FullyQualifiedErrorId);
            Assert.Contains(fifo, e.Exception.Message);
            Assert.Contains("more than the 67,108,864 bytes", e.Exception.Message);
            Assert.True(writer.Wait(TimeSpan.FromSeconds(30)));
        }

        [Fact]
        public void Import_of_dev_zero_stops_at_the_cap_with_bounded_memory()
        {
            if (!File.Exists("/dev/zero")) return;
            long before = GC.GetTotalAllocatedBytes(precise: false);
            PsResult r = _ps.Run("Import-WorkflowProfile -LiteralPath /dev/zero");
            long allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Contains("'/dev/zero'", e.Exception.Message);
            Assert.Contains("more than the 67,108,864 bytes", e.Exception.Message);
            Assert.True(allocated < 400L << 20, $"allocated {allocated:N0} bytes");
        }

        [Fact]
        public void A_history_file_that_is_a_fifo_is_refused_by_name_not_read_without_end()
        {
            if (!Unix) return;
            string history = _dir.File("history");
            Directory.CreateDirectory(history);
            string fifo = Path.Combine(history, "pipe.jsonl");
            using (Process p = Process.Start(new ProcessStartInfo("mkfifo", "\"" + fifo + "\"") { UseShellExecute = false })) p.WaitForExit();
            var session = new ProfilerSession(new ManualClock());
            var ex = Assert.Throws<ProfilerException>(() => session.StartRun("pipe", new WorkflowSettings { HistoryPath = history }, false, out _, out _));
            Assert.Contains(fifo, ex.Message);
            Assert.Contains("not a regular file", ex.Message);
        }

        [Fact]
        public void A_path_matching_no_file_is_an_error_naming_it_and_LiteralPath_reads_the_file()
        {
            _ps.RunClean("Export-WorkflowProfile -LiteralPath 'out[1].json'; Clear-WorkflowProfile ci -Confirm:$false");
            Assert.True(File.Exists(_dir.File("out[1].json")));
            PsResult r = _ps.Run("Import-WorkflowProfile -Path 'out[1].json'");
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.StartsWith("ImportWorkflowProfileFileNotFound,", e.FullyQualifiedErrorId);
            Assert.Contains("'out[1].json'", e.Exception.Message);
            Assert.Contains("-LiteralPath", e.Exception.Message);
            Assert.Empty(r.Output);
            PsResult ok = _ps.RunClean("Import-WorkflowProfile -LiteralPath 'out[1].json'");
            Assert.Equal("ci", Assert.Single(ok.Objects<WorkflowPerformanceProfile>()).WorkflowId);
        }

        [Fact]
        public void Get_ChildItem_output_binds_to_LiteralPath()
        {
            _ps.RunClean("Export-WorkflowProfile -LiteralPath 'a[1].json'; Clear-WorkflowProfile ci -Confirm:$false");
            PsResult r = _ps.RunClean("Get-ChildItem -Filter *.json | Import-WorkflowProfile");
            Assert.Equal("ci", Assert.Single(r.Objects<WorkflowPerformanceProfile>()).WorkflowId);
        }

        [Theory]
        [InlineData("Export-WorkflowProfile")]
        [InlineData("Export-WorkflowReport")]
        public void Exports_write_the_literal_name_with_LiteralPath_and_the_matched_file_with_Path(string cmdlet)
        {
            File.WriteAllText(_dir.File("r1.txt"), "old");
            _ps.RunClean($"{cmdlet} -Path 'r[1].txt'");   // the pattern names r1.txt
            Assert.NotEqual("old", File.ReadAllText(_dir.File("r1.txt")));
            Assert.False(File.Exists(_dir.File("r[1].txt")));
            _ps.RunClean($"{cmdlet} -LiteralPath 'r[1].txt'");
            Assert.True(File.Exists(_dir.File("r[1].txt")));
        }

        [Fact]
        public void A_budgets_path_matching_no_file_stops_the_gate_and_LiteralPath_reads_it()
        {
            File.WriteAllText(_dir.File("b[1].psd1"), "@{ Nodes = @{ compile = 1 } }");
            PsResult r = _ps.Run("Test-WorkflowBudget -Path 'b[1].psd1' -Quiet");
            ErrorRecord e = r.Terminating?.ErrorRecord ?? Assert.Single(r.Errors);
            Assert.StartsWith("TestWorkflowBudgetFileNotFound,", e.FullyQualifiedErrorId);
            Assert.Equal(false, r.Single());   // never $true: the gate checked nothing, and -Quiet answers so
            PsResult gate = _ps.Run("Test-WorkflowBudget -LiteralPath 'b[1].psd1' -Quiet");
            Assert.Equal(false, gate.Single());
        }

        [Fact]
        public void Every_path_parameter_has_a_LiteralPath_sibling_with_the_PSPath_alias()
        {
            foreach (string name in new[] { "Import-WorkflowProfile", "Export-WorkflowProfile", "Export-WorkflowReport", "Test-WorkflowBudget", "Import-WorkflowRun" })
            {
                var command = (CmdletInfo)_ps.RunClean($"Get-Command {name}").Single();
                ParameterMetadata literal = command.Parameters["LiteralPath"];
                Assert.Contains("PSPath", literal.Aliases);
                Assert.Contains("LiteralPath", literal.ParameterSets.Keys);
                Assert.DoesNotContain("LiteralPath", command.Parameters["Path"].ParameterSets.Keys);
            }
        }
    }
}
