using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    public class RecordingTests
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly ProfilerSession _session;

        public RecordingTests() => _session = new ProfilerSession(_clock);

        private WorkflowProfiler RunOnce(string workflow, params (string Node, double Ms)[] timings)
        {
            WorkflowRun run = _session.StartRun(workflow);
            foreach (var (node, ms) in timings) run.Record(node, ms);
            run.Complete();
            return _session.GetWorkflow(workflow);
        }

        [Fact]
        public void Statistics_are_over_completed_runs()
        {
            RunOnce("build", ("restore", 100), ("compile", 300));
            RunOnce("build", ("restore", 200), ("compile", 500));
            NodePerformanceData restore = _session.GetWorkflow("build").GetNodeStatistics().Single(n => n.NodeId == "restore");
            Assert.Equal(new[] { 100.0, 200.0 }, restore.Durations);
            Assert.Equal(150, restore.AvgDuration);
            Assert.Equal(100, restore.MinDuration);
            Assert.Equal(200, restore.MaxDuration);
            Assert.Equal(200, restore.LastDuration);
            Assert.Equal(2, restore.ExecutionCount);
            Assert.Equal("restore", restore.NodeLabel);
            Assert.Equal("build", restore.WorkflowId);
        }

        [Fact]
        public void A_node_recorded_several_times_in_a_run_adds_up_to_one_sample()
        {
            WorkflowProfiler wf = RunOnce("loop", ("step", 10), ("step", 20), ("step", 30));
            NodePerformanceData step = Assert.Single(wf.GetNodeStatistics());
            Assert.Equal(new[] { 60.0 }, step.Durations);
            Assert.Equal(3, step.ExecutionCount);
            Assert.Equal(1, step.RunCount);
        }

        [Fact]
        public void The_window_keeps_the_latest_runs_oldest_first_and_counts_stay_all_time()
        {
            for (int i = 1; i <= 25; i++) RunOnce("w", ("n", i));
            NodePerformanceData n = Assert.Single(_session.GetWorkflow("w").GetNodeStatistics());
            Assert.Equal(Enumerable.Range(6, 20).Select(i => (double)i), n.Durations);
            Assert.Equal(15.5, n.AvgDuration);
            Assert.Equal(25, n.ExecutionCount);
            Assert.Equal(25, n.RunCount);
            Assert.Equal(25, _session.GetWorkflow("w").GetProfile().RunCount);
        }

        [Fact]
        public void A_smaller_window_keeps_the_most_recent_samples()
        {
            for (int i = 1; i <= 5; i++) RunOnce("w", ("n", i));
            _session.StartRun("w", new WorkflowSettings { WindowSize = 2 }, false, out _).Record("n", 6);
            _session.GetWorkflow("w").CurrentRun.Complete();
            NodePerformanceData n = Assert.Single(_session.GetWorkflow("w").GetNodeStatistics());
            Assert.Equal(new[] { 5.0, 6.0 }, n.Durations);
            Assert.Equal(new[] { 5, 6 }, n.RunNumbers);
            Assert.Equal(2, _session.GetWorkflow("w").GetProfile().Runs.Length);
        }

        [Fact]
        public void A_node_that_does_not_run_keeps_its_history()
        {
            RunOnce("b", ("a", 10), ("b", 20));
            RunOnce("b", ("a", 30));
            NodePerformanceData b = _session.GetWorkflow("b").GetNodeStatistics().Single(n => n.NodeId == "b");
            Assert.Equal(new[] { 20.0 }, b.Durations);
            Assert.Equal(new[] { 1 }, b.RunNumbers);
            Assert.Equal(1, b.RunCount);
            Assert.Equal(new[] { 1, 2 }, _session.GetWorkflow("b").GetNodeStatistics().Single(n => n.NodeId == "a").RunNumbers);
        }

        [Fact]
        public void A_run_that_recorded_nothing_changes_nothing()
        {
            RunOnce("e", ("a", 10));
            WorkflowRun run = _session.StartRun("e");
            RunCompletion completion = run.Complete(500);
            Assert.True(completion.RecordedNothing);
            Assert.Equal(1, completion.Profile.RunCount);
            Assert.Equal(new[] { 10.0 }, completion.Profile.NodeData.Single().Durations);
            Assert.Null(_session.GetWorkflow("e").CurrentRun);
        }

        [Fact]
        public void Total_duration_is_given_or_measured_from_the_start()
        {
            WorkflowRun run = _session.StartRun("t");
            run.Record("a", 5);
            _clock.Advance(1234.5);
            Assert.Equal(1234.5, run.Complete().Profile.TotalDuration, 3);
            run = _session.StartRun("t");
            run.Record("a", 5);
            Assert.Equal(99, run.Complete(99).Profile.TotalDuration);
        }

        [Fact]
        public void Node_metadata_is_kept_and_updated_by_later_values()
        {
            WorkflowRun run = _session.StartRun("m");
            run.Record("a", 1, "dotnet", "Restore");
            run.Record("a", 1);
            run.Complete();
            NodePerformanceData a = _session.GetWorkflow("m").GetNodeStatistics().Single();
            Assert.Equal("dotnet", a.NodeType);
            Assert.Equal("Restore", a.NodeLabel);
        }

        [Fact]
        public void Node_ids_are_case_insensitive_and_keep_the_first_spelling()
        {
            WorkflowProfiler wf = RunOnce("c", ("Compile", 1), ("compile", 2));
            NodePerformanceData n = Assert.Single(wf.GetNodeStatistics());
            Assert.Equal("Compile", n.NodeId);
            Assert.Equal(3, n.LastDuration);
        }

        [Fact]
        public void Timings_of_the_run_in_flight_are_listed_in_order()
        {
            WorkflowRun run = _session.StartRun("g");
            run.Record("a", 1, "t", "A");
            _clock.Advance(10);
            run.Record("b", 2);
            NodeTiming[] timings = run.GetTimings();
            Assert.Equal(new[] { "a", "b" }, timings.Select(t => t.NodeId));
            Assert.Equal(new long[] { 1, 2 }, timings.Select(t => t.Sequence));
            Assert.Equal(10, timings[1].EndOffset, 3);
            Assert.Equal("A", timings[0].NodeLabel);
            Assert.Equal("b", timings[1].NodeLabel);
        }
    }
}
