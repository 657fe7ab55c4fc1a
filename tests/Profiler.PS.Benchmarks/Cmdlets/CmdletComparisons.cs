using static Profiler.PS.Benchmarks.Cmdlets.Comparison;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>
    /// The per-cmdlet comparisons. To add a cmdlet (for example the HTML report or the JSON import), append a
    /// Comparison: a setup script, the baseline it must be measured against, and the variants.
    /// </summary>
    public static class CmdletComparisons
    {
        private const string StartRun = "$run = Start-WorkflowProfile -WorkflowId bench -PassThru";

        public static Comparison[] All() => new[]
        {
            new Comparison("Add-NodeTiming by name with parameters, in a script loop", StartRun,
                new Variant("no-op cmdlet (floor)", Loop("Add-NoOpTiming -NodeId compile -Duration 5")),
                new Variant("Add-NodeTiming", Loop("Add-NodeTiming -NodeId compile -Duration 5"), records: true)),

            new Comparison("Add-NodeTiming fed by the pipeline, durations by value",
                StartRun + $"; $durations = foreach ($i in 1..{Calls}) {{ [double]5 }}",
                new Variant("no-op cmdlet (floor)", "$durations | Add-NoOpTiming -NodeId compile"),
                new Variant("Add-NodeTiming", "$durations | Add-NodeTiming -NodeId compile", records: true)),

            new Comparison("Add-NodeTiming fed by the pipeline, rows by property name (as from Import-Csv)",
                StartRun + $"; $rows = foreach ($i in 1..{Calls}) {{ [pscustomobject]@{{ NodeId = 'step' + ($i % 10); Duration = 5 }} }}",
                new Variant("no-op cmdlet (floor)", "$rows | Add-NoOpTiming"),
                new Variant("Add-NodeTiming", "$rows | Add-NodeTiming", records: true)),

            new Comparison("Timing a script block, in a script loop", StartRun + "; $timings = @{}",
                new Variant("Measure-Command {}", Loop("$t = Measure-Command {}")),
                new Variant("& {} (the block alone)", Loop("& {}")),
                new Variant("no-op cmdlet (floor)", Loop("Add-NoOpTiming -NodeId compile -Duration 5")),
                new Variant("inline Stopwatch + hashtable", Loop(
                    "$sw = [Diagnostics.Stopwatch]::StartNew(); $sw.Stop(); $timings['compile'] = $sw.Elapsed.TotalMilliseconds")),
                new Variant("empty loop iteration", Loop("")),
                // Goal: 1.10 or less against the Measure-Command baseline (docs/benchmarks.md). It also streams the
                // block's output and records the node, checked after the rounds (records: true).
                new Variant("Measure-WorkflowNode", Loop("Measure-WorkflowNode -NodeId compile {}"), records: true)
                ),
        };
    }
}
