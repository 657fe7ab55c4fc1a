using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Complete-WorkflowProfile: ends the run in flight and folds its timings into the node history.</summary>
    [Cmdlet(VerbsLifecycle.Complete, "WorkflowProfile")]
    [OutputType(typeof(WorkflowPerformanceProfile))]
    public sealed class CompleteWorkflowProfileCommand : ProfilerCmdletBase
    {
        /// <summary>The workflow to complete; defaults to the most recently started run in flight.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string WorkflowId { get; set; }

        /// <summary>The run's total in milliseconds or as a TimeSpan; defaults to the wall time since the start.</summary>
        [Parameter]
        [DurationTransformation]
        public double TotalDuration { get; set; }

        /// <summary>The run to complete, from Start-WorkflowProfile -PassThru.</summary>
        [Parameter(ValueFromPipeline = true)]
        public WorkflowRun Run { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            double? total = MyInvocation.BoundParameters.ContainsKey(nameof(TotalDuration)) ? TotalDuration : (double?)null;
            RunCompletion completion;
            try
            {
                completion = (Run ?? Session.GetRunInFlight(WorkflowId)).Complete(total);
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
            if (completion.Profile.Comparison != null) WriteVerbose("Comparison: " + completion.Profile.Comparison);
            WriteObject(completion.Profile);
        }
    }
}
