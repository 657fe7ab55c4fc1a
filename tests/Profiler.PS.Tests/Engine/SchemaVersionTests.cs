using System;
using System.Collections.Generic;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Import;
using Profiler.PS.Persistence;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>
    /// A record of every schema version (1 to 5), written by hand as that version's writer wrote it, still loads: as a
    /// history line (one file mixing all five, as a history written across updates does) and as a profile file.
    /// </summary>
    public class SchemaVersionTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private const string T0 = "2026-01-01T00:00:00.0000000+00:00", T1 = "2026-01-01T00:00:01.0000000+00:00";

        private static string Guid(int v) => $"3f2504e0-4f89-11d3-9a0c-0305e82c330{v}";

        private static string Alert(int v, int run) => v < 3
            ? $"{{\"runNumber\":{run},\"nodeId\":\"a\",\"nodeLabel\":\"a\",\"duration\":50,\"baselineAverage\":20,\"baselineSamples\":3,\"factor\":1.5,\"timestamp\":\"{T1}\"}}"
            : $"{{\"runNumber\":{run},\"nodeId\":\"a\",\"nodeLabel\":\"a\",\"duration\":50,\"baselineMedian\":20,\"baselineSamples\":3,\"timestamp\":\"{T1}\"}}";

        private const string Shape = ",\"wallTime\":65,\"nodeTimeSum\":50,\"criticalPath\":50,\"criticalPathNodes\":[\"a\"],\"laneCount\":1,\"failedCount\":0";
        private const string Timeline = ",\"timeline\":{\"nodeIds\":[\"a\"],\"node\":[0],\"parent\":[-1],\"lane\":[1],\"start\":[10],\"duration\":[50],\"selfDuration\":[50],\"failed\":[],\"stopped\":[]}";

        /// <summary>The history line version <paramref name="v"/> wrote for a run of node a (50 ms) with one alert.</summary>
        private static string Line(int v)
        {
            string node = "{\"nodeId\":\"a\",\"nodeType\":null,\"nodeLabel\":null,\"duration\":50,\"executions\":1" + (v >= 2 ? ",\"selfDuration\":40" : "") + "}";
            string number = v >= 5 ? ",\"runNumber\":7" : "";
            return $"{{\"format\":\"Profiler.PS.History\",\"schemaVersion\":{v},\"workflowId\":\"w\"{number},\"runId\":\"{Guid(v)}\",\"startTime\":\"{T0}\",\"endTime\":\"{T1}\","
                + $"\"totalDuration\":60,\"executionCount\":1,\"nodes\":[{node}],\"alerts\":[{Alert(v, 1)}]"
                + (v >= 2 ? Shape : "") + (v >= 3 ? ",\"totalSource\":\"Clock\"" : "") + (v >= 4 ? Timeline : "")
                + (v >= 5 ? ",\"settings\":{\"workflowName\":\"Nightly build\",\"windowSize\":9,\"relativeThreshold\":0.2,\"absoluteThreshold\":8,\"minimumSamples\":2},\"skippedCount\":2,\"notRunCount\":1" : "")
                + "}";
        }

        [Fact]
        public void A_history_with_a_line_of_every_version_loads_each_as_its_version_wrote_it()
        {
            string file = HistoryFileName.PathIn(_dir.Path, "w");
            System.IO.File.WriteAllText(file, string.Join("\n", Enumerable.Range(1, 5).Select(Line)) + "\n");
            var warnings = new List<string>();
            var records = new List<HistoryRecord>();
            HistoryFile.Load(file, "w", records.Add, warnings);
            Assert.Empty(warnings);
            Assert.Equal(new[] { 1, 2, 3, 4, 7 }, records.Select(r => r.RunNumber));   // by position, then as stored
            Assert.Equal(new double?[] { null, 40, 40, 40, 40 }, records.Select(r => r.Nodes[0].SelfDuration));
            Assert.Equal(new[] { false, true, true, true, true }, records.Select(r => r.Shape != null));
            Assert.Equal(new[] { false, false, false, true, true }, records.Select(r => r.Timeline != null));
            Assert.All(records, r => Assert.Equal(20, r.Alerts.Single().BaselineMedian));

            var session = new ProfilerSession();
            WorkflowPerformanceProfile p = session.OpenHistory(_dir.Path, "w", out string[] openWarnings);
            Assert.Empty(openWarnings);
            Assert.Equal(("Nightly build", 9, 7), (p.WorkflowName, p.WindowSize, p.RunCount));
            Assert.Equal((0.2, 8.0, 2), (session.GetWorkflow("w").Rule.RelativeThreshold, session.GetWorkflow("w").Rule.AbsoluteThreshold, session.GetWorkflow("w").MinimumSamples));
            WorkflowRunSummary last = p.Runs.Last();
            Assert.Equal((7, 2L, 1L, 65.0), (last.RunNumber, last.SkippedCount, last.NotRunCount, last.WallTime));
            Assert.Equal((0L, 0L), (p.Runs.First().SkippedCount, p.Runs.First().NotRunCount));
        }

        /// <summary>The profile file version <paramref name="v"/> wrote for one run of node a.</summary>
        private static string Profile(int v)
        {
            string settings = v >= 3 ? "\"relativeThreshold\":0.1,\"absoluteThreshold\":5" : "\"bottleneckFactor\":1.5";
            string run = $"{{\"runNumber\":1,\"runId\":\"{Guid(v)}\",\"startTime\":\"{T0}\",\"endTime\":\"{T1}\",\"totalDuration\":60,\"nodeCount\":1,\"executionCount\":1,\"alertCount\":1"
                + (v >= 2 ? Shape : "") + (v >= 3 ? ",\"totalSource\":\"Given\"" : "") + (v >= 4 ? Timeline : "") + (v >= 5 ? ",\"skippedCount\":3" : "") + "}";
            string node = "{\"nodeId\":\"a\",\"nodeType\":null,\"nodeLabel\":\"a\",\"executionCount\":1,\"allTime\":{\"count\":1,\"mean\":50,\"m2\":0,\"min\":50,\"max\":50},\"runNumbers\":[1],\"durations\":[50]"
                + (v >= 2 ? ",\"selfDurations\":[40]" : "") + (v >= 3 ? ",\"failedCount\":0,\"stoppedCount\":0,\"unsuccessfulRunNumbers\":[],\"unsuccessfulStatuses\":[]" : "") + "}";
            return $"{{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":{v},\"workflows\":[{{\"workflowId\":\"w{v}\",\"workflowName\":\"W {v}\",\"windowSize\":20,{settings},"
                + $"\"minimumSamples\":3,\"runCount\":1,\"lastTotalDuration\":60,\"timestamp\":\"{T1}\",\"runs\":[{run}],\"lastAlerts\":[{Alert(v, 1)}],\"nodes\":[{node}]}}]}}";
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        public void A_profile_file_of_every_version_imports(int v)
        {
            string file = _dir.File($"v{v}.json");
            System.IO.File.WriteAllText(file, Profile(v));
            WorkflowPerformanceProfile p = new ProfilerSession().ImportProfile(file, ImportMode.Add).Single();
            WorkflowRunSummary run = p.Runs.Single();
            Assert.Equal(($"W {v}", 1, 60.0), (p.WorkflowName, run.RunNumber, run.TotalDuration));
            Assert.Equal(v >= 2 ? 65.0 : 60.0, run.WallTime);   // version 1 has no shape: its wall time is its total
            Assert.Equal(v >= 2 ? 50.0 : 0.0, run.NodeTimeSum);
            Assert.Equal(v >= 3 ? RunTotalSource.Given : RunTotalSource.Clock, run.TotalSourceValue);
            Assert.Equal(v >= 5 ? 3L : 0L, run.SkippedCount);
            Assert.Equal(v >= 2 ? 40.0 : 50.0, p.NodeData.Single().SelfDurations.Single());
        }

        [Fact]
        public void Skipped_and_not_run_counts_of_an_imported_run_survive_history_and_profile_files()
        {
            var run = new ImportedRun("report.xml", "JUnit") { TotalDuration = 100, SkippedCount = 4, NotRunCount = 2, Timestamp = DateTimeOffset.UnixEpoch };
            run.Nodes.Add(new ImportedNode("suite > test", "Test", -1, 90));
            var session = new ProfilerSession();
            RunCompletion done = session.ImportRun("tests", new WorkflowSettings { HistoryPath = _dir.Path }, run, DateTimeOffset.UnixEpoch, out _);
            Assert.Equal((4L, 2L), (done.Run.SkippedCount, done.Run.NotRunCount));
            Assert.Contains("\"skippedCount\":4,\"notRunCount\":2}", System.IO.File.ReadAllText(HistoryFileName.PathIn(_dir.Path, "tests")));

            WorkflowRunSummary reloaded = new ProfilerSession().OpenHistory(_dir.Path, "tests", out _).Runs.Single();
            Assert.Equal((4L, 2L), (reloaded.SkippedCount, reloaded.NotRunCount));

            string exported = _dir.Export(session, "p.json");
            Assert.Contains("\"skippedCount\": 4", System.IO.File.ReadAllText(exported));
            WorkflowRunSummary imported = new ProfilerSession().ImportProfile(exported, ImportMode.Add).Single().Runs.Single();
            Assert.Equal((4L, 2L), (imported.SkippedCount, imported.NotRunCount));
        }
    }
}
