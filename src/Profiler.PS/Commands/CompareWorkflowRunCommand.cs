using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Compares a run with earlier runs, node by node: Faster, Slower, Same or Inconclusive, with the change in ms and percent.</summary>
    /// <remarks>
    /// <para>Judges one or more completed runs of the window (default: the latest; -Run takes the runs
    /// (Get-WorkflowProfile).Runs lists) against baseline runs (default: for each node, up to WindowSize runs before
    /// the judged one in which it ran and succeeded, and for the workflow's total the WindowSize runs before it;
    /// -BaselineCount or -Baseline choose others). The workflow keeps the WindowSize runs before its window as their
    /// baselines, so a run of the window is judged against the baseline it had when it completed, and a node that ran
    /// in an earlier kept run is never New. Where less was kept (a window widened after the runs, a profile file
    /// written by an older module), nothing is made up: the verdict is the rule's on what is kept, Reason ends with
    /// how much of the baseline is no longer kept, and a node that ran before is Inconclusive. A judged run is never
    /// part of its own baseline. Each node gets one line, and the workflow's total
    /// duration a last line (Scope Workflow). A node that failed or was stopped in a judged run gets the verdict
    /// Failed or Stopped: its time there is never judged, so it is never Faster. The workflow's total follows the same rule
    /// by run: when a judged run had a failed execution its verdict is Failed (Stopped when its only unsuccessful
    /// executions were stopped), and runs with a failed or stopped execution are left out of the total's baseline.</para>
    /// <para>The verdicts come from the workflow's regression rule, the same rule that raises -OnBottleneck alerts and
    /// the heatmap's "!": with the settings run N completed with, a node has an alert in run N (of the window) exactly
    /// when Compare-WorkflowRun -Run N calls it Slower, and the run's AlertCount is that number of nodes. Each side is the node's samples in those runs, and their medians are compared. A change counts only
    /// when it passes both -RelativeThreshold (default: the workflow's, 10 percent) and -AbsoluteThreshold (5 ms). With at
    /// least 5 samples on each side, a two-sided Mann-Whitney U test decides: p below 0.05 makes it Slower or Faster,
    /// otherwise Inconclusive; PValue shows it (exact without ties up to 20 samples a side, else the normal
    /// approximation with tie correction). With fewer judged samples (one run has one), the baseline needs at least
    /// 3 runs (Start-WorkflowProfile -MinimumSamples) and the run must lie outside the baseline's noise (modified
    /// z-score above 3.5; a baseline without spread, MAD 0, has no noise, so any value away from it is outside), otherwise the verdict
    /// is Inconclusive. Nodes only in the judged runs are New; nodes only in the baseline are Missing.</para>
    /// <para>Errors: a run that is not in the window is CompareWorkflowRunRunNotFound, naming the runs it holds (a
    /// -Baseline run not kept: naming the kept runs), a workflow without a completed run is
    /// CompareWorkflowRunNoCompletedRun, an unknown workflow is CompareWorkflowRunWorkflowNotFound.</para>
    /// <para>The default table is one table per judged run and fits 80 columns: Verdict, Current(ms) = CurrentDuration,
    /// Baseline(ms) = BaselineDuration, Delta% = DeltaPercent, PValue, then NodeId last, in an interactive terminal shortened for
    /// its width (an ellipsis, then the id's end), elsewhere whole; the workflow line shows "(workflow total)" as its NodeId. A side without a
    /// sample shows '-'. Reason (why the verdict, in words), Delta (ms), BaselineSamples and Method are in
    /// Format-List * or Select-Object, not in the table. Verdict and Scope are strings, the names of the
    /// ComparisonVerdict and ComparisonScope members (Where-Object Verdict -eq Slower), so ConvertTo-Json and
    /// Export-Csv write the name; Sort-Object Verdict sorts them alphabetically.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// foreach ($ms in 100, 102, 98, 101, 150) {
    ///     Start-WorkflowProfile -WorkflowId cmp
    ///     Add-NodeTiming -NodeId compile -Duration $ms
    ///     Add-NodeTiming -NodeId test -Duration 40
    ///     $null = Complete-WorkflowProfile -TotalDuration ($ms + 40)
    /// }
    /// Compare-WorkflowRun -WorkflowId cmp
    /// </code>
    /// <para>Judges run 5 against runs 1 to 4: compile is Slower (+49.3%), test is Same, and the workflow line shows the total.</para>
    /// </example>
    /// <example>
    /// <code>
    /// foreach ($i in 1..12) {
    ///     $slower = if ($i -gt 6) { 20 } else { 0 }
    ///     Start-WorkflowProfile -WorkflowId ab
    ///     Add-NodeTiming -NodeId step -Duration (100 + $slower + $i % 3)
    ///     $null = Complete-WorkflowProfile
    /// }
    /// Compare-WorkflowRun -WorkflowId ab -Run (7..12) -Baseline (1..6) |
    ///     Where-Object Scope -eq Node
    /// </code>
    /// <para>Compares runs 7 to 12 with runs 1 to 6; with six samples a side the Mann-Whitney test decides and PValue is shown.</para>
    /// </example>
    /// <example>
    /// <code>
    /// foreach ($ms in 10, 10, 10, 13) {
    ///     Start-WorkflowProfile -WorkflowId thr
    ///     Add-NodeTiming -NodeId fast -Duration $ms
    ///     $null = Complete-WorkflowProfile
    /// }
    /// $latest = (Get-WorkflowProfile -WorkflowId thr).Runs | Select-Object -Last 1
    /// $latest | Compare-WorkflowRun -WorkflowId thr -BaselineCount 3 -AbsoluteThreshold 1
    /// </code>
    /// <para>Pipes the latest run summary in and judges it against the three runs before it: 13 ms against 10 ms is
    /// Slower with a 1 ms absolute threshold, where the default 5 ms would call it Same.</para>
    /// </example>
    [Cmdlet(VerbsData.Compare, "WorkflowRun", DefaultParameterSetName = PreviousSet)]
    [OutputType(typeof(RunComparison))]
    public sealed class CompareWorkflowRunCommand : WorkflowCmdletBase
    {
        private const string PreviousSet = "Previous";
        private const string RunsSet = "Runs";

        /// <summary>The workflow to compare, by its exact id; defaults to the most recently started workflow that is not a one-off.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string WorkflowId { get; set; }

        /// <summary>
        /// The run or runs to judge: run numbers or run objects (WorkflowRunSummary, WorkflowRun) of the window, the runs
        /// (Get-WorkflowProfile).Runs lists; defaults to the latest completed run. Several runs given here are judged together, as one sample (-Run 7..11: one Mann-Whitney
        /// verdict per node). Piped runs are judged one at a time, one comparison for each piped object, as a pipeline
        /// processes its objects; to judge piped runs together, collect them: -Run (7..11), or -Run @($runs).
        /// </summary>
        [Parameter(Position = 1, ValueFromPipeline = true)]
        [RunNumberTransformation]
        [ArgumentCompleter(typeof(RunNumberCompleter))]
        public int[] Run { get; set; }

        /// <summary>The baseline runs: run numbers or run objects of the window or of the WindowSize runs kept before it. Judged runs listed here are left out with a warning.</summary>
        [Parameter(Mandatory = true, ParameterSetName = RunsSet)]
        [RunNumberTransformation]
        [ArgumentCompleter(typeof(RunNumberCompleter))]
        public int[] Baseline { get; set; }

        /// <summary>How many runs before the earliest judged run form the baseline (default: the workflow's WindowSize).</summary>
        [Parameter(ParameterSetName = PreviousSet)]
        [ValidateRange(1, int.MaxValue)]
        public int BaselineCount { get; set; }

        /// <summary>Smallest change, in percent of the baseline median, that can count (default: the workflow's, set by Start-WorkflowProfile -RelativeThreshold; 10 unless set).</summary>
        [Parameter]
        public double RelativeThreshold { get; set; }

        /// <summary>Smallest change in milliseconds (or a TimeSpan) that can count (default: the workflow's, set by Start-WorkflowProfile -AbsoluteThreshold; 5 unless set).</summary>
        [Parameter]
        [DurationTransformation]
        public double AbsoluteThreshold { get; set; }

        internal override void ProcessWorkflow(WorkflowProfiler wf)
        {
            int? count = MyInvocation.BoundParameters.ContainsKey(nameof(BaselineCount)) ? BaselineCount : (int?)null;
            double? relative = MyInvocation.BoundParameters.ContainsKey(nameof(RelativeThreshold)) ? RelativeThreshold / 100 : (double?)null;
            double? absolute = MyInvocation.BoundParameters.ContainsKey(nameof(AbsoluteThreshold)) ? AbsoluteThreshold : (double?)null;
            RunComparison[] lines;
            bool excluded;
            try
            {
                lines = wf.Compare(Run, Baseline, count, relative, absolute, out excluded);
            }
            catch (ProfilerException ex)
            {
                WriteError(ToErrorRecord(ex, (object)Run ?? wf.WorkflowId));
                return;
            }
            if (excluded)
                WriteWarning($"The judged run{(Run.Length == 1 ? " was" : "s were")} left out of the baseline of workflow '{wf.WorkflowId}': a run is never compared with itself.");
            WriteObject(lines, enumerateCollection: true);
        }
    }
}
