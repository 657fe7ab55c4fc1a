using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// Completed runs drawn as they ran: start offsets, lanes and parents kept in memory, in profile files and in history
    /// lines (schema 4), exported with exact integer-microsecond timelines; runs stored by versions 1-3 end to end.
    /// </summary>
    public class CompletedTimelineTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();

        public void Dispose() => _dir.Dispose();

        /// <summary>Issue 5's nested run (see <see cref="NestedRun"/>), completed at 430 ms.</summary>
        private ProfilerSession Completed(WorkflowSettings settings = null)
        {
            var session = new ProfilerSession(_clock);
            NestedRun.Record(session, _clock, "nested", settings).Complete();
            return session;
        }

        private static string Export(ProfilerSession session, string path, ProfileExportFormat format)
        {
            session.ExportProfile(path, session.GetWorkflows(), format);
            return File.ReadAllText(path);
        }

        /// <summary>pid 1's complete events as "tid node ts dur", in file order.</summary>
        private static string[] Run1Events(string chromeTrace)
        {
            using JsonDocument doc = JsonDocument.Parse(chromeTrace);
            return doc.RootElement.GetProperty("traceEvents").EnumerateArray()
                .Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("pid").GetInt32() == 1)
                .Select(e => $"{e.GetProperty("tid").GetInt32()} {(e.GetProperty("args").TryGetProperty("nodeId", out JsonElement id) ? id.GetString() : "(run)")} {e.GetProperty("ts").GetInt64()} {e.GetProperty("dur").GetInt64()}")
                .ToArray();
        }

        private static readonly string[] NestedRunEvents =
        {
            "0 (run) 0 430000",
            "1 build 0 430000", "1 restore 10000 100000", "1 compile 115000 300000", "1 codegen 135000 30000", "1 manual 165000 40000",
            "2 side 408000 7000",
        };

        [Fact]
        public void Chrome_trace_of_a_completed_run_nests_children_in_parents_and_puts_lanes_side_by_side()
        {
            string trace = Export(Completed(), _dir.File("t.json"), ProfileExportFormat.ChromeTrace);
            Assert.Equal(NestedRunEvents, Run1Events(trace));
            Assert.Contains("\"name\":\"lane 2 (thread 2)\"", trace);
        }

        [Fact]
        public void Speedscope_of_a_completed_run_opens_and_closes_like_a_call_stack_over_the_wall_time()
        {
            using JsonDocument doc = JsonDocument.Parse(Export(Completed(), _dir.File("s.json"), ProfileExportFormat.Speedscope));
            string[] frames = doc.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
            JsonElement[] profiles = doc.RootElement.GetProperty("profiles").EnumerateArray().ToArray();
            Assert.Equal(new[] { "nested run 1 lane 1 (thread 1)", "nested run 1 lane 2 (thread 2)" }, profiles.Select(p => p.GetProperty("name").GetString()));
            Assert.All(profiles, p => Assert.Equal(430, p.GetProperty("endValue").GetDouble()));
            string Events(JsonElement p) => string.Join(", ", p.GetProperty("events").EnumerateArray()
                .Select(e => e.GetProperty("type").GetString() + " " + frames[e.GetProperty("frame").GetInt32()] + " " + e.GetProperty("at").GetDouble()));
            Assert.Equal("O Build all 0, O restore 10, C restore 110, O compile 115, O codegen 135, C codegen 165, O manual 165, C manual 205, C compile 415, C Build all 430",
                Events(profiles[0]));
            Assert.Equal("O side 408, C side 415", Events(profiles[1]));
        }

        [Fact]
        public void The_timeline_survives_a_profile_file_and_a_history_line_and_the_record_is_version_4()
        {
            ProfilerSession first = Completed(new WorkflowSettings { HistoryPath = _dir.Path });
            string file = _dir.File("p.json");
            string json = Export(first, file, ProfileExportFormat.Json);
            Assert.Contains("\"schemaVersion\": 5", json);
            Assert.Contains("\"timeline\": {", json);
            string line = File.ReadAllLines(Directory.GetFiles(_dir.Path, "*.jsonl").Single()).Single();
            Assert.Contains("\"schemaVersion\":5", line);
            Assert.Contains("\"timeline\":{\"nodeIds\":[\"restore\",\"codegen\",\"manual\",\"compile\",\"side\",\"build\"],\"node\":[0,1,2,3,4,5],\"parent\":[5,3,3,5,-1,-1],\"lane\":[1,1,1,1,2,1],"
                + "\"start\":[10,135,165,115,408,0],\"duration\":[100,30,40,300,7,430],\"selfDuration\":[100,30,40,230,7,30],\"failed\":[1],\"stopped\":[]}", line);

            var imported = new ProfilerSession(new ManualClock());
            imported.ImportProfile(file, ImportMode.Replace);
            Assert.Equal(NestedRunEvents, Run1Events(Export(imported, _dir.File("i.json"), ProfileExportFormat.ChromeTrace)));

            var reloaded = new ProfilerSession(new ManualClock());
            reloaded.StartRun("nested", new WorkflowSettings { HistoryPath = _dir.Path }, false, out _, out string[] warnings);
            Assert.Empty(warnings);
            Assert.Equal(NestedRunEvents, Run1Events(Export(reloaded, _dir.File("h.json"), ProfileExportFormat.ChromeTrace)));
        }

        [Fact]
        public void A_version_3_profile_file_still_loads_and_its_runs_are_drawn_end_to_end()
        {
            string file = _dir.File("p.json");
            Export(Completed(), file, ProfileExportFormat.Json);
            JsonNode root = JsonNode.Parse(File.ReadAllText(file))!;
            root["schemaVersion"] = 3;
            foreach (JsonNode? run in root["workflows"]![0]!["runs"]!.AsArray()) run!.AsObject().Remove("timeline");
            File.WriteAllText(file, root.ToJsonString());
            var old = new ProfilerSession(new ManualClock());
            old.ImportProfile(file, ImportMode.Replace);
            // End to end from 0 on tid 1, in the order the nodes first ran; codegen failed, so it has no sample of the run.
            Assert.Equal(new[] { "0 (run) 0 430000", "1 restore 0 100000", "1 manual 100000 40000", "1 compile 140000 300000", "1 side 440000 7000", "1 build 447000 430000" },
                Run1Events(Export(old, _dir.File("o.json"), ProfileExportFormat.ChromeTrace)));
        }

        [Fact]
        public void A_timeline_member_in_a_version_3_record_is_refused()
        {
            string file = _dir.File("p.json");
            string json = Export(Completed(), file, ProfileExportFormat.Json).Replace("\"schemaVersion\": 5", "\"schemaVersion\": 3");
            File.WriteAllText(file, json);
            var ex = Assert.Throws<ProfilerException>(() => new ProfilerSession(new ManualClock()).ImportProfile(file, ImportMode.Replace));
            Assert.Contains("timeline: is not part of the schema before version 4", ex.Message);
        }
    }
}
