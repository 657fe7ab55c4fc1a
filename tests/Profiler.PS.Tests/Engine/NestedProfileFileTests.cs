using System;
using System.IO;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Profile files carry issue 5's data (self times, run shapes) exactly; version 1 files still import.</summary>
    public class NestedProfileFileTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();

        public void Dispose() => _dir.Dispose();

        private ProfilerSession Nested(int runs = 3)
        {
            var s = new ProfilerSession(_clock);
            for (int i = 0; i < runs; i++)
            {
                _clock.Advance(1000);
                NestedRun.Record(s, _clock, "nested", null, 5 * i).Complete();
            }
            return s;
        }

        private string Export(ProfilerSession s, string name) => _dir.Export(s, name);

        private static object Shape(WorkflowRunSummary r) =>
            (r.RunNumber, r.RunId, r.TotalDuration, r.WallTime, r.NodeTimeSum, r.CriticalPath, string.Join("|", r.CriticalPathNodes), r.LaneCount, r.FailedCount);

        [Fact]
        public void Nested_runs_export_import_export_byte_identical_with_self_times_and_shapes()
        {
            ProfilerSession original = Nested();
            string first = Export(original, "first.json");
            var fresh = new ProfilerSession(new ManualClock());
            fresh.ImportProfile(first, ImportMode.Add);
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(Export(fresh, "second.json")));

            WorkflowPerformanceProfile before = original.GetWorkflow("nested").GetProfile(), after = fresh.GetWorkflow("nested").GetProfile();
            Assert.Equal(before.Runs.Select(Shape), after.Runs.Select(Shape));
            WorkflowRunSummary last = after.Runs.Last();
            Assert.Equal((447.0, 440.0, "build", 2, 1L), (last.NodeTimeSum, last.CriticalPath, string.Join("|", last.CriticalPathNodes), last.LaneCount, last.FailedCount));
            foreach (NodePerformanceData x in before.NodeData)
            {
                NodePerformanceData y = after.NodeData.Single(n => n.NodeId == x.NodeId);
                Assert.Equal(x.SelfDurations, y.SelfDurations);
                Assert.Equal((x.AvgSelfDuration, x.LastSelfDuration), (y.AvgSelfDuration, y.LastSelfDuration));
            }
            NodePerformanceData build = after.NodeData.Single(n => n.NodeId == "build");
            Assert.Equal(new[] { 430.0, 435, 440 }, build.Durations);
            Assert.Equal(new[] { 30.0, 30, 30 }, build.SelfDurations);
            Assert.Equal(new[] { 230.0, 230, 230 }, after.NodeData.Single(n => n.NodeId == "compile").SelfDurations);
            string text = File.ReadAllText(first);
            Assert.Contains("\"schemaVersion\": 5", text);
            Assert.Contains("\"selfDurations\": [30,30,30]", text);
        }

        [Fact]
        public void New_runs_after_an_import_keep_folding_self_times_into_the_restored_window()
        {
            var fresh = new ProfilerSession(_clock);
            fresh.ImportProfile(Export(Nested(2), "p.json"), ImportMode.Add);
            _clock.Advance(1000);
            NestedRun.Record(fresh, _clock, "nested", null, 20).Complete();
            NodePerformanceData build = fresh.GetWorkflow("nested").GetNodeStatistics().Single(n => n.NodeId == "build");
            Assert.Equal(new[] { 430.0, 435, 450 }, build.Durations);
            Assert.Equal(new[] { 30.0, 30, 30 }, build.SelfDurations);
        }

        [Fact]
        public void Merging_keeps_self_times_and_run_shapes()
        {
            string file = Export(Nested(2), "two.json");
            var session = new ProfilerSession(_clock);
            _clock.Advance(1000);
            WorkflowRun flat = session.StartRun("nested");
            _clock.Advance(12);
            flat.Record("build", 12);   // a flat run: its self time is its time
            flat.Complete();
            session.ImportProfile(file, ImportMode.Merge);
            WorkflowPerformanceProfile merged = session.GetWorkflow("nested").GetProfile();
            Assert.Equal(new[] { 30.0, 30, 12 }, merged.NodeData.Single(n => n.NodeId == "build").SelfDurations);
            Assert.Equal(new[] { 2, 2, 1 }, merged.Runs.Select(r => r.LaneCount));
            Assert.Equal(new[] { 1L, 1, 0 }, merged.Runs.Select(r => r.FailedCount));
            Assert.Equal(12.0, merged.Runs.Last().WallTime);   // the flat run's wall time as the clock saw it
        }

        /// <summary>A version 1 file, as issue 4 wrote it before runs had shapes and nodes self times.</summary>
        private const string Version1 = "{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":1,\"workflows\":[{\"workflowId\":\"w\",\"workflowName\":\"w\",\"windowSize\":20,\"bottleneckFactor\":1.5,\"minimumSamples\":3,\"runCount\":1,\"lastTotalDuration\":5,\"timestamp\":\"2026-01-01T00:00:00.0000000+00:00\",\"runs\":[{\"runNumber\":1,\"runId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"startTime\":\"2026-01-01T00:00:00.0000000+00:00\",\"endTime\":\"2026-01-01T00:00:00.0000000+00:00\",\"totalDuration\":5,\"nodeCount\":1,\"executionCount\":1,\"alertCount\":0}],\"lastAlerts\":[],\"nodes\":[{\"nodeId\":\"a\",\"nodeType\":null,\"nodeLabel\":\"a\",\"executionCount\":1,\"allTime\":{\"count\":1,\"mean\":5,\"m2\":0,\"min\":5,\"max\":5},\"runNumbers\":[1],\"durations\":[5]}]}]}";

        private WorkflowPerformanceProfile Import(string text)
        {
            File.WriteAllText(_dir.File("in.json"), text);
            return new ProfilerSession().ImportProfile(_dir.File("in.json"), ImportMode.Add).Single();
        }

        private void AssertRefused(string text, string reason)
        {
            File.WriteAllText(_dir.File("bad.json"), text);
            var session = new ProfilerSession();
            var ex = Assert.Throws<ProfilerException>(() => session.ImportProfile(_dir.File("bad.json"), ImportMode.Add));
            Assert.Equal(ProfilerErrorKind.InvalidFile, ex.Kind);
            Assert.Contains(reason, ex.Message);
            Assert.Empty(session.GetWorkflows());
        }

        [Fact]
        public void Version_1_files_and_version_2_files_without_the_new_members_import_with_defaults()
        {
            foreach (string text in new[] { Version1, Version1.Replace("\"schemaVersion\":1", "\"schemaVersion\":2") })
            {
                WorkflowPerformanceProfile p = Import(text);
                Assert.Equal(new[] { 5.0 }, p.NodeData.Single().SelfDurations);
                WorkflowRunSummary run = p.Runs.Single();
                Assert.Equal((5.0, 0.0, 0.0, 0, 0, 0L), (run.WallTime, run.NodeTimeSum, run.CriticalPath, run.CriticalPathNodes.Length, run.LaneCount, run.FailedCount));
            }
        }

        [Fact]
        public void A_version_2_file_may_carry_only_some_of_the_new_members()
        {
            string text = Version1.Replace("\"schemaVersion\":1", "\"schemaVersion\":2")
                .Replace("\"alertCount\":0}", "\"alertCount\":0,\"laneCount\":3,\"criticalPathNodes\":[\"a\"]}");
            WorkflowRunSummary run = Import(text).Runs.Single();
            Assert.Equal((5.0, 3, "a"), (run.WallTime, run.LaneCount, string.Join("|", run.CriticalPathNodes)));
        }

        [Theory]
        [InlineData(1, "\"durations\":[5]", "\"durations\":[5],\"selfDurations\":[5]", "nodes[0].selfDurations: is not part of the schema")]
        [InlineData(1, "\"alertCount\":0}", "\"alertCount\":0,\"wallTime\":5}", "runs[0].wallTime: is not part of the schema")]
        [InlineData(2, "\"durations\":[5]", "\"durations\":[5],\"selfDurations\":[6]", "selfDurations[0]: a self time cannot be larger than its duration")]
        [InlineData(2, "\"durations\":[5]", "\"durations\":[5],\"selfDurations\":[1,2]", "one self time per duration")]
        [InlineData(2, "\"durations\":[5]", "\"durations\":[5],\"selfDurations\":[-1]", "selfDurations[0]: expected a number of 0 or more")]
        [InlineData(2, "\"alertCount\":0}", "\"alertCount\":0,\"failedCount\":2}", "runs[0].failedCount: expected a whole number from 0 to 1")]
        [InlineData(2, "\"alertCount\":0}", "\"alertCount\":0,\"criticalPathNodes\":[\" \"]}", "criticalPathNodes[0]: may not be empty")]
        [InlineData(2, "\"alertCount\":0}", "\"alertCount\":0,\"criticalPathNodes\":\"a\"}", "criticalPathNodes: expected an array")]
        [InlineData(2, "\"alertCount\":0}", "\"alertCount\":0,\"wallTime\":-1}", "runs[0].wallTime: expected a number of 0 or more")]
        [InlineData(2, "\"alertCount\":0}", "\"alertCount\":0,\"shape\":{}}", "runs[0].shape: is not part of the schema")]
        public void Bad_or_misplaced_new_members_are_refused_and_nothing_is_imported(int version, string from, string to, string reason)
        {
            string text = Version1.Replace("\"schemaVersion\":1", "\"schemaVersion\":" + version);
            Assert.Contains(from, text);
            AssertRefused(text.Replace(from, to), reason);
        }
    }
}
