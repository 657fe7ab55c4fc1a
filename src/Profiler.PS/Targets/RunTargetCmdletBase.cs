using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// Template base of the recording cmdlets (Add-NodeTiming, Complete-WorkflowProfile, Measure-WorkflowNode): it
    /// owns -WorkflowId (one id, taken exactly) and -Run, and resolves the run a record goes to in one place,
    /// <see cref="TargetRun(WorkflowRun, string, out bool)"/>: the -Run given (or piped); else the run in flight of -WorkflowId; else the most recently
    /// started run in flight. With none, a cmdlet that <see cref="StartsOneOffRun"/> starts a one-off run; the others
    /// stop with &lt;Verb&gt;&lt;Noun&gt;NoRunInProgress. Cmdlets whose parameters bind differently (a position, the pipeline)
    /// override the properties with their own [Parameter], as PSOpenAD's cmdlets override its base's Session.
    /// </summary>
    public abstract class RunTargetCmdletBase : WorkflowTargetCmdletBase
    {
        /// <summary>The workflow id of one-off runs started with no -WorkflowId (flagged <see cref="WorkflowProfiler.IsOneOff"/>, so never the default target).</summary>
        internal const string OneOffWorkflowId = "adhoc";

        private WorkflowRun _resolved;
        private string _resolvedFor;

        /// <summary>The workflow whose run in flight takes the record; defaults to the most recently started run in flight.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public virtual string WorkflowId { get; set; }

        /// <summary>The run to record into, from Start-WorkflowProfile -PassThru; works from any runspace or thread (ForEach-Object -Parallel).</summary>
        [Parameter]
        public virtual WorkflowRun Run { get; set; }

        internal override WorkflowDefault Default => WorkflowDefault.RunInFlight;

        /// <summary>True when, with no run in flight, the cmdlet records into a one-off run that lasts as long as the command.</summary>
        internal virtual bool StartsOneOffRun => false;

        /// <summary>
        /// The run this record goes to (see the class). <paramref name="oneOff"/> is true when a one-off run was started
        /// for it: of -WorkflowId, or of workflow 'adhoc' flagged one-off when no -WorkflowId was given. Resolved once per
        /// command while the run stays in flight, so a piped stream of records costs one lookup.
        /// </summary>
        internal WorkflowRun TargetRun(WorkflowRun given, out bool oneOff) => TargetRun(given, WorkflowId, out oneOff);

        /// <summary>As <see cref="TargetRun(WorkflowRun, out bool)"/> for the workflow id of this record (Add-NodeTiming: -WorkflowId, else the piped row's WorkflowId).</summary>
        internal WorkflowRun TargetRun(WorkflowRun given, string workflowId, out bool oneOff)
        {
            oneOff = false;
            if (given != null) return given;
            if (_resolved != null && _resolvedFor == workflowId && _resolved.IsRunning) return _resolved;
            // Looked up without exceptions: this runs inside the timed span of a node, where a thrown exception costs milliseconds.
            WorkflowRun run = workflowId == null ? Session.DefaultRun : Session.GetWorkflow(workflowId)?.CurrentRun;
            if (run == null && StartsOneOffRun)
            {
                run = Session.StartRun(workflowId ?? OneOffWorkflowId, null, false, out _, out string[] warnings, oneOff: workflowId == null);
                foreach (string warning in warnings) WriteWarning(warning);
                oneOff = true;
                WriteVerbose($"No run of workflow '{run.WorkflowId}' was in flight: recording in one-off run {run.RunNumber}, completed when the command ends." +
                    (workflowId == null ? " One-off runs never become the default target of queries: give -WorkflowId adhoc to query them." : ""));
            }
            else if (run == null)
            {
                try
                {
                    run = Session.GetRunInFlight(workflowId);   // throws the engine's NoRunInProgress, with what to do next (or finds a run started meanwhile)
                }
                catch (ProfilerException ex)
                {
                    ThrowTerminatingError(ToErrorRecord(ex, workflowId));
                }
            }
            _resolved = run;
            _resolvedFor = workflowId;
            return run;
        }
    }
}
