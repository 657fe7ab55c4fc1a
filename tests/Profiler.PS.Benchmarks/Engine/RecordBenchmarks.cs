using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Profiler.PS.Engine;

namespace Profiler.PS.Benchmarks.Engine
{
    /// <summary>
    /// WorkflowRun.Record once the node exists. Goal: 50 ns or less and 0 bytes per record. The baseline is the
    /// clock read every record needs (Stopwatch.GetTimestamp), the part no profiler can avoid.
    /// </summary>
    [MemoryDiagnoser]
    public class RecordBenchmarks
    {
        private const int LogCapacity = WorkflowRun.MaxSamplesPerRun;
        private ProfilerSession _session;
        private WorkflowRun _hot;

        [GlobalSetup]
        public void Setup()
        {
            _session = new ProfilerSession();
            _hot = _session.StartRun("hot");
            _hot.Record("compile", 1);
            _hot.Record("test", 1);
        }

        /// <summary>The unavoidable part: one monotonic clock read.</summary>
        [Benchmark(Baseline = true)]
        public long ClockRead() => Stopwatch.GetTimestamp();

        /// <summary>The same node again (the common loop case). After the first 100,000 records of the run
        /// the execution log is full by design and only the node's sums grow.</summary>
        [Benchmark]
        public RecordResult RecordSameNode() => _hot.Record("compile", 5);

        /// <summary>Two nodes in turn, so each record looks its node up by id.</summary>
        [Benchmark(OperationsPerInvoke = 2)]
        public RecordResult RecordAlternatingNodes()
        {
            _hot.Record("compile", 5);
            return _hot.Record("test", 5);
        }

        /// <summary>
        /// A fresh run filled to its 100,000-record log capacity: every record appends to the execution log.
        /// The bytes per record are that log (24 bytes a record plus the doubling of its array), kept by design.
        /// </summary>
        [Benchmark(OperationsPerInvoke = LogCapacity)]
        public long RecordIntoFreshRunUntilLogIsFull()
        {
            WorkflowRun run = _session.StartRun("fresh", null, true, out _);
            for (int i = 0; i < LogCapacity; i++) run.Record("compile", 5);
            if (run.Executions != LogCapacity) throw new System.InvalidOperationException("Records were lost.");
            return run.Executions;
        }
    }
}
