using BenchmarkDotNet.Attributes;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>
    /// Timing a script block, per call, in a script loop. The baseline is Measure-Command (emulated: the hosted
    /// engine package has no Microsoft.PowerShell.Utility, see <see cref="MeasureCommandEmulationCommand"/>).
    /// Goal for Measure-WorkflowNode: 1.10x the baseline or less, equivalently `&amp; {}` plus the no-op floor.
    /// The inline Stopwatch pattern is the price of convenience, not a goal: a cmdlet cannot beat inline code.
    /// </summary>
    [MemoryDiagnoser]
    public class MeasureNodeBenchmarks : HostedPowerShell
    {
        private static readonly string MeasureCommandLoop = Loop("$t = Measure-CommandEmulation {}");
        private static readonly string DirectLoop = Loop("& {}");
        private static readonly string InlineStopwatchLoop = Loop(
            "$sw = [Diagnostics.Stopwatch]::StartNew(); $sw.Stop(); $timings['compile'] = $sw.Elapsed.TotalMilliseconds");
        private static readonly string NoOpLoop = Loop("Add-NoOpTiming -NodeId compile -Duration 5");
        private static readonly string EmptyLoop = Loop("");

        [GlobalSetup]
        public void Setup() => Open("$timings = @{}; Start-WorkflowProfile -WorkflowId bench");

        /// <summary>`Measure-Command {}` as a user writes it (emulated).</summary>
        [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
        public void MeasureCommand() => Run(MeasureCommandLoop);

        /// <summary>`&amp; {}`: invoking the block directly, no timing at all.</summary>
        [Benchmark(OperationsPerInvoke = Calls)]
        public void InvokeBlockDirectly() => Run(DirectLoop);

        /// <summary>The inline pattern users write today: a Stopwatch and a hashtable entry.</summary>
        [Benchmark(OperationsPerInvoke = Calls)]
        public void InlineStopwatchAndHashtable() => Run(InlineStopwatchLoop);

        /// <summary>The no-op cmdlet floor, so `&amp; {}` plus the floor can be read off the same run.</summary>
        [Benchmark(OperationsPerInvoke = Calls)]
        public void NoOpCmdlet() => Run(NoOpLoop);

        /// <summary>The loop alone, included in every row above.</summary>
        [Benchmark(OperationsPerInvoke = Calls)]
        public void EmptyLoopIteration() => Run(EmptyLoop);

        // ==== Measure-WorkflowNode (issue 5) plugs in here ====
        // After issue 5 is merged, add (the node is recorded into the run started in Setup):
        //
        // [Benchmark(OperationsPerInvoke = Calls)]
        // public void MeasureWorkflowNode() => Run(MeasureWorkflowNodeLoop);
        // private static readonly string MeasureWorkflowNodeLoop = Loop("Measure-WorkflowNode -NodeId compile {}");
        //
        // and its row in docs/benchmarks.md (goal: ratio to MeasureCommand 1.10 or less).
    }
}
