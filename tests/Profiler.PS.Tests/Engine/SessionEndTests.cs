using System;
using System.IO;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>A session ending with runs in flight completes them and writes them to their histories (ProfilerSession.CompleteRunsInFlight).</summary>
    public class SessionEndTests : IDisposable
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly TempFolder _dir = new TempFolder();
        private readonly ProfilerSession _session;

        public SessionEndTests() => _session = new ProfilerSession(_clock);

        public void Dispose() => _dir.Dispose();

        [Fact]
        public void Open_steps_are_recorded_Stopped_and_the_run_is_completed_and_written_with_a_warning()
        {
            WorkflowRun run = _session.StartRun("ci", new WorkflowSettings { HistoryPath = _dir.Path }, false, out _);
            var stack = new NodeScopeStack();
            NodeScope build = stack.Begin(run, "build");
            _clock.Advance(10);
            NodeScope compile = stack.Begin(run, "compile");
            _clock.Advance(30);

            string warning = Assert.Single(_session.CompleteRunsInFlight(stack)).Message;

            Assert.Null(stack.Current);
            Assert.Equal("Completed", run.State);
            Assert.Contains("Run 1 of workflow 'ci' was still in flight", warning);
            Assert.Contains("2 failed or stopped execution(s)", warning);
            Assert.Contains("ci.jsonl", warning);
            Assert.Contains("finally", warning);
            WorkflowPerformanceProfile profile = _session.GetWorkflow("ci").GetProfile();
            WorkflowRunSummary summary = Assert.Single(profile.Runs);
            Assert.Equal((2L, 40.0), (summary.FailedCount, summary.TotalDuration));
            Assert.All(profile.NodeData, n => Assert.Equal("Stopped", n.LastStatus));
            Assert.Single(File.ReadAllLines(_dir.File("ci.jsonl")));
            Assert.Empty(_session.CompleteRunsInFlight(stack));   // nothing left in flight: nothing written twice
            Assert.Single(File.ReadAllLines(_dir.File("ci.jsonl")));
        }

        [Fact]
        public void The_run_ends_at_its_latest_record_not_when_the_session_closed()
        {
            WorkflowRun run = _session.StartRun("ci", new WorkflowSettings { HistoryPath = _dir.Path }, false, out _);
            var stack = new NodeScopeStack();
            NodeScope compile = stack.Begin(run, "compile");
            _clock.Advance(20);
            stack.End(compile, NodeStatus.Failed);
            _clock.Advance(1500);   // the error is displayed and the host shuts down
            Assert.Single(_session.CompleteRunsInFlight(stack));
            WorkflowRunSummary summary = Assert.Single(_session.GetWorkflow("ci").GetProfile().Runs);
            Assert.Equal((20.0, 20.0, 1L), (summary.WallTime, summary.TotalDuration, summary.FailedCount));
        }

        [Fact]
        public void Runs_without_a_history_or_without_timings_complete_without_a_warning()
        {
            WorkflowRun memory = _session.StartRun("memory");
            memory.Record("a", 5);
            WorkflowRun empty = _session.StartRun("empty", new WorkflowSettings { HistoryPath = _dir.Path }, false, out _);
            Assert.Empty(_session.CompleteRunsInFlight(null));
            Assert.Equal(("Completed", "Completed"), (memory.State, empty.State));
            Assert.Equal(1, _session.GetWorkflow("memory").GetProfile().RunCount);
            Assert.False(File.Exists(_dir.File("empty.jsonl")));
        }
    }
}
