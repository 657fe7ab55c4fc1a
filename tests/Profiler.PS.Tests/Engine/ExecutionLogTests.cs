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
            Assert.Equal(4_999.0 * 5_000 / 2, timings.Last().EndOffset, 3);   // the steps laid end to end
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

        [Fact]
        public void An_execution_record_stays_lean()
        {
            // Kept per execution (up to 100,000 a run, in chunks that must stay off the large-object heap).
            Assert.True(System.Runtime.CompilerServices.Unsafe.SizeOf<TimingSample>() <= 56);
        }

        [Fact]
        public void Nested_records_of_threads_interleave_in_one_order_with_their_parents()
        {
            WorkflowRun run = new ProfilerSession(_clock).StartRun("mix");
            System.Threading.Tasks.Parallel.For(0, 3, b =>
            {
                var stack = new NodeScopeStack();
                for (int i = 0; i < 2_000; i++)
                {
                    NodeScope outer = stack.Begin(run, "outer" + b);
                    stack.Record(run, "inner" + b, 0);
                    stack.End(outer, i % 2 == 0 ? NodeStatus.Succeeded : NodeStatus.Failed);
                }
            });
            NodeTiming[] t = run.GetTimings();
            Assert.Equal(Enumerable.Range(1, 12_000).Select(i => (long)i), t.Select(x => x.Sequence));
            var bySequence = t.ToDictionary(x => x.Sequence);
            Assert.All(t.Where(x => x.ParentId != null), x =>
            {
                NodeTiming parent = bySequence[x.ParentSequence];
                Assert.Equal(x.ParentId, parent.NodeId);
                Assert.True(parent.Sequence > x.Sequence);
                Assert.Equal(parent.Lane, x.Lane);
                Assert.Equal(parent.ThreadId, x.ThreadId);
            });
            Assert.Equal(6_000, t.Count(x => x.ParentId != null));
            Assert.Equal(3_000, t.Count(x => x.StatusValue == NodeStatus.Failed));
            Assert.Equal(3_000, run.Complete().Run.FailedCount);
        }
    }
}
