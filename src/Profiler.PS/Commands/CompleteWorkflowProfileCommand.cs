using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Ends the run in flight, folds its timings into the node history and writes the workflow's profile.</summary>
    /// <remarks>
    /// <para>Complete-WorkflowProfile closes a run started by Start-WorkflowProfile: by default the most recently
    /// started run still in flight, or the run of -WorkflowId, or the run object given to -Run. Each node recorded
    /// in the run adds one sample (its summed time in the run) to its window, and the statistics, bottlenecks and
    /// recent-run list of the profile it writes include the run. The run's total is the wall time since the start
    /// unless -TotalDuration gives it.</para>
    /// <para>A run that recorded no timing changes no history and is not counted; Complete-WorkflowProfile says so
    /// with a warning and still writes the profile. No run in flight, or a run already completed, is a terminating
    /// error (CompleteWorkflowProfileNoRunInProgress, CompleteWorkflowProfileRunClosed).</para>
    /// <para>Call it in the finally block of a try around the steps (try { ... } finally { Complete-WorkflowProfile }),
    /// so a script that stops at an error still completes its run, which then says how many steps failed (FailedCount).
    /// A run still in flight when its runspace closes (pwsh -File ending after an error) is completed then: steps still
    /// open are recorded Stopped, the run is appended to its history, and a warning on the host says so.</para>
    /// <para>A run that cannot be appended to its history stays completed in the session with its write pending
    /// (CompleteWorkflowProfileHistoryWritePending, a non-terminating error): the write is retried by the next
    /// Complete-WorkflowProfile of the workflow, by Save-WorkflowHistory, and when the session ends; if that last retry
    /// fails, the run goes to a recovery file that a warning names (see Save-WorkflowHistory).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId build
    /// Add-NodeTiming -NodeId compile -Duration 5200
    /// Add-NodeTiming -NodeId test -Duration 3100
    /// $result = Complete-WorkflowProfile -TotalDuration 8600
    /// $result.NodeData | Select-Object -Property NodeId, AvgDuration
    /// </code>
    /// <para>Completes a run with a known total and lists each node's average over the completed runs.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $docs = Start-WorkflowProfile -WorkflowId docs -PassThru
    /// Start-WorkflowProfile -WorkflowId site
    /// Add-NodeTiming -Run $docs -NodeId render -Duration 640
    /// Add-NodeTiming -NodeId upload -Duration 300
    /// Complete-WorkflowProfile -WorkflowId site
    /// $docs | Complete-WorkflowProfile
    /// </code>
    /// <para>Two workflows with runs in flight at once: each run is completed by its id or by its run object.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $history = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid())
    /// Start-WorkflowProfile -WorkflowId ci -HistoryPath $history
    /// try {
    ///     Measure-WorkflowNode restore { Start-Sleep -Milliseconds 20 }
    ///     Measure-WorkflowNode compile { throw 'compiler error' }
    /// }
    /// catch {
    ///     Write-Warning "The build failed: $_"
    /// }
    /// finally {
    ///     $result = Complete-WorkflowProfile
    /// }
    /// $result.Runs[-1] | Select-Object -Property RunNumber, FailedCount
    /// </code>
    /// <para>Completes the run in finally, so the failed build still reaches the history: FailedCount is 1 (compile is
    /// recorded Failed). In a CI script leave out the catch block, so the error still fails the script.</para>
    /// </example>
    /// <seealso cref="StartWorkflowProfileCommand"/>
    /// <seealso cref="GetWorkflowProfileCommand"/>
    [Cmdlet(VerbsLifecycle.Complete, "WorkflowProfile")]
    [OutputType(typeof(WorkflowPerformanceProfile))]
    public sealed class CompleteWorkflowProfileCommand : RunTargetCmdletBase
    {
        /// <summary>The workflow whose run in flight to complete; defaults to the most recently started run in flight.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string WorkflowId { get; set; }

        /// <summary>
        /// The run's total duration, in milliseconds or as a TimeSpan; defaults to the wall time since Start-WorkflowProfile.
        /// A total shorter than the run's critical path (steps that ran one after another) is kept, with a warning.
        /// </summary>
        [Parameter]
        [DurationTransformation]
        public double TotalDuration { get; set; }

        /// <summary>The run to complete, from Start-WorkflowProfile -PassThru; it can be piped.</summary>
        [Parameter(ValueFromPipeline = true)]
        public override WorkflowRun Run { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            double? total = MyInvocation.BoundParameters.ContainsKey(nameof(TotalDuration)) ? TotalDuration : (double?)null;
            RunCompletion completion;
            try
            {
                completion = TargetRun(Run, out _).Complete(total);
            }
            catch (ProfilerException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, (object)Run ?? WorkflowId));
                return;
            }
            if (completion.HistoryError != null)
                WriteError(ToErrorRecord(completion.HistoryError, completion.Profile.WorkflowId, ErrorCategory.WriteError));
            if (completion.RecordedNothing)
                WriteWarning($"The run of workflow '{completion.Profile.WorkflowId}' recorded no node timing, so no node history changed and it was not counted. Record steps with Add-NodeTiming before Complete-WorkflowProfile.");
            // A given total shorter than steps that ran one after another cannot be the run's duration: shares and
            // savings are capped at it, so say so rather than let the numbers look fine.
            if (total.HasValue && completion.Run != null && completion.Run.CriticalPath > total.Value)
                WriteWarning(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "-TotalDuration {0:0.###} ms is shorter than run {1}'s critical path, {2:0.###} ms (its steps that ran one after another), so it cannot be the run's duration; shares and savings are capped at it. Give the run's real duration, or leave -TotalDuration out to use the wall time.",
                    total.Value, completion.Run.RunNumber, completion.Run.CriticalPath));
            if (completion.Profile.Comparison != null) WriteVerbose("Comparison: " + completion.Profile.Comparison);
            WriteObject(completion.Profile);
        }
    }
}
