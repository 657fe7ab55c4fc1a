using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// Template base of the cmdlets that work on exactly one workflow (Compare-WorkflowRun, Test-WorkflowBudget): it
    /// owns the single -WorkflowId, resolves it for each input record by the one policy of
    /// <see cref="WorkflowTargetCmdletBase"/> (the id is literal: one workflow, never a pattern), and hands the workflow
    /// to <see cref="ProcessWorkflow"/>; nothing is called when the id names no workflow (the error is written).
    /// </summary>
    public abstract class WorkflowCmdletBase : WorkflowTargetCmdletBase
    {
        /// <summary>The workflow to work on, by its exact id; without it, the most recently started workflow that is not a one-off (see about_Profiler.PS).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public virtual string WorkflowId { get; set; }

        /// <summary>The id to use when -WorkflowId is not given, before the default rule (Test-WorkflowBudget: the budgets file's WorkflowId).</summary>
        internal virtual string ImpliedWorkflowId => null;

        /// <summary>Runs first in each record, before the target is resolved (a budgets file is read here, so its WorkflowId counts).</summary>
        internal virtual void BeginRecord() { }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            BeginRecord();
            string id = WorkflowId ?? ImpliedWorkflowId;
            WorkflowProfiler target = null;
            if (id == null)
            {
                List<WorkflowProfiler> found = ResolveTargets(null, out _);
                if (found.Count > 0) target = found[0];
            }
            else if ((target = Literal(id)) == null) ReportTargetError(WorkflowNotFound(id));
            if (target != null) ProcessWorkflow(target);
        }

        /// <summary>Does the cmdlet's work on the workflow this record resolved to.</summary>
        internal abstract void ProcessWorkflow(WorkflowProfiler workflow);
    }
}
