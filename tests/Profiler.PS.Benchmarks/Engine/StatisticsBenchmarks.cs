using BenchmarkDotNet.Attributes;
using Profiler.PS.Engine;

namespace Profiler.PS.Benchmarks.Engine
{
    /// <summary>Queries over a workflow of 10,000 nodes with full 20-run windows. Goal: 10 ms or less each.</summary>
    [MemoryDiagnoser]
    public class StatisticsBenchmarks
    {
        private const int Nodes = 10_000;
        private WorkflowProfiler _workflow;

        [GlobalSetup]
        public void Setup()
        {
            var session = new ProfilerSession();
            var ids = new string[Nodes];
            for (int i = 0; i < Nodes; i++) ids[i] = "node" + i;
            for (int r = 0; r < WorkflowSettings.DefaultWindowSize; r++)
            {
                WorkflowRun run = session.StartRun("big");
                for (int i = 0; i < Nodes; i++) run.Record(ids[i], 1 + (i * 7 + r * 13) % 1000);
                run.Complete();
            }
            _workflow = session.GetWorkflow("big");
        }

        /// <summary>Get-NodeStatistics: one snapshot per node (window copied, avg/min/max computed).</summary>
        [Benchmark(Baseline = true)]
        public NodePerformanceData[] GetNodeStatistics() => _workflow.GetNodeStatistics();

        /// <summary>Get-WorkflowProfile: the node snapshots plus ranking of the bottlenecks.</summary>
        [Benchmark]
        public WorkflowPerformanceProfile GetProfile() => _workflow.GetProfile();

        /// <summary>Get-Bottleneck -Top 5.</summary>
        [Benchmark]
        public BottleneckInfo[] GetBottlenecksTop5() => _workflow.GetBottlenecks(5);
    }
}
