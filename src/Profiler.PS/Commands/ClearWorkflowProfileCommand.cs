using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Clear-WorkflowProfile: forgets workflows, their history and any run in flight.</summary>
    [Cmdlet(VerbsCommon.Clear, "WorkflowProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class ClearWorkflowProfileCommand : ProfilerCmdletBase
    {
        /// <summary>Workflows to forget; wildcards allowed ('*' forgets all).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (WorkflowProfiler wf in ResolveWorkflows(WorkflowId, allWhenNone: false))
            {
                WorkflowRun run = wf.CurrentRun;
                string what = run == null ? "its history" : $"its history and run {run.RunNumber} in flight";
                if (!ShouldProcess($"workflow '{wf.WorkflowId}' ({what})", "Clear")) continue;
                Session.Remove(wf.WorkflowId);
                State.Callbacks.TryRemove(wf.WorkflowId, out _);
            }
        }
    }
}
