using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// Hundreds of random completed runs (nested measured blocks, hand-timed children with fractional durations,
    /// failures, re-entered nodes, parallel lanes started inside blocks) exported to Chrome Trace and speedscope and
    /// read back the way their importers do: per thread a stack of open slices (speedscope's "Tried to end b" check),
    /// every child inside its parent, and a picture as long as the run's wall time (to 1 us).
    /// </summary>
    public class TimelinePropertyTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();
        private static readonly string[] Names = { "a", "b", "c", "d", "e" };

        public void Dispose() => _dir.Dispose();

        /// <summary>One random tree of executions on the calling thread; may start other lanes inside a block.</summary>
        private void Tree(WorkflowRun run, NodeScopeStack stack, Random rng, int depth)
        {
            int children = rng.Next(0, depth > 3 ? 1 : 4);
            for (int i = 0; i < children; i++)
            {
                _clock.Advance(rng.NextDouble() * 5);
                int kind = rng.Next(10);
                if (kind < 3 && stack.Current != null)
                {
                    // Hand-timed child that fits after its previous sibling: it ends now and lasts part of the gap.
                    double gap = rng.NextDouble() * 7 + 0.001;
                    _clock.Advance(gap);
                    stack.Record(run, Names[rng.Next(Names.Length)], gap * rng.NextDouble() * 0.999);
                }
                else if (kind == 3 && depth < 3)
                {
                    var lane = new Thread(() => Tree(run, new NodeScopeStack(), rng, depth + 1));
                    lane.Start();
                    lane.Join();
                }
                else
                {
                    NodeScope scope = stack.Begin(run, Names[rng.Next(Names.Length)]);
                    _clock.Advance(rng.NextDouble() * 3);
                    Tree(run, stack, rng, depth + 1);
                    _clock.Advance(rng.NextDouble() * 3);
                    stack.End(scope, rng.Next(8) == 0 ? NodeStatus.Failed : NodeStatus.Succeeded);
                }
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Exports_of_random_completed_runs_nest_properly_and_span_the_wall_time(int seed)
        {
            var rng = new Random(seed);
            var session = new ProfilerSession(_clock);
            var wall = new Dictionary<int, long>();   // run number -> wall time in microseconds (the clock's ticks)
            for (int r = 0; r < 100; r++)
            {
                WorkflowRun run = session.StartRun("w" + (r / 20), null, false, out _);
                long start = _clock.GetTimestamp();
                _clock.Advance(rng.NextDouble() * 2);
                do Tree(run, new NodeScopeStack(), rng, 0); while (run.Executions == 0);
                _clock.Advance(rng.NextDouble() * 2);
                wall[r] = _clock.GetTimestamp() - start;
                run.Complete();
            }
            string chrome = _dir.File("c.json"), speedscope = _dir.File("s.json");
            session.ExportProfile(chrome, session.GetWorkflows(), ProfileExportFormat.ChromeTrace);
            session.ExportProfile(speedscope, session.GetWorkflows(), ProfileExportFormat.Speedscope);
            int checkedRuns = CheckChrome(File.ReadAllText(chrome), wall) ;
            Assert.Equal(100, checkedRuns);
            Assert.True(CheckSpeedscope(File.ReadAllText(speedscope), wall) >= 100);
        }

        private sealed record Span(string Node, string? Parent, long Start, long End);

        /// <summary>Checks every completed run's process; returns how many were checked.</summary>
        private static int CheckChrome(string text, Dictionary<int, long> wall)
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            JsonElement[] events = doc.RootElement.GetProperty("traceEvents").EnumerateArray().ToArray();
            var runOfPid = events.Where(e => e.GetProperty("name").GetString() == "process_name")
                .ToDictionary(e => e.GetProperty("pid").GetInt32(), e => e.GetProperty("args").GetProperty("name").GetString()!);
            int count = 0;
            foreach (var process in events.Where(e => e.GetProperty("ph").GetString() == "X").GroupBy(e => e.GetProperty("pid").GetInt32()))
            {
                string[] name = runOfPid[process.Key].Split(" run ");
                int run = int.Parse(name[0].Substring(1)) * 20 + int.Parse(name[1]) - 1;
                long total = process.Single(e => e.GetProperty("tid").GetInt32() == 0).GetProperty("dur").GetInt64();
                Assert.Equal(wall[run], total);
                foreach (var thread in process.Where(e => e.GetProperty("tid").GetInt32() > 0).GroupBy(e => e.GetProperty("tid").GetInt32()))
                {
                    Span[] spans = thread.Select(e =>
                    {
                        JsonElement args = e.GetProperty("args");
                        long ts = e.GetProperty("ts").GetInt64();
                        return new Span(args.GetProperty("nodeId").GetString()!, args.TryGetProperty("parentId", out JsonElement p) ? p.GetString() : null,
                            ts, ts + e.GetProperty("dur").GetInt64());
                    }).OrderBy(s => s.Start).ThenByDescending(s => s.End).ToArray();
                    var open = new Stack<Span>();
                    foreach (Span s in spans)
                    {
                        Assert.True(s.Start >= 0 && s.End <= total, $"{s.Node} [{s.Start}, {s.End}] lies outside the run's {total} us");
                        while (open.Count > 0 && open.Peek().End <= s.Start) open.Pop();
                        if (open.Count > 0) Assert.True(s.End <= open.Peek().End, $"{s.Node} partly overlaps {open.Peek().Node}");
                        // Generated children always fit, so each is drawn inside its parent: the innermost open slice.
                        if (s.Parent != null) Assert.Equal(s.Parent, open.Count > 0 ? open.Peek().Node : "(none)", StringComparer.OrdinalIgnoreCase);
                        else Assert.Empty(open);
                        open.Push(s);
                    }
                }
                count++;
            }
            return count;
        }

        /// <summary>Replays every profile like speedscope's evented importer; returns how many profiles were checked.</summary>
        private static int CheckSpeedscope(string text, Dictionary<int, long> wall)
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            int count = 0;
            foreach (JsonElement p in doc.RootElement.GetProperty("profiles").EnumerateArray())
            {
                string[] name = p.GetProperty("name").GetString()!.Split(' ');
                int run = int.Parse(name[0].Substring(1)) * 20 + int.Parse(name[2]) - 1;
                Assert.Equal(wall[run] / 1000.0, p.GetProperty("endValue").GetDouble(), 3);
                var open = new Stack<int>();
                double last = 0;
                foreach (JsonElement e in p.GetProperty("events").EnumerateArray())
                {
                    double at = e.GetProperty("at").GetDouble();
                    int frame = e.GetProperty("frame").GetInt32();
                    Assert.True(at >= last, "events out of order");
                    last = at;
                    if (e.GetProperty("type").GetString() == "O") open.Push(frame);
                    else Assert.True(open.Count > 0 && open.Pop() == frame, "Tried to end a frame that is not the innermost open one");
                }
                Assert.Empty(open);
                Assert.True(last <= p.GetProperty("endValue").GetDouble());
                count++;
            }
            return count;
        }
    }
}
