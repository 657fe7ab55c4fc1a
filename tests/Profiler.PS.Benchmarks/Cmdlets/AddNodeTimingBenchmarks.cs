using System;
using BenchmarkDotNet.Attributes;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>
    /// Shared set-up of the Add-NodeTiming benchmarks: a run in flight to record into, and a check at the end
    /// that every call was recorded (the loops must measure recording, not errors).
    /// </summary>
    public abstract class AddNodeTimingBenchmarkBase : HostedPowerShell
    {
        private WorkflowRun _run;
        private long _expected;

        /// <summary>Opens the runspace and starts a run.</summary>
        protected void Start(string setup = null)
        {
            Open(setup);
            _run = (WorkflowRun)Run("Start-WorkflowProfile -WorkflowId bench -PassThru")[0].BaseObject;
        }

        /// <summary>Runs a loop of Add-NodeTiming calls and counts them for the final check.</summary>
        protected void Record(string script)
        {
            Run(script);
            _expected += Calls;
        }

        /// <inheritdoc />
        public override void Close()
        {
            long recorded = _run?.Executions ?? 0;
            base.Close();
            if (recorded != _expected) throw new InvalidOperationException($"Add-NodeTiming recorded {recorded} of {_expected} calls.");
        }
    }

    /// <summary>By name with parameters in a script loop, against the no-op floor. Goal: 1.10x or less.</summary>
    [MemoryDiagnoser]
    public class AddNodeTimingByParameters : AddNodeTimingBenchmarkBase
    {
        private static readonly string NoOpLoop = Loop("Add-NoOpTiming -NodeId compile -Duration 5");
        private static readonly string AddLoop = Loop("Add-NodeTiming -NodeId compile -Duration 5");

        [GlobalSetup]
        public void Setup() => Start();

        [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
        public void NoOpCmdlet() => Run(NoOpLoop);

        [Benchmark(OperationsPerInvoke = Calls)]
        public void AddNodeTiming() => Record(AddLoop);
    }

    /// <summary>Durations piped in (ValueFromPipeline), node given by parameter. Goal: 1.10x or less.</summary>
    [MemoryDiagnoser]
    public class AddNodeTimingPipelineByValue : AddNodeTimingBenchmarkBase
    {
        [GlobalSetup]
        public void Setup() => Start($"$durations = foreach ($i in 1..{Calls}) {{ [double]5 }}");

        [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
        public void NoOpCmdlet() => Run("$durations | Add-NoOpTiming -NodeId compile");

        [Benchmark(OperationsPerInvoke = Calls)]
        public void AddNodeTiming() => Record("$durations | Add-NodeTiming -NodeId compile");
    }

    /// <summary>Rows with NodeId and Duration piped in (ByPropertyName), as from Import-Csv. Goal: 1.10x or less.</summary>
    [MemoryDiagnoser]
    public class AddNodeTimingPipelineByPropertyName : AddNodeTimingBenchmarkBase
    {
        [GlobalSetup]
        public void Setup() => Start($"$rows = foreach ($i in 1..{Calls}) {{ [pscustomobject]@{{ NodeId = 'step' + ($i % 10); Duration = 5 }} }}");

        [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
        public void NoOpCmdlet() => Run("$rows | Add-NoOpTiming");

        [Benchmark(OperationsPerInvoke = Calls)]
        public void AddNodeTiming() => Record("$rows | Add-NodeTiming");
    }
}
