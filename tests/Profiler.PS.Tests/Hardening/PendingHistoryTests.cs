using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Hardening
{
    /// <summary>Issue 13, fault 1 and 8: a failed history write never loses the run; a bad history location is reported at once.</summary>
    public class PendingHistoryTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private string Dir => _dir.Path.Replace("'", "''");
        private string HistoryFile => _dir.File("ci.jsonl");

        private static string[] RunIds(string file) => File.ReadAllLines(file).Select(l => l.Substring(l.IndexOf("\"runId\"", StringComparison.Ordinal), 50)).ToArray();

        /// <summary>Puts a folder where the history file goes, runs <paramref name="script"/>, then puts the file back.</summary>
        private PsResult WithFolderInTheWay(PsSession ps, string script)
        {
            File.Move(HistoryFile, HistoryFile + ".away");
            Directory.CreateDirectory(HistoryFile);
            PsResult r = ps.Run(script);
            Directory.Delete(HistoryFile);
            File.Move(HistoryFile + ".away", HistoryFile);
            return r;
        }

        [Fact]
        public void A_failed_write_keeps_the_run_completed_and_pending_and_the_next_complete_writes_both_once()
        {
            using var ps = new PsSession();
            ps.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'; Add-NodeTiming build 100; $null = Complete-WorkflowProfile");
            PsResult failed = WithFolderInTheWay(ps, "Start-WorkflowProfile ci; Add-NodeTiming build 110; Complete-WorkflowProfile");
            Assert.Null(failed.Terminating);
            ErrorRecord e = Assert.Single(failed.Errors);
            Assert.StartsWith("CompleteWorkflowProfileHistoryWritePending,", e.FullyQualifiedErrorId);
            Assert.Contains("run 2", e.Exception.Message);
            Assert.Contains("is pending", e.Exception.Message);
            Assert.Contains("Save-WorkflowHistory", e.Exception.Message);
            Assert.Equal(2, ((WorkflowPerformanceProfile)failed.Single()).RunCount);   // completed in the session
            Assert.Single(File.ReadAllLines(HistoryFile));

            ps.RunClean("Start-WorkflowProfile ci; Add-NodeTiming build 120; $null = Complete-WorkflowProfile");
            string[] ids = RunIds(HistoryFile);
            Assert.Equal(3, ids.Length);
            Assert.Equal(3, ids.Distinct().Count());
            using var reload = new PsSession();
            reload.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'");
            var node = (NodePerformanceData)reload.RunClean("Get-NodeStatistics build").Single();
            Assert.Equal(new[] { 100.0, 110, 120 }, node.Durations);   // completion order kept
        }

        [Fact]
        public void Save_WorkflowHistory_retries_the_pending_write_and_never_writes_it_twice()
        {
            using var ps = new PsSession();
            ps.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'; Add-NodeTiming build 100; $null = Complete-WorkflowProfile");
            PsResult failed = WithFolderInTheWay(ps, "Start-WorkflowProfile ci; Add-NodeTiming build 110; $null = Complete-WorkflowProfile; Save-WorkflowHistory");
            Assert.Equal(new[] { "CompleteWorkflowProfileHistoryWritePending", "SaveWorkflowHistoryHistoryWritePending" },
                failed.Errors.Select(x => x.FullyQualifiedErrorId.Split(',')[0]));
            PsResult saved = ps.RunClean("Save-WorkflowHistory -Verbose; Save-WorkflowHistory ci -Verbose");
            Assert.Contains("1 pending run(s) written", saved.Verbose[0]);
            Assert.Contains("0 pending run(s) written", saved.Verbose[1]);
            Assert.Equal(2, RunIds(HistoryFile).Distinct().Count());
            Assert.Equal(2, File.ReadAllLines(HistoryFile).Length);
        }

        [Fact]
        public void Removing_the_module_writes_the_pending_runs()
        {
            using var ps = new PsSession();
            ps.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'; Add-NodeTiming build 100; $null = Complete-WorkflowProfile");
            WithFolderInTheWay(ps, "Start-WorkflowProfile ci; Add-NodeTiming build 110; $null = Complete-WorkflowProfile");
            Assert.Single(File.ReadAllLines(HistoryFile));
            ps.RunClean("Remove-Module Profiler.PS");
            Assert.Equal(2, File.ReadAllLines(HistoryFile).Length);
        }

        [Fact]
        public void Removing_the_module_while_the_write_still_fails_saves_the_run_to_a_recovery_file_that_nothing_writes_twice()
        {
            using var ps = new PsSession();
            ps.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'; Add-NodeTiming build 100; $null = Complete-WorkflowProfile");
            File.Move(HistoryFile, HistoryFile + ".away");
            Directory.CreateDirectory(HistoryFile);
            ps.Run("Start-WorkflowProfile ci; Add-NodeTiming build 110; $null = Complete-WorkflowProfile");
            PsResult removed = ps.Run("Remove-Module Profiler.PS");
            Assert.Null(removed.Terminating);
            Assert.Empty(removed.Errors);   // removal has no error stream: the host and standard error are told
            string recovery = Assert.Single(Directory.GetFiles(_dir.Path, "ci.jsonl.pending-*"));
            Directory.Delete(HistoryFile);
            File.Move(HistoryFile + ".away", HistoryFile);
            Assert.Single(File.ReadAllLines(HistoryFile));

            // Imported again, the session goes on: the run moved to the recovery file is not written by the next complete.
            ps.RunClean($"Import-Module '{PsSession.ManifestPath.Replace("'", "''")}'; Start-WorkflowProfile ci; Add-NodeTiming build 120; $null = Complete-WorkflowProfile");
            ps.Runspace.Close();
            Assert.Single(Directory.GetFiles(_dir.Path, "ci.jsonl.pending-*"));
            Assert.Equal(2, File.ReadAllLines(HistoryFile).Length);
            File.AppendAllText(HistoryFile, File.ReadAllText(recovery));
            using var reload = new PsSession();
            var node = (NodePerformanceData)reload.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'; Get-NodeStatistics build").Single();
            Assert.Equal(new[] { 100.0, 120, 110 }, node.Durations);   // each run once; the recovered one numbered last
        }

        [Fact]
        public void A_history_file_that_is_a_folder_is_reported_at_start_not_at_complete()
        {
            Directory.CreateDirectory(HistoryFile);
            using var ps = new PsSession();
            PsResult r = ps.Run($"Start-WorkflowProfile ci -HistoryPath '{Dir}'");
            ErrorRecord e = Assert.Single(r.Errors);   // statement-terminating: the start did not happen
            Assert.StartsWith("StartWorkflowProfileInvalidHistoryPath,", e.FullyQualifiedErrorId);
            Assert.Contains("is a folder", e.Exception.Message);
            Assert.DoesNotContain("another writer", e.Exception.Message);
        }

        [Fact]
        public void A_history_path_that_is_a_file_is_reported_by_start_and_by_set_profileroption()
        {
            string file = _dir.File("plain.txt");
            File.WriteAllText(file, "x");
            using var ps = new PsSession();
            PsResult start = ps.Run($"Start-WorkflowProfile ci -HistoryPath '{file.Replace("'", "''")}'");
            ErrorRecord s1 = Assert.Single(start.Errors);
            Assert.StartsWith("StartWorkflowProfileInvalidHistoryPath,", s1.FullyQualifiedErrorId);
            Assert.Contains("is a file, not a folder", s1.Exception.Message);
            PsResult set = ps.Run($"Set-ProfilerOption -HistoryPath '{file.Replace("'", "''")}'");
            ErrorRecord e = Assert.Single(set.Errors);
            Assert.StartsWith("SetProfilerOptionInvalidHistoryPath,", e.FullyQualifiedErrorId);
            Assert.Contains("is a file, not a folder", e.Exception.Message);
            PsResult under = ps.Run($"Set-ProfilerOption -HistoryPath '{Path.Combine(file, "sub").Replace("'", "''")}'");
            Assert.Contains("is a file, not a folder", Assert.Single(under.Errors).Exception.Message);
        }
    }
}
