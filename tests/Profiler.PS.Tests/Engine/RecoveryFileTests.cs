using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>
    /// The last retry of pending history writes (module removal, runspace close): runs whose history still cannot be
    /// written go to a recovery file whose records, appended to the history, take the next run numbers there.
    /// A folder where the history file goes makes the append fail, even for root.
    /// </summary>
    public class RecoveryFileTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();

        public void Dispose() => _dir.Dispose();

        private string History => HistoryFileName.PathIn(_dir.Path, "w");

        private RunCompletion Run(ProfilerSession s, double ms, string folder = null)
        {
            _clock.Advance(1000);
            WorkflowRun run = s.StartRun("w", new WorkflowSettings { HistoryPath = folder ?? _dir.Path, WorkflowName = "Nightly" }, false, out _);
            run.Record("a", ms);
            return run.Complete();
        }

        /// <summary>A session with one run written to folder "h", then one pending: a file now stands where the folder was.</summary>
        private ProfilerSession PendingInUnwritableFolder(out string folder)
        {
            folder = Path.Combine(_dir.Path, "h");
            var s = new ProfilerSession(_clock);
            Run(s, 10, folder);
            Directory.Move(folder, folder + ".away");
            File.WriteAllText(folder, "a file where the history folder was");
            Assert.NotNull(Run(s, 20, folder).HistoryError);
            return s;
        }

        /// <summary>Moves the history away and puts a folder in its place; the returned action puts the history back.</summary>
        private Action FolderInTheWay(string history)
        {
            File.Move(history, history + ".away");
            Directory.CreateDirectory(history);
            return () =>
            {
                Directory.Delete(history);
                File.Move(history + ".away", history);
            };
        }

        private static List<double> LoadedDurations(string folder, out WorkflowPerformanceProfile profile)
        {
            profile = new ProfilerSession().OpenHistory(folder, "w", out string[] warnings);
            Assert.Empty(warnings);
            return profile.NodeData.Single(n => n.NodeId == "a").Durations.ToList();
        }

        [Fact]
        public void Runs_the_last_retry_cannot_write_go_to_a_recovery_file_beside_the_history_and_rejoin_it_after_other_writers()
        {
            var s = new ProfilerSession(_clock);
            Run(s, 10);
            Action putBack = FolderInTheWay(History);
            Assert.NotNull(Run(s, 20).HistoryError);
            Assert.NotNull(Run(s, 30).HistoryError);
            WorkflowProfiler wf = s.GetWorkflow("w");
            Assert.Equal(2, wf.PendingHistoryWrites);

            SessionEndNotice notice = Assert.Single(s.SaveHistoryAtEnd("when the module was removed"));

            string expected = History + ".pending-" + _clock.Now.UtcDateTime.ToString("yyyyMMddHHmmss") + "-" + Environment.ProcessId;
            Assert.Equal(expected, notice.RecoveryFile);
            Assert.True(notice.HistoryWriteFailed);
            Assert.Equal(0, wf.PendingHistoryWrites);   // moved to the file: no later retry writes them twice
            Assert.Contains("2 runs (2 to 3) of workflow 'w' failed again when the module was removed (the last retry).", notice.Message);
            Assert.Contains("is a folder", notice.Message);
            Assert.Contains($"Get-Content -LiteralPath '{expected}' -Encoding UTF8 | Add-Content -LiteralPath '{History}' -Encoding UTF8; Remove-Item -LiteralPath '{expected}'", notice.Message);
            Assert.DoesNotContain("Nothing is lost", notice.Message);
            string[] lines = File.ReadAllLines(notice.RecoveryFile);
            Assert.Equal(3, lines.Length);
            Assert.Equal("", lines[0]);   // a torn last line of the history cannot swallow the first record
            Assert.All(lines.Skip(1), l => Assert.DoesNotContain("\"runNumber\"", l));
            Assert.Contains("\"workflowName\":\"Nightly\"", lines[1]);
            Assert.Empty(s.SaveHistoryAtEnd("when the module was removed"));

            putBack();
            Run(new ProfilerSession(_clock), 40);   // another process took run 2 meanwhile
            File.AppendAllText(History, File.ReadAllText(notice.RecoveryFile));   // what the printed command does

            Assert.Equal(new[] { 10.0, 40, 20, 30 }, LoadedDurations(_dir.Path, out WorkflowPerformanceProfile loaded));
            Assert.Equal(new[] { 1, 2, 3, 4 }, loaded.Runs.Select(r => r.RunNumber));
            Assert.Equal("Nightly", loaded.WorkflowName);
            Run(new ProfilerSession(_clock), 50);   // the next writer numbers after the recovered runs
            Assert.Equal(5, LoadedDurations(_dir.Path, out loaded).Count);
            Assert.Equal(5, loaded.Runs.Last().RunNumber);
        }

        [Fact]
        public void A_history_folder_that_cannot_be_written_sends_the_recovery_file_to_the_temp_folder()
        {
            ProfilerSession s = PendingInUnwritableFolder(out string folder);

            SessionEndNotice notice = Assert.Single(s.CompleteRunsInFlight(null));
            try
            {
                Assert.Equal(Path.GetFullPath(Path.GetTempPath()).TrimEnd(Path.DirectorySeparatorChar), Path.GetDirectoryName(notice.RecoveryFile));
                Assert.StartsWith("w.jsonl.pending-", Path.GetFileName(notice.RecoveryFile));
                Assert.Contains("when its runspace closed", notice.Message);
                Assert.Equal(2, File.ReadAllLines(notice.RecoveryFile).Length);
            }
            finally
            {
                File.Delete(notice.RecoveryFile);
            }
        }

        [Fact]
        public void A_run_completed_at_the_close_whose_write_fails_is_in_the_recovery_file_and_its_warning_says_so_once()
        {
            var s = new ProfilerSession(_clock);
            Run(s, 10);
            Action putBack = FolderInTheWay(History);
            WorkflowRun run = s.StartRun("w", null, false, out _);
            run.Record("a", 20);

            SessionEndNotice notice = Assert.Single(s.CompleteRunsInFlight(null));

            Assert.Equal("Completed", run.State);
            Assert.StartsWith("Run 2 of workflow 'w' was still in flight when its runspace closed", notice.Message);
            Assert.DoesNotContain(" and but ", notice.Message);
            Assert.DoesNotContain("Nothing is lost", notice.Message);
            Assert.DoesNotMatch(@"(?<!\.)\.\.(?!\.)", notice.Message);   // no doubled full stop ("removed.."); "..." is the idiom's own
            Assert.Contains("run 2 of workflow 'w' failed again when its runspace closed", notice.Message);
            Assert.Equal(2, File.ReadAllLines(notice.RecoveryFile).Length);
            putBack();
            Assert.Single(File.ReadAllLines(History));
        }

        [Fact]
        public void Nothing_pending_or_a_last_retry_that_succeeds_needs_no_notice_and_no_file()
        {
            var s = new ProfilerSession(_clock);
            Run(s, 10);
            Assert.Empty(s.SaveHistoryAtEnd("when the module was removed"));
            Action putBack = FolderInTheWay(History);
            Assert.NotNull(Run(s, 20).HistoryError);
            putBack();
            Assert.Empty(s.SaveHistoryAtEnd("when the module was removed"));
            Assert.Equal(2, File.ReadAllLines(History).Length);
            Assert.Equal(new[] { "w.jsonl", "w.jsonl.lock" }, Directory.GetFiles(_dir.Path).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void A_recovery_file_is_never_listed_as_a_history_nor_replaces_an_existing_file()
        {
            var s = new ProfilerSession(_clock);
            Run(s, 10);
            Action putBack = FolderInTheWay(History);
            Assert.NotNull(Run(s, 20).HistoryError);
            string taken = History + ".pending-" + _clock.Now.UtcDateTime.ToString("yyyyMMddHHmmss") + "-" + Environment.ProcessId;
            File.WriteAllText(taken, "someone else's");

            SessionEndNotice notice = Assert.Single(s.SaveHistoryAtEnd("when the module was removed"));

            Assert.Equal(taken + "-2", notice.RecoveryFile);
            Assert.Equal("someone else's", File.ReadAllText(taken));
            putBack();
            HistoryEntry entry = Assert.Single(HistoryFolder.List(_dir.Path));
            Assert.Equal(History, entry.Path);
        }

        [Fact]
        public void When_no_recovery_file_can_be_written_the_runs_stay_pending_and_the_notice_carries_their_records()
        {
            ProfilerSession s = PendingInUnwritableFolder(out string folder);
            RecoveryFile.TempFolder = Path.Combine(folder, "tmp");   // under a file too
            SessionEndNotice notice;
            try
            {
                notice = Assert.Single(s.SaveHistoryAtEnd("when the module was removed"));
            }
            finally
            {
                RecoveryFile.TempFolder = null;
            }

            Assert.Null(notice.RecoveryFile);
            Assert.True(notice.HistoryWriteFailed);
            Assert.Equal(1, s.GetWorkflow("w").PendingHistoryWrites);   // the session may still write it if it goes on
            Assert.Contains("No recovery file could be written either", notice.Message);
            Assert.Contains("lost when this session ends unless you keep its record", notice.Message);
            string record = notice.Message.Split('\n').Last();
            Assert.StartsWith("{\"format\":\"Profiler.PS.History\"", record);
            Assert.Contains("\"duration\":20", record);
        }
    }
}
