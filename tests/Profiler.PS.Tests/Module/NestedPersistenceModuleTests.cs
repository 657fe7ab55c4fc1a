using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Steps timed with Measure-WorkflowNode (nested) survive Export/Import and history folders with their self times and run shapes.</summary>
    public class NestedPersistenceModuleTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private string F(string name) => _dir.File(name).Replace("'", "''");

        private const string NestedRuns = @"
            foreach ($i in 1..3) {
                Start-WorkflowProfile -WorkflowId deploy {0}
                Measure-WorkflowNode build { Measure-WorkflowNode compile { Add-NodeTiming codegen 5 }; Add-NodeTiming pack 3 }
                $null = Complete-WorkflowProfile
            }";

        private static NodePerformanceData[] Statistics(PsSession ps) => ps.RunClean("Get-NodeStatistics -WorkflowId deploy").Objects<NodePerformanceData>();

        private static WorkflowRunSummary[] Runs(PsSession ps) => ((WorkflowPerformanceProfile)ps.RunClean("Get-WorkflowProfile deploy").Single()).Runs;

        private static void AssertSame(PsSession expected, PsSession actual)
        {
            foreach (NodePerformanceData x in Statistics(expected))
            {
                NodePerformanceData y = Statistics(actual).Single(n => n.NodeId == x.NodeId);
                Assert.Equal(x.Durations, y.Durations);
                Assert.Equal(x.SelfDurations, y.SelfDurations);
            }
            Assert.Equal(Runs(expected).Select(r => (r.RunId, r.WallTime, r.NodeTimeSum, r.CriticalPath, string.Join("|", r.CriticalPathNodes), r.LaneCount)),
                Runs(actual).Select(r => (r.RunId, r.WallTime, r.NodeTimeSum, r.CriticalPath, string.Join("|", r.CriticalPathNodes), r.LaneCount)));
        }

        [Fact]
        public void Nested_steps_round_trip_through_Export_and_Import_byte_identical()
        {
            using var ps = new PsSession();
            ps.RunClean(NestedRuns.Replace("{0}", "") + $"; Export-WorkflowProfile -Path '{F("a.json")}'");
            NodePerformanceData build = Statistics(ps).Single(n => n.NodeId == "build");
            Assert.All(build.Durations.Zip(build.SelfDurations), p => Assert.True(p.Second < p.First, "build's self time excludes compile and pack"));
            using var fresh = new PsSession();
            fresh.RunClean($"$null = Import-WorkflowProfile '{F("a.json")}'; Export-WorkflowProfile '{F("b.json")}'");
            Assert.Equal(File.ReadAllBytes(_dir.File("a.json")), File.ReadAllBytes(_dir.File("b.json")));
            AssertSame(ps, fresh);
            Assert.Equal(new[] { "build" }, Runs(fresh).Last().CriticalPathNodes);
        }

        [Fact]
        public void A_history_folder_keeps_self_times_and_run_shapes_for_the_next_session()
        {
            using var ps = new PsSession();
            ps.RunClean(NestedRuns.Replace("{0}", $"-HistoryPath '{F("history")}'"));
            using var next = new PsSession();
            next.RunClean($"Set-ProfilerOption -HistoryPath '{F("history")}'; Start-WorkflowProfile -WorkflowId deploy; Get-WorkflowProfile deploy | Out-Null");
            AssertSame(ps, next);
            Assert.Equal(3, Runs(next).Length);
        }

        [Fact]
        public void The_trace_of_the_run_in_flight_shows_measured_steps_nested()
        {
            using var ps = new PsSession();
            ps.RunClean(@"Start-WorkflowProfile -WorkflowId deploy
                Measure-WorkflowNode build { Measure-WorkflowNode compile { Add-NodeTiming codegen 0 } }
                " + $"Export-WorkflowProfile -Path '{F("t.json")}' -Format ChromeTrace");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(_dir.File("t.json")));
            var spans = doc.RootElement.GetProperty("traceEvents").EnumerateArray().Where(e => e.GetProperty("ph").GetString() == "X")
                .ToDictionary(e => e.GetProperty("args").GetProperty("nodeId").GetString()!, e => e);
            double Start(string id) => spans[id].GetProperty("ts").GetDouble();
            double End(string id) => Start(id) + spans[id].GetProperty("dur").GetDouble();
            Assert.Equal(spans["build"].GetProperty("tid").GetInt32(), spans["compile"].GetProperty("tid").GetInt32());
            Assert.True(Start("build") <= Start("compile") && End("compile") <= End("build"));
            Assert.True(Start("compile") <= Start("codegen") && End("codegen") <= End("compile"));
            Assert.Equal("build", spans["compile"].GetProperty("args").GetProperty("parentId").GetString());
        }
    }
}
