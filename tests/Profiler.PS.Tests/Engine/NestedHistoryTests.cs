using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>History folders keep issue 5's data: self times and run shapes survive append and load; version 1 lines still load.</summary>
    public class NestedHistoryTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();

        public void Dispose() => _dir.Dispose();

        private WorkflowSettings Settings => new WorkflowSettings { HistoryPath = _dir.Path };

        private string File => HistoryFileName.PathIn(_dir.Path, "nested");

        private void RecordRuns(ProfilerSession s, params double[] stretches)
        {
            foreach (double stretch in stretches)
            {
                _clock.Advance(1000);
                NestedRun.Record(s, _clock, "nested", Settings, stretch).Complete();
            }
        }

        private WorkflowProfiler Load(out string[] warnings)
        {
            var fresh = new ProfilerSession(new ManualClock());
            fresh.StartRun("nested", Settings, false, out _, out warnings);
            return fresh.GetWorkflow("nested");
        }

        private static object Shape(WorkflowRunSummary r) =>
            (r.RunNumber, r.RunId, r.WallTime, r.NodeTimeSum, r.CriticalPath, string.Join("|", r.CriticalPathNodes), r.LaneCount, r.FailedCount);

        [Fact]
        public void Appended_nested_runs_load_with_their_self_times_and_shapes()
        {
            var s = new ProfilerSession(_clock);
            RecordRuns(s, 0, 5, 10);
            WorkflowProfiler loaded = Load(out string[] warnings);
            Assert.Empty(warnings);
            WorkflowPerformanceProfile before = s.GetWorkflow("nested").GetProfile(), after = loaded.GetProfile();
            Assert.Equal(before.Runs.Select(Shape), after.Runs.Select(Shape));
            Assert.Equal(new[] { 2, 2, 2 }, after.Runs.Select(r => r.LaneCount));
            Assert.Equal(447.0, after.Runs.Last().NodeTimeSum);
            foreach (NodePerformanceData x in before.NodeData)
                Assert.Equal(x.SelfDurations, after.NodeData.Single(n => n.NodeId == x.NodeId).SelfDurations);
            Assert.Equal(new[] { 30.0, 30, 30 }, after.NodeData.Single(n => n.NodeId == "build").SelfDurations);
            Assert.Equal(new[] { 100.0, 105, 110 }, after.NodeData.Single(n => n.NodeId == "restore").SelfDurations);
        }

        [Fact]
        public void Only_nodes_with_children_write_a_self_time_so_flat_history_stays_compact()
        {
            RecordRuns(new ProfilerSession(_clock), 0);
            string line = System.IO.File.ReadAllLines(File).Single();
            Assert.Contains("\"schemaVersion\":5", line);
            Assert.Contains("\"nodeId\":\"build\",\"nodeType\":\"script\",\"nodeLabel\":\"Build all\",\"duration\":430,\"executions\":1,\"selfDuration\":30}", line);
            Assert.Contains("\"nodeId\":\"restore\",\"nodeType\":\"dotnet\",\"nodeLabel\":null,\"duration\":100,\"executions\":1}", line);
            Assert.Contains("\"nodeTimeSum\":437,\"criticalPath\":430,\"criticalPathNodes\":[\"build\"],\"laneCount\":2,\"failedCount\":1,\"totalSource\":\"Clock\",\"timeline\":{", line);
        }

        /// <summary>A record as issue 4 appended it before version 2: no self times, no shape.</summary>
        private const string Version1Line = "{\"format\":\"Profiler.PS.History\",\"schemaVersion\":1,\"workflowId\":\"nested\",\"runId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"startTime\":\"2025-12-31T00:00:00.0000000+00:00\",\"endTime\":\"2025-12-31T00:00:01.0000000+00:00\",\"totalDuration\":500,\"executionCount\":1,\"nodes\":[{\"nodeId\":\"build\",\"nodeType\":null,\"nodeLabel\":null,\"duration\":480,\"executions\":1}],\"alerts\":[]}";

        [Fact]
        public void A_history_begun_by_version_1_keeps_loading_after_version_2_appends()
        {
            System.IO.File.WriteAllText(File, Version1Line + "\n");
            var s = new ProfilerSession(_clock);
            RecordRuns(s, 0, 5);   // loads the version 1 record, then appends version 2 ones
            WorkflowProfiler loaded = Load(out string[] warnings);
            Assert.Empty(warnings);
            Assert.Equal(3, loaded.GetProfile().RunCount);
            Assert.Equal(new[] { 480.0, 30, 30 }, loaded.GetNodeStatistics().Single(n => n.NodeId == "build").SelfDurations);
            WorkflowRunSummary old = loaded.GetProfile().Runs.First();
            Assert.Equal((500.0, 0.0, 0, 0L), (old.WallTime, old.NodeTimeSum, old.LaneCount, old.FailedCount));
            Assert.Equal(new[] { "1", "5", "5" }, System.IO.File.ReadAllLines(File).Select(l => l.Split("\"schemaVersion\":")[1].Substring(0, 1)));
        }

        [Theory]
        [InlineData(1, "\"executions\":1}", "\"executions\":1,\"selfDuration\":5}", "selfDuration: is not part of the schema")]
        [InlineData(1, "\"alerts\":[]}", "\"alerts\":[],\"laneCount\":1}", "laneCount: is not part of the schema")]
        [InlineData(2, "\"executions\":1}", "\"executions\":1,\"selfDuration\":481}", "selfDuration: a self time cannot be larger than its duration")]
        [InlineData(2, "\"alerts\":[]}", "\"alerts\":[],\"failedCount\":2}", "failedCount: expected a whole number from 0 to 1")]
        public void A_record_with_bad_or_misplaced_new_members_is_skipped_with_a_warning(int version, string from, string to, string reason)
        {
            string bad = Version1Line.Replace("\"schemaVersion\":1", "\"schemaVersion\":" + version).Replace(from, to);
            Assert.NotEqual(Version1Line, bad);
            System.IO.File.WriteAllText(File, bad + "\n" + Version1Line.Replace("3f2504e0", "4f2504e0") + "\n");
            var warnings = new List<string>();
            var records = new List<HistoryRecord>();
            HistoryFile.Load(File, "nested", records.Add, warnings);
            Assert.Single(records);
            Assert.Contains("line 1 was skipped", Assert.Single(warnings));
            Assert.Contains(reason, warnings[0]);
        }
    }
}
