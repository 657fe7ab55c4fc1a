using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Hardening
{
    /// <summary>Issue 13, faults 9 and 10: the lock is released before parsing, invalid UTF-8 is a torn line, ids never share a file.</summary>
    public class HistoryFileIoTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private string Write(int runs)
        {
            var session = new ProfilerSession(new ManualClock());
            var settings = new WorkflowSettings { HistoryPath = _dir.Path };
            for (int i = 0; i < runs; i++)
            {
                WorkflowRun run = session.StartRun("build", settings, false, out _);
                run.Record("compile", 100 + i);
                Assert.Null(run.Complete(200).HistoryError);
            }
            return HistoryFileName.PathIn(_dir.Path, "build");
        }

        [Fact]
        public void Loading_releases_the_lock_before_the_records_are_parsed()
        {
            string file = Write(3);
            int replayed = 0;
            var warnings = new List<string>();
            // A writer taking the lock while the reader replays records: before the fix the reader held it for the whole load.
            HistoryFile.Load(file, "build", r => { using (HistoryLock.Acquire(file)) replayed++; }, warnings);
            Assert.Equal(3, replayed);
            Assert.Empty(warnings);
        }

        [Fact]
        public void Loading_stops_at_the_length_seen_under_the_lock()
        {
            string file = Write(2);
            var warnings = new List<string>();
            int replayed = 0;
            string line = File.ReadAllLines(file)[0];
            HistoryFile.Load(file, "build", r =>
            {
                if (replayed++ == 0) File.AppendAllText(file, line + "\n");   // a writer appends meanwhile
            }, warnings);
            Assert.Equal(2, replayed);
        }

        [Fact]
        public void Invalid_utf8_in_a_line_makes_it_a_torn_line_not_a_phantom_node()
        {
            string file = Write(3);
            byte[] bytes = File.ReadAllBytes(file);
            int at = IndexOf(bytes, System.Text.Encoding.ASCII.GetBytes("compile"), bytes.Length / 3);
            bytes[at] = 0xFF;
            File.WriteAllBytes(file, bytes);
            var session = new ProfilerSession(new ManualClock());
            session.StartRun("build", new WorkflowSettings { HistoryPath = _dir.Path }, false, out _, out string[] warnings);
            string warning = Assert.Single(warnings);
            Assert.Contains("line 2 was skipped because it is not valid UTF-8", warning);
            NodePerformanceData node = Assert.Single(session.GetWorkflow("build").GetNodeStatistics());
            Assert.Equal("compile", node.NodeId);
            Assert.Equal(2, node.Durations.Length);
        }

        [Fact]
        public void Distinct_ids_never_share_a_history_file()
        {
            string[] ids = { "x\uD800y", "x\uFFFDy", "x\uDC00y", "x\uD83D\uDE00y", "x%uD800y", new string('a', 200) + "\uD800", new string('a', 200) + "\uFFFD" };
            Assert.Equal(ids.Length, ids.Select(HistoryFileName.For).Distinct().Count());
            Assert.Equal("x%F0%9F%98%80y.jsonl", HistoryFileName.For("x\uD83D\uDE00y"));   // valid text keeps its UTF-8 name
            var session = new ProfilerSession(new ManualClock());
            foreach (string id in new[] { "x\uD800y", "x\uFFFDy" })
            {
                WorkflowRun run = session.StartRun(id, new WorkflowSettings { HistoryPath = _dir.Path }, false, out _);
                run.Record("n", 1);
                Assert.Null(run.Complete(1).HistoryError);
            }
            Assert.Equal(2, Directory.GetFiles(_dir.Path, "*.jsonl").Length);
        }

        [Fact]
        public void Ids_longer_than_files_can_hold_are_refused_at_record_time()
        {
            var session = new ProfilerSession(new ManualClock());
            var ex = Assert.Throws<ProfilerException>(() => session.StartRun(new string('w', (1 << 16) + 1)));
            Assert.Contains("limited to 65,536 characters", ex.Message);
            WorkflowRun run = session.StartRun("ok");
            Assert.Throws<ProfilerException>(() => run.Record(new string('n', (1 << 20) + 1), 1));
            run.Record(new string('n', 1 << 16), 1);
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int from)
        {
            for (int i = from; i <= haystack.Length - needle.Length; i++)
                if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
            throw new InvalidOperationException("not found");
        }
    }
}
