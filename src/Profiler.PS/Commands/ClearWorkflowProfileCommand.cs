using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Forgets workflows: their history, settings and any run in flight.</summary>
    /// <remarks>
    /// <para>Clear-WorkflowProfile removes the named workflows from this session's profiler. Their node history,
    /// settings and -OnBottleneck callback are dropped, and a run in flight is abandoned (a run object kept from
    /// -PassThru then refuses further timings). Starting the same id again begins a new, empty profile.</para>
    /// <para>It supports -WhatIf and -Confirm. A literal id that matches no workflow writes an ObjectNotFound error
    /// (ClearWorkflowProfileWorkflowNotFound); a wildcard that matches nothing writes nothing. Other workflows are
    /// never touched.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId scratch
    /// Add-NodeTiming -NodeId step -Duration 10
    /// $null = Complete-WorkflowProfile
    /// Clear-WorkflowProfile -WorkflowId scratch -WhatIf
    /// Clear-WorkflowProfile -WorkflowId scratch -Confirm:$false
    /// </code>
    /// <para>Shows what would be cleared, then forgets the workflow.</para>
    /// </example>
    /// <example>
    /// <code>
    /// 'a', 'b' | ForEach-Object { Start-WorkflowProfile -WorkflowId "test-$_" }
    /// Get-WorkflowProfile -WorkflowId test-* | Clear-WorkflowProfile -Confirm:$false
    /// Get-WorkflowProfile
    /// </code>
    /// <para>Forgets every workflow whose id starts with 'test-', piping the profiles by their WorkflowId
    /// property; runs in flight are abandoned with them.</para>
    /// </example>
    /// <seealso cref="GetWorkflowProfileCommand"/>
    [Cmdlet(VerbsCommon.Clear, "WorkflowProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class ClearWorkflowProfileCommand : ProfilerCmdletBase
    {
        /// <summary>The workflows to forget; wildcards allowed ('*' forgets every workflow of the session).</summary>
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
