using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>The run's execution log (GetTimings) across its chunk boundaries and at its cap.</summary>
    public class ExecutionLogTests
    {
        private readonly ManualClock _clock = new ManualClock();

        [Fact]
        public void A_long_run_lists_every_execution_in_record_order()
        {
            WorkflowRun run = new ProfilerSession(_clock).StartRun("log");
            for (int i = 0; i < 5_000; i++)
            {
                run.Record("n" + (i % 3), i);
                _clock.Advance(1);
            }
            NodeTiming[] timings = run.GetTimings();
            Assert.Equal(Enumerable.Range(1, 5_000).Select(i => (long)i), timings.Select(t => t.Sequence));
            Assert.Equal(Enumerable.Range(0, 5_000).Select(i => (double)i), timings.Select(t => t.Duration));
            Assert.Equal(Enumerable.Range(0, 5_000).Select(i => "n" + (i % 3)), timings.Select(t => t.NodeId));
            Assert.Equal(4_999, timings.Last().EndOffset, 3);
        }

        [Fact]
        public void The_log_keeps_the_first_records_up_to_its_cap_and_the_sums_keep_counting()
        {
            WorkflowRun run = new ProfilerSession(_clock).StartRun("cap");
            int total = WorkflowRun.MaxSamplesPerRun + 10;
            for (int i = 0; i < total; i++) run.Record("n", 1);
            NodeTiming[] timings = run.GetTimings();
            Assert.Equal(WorkflowRun.MaxSamplesPerRun, timings.Length);
            Assert.Equal(WorkflowRun.MaxSamplesPerRun, timings.Last().Sequence);
            Assert.Equal(10, run.DroppedSamples);
            NodePerformanceData n = Assert.Single(run.Complete().Profile.NodeData);
            Assert.Equal(total, n.ExecutionCount);
            Assert.Equal(total, n.LastDuration);
        }
    }
}
