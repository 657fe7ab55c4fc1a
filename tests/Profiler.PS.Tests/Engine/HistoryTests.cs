using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>History folders: load on create, append on complete, torn lines, foreign files, concurrent writers.</summary>
    public class HistoryTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();

        public void Dispose() => _dir.Dispose();

        private WorkflowSettings Settings(int window = 20) => new WorkflowSettings { HistoryPath = _dir.Path, WindowSize = window };

        private string File(string id = "build") => HistoryFileName.PathIn(_dir.Path, id);

        private RunCompletion Run(ProfilerSession s, string id, double total, params (string Node, double Ms)[] timings)
        {
            _clock.Advance(1000);
            WorkflowRun run = s.StartRun(id, Settings(), false, out _, out string[] warnings);
            Assert.Empty(warnings);
            foreach (var (node, ms) in timings) run.Record(node, ms, node == "a" ? "kind" : null, node == "a" ? "Label A" : null);
            return run.Complete(total);
        }

        [Fact]
        public void Completed_runs_are_appended_and_a_new_session_loads_them()
        {
            var first = new ProfilerSession(_clock);
            for (int i = 1; i <= 5; i++) Run(first, "build", 100 * i, ("a", 10 * i), ("b", 1), ("a", 1));
            Run(first, "build", 900, ("a", 500), ("b", 1));
            Assert.Equal(6, System.IO.File.ReadAllLines(File()).Length);
            var second = new ProfilerSession(new ManualClock());
            WorkflowRun next = second.StartRun("build", Settings(), false, out _, out string[] warnings);
            Assert.Empty(warnings);
            Assert.Equal(7, next.RunNumber);
            WorkflowPerformanceProfile a = first.GetWorkflow("build").GetProfile(), b = second.GetWorkflow("build").GetProfile();
            Assert.Equal(a.RunCount, b.RunCount);
            Assert.Equal(a.TotalDuration, b.TotalDuration);
            Assert.Equal(a.Timestamp, b.Timestamp);
            Assert.Equal(a.Runs.Select(r => (r.RunNumber, r.RunId, r.StartTime, r.EndTime, r.NodeCount, r.ExecutionCount, r.AlertCount)),
                b.Runs.Select(r => (r.RunNumber, r.RunId, r.StartTime, r.EndTime, r.NodeCount, r.ExecutionCount, r.AlertCount)));
            Assert.Equal(a.Alerts.Select(x => x.ToString()), b.Alerts.Select(x => x.ToString()));
            Assert.Single(b.Alerts);
            Assert.Equal(a.Comparison.ToString(), b.Comparison.ToString());
            foreach (var (x, y) in a.NodeData.Zip(b.NodeData))
            {
                Assert.Equal((x.NodeId, x.NodeType, x.NodeLabel, x.ExecutionCount, x.RunCount), (y.NodeId, y.NodeType, y.NodeLabel, y.ExecutionCount, y.RunCount));
                Assert.Equal(x.Durations, y.Durations);
                Assert.Equal(x.RunNumbers, y.RunNumbers);
                Assert.Equal(x.AllTimeAvgDuration.Value, y.AllTimeAvgDuration.Value, 12);
            }
        }

        [Fact]
        public void A_torn_last_line_is_skipped_with_a_warning_and_the_next_record_starts_on_its_own_line()
        {
            var s = new ProfilerSession(_clock);
            for (int i = 1; i <= 3; i++) Run(s, "build", i, ("a", i));
            string line = System.IO.File.ReadAllLines(File())[2];
            byte[] all = System.IO.File.ReadAllBytes(File());
            for (int cut = 1; cut < line.Length; cut += 7)
            {
                System.IO.File.WriteAllBytes(File(), all.Take(all.Length - 1 - cut).ToArray());   // the third record, cut short
                var loaded = new ProfilerSession();
                loaded.StartRun("build", Settings(), false, out _, out string[] warnings);
                Assert.Equal(2, loaded.GetWorkflow("build").GetProfile().RunCount);
                Assert.Contains("line 3 was skipped because the last record is incomplete", Assert.Single(warnings));
                Assert.Contains(File(), warnings[0]);
            }
            var writer = new ProfilerSession(_clock);
            WorkflowRun fourth = writer.StartRun("build", Settings(), false, out _, out _);
            fourth.Record("a", 4);
            fourth.Complete();   // its record starts after the torn fragment
            var again = new ProfilerSession();
            again.StartRun("build", Settings(), false, out _, out string[] later);
            Assert.Contains("line 3 was skipped because it is not valid JSON", Assert.Single(later));
            Assert.Equal(new[] { 1.0, 2, 4 }, again.GetWorkflow("build").GetNodeStatistics().Single().Durations);
        }

        [Fact]
        public void Damaged_and_overlong_lines_are_skipped_and_warnings_are_capped()
        {
            var s = new ProfilerSession(_clock);
            Run(s, "build", 1, ("a", 1));
            string good = System.IO.File.ReadAllLines(File())[0];
            var text = new StringBuilder();
            text.Append(good.Replace("\"duration\":1", "\"duration\":-1")).Append('\n');
            for (int i = 0; i < 12; i++) text.Append("garbage ").Append(i).Append("\r\n");
            text.Append('\n').Append(good).Append('\n').Append(new string(' ', 1000)).Append('x').Append('\n');
            System.IO.File.WriteAllText(File(), text.ToString());
            var warnings = new List<string>();
            var records = new List<HistoryRecord>();
            HistoryFile.Load(File(), "build", records.Add, warnings, maxLineChars: 900);
            Assert.Single(records);
            Assert.Equal(11, warnings.Count);
            Assert.Contains("nodes[0].duration: expected a number of 0 or more", warnings[0]);
            Assert.Contains("4 more damaged line(s)", warnings[10]);   // 14 skipped: 10 described, 4 counted
        }

        [Fact]
        public void A_file_of_another_workflow_format_or_newer_version_is_refused_and_nothing_is_created()
        {
            var s = new ProfilerSession(_clock);
            Run(s, "other", 1, ("a", 1));
            string line = System.IO.File.ReadAllText(File("other"));
            void AssertRefused(string content, string reason)
            {
                System.IO.File.WriteAllText(File(), content);
                var fresh = new ProfilerSession();
                var ex = Assert.Throws<ProfilerException>(() => fresh.StartRun("build", Settings(), false, out _, out _));
                Assert.Equal(ProfilerErrorKind.InvalidFile, ex.Kind);
                Assert.Contains(reason, ex.Message);
                Assert.Contains(File(), ex.Message);
                Assert.Null(fresh.GetWorkflow("build"));
            }
            AssertRefused(line, "holds the history of workflow 'other', not 'build'");
            AssertRefused(line.Replace("\"workflowId\":\"other\"", "\"workflowId\":\"build\"").Replace("\"schemaVersion\":5", "\"schemaVersion\":6"), "schema version 6");
            AssertRefused("{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":1,\"workflows\":[]}\n", "not a Profiler.PS history file");
        }

        [Fact]
        public void Existing_workflows_keep_their_history_and_a_conflicting_folder_is_an_error()
        {
            var s = new ProfilerSession(_clock);
            s.StartRun("plain").Complete();
            var ex = Assert.Throws<ProfilerException>(() => s.StartRun("plain", Settings(), true, out _, out _));
            Assert.Equal(ProfilerErrorKind.HistoryConflict, ex.Kind);
            Assert.Contains("Clear-WorkflowProfile plain", ex.Message);
            Run(s, "build", 1, ("a", 1));
            Run(s, "build", 2, ("a", 2));   // same folder again: fine
            s.DefaultHistoryPath = _dir.Path;
            s.StartRun("plain").Complete();  // the default applies only to new workflows
            Assert.Null(s.GetWorkflow("plain").HistoryFile);
            s.StartRun("fresh").Record("x", 1);
            s.GetWorkflow("fresh").CurrentRun.Complete();
            Assert.Equal(File("fresh"), s.GetWorkflow("fresh").HistoryFile);
            Assert.True(System.IO.File.Exists(File("fresh")));
            Assert.Equal(ProfilerErrorKind.InvalidSetting, Assert.Throws<ProfilerException>(() => s.DefaultHistoryPath = " ").Kind);
        }

        [Fact]
        public void A_failed_append_keeps_the_completed_run()
        {
            var s = new ProfilerSession(_clock);
            WorkflowRun run = s.StartRun("w", Settings(), false, out _, out _);
            Directory.CreateDirectory(File("w"));   // a folder where the history file goes, after the start checked it
            run.Record("a", 1);
            RunCompletion c = run.Complete();
            Assert.Equal(ProfilerErrorKind.HistoryWritePending, c.HistoryError.Kind);
            Assert.Equal(1, c.Profile.RunCount);
            Assert.Equal(1, s.GetWorkflow("w").PendingHistoryWrites);
        }

        [Fact]
        public void Two_concurrent_writers_never_corrupt_the_file()
        {
            const int perWriter = 150;
            Parallel.For(0, 2, w =>
            {
                var s = new ProfilerSession();
                for (int i = 0; i < perWriter; i++)
                {
                    WorkflowRun run = s.StartRun("shared", Settings(), false, out _, out _);
                    run.Record("writer" + w, i, null, new string((char)('a' + w), 200));
                    run.Complete();
                }
            });
            string[] lines = System.IO.File.ReadAllLines(File("shared"));
            Assert.Equal(2 * perWriter, lines.Length);
            var loaded = new ProfilerSession();
            loaded.StartRun("shared", Settings(), false, out _, out string[] warnings);
            Assert.Empty(warnings);
            NodePerformanceData[] nodes = loaded.GetWorkflow("shared").GetNodeStatistics();
            Assert.Equal(new[] { perWriter, perWriter }, nodes.Select(n => n.RunCount));
            Assert.Equal(2 * perWriter, loaded.GetWorkflow("shared").GetProfile().RunCount);
        }

        [Fact]
        public void Raw_appends_from_threads_with_their_own_streams_stay_whole()
        {
            string path = File("raw");
            var record = new HistoryRecord { RunId = Guid.NewGuid(), Nodes = new[] { new HistoryNode { NodeId = "n", Duration = 1, Executions = 1, NodeLabel = new string('z', 5000) } } };
            string line = record.ToLine("raw");
            Task.WaitAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => { for (int i = 0; i < 100; i++) HistoryFile.Append(path, line); })).ToArray());
            string[] lines = System.IO.File.ReadAllLines(path);
            Assert.Equal(400, lines.Length);
            Assert.All(lines, l => Assert.Equal(line.TrimEnd('\n'), l));
        }
    }
}
