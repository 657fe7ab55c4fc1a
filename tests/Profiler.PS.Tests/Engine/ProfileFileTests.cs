using System;
using System.IO;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Export and import of profile files: exact round trips, all-or-nothing validation, merge and replace.</summary>
    public class ProfileFileTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();

        public void Dispose() => _dir.Dispose();

        private void Run(ProfilerSession session, string workflow, double total, params (string Node, double Ms)[] timings)
        {
            _clock.Advance(1000);
            WorkflowRun run = session.StartRun(workflow, new WorkflowSettings { WindowSize = 4 }, false, out _);
            foreach (var (node, ms) in timings) run.Record(node, ms, node == "restore" ? "dotnet" : null, node == "restore" ? "Restore \"packages\"" : null);
            run.Complete(total);
        }

        private ProfilerSession Populated()
        {
            var s = new ProfilerSession(_clock);
            for (int i = 1; i <= 6; i++) Run(s, "build", 1000 + i, ("restore", 100 + i * 0.1), ("compile", 300 + 1.0 / i), ("lint", i == 6 ? 900 : 50));
            Run(s, "build", 555, ("rare", 1));
            Run(s, "build", 1001, ("restore", 100), ("compile", 301), ("lint", 50));
            Run(s, "dépl😀y", 5, ("步骤 \u0001 \ud800", 0.000123));
            return s;
        }

        private string Export(ProfilerSession s, string name) => _dir.Export(s, name);

        [Fact]
        public void Export_import_export_is_byte_identical()
        {
            ProfilerSession original = Populated();
            string first = Export(original, "first.json");
            var fresh = new ProfilerSession(new ManualClock());
            fresh.ImportProfile(first, ImportMode.Add);
            string second = Export(fresh, "second.json");
            Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
            Assert.DoesNotContain("\r", File.ReadAllText(first));
            Assert.False(File.ReadAllBytes(first).Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }));
        }

        [Fact]
        public void An_imported_workflow_answers_like_the_original()
        {
            ProfilerSession original = Populated();
            var fresh = new ProfilerSession(new ManualClock());
            WorkflowPerformanceProfile[] imported = fresh.ImportProfile(Export(original, "p.json"), ImportMode.Add);
            Assert.Equal(new[] { "build", "dépl😀y" }, imported.Select(p => p.WorkflowId));
            WorkflowPerformanceProfile a = original.GetWorkflow("build").GetProfile(), b = fresh.GetWorkflow("build").GetProfile();
            Assert.Equal(a.RunCount, b.RunCount);
            Assert.Equal(a.Timestamp, b.Timestamp);
            Assert.Equal(a.Bottlenecks, b.Bottlenecks);
            Assert.Equal(a.Runs.Select(r => (r.RunNumber, r.RunId, r.StartTime, r.TotalDuration)), b.Runs.Select(r => (r.RunNumber, r.RunId, r.StartTime, r.TotalDuration)));
            Assert.Equal(a.Comparison.ToString(), b.Comparison.ToString());
            foreach (var (x, y) in a.NodeData.Zip(b.NodeData))
            {
                Assert.Equal((x.NodeId, x.NodeType, x.NodeLabel, x.RunCount, x.ExecutionCount, x.LastDuration), (y.NodeId, y.NodeType, y.NodeLabel, y.RunCount, y.ExecutionCount, y.LastDuration));
                Assert.Equal(x.Durations, y.Durations);
                Assert.Equal(x.RunNumbers, y.RunNumbers);
                Assert.Equal((x.AllTimeAvgDuration, x.AllTimeStdDevDuration, x.IsFirstRunSlow), (y.AllTimeAvgDuration, y.AllTimeStdDevDuration, y.IsFirstRunSlow));
            }
            Assert.Equal(9, fresh.StartRun("build").RunNumber);   // numbering continues after run 8
        }

        private static string Valid => "{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":1,\"workflows\":[{\"workflowId\":\"w\",\"workflowName\":\"w\",\"windowSize\":20,\"bottleneckFactor\":1.5,\"minimumSamples\":3,\"runCount\":1,\"lastTotalDuration\":5,\"timestamp\":\"2026-01-01T00:00:00.0000000+00:00\",\"runs\":[{\"runNumber\":1,\"runId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"startTime\":\"2026-01-01T00:00:00.0000000+00:00\",\"endTime\":\"2026-01-01T00:00:00.0000000+00:00\",\"totalDuration\":5,\"nodeCount\":1,\"executionCount\":1,\"alertCount\":0}],\"lastAlerts\":[],\"nodes\":[{\"nodeId\":\"a\",\"nodeType\":null,\"nodeLabel\":\"a\",\"executionCount\":1,\"allTime\":{\"count\":1,\"mean\":5,\"m2\":0,\"min\":5,\"max\":5},\"runNumbers\":[1],\"durations\":[5]}]}]}";

        [Fact]
        public void The_minimal_valid_file_imports()
        {
            File.WriteAllText(_dir.File("v.json"), Valid);
            var s = new ProfilerSession();
            Assert.Equal(5, s.ImportProfile(_dir.File("v.json"), ImportMode.Add).Single().NodeData.Single().AvgDuration);
        }

        [Theory]
        [InlineData("not json at all", "line 1, column 1")]
        [InlineData("[]", "expected an object")]
        [InlineData("{\"workflows\":[]}", "is not a Profiler.PS profile")]
        [InlineData("{\"format\":\"Other.Tool\",\"schemaVersion\":1,\"workflows\":[]}", "is not a Profiler.PS profile")]
        [InlineData("{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":6,\"workflows\":[],\"newThing\":1}", "schema version 6, newer than the version 5")]
        [InlineData("{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":0,\"workflows\":[]}", "schemaVersion: expected a whole number from 1")]
        [InlineData("{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":1.5,\"workflows\":[]}", "expected a whole number")]
        [InlineData("{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":1,\"workflows\":[],\"extra\":true}", "extra: is not part of the schema")]
        [InlineData("{\"format\":\"Profiler.PS.WorkflowProfile\",\"schemaVersion\":1}", "workflows: is missing")]
        public void Files_that_are_not_profiles_are_refused(string text, string reason)
        {
            AssertRefused(text, reason);
        }

        [Theory]
        [InlineData("\"durations\":[5]", "\"durations\":[-5]", "workflows[0].nodes[0].durations[0]: expected a number of 0 or more")]
        [InlineData("\"durations\":[5]", "\"durations\":[\"5\"]", "durations[0]: expected a number, found a string")]
        [InlineData("\"durations\":[5]", "\"durations\":[1e999]", "out of range")]
        [InlineData("\"durations\":[5]", "\"durations\":[5,6]", "one duration per run number")]
        [InlineData("\"runNumbers\":[1]", "\"runNumbers\":[2]", "runNumbers[0]: expected a whole number from 1 to 1")]
        [InlineData("\"nodeId\":\"a\"", "\"nodeId\":\" \"", "nodes[0].nodeId: may not be empty")]
        [InlineData("\"windowSize\":20", "\"windowSize\":0", "windowSize: expected a whole number from 1")]
        [InlineData("\"bottleneckFactor\":1.5", "\"bottleneckFactor\":1", "expected a ratio greater than 1")]
        [InlineData("\"timestamp\":\"2026-01-01T00:00:00.0000000+00:00\",\"runs\"", "\"timestamp\":\"yesterday\",\"runs\"", "is not an ISO 8601 time")]
        [InlineData("\"runId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"", "\"runId\":\"x\"", "is not a GUID")]
        [InlineData("\"count\":1,", "\"count\":2,", "allTime.count: expected a whole number from 1 to 1")]
        [InlineData("\"executionCount\":1,\"allTime\"", "\"executionCount\":0,\"allTime\"", "executionCount: expected a whole number from 1")]
        [InlineData("\"nodeType\":null,", "", "nodes[0].nodeType: is missing")]
        [InlineData("\"lastAlerts\":[]", "\"lastAlerts\":{}", "lastAlerts: expected an array, found an object")]
        public void Invalid_members_are_named(string from, string to, string reason)
        {
            Assert.Contains(from, Valid);
            AssertRefused(Valid.Replace(from, to), reason);
        }

        [Fact]
        public void Truncated_duplicated_deep_and_huge_files_are_refused()
        {
            string full = File.ReadAllText(Export(Populated(), "full.json"));
            AssertRefused(full.Substring(0, full.Length / 2), "truncated");
            AssertRefused(Valid.Replace("\"workflows\":[{", "\"workflows\":[{\"workflowId\":\"w\",").Replace("\"workflowName\":\"w\",", "\"workflowName\":\"w\",", StringComparison.Ordinal), "appears twice");
            int start = Valid.IndexOf("{\"workflowId\"", StringComparison.Ordinal);
            string workflow = Valid.Substring(start, Valid.Length - start - 2);
            string twice = Valid.Substring(0, start) + workflow + "," + workflow.Replace("\"workflowId\":\"w\"", "\"workflowId\":\"W\"") + "]}";
            AssertRefused(twice, "workflows[1].workflowId: workflow 'W' appears twice");
            AssertRefused(Valid.Replace("\"lastAlerts\":[]", "\"lastAlerts\":" + new string('[', 100) + new string(']', 100)), "nested more than 64 deep");
            string big = _dir.File("big.json");
            using (var f = new FileStream(big, FileMode.Create)) f.SetLength((64L << 20) + 1);
            var ex = Assert.Throws<ProfilerException>(() => new ProfilerSession().ImportProfile(big, ImportMode.Add));
            Assert.Equal(ProfilerErrorKind.InvalidFile, ex.Kind);
            Assert.Contains("more than the 67,108,864 bytes", ex.Message);
            File.WriteAllBytes(big, new byte[] { 0x7B, 0xFF, 0xFE, 0x7D });
            Assert.Contains("not UTF-8", Assert.Throws<ProfilerException>(() => new ProfilerSession().ImportProfile(big, ImportMode.Add)).Message);
        }

        private void AssertRefused(string text, string reason)
        {
            string path = _dir.File("bad.json");
            File.WriteAllText(path, text);
            var session = new ProfilerSession();
            session.StartRun("keep").Record("k", 1);
            session.GetWorkflow("keep").CurrentRun.Complete();
            var ex = Assert.Throws<ProfilerException>(() => session.ImportProfile(path, ImportMode.Replace));
            Assert.Equal(ProfilerErrorKind.InvalidFile, ex.Kind);
            Assert.Contains(reason, ex.Message);
            Assert.Contains(path, ex.Message);
            Assert.Contains("Nothing was imported", ex.Message);
            Assert.Equal(new[] { "keep" }, session.GetWorkflows().Select(w => w.WorkflowId));
        }

        [Fact]
        public void An_existing_workflow_needs_merge_or_replace_and_nothing_is_half_imported()
        {
            string path = Export(Populated(), "p.json");
            var s = new ProfilerSession(_clock);
            Run(s, "dépl😀y", 1, ("x", 1));
            var ex = Assert.Throws<ProfilerException>(() => s.ImportProfile(path, ImportMode.Add));
            Assert.Equal(ProfilerErrorKind.WorkflowExists, ex.Kind);
            Assert.Contains("-Merge", ex.Message);
            Assert.Null(s.GetWorkflow("build"));                  // the other workflow of the file did not land either
            s.StartRun("dépl😀y");
            Assert.Equal(ProfilerErrorKind.RunInProgress, Assert.Throws<ProfilerException>(() => s.ImportProfile(path, ImportMode.Replace)).Kind);
            Assert.Null(s.GetWorkflow("build"));
            s.GetWorkflow("dépl😀y").CurrentRun.Complete();
            s.ImportProfile(path, ImportMode.Replace);
            Assert.Equal(1, s.GetWorkflow("dépl😀y").GetProfile().RunCount);
            Assert.Equal("步骤 \u0001 \ud800", s.GetWorkflow("dépl😀y").GetNodeStatistics().Single().NodeId);
        }
    }
}
