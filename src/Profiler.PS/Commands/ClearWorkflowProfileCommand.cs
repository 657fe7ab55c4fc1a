using System;
using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Removes workflows from this session: their statistics, settings and any run in flight; history files on disk are kept.</summary>
    /// <remarks>
    /// <para>Clear-WorkflowProfile removes the named workflows from this session's profiler. Their statistics and
    /// recent runs in memory, settings and -OnBottleneck callback are dropped, and a run in flight is abandoned (a
    /// run object kept from -PassThru then refuses further timings). Starting the same id again begins a new, empty
    /// profile, unless the start names a history folder.</para>
    /// <para>A workflow's history file (-HistoryPath) is not touched: its completed runs stay on disk, and the next
    /// Start-WorkflowProfile or Get-WorkflowProfile -HistoryPath with that folder loads them again. To delete a
    /// history file, use Remove-WorkflowHistory.</para>
    /// <para>It supports -WhatIf and -Confirm. An id that exists is taken literally even with '[', '*' or '?' in it;
    /// otherwise it is a wildcard pattern, and when a pattern selects workflows Clear-WorkflowProfile asks before
    /// forgetting them unless -Force is given (a session that cannot ask, such as pwsh -NonInteractive, stops with
    /// ClearWorkflowProfileConfirmationRequired and clears nothing). A literal id that matches no workflow writes an ObjectNotFound error
    /// (ClearWorkflowProfileWorkflowNotFound), an invalid pattern ClearWorkflowProfileInvalidPattern; a pattern that
    /// matches nothing writes nothing. A workflow whose history writes are still pending is kept (with an error) until
    /// they succeed. Other workflows are never touched.</para>
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
    /// <seealso cref="RemoveWorkflowHistoryCommand"/>
    [Cmdlet(VerbsCommon.Clear, "WorkflowProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class ClearWorkflowProfileCommand : WorkflowsCmdletBase
    {
        /// <summary>The workflows to remove from this session; wildcards allowed ('*' removes every workflow of the session; history files are kept).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string[] WorkflowId { get; set; }

        /// <summary>Forgets the workflows a wildcard pattern selects without asking first (a pattern that selects workflows not named literally asks otherwise).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            List<WorkflowProfiler> byPattern = SelectedByPattern;
            // A pattern may select workflows the caller did not name ('[a]' matches 'a'): ask before forgetting them.
            // -WhatIf clears nothing, so there is nothing to confirm: ShouldProcess below says what would be cleared.
            bool whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out object w) && w is SwitchParameter s && s.IsPresent;
            if (byPattern.Count > 0 && !Force && !whatIf)
            {
                var names = new List<string>();
                foreach (WorkflowProfiler wf in byPattern) names.Add("'" + TerminalText.Safe(wf.WorkflowId) + "'");
                string query = $"The wildcard pattern(s) {TerminalText.Safe(string.Join(", ", WorkflowId))} match {byPattern.Count} workflow(s) not named literally: {string.Join(", ", names)}. Forget them?";
                if (!AskToContinue(query)) workflows.RemoveAll(byPattern.Contains);
            }
            foreach (WorkflowProfiler wf in workflows)
            {
                WorkflowRun run = wf.CurrentRun;
                string what = (run == null ? "its statistics in this session" : $"its statistics in this session and run {run.RunNumber} in flight")
                    + (wf.HistoryFile == null ? "" : $"; its history file '{wf.HistoryFile}' is kept (Remove-WorkflowHistory deletes it)");
                if (!ShouldProcess($"workflow '{TerminalText.Safe(wf.WorkflowId)}' ({what})", "Clear")) continue;
                if (wf.PendingHistoryWrites > 0 && wf.SaveHistory(out _) is ProfilerException pending)
                {
                    WriteError(ToErrorRecord(pending, wf.WorkflowId));   // no run is lost: keep the workflow until its writes succeed
                    continue;
                }
                Session.Remove(wf.WorkflowId);
                State.Callbacks.TryRemove(wf.WorkflowId, out _);
            }
        }

        /// <summary>
        /// ShouldContinue, or ClearWorkflowProfileConfirmationRequired when the host cannot ask (pwsh -NonInteractive,
        /// a job): nothing is cleared, and the message says how to go on without a prompt.
        /// </summary>
        private bool AskToContinue(string query)
        {
            try
            {
                return ShouldContinue(query, "Clear-WorkflowProfile");
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is System.Management.Automation.Host.HostException)
            {
                ThrowTerminatingError(new ErrorRecord(new PSInvalidOperationException(
                    $"{query} This session cannot ask (it is non-interactive), so nothing was cleared: add -Force to clear what the pattern matches, or name the workflows literally.", ex),
                    ErrorId("ConfirmationRequired"), ErrorCategory.InvalidOperation, WorkflowId));
                return false;
            }
        }
    }
}
