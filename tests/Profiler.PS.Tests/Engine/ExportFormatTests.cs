using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Each export format against its published facts, reading back what can be read.</summary>
    public class ExportFormatTests : IDisposable
    {
        private const string Tricky = "test, \"quoted\"";
        private const string Formula = "=cmd|' /C calc'!A0";
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();
        private readonly ProfilerSession _session;
        private readonly WorkflowProfiler _wf;

        public ExportFormatTests()
        {
            _session = new ProfilerSession(_clock);
            double[][] runs = { new[] { 100.0, 300, 50, 1 }, new[] { 110.0, 320, 55, 2 }, new[] { 105.0, 900, 52, 3 } };
            foreach (double[] ms in runs)
            {
                WorkflowRun run = _session.StartRun("build", new WorkflowSettings { WorkflowName = "Nightly | build" }, false, out _);
                run.Record("restore", ms[0], "dotnet", "Restore\npackages");
                run.Record("compile", ms[1], "dotnet");
                run.Record(Tricky, ms[2]);
                run.Record(Formula, ms[3], "+type", "@label");
                _clock.Advance(1000);
                run.Complete(ms.Sum() + 10);
            }
            WorkflowRun flight = _session.StartRun("build");
            _clock.Advance(100);
            flight.Record("restore", 100);                              // 0 to 100 on this thread
            var other = new Thread(() => flight.Record("compile", 50));  // 50 to 100 on another thread
            other.Start();
            other.Join();
            flight.Record("lint", 80);                                  // 100 to 180: ending at 100 would overlap restore
            _clock.Advance(40);
            flight.Record("test", 300);                                 // 180 to 480: after lint on this thread
            _wf = _session.GetWorkflow("build");
        }

        public void Dispose() => _dir.Dispose();

        private string Export(ProfileExportFormat format, string name)
        {
            string path = _dir.File(name);
            _session.ExportProfile(path, new[] { _wf }, format);
            return path;
        }

        private NodePerformanceData Node(string id) => _wf.GetNodeStatistics().Single(n => n.NodeId == id);

        [Fact]
        public void Statistics_csv_reads_back_exactly_and_neutralises_formulas()
        {
            string path = Export(ProfileExportFormat.Csv, "stats.csv");
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
            List<string[]> rows = ImportCsv.Rows(path);
            Assert.Equal("WorkflowId,NodeId,NodeType,NodeLabel,Runs,AvgDuration,MedianDuration,P95Duration,MinDuration,MaxDuration,StdDevDuration,CoefficientOfVariation,LastDuration,OutlierCount,IsFirstRunSlow,ExecutionCount,RunCount,AllTimeAvgDuration,AllTimeMinDuration,AllTimeMaxDuration,AllTimeStdDevDuration,AvgSelfDuration,WindowFailedCount,WindowStoppedCount,AllTimeFailedCount,AllTimeStoppedCount",
                string.Join(",", rows[0]));
            Assert.Equal(5, rows.Count);
            Assert.All(rows, r => Assert.Equal(26, r.Length));
            Assert.Equal(new[] { "restore", "compile", Tricky, "'" + Formula }, rows.Skip(1).Select(r => r[1]));
            Assert.Equal(new[] { "'+type", "'@label" }, rows[4].Skip(2).Take(2));
            Assert.Equal("Restore\npackages", rows[1][3]);
            NodePerformanceData compile = Node("compile");
            string[] c = rows[2];
            Assert.Equal(compile.AvgDuration, double.Parse(c[5], CultureInfo.InvariantCulture));
            Assert.Equal(compile.P95Duration, double.Parse(c[7], CultureInfo.InvariantCulture));
            Assert.Equal(compile.StdDevDuration, double.Parse(c[10], CultureInfo.InvariantCulture));
            Assert.Equal(compile.AllTimeStdDevDuration, double.Parse(c[20], CultureInfo.InvariantCulture));
            Assert.Equal(compile.AvgSelfDuration, double.Parse(c[21], CultureInfo.InvariantCulture));
            Assert.Equal(compile.WindowFailedCount.ToString(CultureInfo.InvariantCulture), c[22]);
            Assert.Equal(compile.AllTimeFailedCount.ToString(CultureInfo.InvariantCulture), c[24]);
            Assert.Equal("3", c[4]);
        }

        [Fact]
        public void Samples_csv_has_one_row_per_window_sample()
        {
            List<string[]> rows = ImportCsv.Rows(Export(ProfileExportFormat.SamplesCsv, "samples.csv"));
            Assert.Equal(new[] { "WorkflowId", "RunNumber", "NodeId", "NodeType", "NodeLabel", "Duration", "IsOutlier" }, rows[0]);
            Assert.Equal(12, rows.Count - 1);
            string[][] compile = rows.Where(r => r[2] == "compile").ToArray();
            Assert.Equal(new[] { "1", "2", "3" }, compile.Select(r => r[1]));
            Assert.Equal(Node("compile").Durations, compile.Select(r => double.Parse(r[5], CultureInfo.InvariantCulture)));
            Assert.Equal(new[] { "build" }, rows.Skip(1).Select(r => r[0]).Distinct());
        }

        [Fact]
        public void Chrome_trace_has_complete_events_in_microseconds_and_named_processes()
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Export(ProfileExportFormat.ChromeTrace, "trace.json")));
            JsonElement root = doc.RootElement;
            Assert.Equal("ms", root.GetProperty("displayTimeUnit").GetString());
            JsonElement[] events = root.GetProperty("traceEvents").EnumerateArray().ToArray();
            Assert.All(events, e => Assert.Contains(e.GetProperty("ph").GetString(), new[] { "X", "M" }));
            JsonElement[] meta = events.Where(e => e.GetProperty("ph").GetString() == "M").ToArray();
            JsonElement[] complete = events.Where(e => e.GetProperty("ph").GetString() == "X").ToArray();
            Assert.All(meta, m => Assert.Contains(m.GetProperty("name").GetString(), new[] { "process_name", "process_sort_index", "thread_name" }));
            var processes = meta.Where(m => m.GetProperty("name").GetString() == "process_name")
                .ToDictionary(m => m.GetProperty("pid").GetInt32(), m => m.GetProperty("args").GetProperty("name").GetString());
            Assert.Equal(new[] { "Nightly | build run 1", "Nightly | build run 2", "Nightly | build run 3", "Nightly | build run 4 (in flight)" }, processes.Values);
            foreach (JsonElement e in complete)
            {
                Assert.True(e.GetProperty("ts").GetDouble() >= 0);
                Assert.True(e.GetProperty("dur").GetDouble() >= 0);
                Assert.True(processes.ContainsKey(e.GetProperty("pid").GetInt32()));
                e.GetProperty("tid").GetInt32();
                e.GetProperty("name").GetString();
                e.GetProperty("cat").GetString();
            }
            // A completed run, drawn from its timeline: the four hand-timed steps were all recorded at 0 ms, one after
            // another on one thread, so they lie end to end in record order on one track; the wall time on tid 0.
            JsonElement[] run3 = complete.Where(e => e.GetProperty("pid").GetInt32() == 3 && e.GetProperty("tid").GetInt32() > 0).ToArray();
            Assert.Equal(new[] { "1 0 105000", "1 105000 900000", "1 1005000 52000", "1 1057000 3000" },
                run3.Select(e => $"{e.GetProperty("tid").GetInt32()} {e.GetProperty("ts").GetInt64()} {e.GetProperty("dur").GetInt64()}"));
            Assert.Equal(1_000_000, complete.Single(e => e.GetProperty("pid").GetInt32() == 3 && e.GetProperty("tid").GetInt32() == 0).GetProperty("dur").GetDouble());
            // The run in flight: real offsets, one tid per lane, never overlapping on a tid.
            JsonElement[] flight = complete.Where(e => e.GetProperty("pid").GetInt32() == 4).ToArray();
            Assert.Equal(4, flight.Length);
            Assert.Equal(50_000, flight.Single(e => e.GetProperty("args").GetProperty("nodeId").GetString() == "compile").GetProperty("ts").GetDouble());
            Assert.Equal(100_000, flight.Single(e => e.GetProperty("args").GetProperty("nodeId").GetString() == "lint").GetProperty("ts").GetDouble());
            foreach (var lane in flight.GroupBy(e => e.GetProperty("tid").GetInt32()))
            {
                var spans = lane.Select(e => (Start: e.GetProperty("ts").GetDouble(), End: e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble())).OrderBy(s => s.Start).ToArray();
                for (int i = 1; i < spans.Length; i++) Assert.True(spans[i].Start >= spans[i - 1].End, "slices on one lane overlap");
            }
            // One tid per lane: steps timed by hand on one thread never overlap (overlapping slices get a second track: NestedTraceTests).
            Assert.Equal(2, flight.Select(e => e.GetProperty("tid").GetInt32()).Distinct().Count());
        }

        [Fact]
        public void Speedscope_profiles_are_evented_balanced_and_ordered()
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Export(ProfileExportFormat.Speedscope, "s.speedscope.json")));
            JsonElement root = doc.RootElement;
            Assert.Equal("https://www.speedscope.app/file-format-schema.json", root.GetProperty("$schema").GetString());
            string[] frames = root.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToArray();
            Assert.Contains("Restore\npackages", frames);
            JsonElement[] profiles = root.GetProperty("profiles").EnumerateArray().ToArray();
            Assert.Equal("Nightly | build run 3 lane 1 (thread 1)", profiles[root.GetProperty("activeProfileIndex").GetInt32()].GetProperty("name").GetString());
            foreach (JsonElement p in profiles)
            {
                Assert.Equal("evented", p.GetProperty("type").GetString());
                Assert.Equal("milliseconds", p.GetProperty("unit").GetString());
                double start = p.GetProperty("startValue").GetDouble(), end = p.GetProperty("endValue").GetDouble(), last = start;
                var stack = new Stack<int>();
                foreach (JsonElement e in p.GetProperty("events").EnumerateArray())
                {
                    double at = e.GetProperty("at").GetDouble();
                    int frame = e.GetProperty("frame").GetInt32();
                    Assert.InRange(frame, 0, frames.Length - 1);
                    Assert.True(at >= last && at <= end, "events must be in non-decreasing order within the profile");
                    last = at;
                    if (e.GetProperty("type").GetString() == "O") stack.Push(frame);
                    else Assert.Equal(stack.Pop(), frame);
                }
                Assert.Empty(stack);
            }
            // Run 2's hand-timed steps were all recorded at 0 ms on one thread: end to end in record order on one track,
            // as long as the run's wall time.
            JsonElement[] run2 = profiles.Where(p => p.GetProperty("name").GetString()!.StartsWith("Nightly | build run 2 ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(new[] { "0 110 110 430 430 485 485 487" },
                run2.Select(p => string.Join(" ", p.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("at").GetDouble()))));
            Assert.All(run2, p => Assert.Equal(1000, p.GetProperty("endValue").GetDouble()));
            Assert.Equal(2, profiles.Count(p => p.GetProperty("name").GetString()!.Contains("(in flight)")));
        }

        [Fact]
        public void Markdown_tables_are_well_formed_and_text_is_escaped()
        {
            string md = File.ReadAllText(Export(ProfileExportFormat.Markdown, "summary.md"));
            Assert.StartsWith("## Profiler.PS: Nightly \\| build (build)\n", md);
            Assert.Contains("Run 4 is in flight and not included.", md);
            Assert.Contains("### Run 3 against 2 earlier runs: **", md);
            Assert.Contains("### Bottlenecks", md);
            Assert.Contains("| Rank | Node | Self (ms) | Avg (ms) |", md);   // ranked by self time: it is shown first
            Assert.Contains("### Node statistics", md);
            Assert.Contains("| Restore packages", md.Replace("\\", ""));
            Assert.Contains("=cmd\\|' /C calc'!A0", md);
            Assert.Contains("| **Workflow total** |", md);
            string[] lines = md.Split('\n');
            foreach (string[] table in Tables(lines))
            {
                int columns = Cells(table[0]);
                Assert.Matches("^\\|(-{3}|-{3}:|:-{3}:?)(\\|(-{3}|-{3}:))*\\|$", table[1]);
                Assert.All(table, row => Assert.Equal(columns, Cells(row)));
            }
            Assert.Equal(3, Tables(lines).Count());
        }

        private static IEnumerable<string[]> Tables(string[] lines)
        {
            var table = new List<string>();
            foreach (string line in lines.Append(""))
            {
                if (line.StartsWith("|", StringComparison.Ordinal)) { table.Add(line); continue; }
                if (table.Count > 0) yield return table.ToArray();
                table.Clear();
            }
        }

        /// <summary>Cells of a table row: pipes not escaped by a backslash.</summary>
        private static int Cells(string row)
        {
            int pipes = 0;
            for (int i = 0; i < row.Length; i++)
            {
                if (row[i] == '\\') { i++; continue; }
                if (row[i] == '|') pipes++;
            }
            return pipes - 1;
        }
    }
}
