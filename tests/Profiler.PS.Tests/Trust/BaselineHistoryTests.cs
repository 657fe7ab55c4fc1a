using System;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>The extra sample kept beyond the window (the latest run's baseline) survives history lines as it does profile files.</summary>
    public class BaselineHistoryTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private WorkflowSettings Settings(int window) => new WorkflowSettings { WindowSize = window, MinimumSamples = 1, HistoryPath = _dir.Path };

        private static string Baselines(WorkflowProfiler wf) => string.Join("; ", wf.Compare(null, null, null, null, null, out _)
            .Select(c => $"{c.NodeId ?? "(total)"}: {string.Join(",", c.BaselineRunNumbers)} ({c.BaselineSamples})"));

        [Theory]
        [InlineData(1, "test: 4 (1); (total): 4 (1)")]
        [InlineData(3, "test: 1,2,3 (3); (total): 2,3 (2)")]
        public void The_latest_runs_baseline_is_whole_after_reloading_from_history(int window, string expected)
        {
            var clock = new ManualClock();
            var session = new ProfilerSession(clock);
            for (int i = 1; i <= 5; i++)
            {
                WorkflowRun run = session.StartRun("b", Settings(window), false, out _);
                clock.Advance(100 + i);
                // Run 4's step fails: it stays out of the node's baseline and out of the workflow total's (the kept runs
                // are the last WindowSize + 1, so the total's baseline has the two successful ones among runs 2-4).
                new NodeScopeStack().Record(run, "test", 100 + i, status: i == 4 && window > 1 ? NodeStatus.Failed : NodeStatus.Succeeded);
                run.Complete();
            }
            Assert.Equal(expected, Baselines(session.GetWorkflow("b")));

            var reloaded = new ProfilerSession(new ManualClock());
            reloaded.StartRun("b", Settings(window), false, out _, out string[] warnings);
            Assert.Empty(warnings);
            Assert.Equal(expected, Baselines(reloaded.GetWorkflow("b")));
            // And through a profile file written by the reloaded session.
            var imported = new ProfilerSession(new ManualClock());
            imported.ImportProfile(_dir.Export(reloaded, "p.json"), ImportMode.Replace);
            Assert.Equal(expected, Baselines(imported.GetWorkflow("b")));
        }
    }
}
