using System;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Import -Merge: two histories of one workflow become one timeline.</summary>
    public class ProfileMergeTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();

        public void Dispose() => _dir.Dispose();

        private void Run(ProfilerSession session, string workflow, double total, params (string Node, double Ms)[] timings)
        {
            _clock.Advance(1000);
            WorkflowRun run = session.StartRun(workflow, new WorkflowSettings { WindowSize = 4 }, false, out _);
            foreach (var (node, ms) in timings) run.Record(node, ms);
            run.Complete(total);
        }

        private string Export(ProfilerSession s, string name) => _dir.Export(s, name);

        [Fact]
        public void Merge_interleaves_runs_in_time_order_and_adds_counters()
        {
            var a = new ProfilerSession(_clock);
            var b = new ProfilerSession(_clock);
            Run(a, "m", 10, ("step", 10));     // t = 1 s
            Run(b, "m", 20, ("step", 20));     // t = 2 s
            Run(a, "m", 30, ("step", 30), ("only-a", 1));
            Run(b, "m", 40, ("step", 40), ("only-b", 2));
            string file = Export(b, "b.json");
            a.ImportProfile(file, ImportMode.Merge);
            WorkflowPerformanceProfile p = a.GetWorkflow("m").GetProfile();
            Assert.Equal(4, p.RunCount);
            Assert.Equal(new[] { 10.0, 20, 30, 40 }, p.Runs.Select(r => r.TotalDuration));
            Assert.Equal(new[] { 1, 2, 3, 4 }, p.Runs.Select(r => r.RunNumber));
            NodePerformanceData step = p.NodeData.Single(n => n.NodeId == "step");
            Assert.Equal(new[] { 10.0, 20, 30, 40 }, step.Durations);
            Assert.Equal(new[] { 1, 2, 3, 4 }, step.RunNumbers);
            Assert.Equal(4, step.RunCount);
            Assert.Equal(25, step.AllTimeAvgDuration.Value, 12);
            Assert.Equal(new[] { "step", "only-a", "only-b" }, p.NodeData.Select(n => n.NodeId));
            Assert.Equal(new[] { 4 }, p.NodeData.Single(n => n.NodeId == "only-b").RunNumbers);
            Assert.Equal(40, p.TotalDuration);
            Assert.Equal(4, p.Comparison.RunNumber);
            Assert.Equal(5, a.StartRun("m").RunNumber);
            a.GetWorkflow("m").AbandonCurrent();

            var ex = Assert.Throws<ProfilerException>(() => a.ImportProfile(file, ImportMode.Merge));
            Assert.Equal(ProfilerErrorKind.RunsOverlap, ex.Kind);
            Assert.Equal(4, a.GetWorkflow("m").GetProfile().RunCount);
        }

        [Fact]
        public void Merge_keeps_the_session_window_and_places_undated_old_samples_first()
        {
            var a = new ProfilerSession(_clock);
            var b = new ProfilerSession(_clock);
            for (int i = 1; i <= 6; i++) Run(b, "w", i, ("n", i), (i == 1 ? "old" : "n2", 1));   // window 4: run 1 of 'old' has no summary left
            for (int i = 1; i <= 2; i++) Run(a, "w", 100 + i, ("n", 100 + i));
            a.ImportProfile(Export(b, "b.json"), ImportMode.Merge);
            WorkflowPerformanceProfile p = a.GetWorkflow("w").GetProfile();
            Assert.Equal(8, p.RunCount);
            Assert.Equal(new[] { 5.0, 6, 101, 102 }, p.Runs.Select(r => r.TotalDuration));
            Assert.Equal(new[] { 5, 6, 7, 8 }, p.Runs.Select(r => r.RunNumber));
            NodePerformanceData old = p.NodeData.Single(n => n.NodeId == "old");
            // Undated, before b's oldest kept run: numbered first of the 8 runs with data (each side keeps one run beyond
            // its window of 4, the baseline of its latest run).
            Assert.Equal(new[] { 1 }, old.RunNumbers);
            Assert.Equal(new[] { 5.0, 6, 101, 102 }, p.NodeData.Single(n => n.NodeId == "n").Durations);
        }
    }
}
