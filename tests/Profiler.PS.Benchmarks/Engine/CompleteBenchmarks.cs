using BenchmarkDotNet.Attributes;
using Profiler.PS.Engine;

namespace Profiler.PS.Benchmarks.Engine
{
    /// <summary>
    /// Completing a run of 1,000 nodes whose windows are already full. Goal: Complete 1 ms or less.
    /// The measured operation starts the run, records each node once and completes it; the baseline does
    /// the same without Complete, so Complete alone is the difference (and the whole is an upper bound).
    /// </summary>
    [MemoryDiagnoser]
    public class CompleteBenchmarks
    {
        private const int Nodes = 1_000;
        private ProfilerSession _session;
        private string[] _ids;

        [GlobalSetup]
        public void Setup()
        {
            _session = new ProfilerSession();
            _ids = new string[Nodes];
            for (int i = 0; i < Nodes; i++) _ids[i] = "node" + i;
            for (int r = 0; r < WorkflowSettings.DefaultWindowSize + 5; r++) RecordAndComplete();
        }

        /// <summary>Start a run and record 1,000 nodes once each; the next call abandons it (forced start).</summary>
        [Benchmark(Baseline = true)]
        public WorkflowRun StartAndRecord1000Nodes()
        {
            WorkflowRun run = _session.StartRun("w", null, true, out _);
            foreach (string id in _ids) run.Record(id, 10);
            return run;
        }

        /// <summary>The same, then Complete: fold 1,000 nodes into their windows and snapshot the profile.</summary>
        [Benchmark]
        public RunCompletion StartRecord1000NodesAndComplete() => RecordAndComplete();

        private RunCompletion RecordAndComplete()
        {
            WorkflowRun run = _session.StartRun("w", null, true, out _);
            foreach (string id in _ids) run.Record(id, 10);
            RunCompletion completion = run.Complete();
            if (completion.Profile.NodeData.Length != Nodes) throw new System.InvalidOperationException("Nodes were lost.");
            return completion;
        }
    }
}
