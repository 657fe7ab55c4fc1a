using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>History lines keep their run number (taken under the history lock) and the workflow's name and settings (issue 14).</summary>
    public class HistoryNumberingTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private string File => HistoryFileName.PathIn(_dir.Path, "nightly");

        private WorkflowSettings History(WorkflowSettings s = null)
        {
            s ??= new WorkflowSettings();
            s.HistoryPath = _dir.Path;
            return s;
        }

        private static RunCompletion Run(ProfilerSession s, WorkflowSettings settings, double ms)
        {
            WorkflowRun run = s.StartRun("nightly", settings, false, out _, out string[] warnings);
            Assert.Empty(warnings);
            run.Record("compile", ms);
            return run.Complete(ms);
        }

        [Fact]
        public void Writers_that_loaded_the_same_history_get_distinct_numbers_and_report_them()
        {
            var seed = new ProfilerSession();
            for (int i = 1; i <= 3; i++) Run(seed, History(), 10 * i);
            const int Writers = 6;
            var sessions = new ProfilerSession[Writers];
            var runs = new WorkflowRun[Writers];
            for (int i = 0; i < Writers; i++)
            {
                sessions[i] = new ProfilerSession();
                runs[i] = sessions[i].StartRun("nightly", History(), false, out _);
                Assert.Equal(4, runs[i].RunNumber);   // each loaded 3 runs
                runs[i].Record("compile", 100 + i);
            }
            using var go = new Barrier(Writers);
            RunCompletion[] done = Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => { go.SignalAndWait(); return runs[i].Complete(100 + i); }))).Result;

            int[] numbers = done.Select(d => d.Run.RunNumber).OrderBy(n => n).ToArray();
            Assert.Equal(Enumerable.Range(4, Writers), numbers);
            for (int i = 0; i < Writers; i++)
            {
                Assert.Null(done[i].HistoryError);
                Assert.Equal(done[i].Run.RunNumber, runs[i].RunNumber);               // the run object carries it
                Assert.Equal(done[i].Run.RunNumber, done[i].Profile.RunCount);        // and the profile Complete returns
                Assert.Equal(done[i].Run.RunNumber, done[i].Profile.Runs.Last().RunNumber);
            }
            var reader = new ProfilerSession();
            WorkflowPerformanceProfile loaded = reader.OpenHistory(_dir.Path, "nightly", out string[] warnings);
            Assert.Empty(warnings);
            Assert.Equal(3 + Writers, loaded.RunCount);
            // Each number in the file is the run that reported it.
            Assert.All(done, d => Assert.Equal(d.Run.RunId, loaded.Runs.Single(r => r.RunNumber == d.Run.RunNumber).RunId));
        }

        [Fact]
        public void The_workflow_name_and_settings_come_back_and_are_written_once_then_on_change()
        {
            var settings = new WorkflowSettings { WorkflowName = "Nightly build", WindowSize = 7, RelativeThreshold = 0.25, AbsoluteThreshold = 12, MinimumSamples = 4 };
            var first = new ProfilerSession();
            Run(first, History(settings), 10);
            Run(first, History(), 11);
            string[] lines = System.IO.File.ReadAllLines(File);
            Assert.Contains("\"settings\":{\"workflowName\":\"Nightly build\",\"windowSize\":7,\"relativeThreshold\":0.25,\"absoluteThreshold\":12,\"minimumSamples\":4}", lines[0]);
            Assert.DoesNotContain("\"settings\"", lines[1]);

            WorkflowPerformanceProfile p = new ProfilerSession().OpenHistory(_dir.Path, "nightly", out _);
            Assert.Equal(("Nightly build", 7), (p.WorkflowName, p.WindowSize));
            var wf = new ProfilerSession();
            wf.OpenHistory(_dir.Path, "nightly", out _);
            var rule = wf.GetWorkflow("nightly").Rule;
            Assert.Equal((0.25, 12.0, 4), (rule.RelativeThreshold, rule.AbsoluteThreshold, rule.MinimumBaselineSamples));

            // A start that changes a setting writes the settings again; a new process gets the latest.
            var second = new ProfilerSession();
            Run(second, History(new WorkflowSettings { AbsoluteThreshold = 30 }), 12);
            Assert.Contains("\"absoluteThreshold\":30", System.IO.File.ReadAllLines(File)[2]);
            Assert.Contains("\"workflowName\":\"Nightly build\"", System.IO.File.ReadAllLines(File)[2]);
            var third = new ProfilerSession();
            third.OpenHistory(_dir.Path, "nightly", out _);
            Assert.Equal((30.0, 7, "Nightly build"), (third.GetWorkflow("nightly").Rule.AbsoluteThreshold, third.GetWorkflow("nightly").WindowSize, third.GetWorkflow("nightly").WorkflowName));

            // A setting given at the start wins over the file's.
            var fourth = new ProfilerSession();
            fourth.StartRun("nightly", History(new WorkflowSettings { WorkflowName = "Renamed", WindowSize = 3 }), false, out _);
            Assert.Equal(("Renamed", 3, 30.0), (fourth.GetWorkflow("nightly").WorkflowName, fourth.GetWorkflow("nightly").WindowSize, fourth.GetWorkflow("nightly").Rule.AbsoluteThreshold));
        }

        [Fact]
        public void A_window_that_grew_along_the_file_keeps_the_older_runs_however_the_file_is_opened()
        {
            // Eight runs with a window of 5, then one that widens it to 20: the file holds nine runs, all in the window.
            var writer = new ProfilerSession();
            for (int i = 1; i <= 8; i++) Run(writer, History(new WorkflowSettings { WindowSize = 5 }), 10 * i);
            Run(writer, History(new WorkflowSettings { WindowSize = 20 }), 90);
            double[] all = { 10, 20, 30, 40, 50, 60, 70, 80, 90 };

            WorkflowPerformanceProfile opened = new ProfilerSession().OpenHistory(_dir.Path, "nightly", out _);
            Assert.Equal(20, opened.WindowSize);
            Assert.Equal(all, opened.NodeData.Single().Durations);
            var started = new ProfilerSession();
            started.StartRun("nightly", History(), false, out _);
            Assert.Equal(all, started.GetWorkflow("nightly").GetProfile().NodeData.Single().Durations);
            // A window given at the start still wins.
            var narrow = new ProfilerSession();
            narrow.StartRun("nightly", History(new WorkflowSettings { WindowSize = 3 }), false, out _);
            Assert.Equal(new double[] { 70, 80, 90 }, narrow.GetWorkflow("nightly").GetProfile().NodeData.Single().Durations);
        }

        [Fact]
        public void Lines_before_version_5_are_numbered_by_position_and_the_next_writer_continues_after_them()
        {
            Run(new ProfilerSession(), History(), 10);
            string v5 = System.IO.File.ReadAllLines(File)[0];
            string v4 = System.Text.RegularExpressions.Regex.Replace(v5, ",\"settings\":\\{[^}]*\\}", "").Replace("\"runNumber\":1,", "").Replace("\"schemaVersion\":5", "\"schemaVersion\":4");
            Assert.DoesNotContain("runNumber", v4);
            string other = v4.Replace(v4.Substring(v4.IndexOf("\"runId\":\"") + 9, 8), "0badc0de");
            System.IO.File.WriteAllText(File, v4 + "\n" + "torn{\n" + other + "\n");

            WorkflowRun run = new ProfilerSession().StartRun("nightly", History(), false, out _, out string[] loadWarnings);
            Assert.Contains("line 2 was skipped", Assert.Single(loadWarnings));
            run.Record("compile", 20);
            RunCompletion done = run.Complete(20);
            Assert.Equal(3, done.Run.RunNumber);
            string last = System.IO.File.ReadAllLines(File).Last();
            Assert.Contains("\"runNumber\":3,", last);
            Assert.Contains("\"settings\":{", last);   // the file had none

            var warnings = new List<string>();
            var records = new List<HistoryRecord>();
            HistoryFile.Load(File, "nightly", records.Add, warnings);
            Assert.Equal(new[] { 1, 2, 3 }, records.Select(r => r.RunNumber));
            Assert.Single(warnings);   // the torn line
        }

        [Fact]
        public void A_line_whose_number_is_not_after_the_one_before_is_skipped_with_a_warning()
        {
            var s = new ProfilerSession();
            Run(s, History(), 10);
            Run(s, History(), 11);
            string[] lines = System.IO.File.ReadAllLines(File);
            System.IO.File.AppendAllText(File, lines[1].Replace("\"runNumber\":2", "\"runNumber\":1") + "\n");
            var warnings = new List<string>();
            var records = new List<HistoryRecord>();
            HistoryFile.Load(File, "nightly", records.Add, warnings);
            Assert.Equal(new[] { 1, 2 }, records.Select(r => r.RunNumber));
            Assert.Contains("line 3 was skipped because its run number 1 is not after run 2", Assert.Single(warnings));
        }

        [Fact]
        public void A_removed_history_restarts_after_the_session_s_numbers_so_they_only_rise()
        {
            var s = new ProfilerSession();
            Run(s, History(), 10);
            Run(s, History(), 11);
            HistoryMaintenance.Remove(File);
            Assert.Equal(3, Run(s, History(), 12).Run.RunNumber);
            Assert.Contains("\"runNumber\":3,", System.IO.File.ReadAllText(File));
        }
    }
}
