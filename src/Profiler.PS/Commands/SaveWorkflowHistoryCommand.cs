using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Writes completed runs whose history write is pending to their workflow's history file.</summary>
    /// <remarks>
    /// <para>When Complete-WorkflowProfile cannot append a run to the workflow's history file (the lock stayed
    /// held by another process, a full disk, a file in the way), the run stays completed in this session and its
    /// write is pending (CompleteWorkflowProfileHistoryWritePending says so). Save-WorkflowHistory retries the pending
    /// writes, oldest first; each run is written once. They are also retried by the next Complete-WorkflowProfile of
    /// the workflow, and one last time when the session ends (Remove-Module, the runspace closing, the process exiting).
    /// If that last retry fails, the runs are written to a recovery file beside the history (or in the temp folder when
    /// that folder cannot be written), named &lt;history file&gt;.pending-&lt;UTC yyyyMMddHHmmss&gt;-&lt;process id&gt;, and a
    /// warning on the host and on standard error names it with the command that appends its records to the history once
    /// it can be written (Get-Content -LiteralPath '&lt;recovery file&gt;' -Encoding UTF8 | Add-Content -LiteralPath
    /// '&lt;history&gt;' -Encoding UTF8). The records carry no run number, so each takes the next one of the history.
    /// Save-WorkflowHistory before the session ends reports a failure as an error instead.</para>
    /// <para>Without -WorkflowId every workflow of the session is saved. An id that exists is taken literally even
    /// when it holds '[', '*' or '?'; otherwise it is a wildcard pattern. A write that still fails is a
    /// non-terminating error (SaveWorkflowHistoryHistoryWritePending) and the runs stay pending; -Verbose tells how
    /// many runs were written.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId build
    /// Add-NodeTiming -NodeId compile -Duration 5200
    /// $null = Complete-WorkflowProfile
    /// Save-WorkflowHistory -Verbose
    /// </code>
    /// <para>Retries every pending history write of the session; here there is none, and -Verbose says so.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $history = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), [guid]::NewGuid().ToString())
    /// Start-WorkflowProfile -WorkflowId build -HistoryPath $history
    /// Add-NodeTiming -NodeId compile -Duration 5200
    /// $null = Complete-WorkflowProfile
    /// Save-WorkflowHistory -WorkflowId build, 'nightly-*' -ErrorAction Stop
    /// </code>
    /// <para>Saves the pending runs of workflow build and of every workflow whose id starts with 'nightly-', and stops
    /// the script if a write still fails.</para>
    /// </example>
    /// <seealso cref="CompleteWorkflowProfileCommand"/>
    /// <seealso cref="StartWorkflowProfileCommand"/>
    [Cmdlet(VerbsData.Save, "WorkflowHistory")]
    [OutputType(typeof(void))]
    public sealed class SaveWorkflowHistoryCommand : WorkflowsCmdletBase
    {
        /// <summary>The workflows whose pending writes to save; every workflow when omitted. An existing id is literal; else wildcards apply.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string[] WorkflowId { get; set; }

        internal override WorkflowDefault Default => WorkflowDefault.EveryOrNone;

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            foreach (WorkflowProfiler wf in workflows)
            {
                ProfilerException error = wf.SaveHistory(out int written);
                WriteVerbose($"Workflow '{TerminalText.Safe(wf.WorkflowId)}': {written} pending run(s) written to its history, {wf.PendingHistoryWrites} still pending.");
                if (error != null) WriteError(ToErrorRecord(error, wf.WorkflowId));
            }
        }
    }
}
