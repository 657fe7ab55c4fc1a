using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Profiler.PS.Engine;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Threads recording into one run: exact counts, one order, one lane per thread, clean closing.</summary>
    public class LaneConcurrencyTests
    {
        private readonly ProfilerSession _session = new ProfilerSession();

        [Fact]
        public void Threads_on_one_node_keep_exact_sums_and_one_gapless_sequence()
        {
            WorkflowRun run = _session.StartRun("same");
            long[] sequences = new long[4 * 5_000];
            Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, lane =>
            {
                for (int i = 0; i < 5_000; i++) sequences[lane * 5_000 + i] = run.Record("shared", 2).Sequence;
            });
            Assert.Equal(Enumerable.Range(1, 20_000).Select(i => (long)i), sequences.OrderBy(s => s));
            NodeTiming[] timings = run.GetTimings();
            Assert.Equal(Enumerable.Range(1, 20_000).Select(i => (long)i), timings.Select(t => t.Sequence));
            NodePerformanceData node = Assert.Single(run.Complete().Profile.NodeData);
            Assert.Equal(20_000, node.ExecutionCount);
            Assert.Equal(40_000, node.LastDuration);
        }

        [Fact]
        public void Eight_threads_of_ten_thousand_records_keep_exact_counts_sums_and_lanes()
        {
            WorkflowRun run = _session.StartRun("eight");
            const int Threads = 8, PerThread = 10_000;
            using var start = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                string own = "own" + t;
                for (int i = 0; i < PerThread; i++)
                    if (i % 2 == 0) run.Record("shared", 0.5);
                    else run.Record(own, 1 + t);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            NodeTiming[] timings = run.GetTimings();
            Assert.Equal(Enumerable.Range(1, Threads * PerThread).Select(i => (long)i), timings.Select(t => t.Sequence));
            Assert.Equal(Enumerable.Range(1, Threads), timings.Select(t => t.Lane).Distinct().OrderBy(l => l));
            Assert.All(timings.GroupBy(t => t.Lane), lane => Assert.Single(lane.Select(t => t.ThreadId).Distinct()));
            RunCompletion done = run.Complete();
            Assert.Equal((long)Threads * PerThread, done.Run.ExecutionCount);
            Assert.Equal(Threads, done.Run.LaneCount);
            NodePerformanceData shared = done.Profile.NodeData.Single(n => n.NodeId == "shared");
            Assert.Equal(Threads * PerThread / 2, shared.ExecutionCount);
            Assert.Equal(0.5 * Threads * PerThread / 2, shared.LastDuration);
            for (int t = 0; t < Threads; t++)
            {
                NodePerformanceData own = done.Profile.NodeData.Single(n => n.NodeId == "own" + t);
                Assert.Equal(PerThread / 2, own.ExecutionCount);
                Assert.Equal((1.0 + t) * PerThread / 2, own.LastDuration);
            }
        }

        [Fact]
        public async Task A_record_racing_completion_is_either_counted_or_refused()
        {
            for (int attempt = 0; attempt < 20; attempt++)
            {
                WorkflowRun run = _session.StartRun("race");
                run.Record("first", 1);
                long accepted = 1;
                using var go = new ManualResetEventSlim();
                Task writer = Task.Run(() =>
                {
                    go.Set();
                    for (int i = 0; ; i++)
                    {
                        try { run.Record("n" + (i % 50), 1); }
                        catch (ProfilerException ex) when (ex.Kind == ProfilerErrorKind.RunClosed) { return; }
                        Interlocked.Increment(ref accepted);
                    }
                });
                go.Wait();
                Thread.Sleep(1);
                RunCompletion completion = run.Complete();
                await writer;
                Assert.Equal(Interlocked.Read(ref accepted), completion.Run.ExecutionCount);
                Assert.All(completion.Profile.NodeData.Where(n => n.RunNumbers.LastOrDefault() == completion.Run.RunNumber),
                    n => Assert.True(n.LastDuration > 0, n.NodeId + " got an empty sample"));
            }
        }

        [Fact]
        public void A_node_alerts_once_per_run_when_threads_cross_its_threshold_together()
        {
            for (int r = 0; r < 3; r++)
            {
                WorkflowRun warm = _session.StartRun("alerts");
                warm.Record("slow", 10);
                warm.Complete();
            }
            WorkflowRun run = _session.StartRun("alerts");
            int alerts = 0;
            Parallel.For(0, 4, lane =>
            {
                for (int i = 0; i < 1_000; i++)
                    if (run.Record("slow", 1).Alert != null) Interlocked.Increment(ref alerts);
            });
            Assert.Equal(1, alerts);
            Assert.Single(run.Complete().Alerts);
        }
    }
}
