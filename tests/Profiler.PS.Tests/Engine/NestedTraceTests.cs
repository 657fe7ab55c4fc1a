using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>
    /// Trace exports of nested runs: the run in flight is drawn from its real start offsets, lanes and parents (nested
    /// events), while completed runs keep their nodes end to end.
    /// </summary>
    public class NestedTraceTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();
        private readonly ProfilerSession _session;

        /// <summary>Run 1 completed; run 2 in flight: the nested tree, then 'outer' [440, 450] holding a hand-timed 'long'
        /// of 50 ms that started before it (so it cannot be drawn inside it).</summary>
        public NestedTraceTests()
        {
            _session = new ProfilerSession(_clock);
            NestedRun.Record(_session, _clock, "nested").Complete();
            WorkflowRun flight = NestedRun.Record(_session, _clock, "nested");
            var stack = new NodeScopeStack();
            _clock.Advance(10);
            NodeScope outer = stack.Begin(flight, "outer");
            _clock.Advance(10);
            stack.Record(flight, "long", 50);
            stack.End(outer, NodeStatus.Succeeded);
        }

        public void Dispose() => _dir.Dispose();

        private JsonDocument Export(ProfileExportFormat format)
        {
            string path = _dir.File("trace-" + format);
            _session.ExportProfile(path, _session.GetWorkflows(), format);
            return JsonDocument.Parse(File.ReadAllText(path));
        }

        private sealed record Span(string Node, int Tid, double Start, double End, JsonElement Args);

        [Fact]
        public void Chrome_trace_nests_the_run_in_flight_on_its_lanes()
        {
            using JsonDocument doc = Export(ProfileExportFormat.ChromeTrace);
            JsonElement[] events = doc.RootElement.GetProperty("traceEvents").EnumerateArray().ToArray();
            Span[] flight = events.Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("pid").GetInt32() == 2)
                .Select(e => new Span(e.GetProperty("args").GetProperty("nodeId").GetString()!, e.GetProperty("tid").GetInt32(),
                    e.GetProperty("ts").GetDouble() / 1000, (e.GetProperty("ts").GetDouble() + e.GetProperty("dur").GetDouble()) / 1000, e.GetProperty("args")))
                .ToArray();
            Span Get(string id) => flight.Single(s => s.Node == id);
            Assert.Equal(8, flight.Length);
            Assert.Equal((0.0, 430.0), (Get("build").Start, Get("build").End));
            Assert.Equal((135.0, 165.0), (Get("codegen").Start, Get("codegen").End));
            Assert.Equal((165.0, 205.0), (Get("manual").Start, Get("manual").End));
            // The tree shares one track and every child lies inside its parent.
            Assert.All(new[] { "restore", "compile", "codegen", "manual", "outer" }, id => Assert.Equal(Get("build").Tid, Get(id).Tid));
            foreach (Span child in flight.Where(s => s.Args.TryGetProperty("parentId", out _) && s.Node != "long"))
            {
                Span parent = Get(child.Args.GetProperty("parentId").GetString()!);
                Assert.True(parent.Start <= child.Start && child.End <= parent.End, child.Node + " is not inside " + parent.Node);
            }
            Assert.NotEqual(Get("build").Tid, Get("side").Tid);   // another thread: another lane
            Assert.NotEqual(Get("build").Tid, Get("long").Tid);   // overlaps build without being inside outer
            Assert.Equal((400.0, 450.0), (Get("long").Start, Get("long").End));
            Assert.Equal("outer", Get("long").Args.GetProperty("parentId").GetString());
            Assert.Equal("Failed", Get("codegen").Args.GetProperty("status").GetString());
            Assert.Equal(230, Get("compile").Args.GetProperty("selfDurationMs").GetDouble());
            // On each track, complete events are disjoint or nested, never partly overlapping (the format's rule).
            foreach (var track in flight.GroupBy(s => s.Tid))
                foreach (Span a in track)
                    foreach (Span b in track)
                        Assert.True(a.End <= b.Start || b.End <= a.Start || (a.Start <= b.Start && b.End <= a.End) || (b.Start <= a.Start && a.End <= b.End),
                            $"{a.Node} and {b.Node} partly overlap");
            string[] names = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("pid").GetInt32() == 2
                && e.GetProperty("name").GetString() == "thread_name").Select(e => e.GetProperty("args").GetProperty("name").GetString()!).ToArray();
            Assert.Equal(3, names.Length);
            Assert.StartsWith("lane 1 (thread ", names[0]);
            Assert.EndsWith(") track 2", names[1]);
            Assert.StartsWith("lane 2 (thread ", names[2]);
        }

        [Fact]
        public void Completed_runs_keep_their_nodes_end_to_end_with_self_times_in_args()
        {
            using JsonDocument doc = Export(ProfileExportFormat.ChromeTrace);
            JsonElement[] run1 = doc.RootElement.GetProperty("traceEvents").EnumerateArray()
                .Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("pid").GetInt32() == 1 && e.GetProperty("tid").GetInt32() == 1).ToArray();
            // A node whose run failed (codegen) has no sample of the run: failed time stays out of node statistics.
            NodePerformanceData[] nodes = _session.GetWorkflow("nested").GetNodeStatistics().Where(n => n.RunNumbers.Contains(1)).ToArray();
            Assert.Equal(nodes.Select(n => n.NodeId), run1.Select(e => e.GetProperty("args").GetProperty("nodeId").GetString()));
            double cursor = 0;
            for (int i = 0; i < nodes.Length; i++)
            {
                Assert.Equal(cursor * 1000, run1[i].GetProperty("ts").GetDouble());
                Assert.Equal(nodes[i].Durations[0] * 1000, run1[i].GetProperty("dur").GetDouble());
                Assert.Equal(nodes[i].SelfDurations[0], run1[i].GetProperty("args").GetProperty("selfDurationMs").GetDouble());
                cursor += nodes[i].Durations[0];
            }
        }

        [Fact]
        public void Speedscope_opens_children_inside_their_parent_like_a_call_stack()
        {
            using JsonDocument doc = Export(ProfileExportFormat.Speedscope);
            string[] frames = doc.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
            JsonElement[] profiles = doc.RootElement.GetProperty("profiles").EnumerateArray().ToArray();
            JsonElement lane1 = profiles.Single(p => p.GetProperty("name").GetString()!.StartsWith("nested run 2 (in flight) lane 1 (thread ", StringComparison.Ordinal)
                && !p.GetProperty("name").GetString()!.Contains("track"));
            var events = lane1.GetProperty("events").EnumerateArray()
                .Select(e => e.GetProperty("type").GetString() + " " + frames[e.GetProperty("frame").GetInt32()] + " " + e.GetProperty("at").GetDouble()).ToArray();
            Assert.Equal(new[]
            {
                "O Build all 0", "O restore 10", "C restore 110", "O compile 115", "O codegen 135", "C codegen 165", "O manual 165",
                "C manual 205", "C compile 415", "C Build all 430", "O outer 440", "C outer 450",
            }, events);
            Assert.Equal(3, profiles.Count(p => p.GetProperty("name").GetString()!.Contains("(in flight)")));
        }
    }
}
