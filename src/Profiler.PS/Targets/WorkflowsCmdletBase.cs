using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// Template base of the cmdlets that work on any number of workflows of the session: it owns -WorkflowId
    /// (several ids, wildcards, by property name from piped profiles) and resolves it by the one policy of
    /// <see cref="WorkflowTargetCmdletBase"/> for each input record, then hands the workflows to
    /// <see cref="ProcessWorkflows"/>. A cmdlet whose -WorkflowId sits at another position overrides the property
    /// with its own [Parameter], as PSOpenAD's cmdlets override its base's Session parameter.
    /// </summary>
    public abstract class WorkflowsCmdletBase : WorkflowTargetCmdletBase
    {
        /// <summary>
        /// The workflows to work on; wildcards allowed (an id that exists is taken literally, even with '[', '*' or '?').
        /// Without it, the cmdlet's default target (see about_Profiler.PS): for a query about one workflow, the most recently
        /// started workflow that is not a one-off; for Get-NodeTiming, the most recently started run in flight; for exports
        /// and listings, every workflow.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public virtual string[] WorkflowId { get; set; }

        /// <summary>The workflows of this record that a wildcard pattern selected without naming them literally.</summary>
        internal List<WorkflowProfiler> SelectedByPattern { get; private set; } = new List<WorkflowProfiler>();

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            List<WorkflowProfiler> workflows = ResolveTargets(WorkflowId, out List<WorkflowProfiler> byPattern);
            SelectedByPattern = byPattern;
            ProcessWorkflows(workflows);
        }

        /// <summary>
        /// Says why a query writes nothing for <paramref name="wf"/> (a warning, shown without -Verbose): it has no completed
        /// run <paramref name="purpose"/> yet. Silent for the default workflow when the default-target policy already
        /// warned about it (<see cref="WorkflowTargetCmdletBase.EmptyDefault"/>).
        /// </summary>
        internal void WarnNoCompletedRun(WorkflowProfiler wf, string purpose)
        {
            if (wf == EmptyDefault) return;
            string inFlight = wf.CurrentRun != null ? " (Get-NodeTiming shows the run in flight)" : "";
            WriteWarning($"Workflow '{wf.WorkflowId}' has no completed run {purpose} yet: record timings and call Complete-WorkflowProfile first{inFlight}.");
        }

        /// <summary>Does the cmdlet's work on the workflows this record resolved to (possibly none: the errors are written).</summary>
        internal abstract void ProcessWorkflows(List<WorkflowProfiler> workflows);
    }
}
