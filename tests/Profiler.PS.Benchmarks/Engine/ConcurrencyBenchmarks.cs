using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Profiler.PS.Engine;

namespace Profiler.PS.Benchmarks.Engine
{
    /// <summary>
    /// Two threads recording into one run versus one thread doing the same work (the baseline). Goal: the two
    /// threads lose nothing and take no longer in total. Times are per record; every operation is 100,000
    /// records into a fresh run, and each operation checks that every record landed.
    /// </summary>
    [MemoryDiagnoser]
    public class ConcurrencyBenchmarks
    {
        private const int PerThread = 50_000;
        private const int Total = 2 * PerThread;
        private ProfilerSession _session;

        [GlobalSetup]
        public void Setup() => _session = new ProfilerSession();

        /// <summary>One thread records lane0 then lane1, 50,000 times each.</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = Total)]
        public void OneThread()
        {
            WorkflowRun run = Start();
            Lane(run, "lane0");
            Lane(run, "lane1");
            Check(run, "lane0", "lane1");
        }

        /// <summary>Two threads, each recording its own node (parallel branches of a workflow).</summary>
        [Benchmark(OperationsPerInvoke = Total)]
        public void TwoThreadsOwnNodes()
        {
            WorkflowRun run = Start();
            Parallel.Invoke(() => Lane(run, "lane0"), () => Lane(run, "lane1"));
            Check(run, "lane0", "lane1");
        }

        /// <summary>Two threads recording the same node (a parallel loop over one step).</summary>
        [Benchmark(OperationsPerInvoke = Total)]
        public void TwoThreadsSameNode()
        {
            WorkflowRun run = Start();
            Parallel.Invoke(() => Lane(run, "shared"), () => Lane(run, "shared"));
            Check(run, "shared");
        }

        private WorkflowRun Start() => _session.StartRun("concurrency", null, true, out _);

        private static void Lane(WorkflowRun run, string node)
        {
            for (int i = 0; i < PerThread; i++) run.Record(node, 1);
        }

        private static void Check(WorkflowRun run, params string[] nodes)
        {
            if (run.Executions != Total) throw new InvalidOperationException($"Lost records: {run.Executions} of {Total}.");
            long sum = 0;
            foreach (RunNode node in run.Nodes) sum += node.Executions;
            if (sum != Total || run.Nodes.Count != nodes.Length) throw new InvalidOperationException("Node counts do not add up.");
        }
    }
}
