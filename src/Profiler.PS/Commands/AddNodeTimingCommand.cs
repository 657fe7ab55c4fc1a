using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Add-NodeTiming: records how long one node (step) took in the run in flight.</summary>
    [Cmdlet(VerbsCommon.Add, "NodeTiming")]
    [OutputType(typeof(NodeTiming))]
    public sealed class AddNodeTimingCommand : ProfilerCmdletBase
    {
        private WorkflowRun _resolved;
        private string _resolvedFor;

        /// <summary>The node's id. Recording the same id again in a run adds to that node's time in the run.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string NodeId { get; set; }

        /// <summary>Milliseconds, or a TimeSpan such as the output of Measure-Command.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [DurationTransformation]
        public double Duration { get; set; }

        /// <summary>The node's kind, for example the tool or task that ran.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NodeType { get; set; }

        /// <summary>A display label; defaults to the NodeId.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NodeLabel { get; set; }

        /// <summary>The workflow whose run takes the timing; defaults to the most recently started run in flight.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string WorkflowId { get; set; }

        /// <summary>The run to record into, from Start-WorkflowProfile -PassThru; works from any runspace or thread.</summary>
        [Parameter(ValueFromPipeline = true)]
        public WorkflowRun Run { get; set; }

        /// <summary>Writes the recorded timing.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            WorkflowRun run = Run ?? ResolveRun();
            RecordResult result;
            try
            {
                result = run.Record(NodeId, Duration, NodeType, NodeLabel);
            }
            catch (ProfilerException ex) when (ex.Kind != ProfilerErrorKind.RunClosed)
            {
                WriteError(ToErrorRecord(ex, ex.Kind == ProfilerErrorKind.InvalidDuration ? (object)Duration : NodeId));
                return;
            }
            catch (ProfilerException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, run));
                return;
            }
            if (PassThru)
                WriteObject(new NodeTiming(run.WorkflowId, run.RunNumber, result.Sequence, NodeId, NodeType, NodeLabel ?? NodeId,
                    Duration, result.EndOffset, System.Environment.CurrentManagedThreadId));
            if (result.Alert != null) RaiseBottleneck(result.Alert);
        }

        private WorkflowRun ResolveRun()
        {
            if (_resolved != null && _resolvedFor == WorkflowId && _resolved.State == WorkflowRunState.Running) return _resolved;
            try
            {
                _resolved = Session.GetRunInFlight(WorkflowId);
                _resolvedFor = WorkflowId;
                return _resolved;
            }
            catch (ProfilerException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, WorkflowId));
                return null;
            }
        }

        private void RaiseBottleneck(BottleneckAlert alert)
        {
            WriteVerbose("Bottleneck: " + alert);
            // The callback is a script block of the runspace that started the run; from another runspace
            // (a parallel branch) it is not ours to invoke, and the alert stays in the run for the profile.
            if (!State.Callbacks.TryGetValue(alert.WorkflowId, out ScriptBlock callback)) return;
            try
            {
                foreach (PSObject output in callback.Invoke(alert.NodeId, alert.Duration)) WriteObject(output);
            }
            catch (RuntimeException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorId("CallbackFailed"), ErrorCategory.NotSpecified, alert.NodeId));
            }
        }
    }
}
