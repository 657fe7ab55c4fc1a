using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;

namespace Profiler.PS.Commands
{
    /// <summary>Deletes workflows' history files from a history folder.</summary>
    /// <remarks>
    /// <para>Remove-WorkflowHistory deletes the history file (&lt;id&gt;.jsonl) of each -WorkflowId in the
    /// -HistoryPath folder, or in the session's default folder (Set-ProfilerOption -HistoryPath). Wildcards match
    /// the workflow ids the files hold, but an id a file holds is taken literally even with '[', '*' or '?' in it
    /// ('x[1]' deletes the history of x[1], never x1's); an invalid pattern writes
    /// RemoveWorkflowHistoryInvalidPattern. It takes the history's lock, so a process appending at that moment finishes
    /// its record first. The session's workflows are not touched: a workflow still in the session starts a new
    /// history file with its next completed run (Clear-WorkflowProfile removes it from the session too).</para>
    /// <para>It supports -WhatIf and -Confirm (it asks by default: the runs cannot be brought back). A literal id
    /// with no history file writes RemoveWorkflowHistoryHistoryNotFound (ObjectNotFound); no folder at all stops
    /// the command (RemoveWorkflowHistoryNoHistoryPath).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $history = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid())
    /// Start-WorkflowProfile -WorkflowId scratch -HistoryPath $history
    /// Add-NodeTiming -NodeId step -Duration 10
    /// $null = Complete-WorkflowProfile
    ///
    /// Remove-WorkflowHistory -WorkflowId scratch -HistoryPath $history -WhatIf
    /// Remove-WorkflowHistory -WorkflowId scratch -HistoryPath $history -Confirm:$false
    /// Get-ChildItem -LiteralPath $history -Filter *.jsonl
    /// Remove-Item -LiteralPath $history -Recurse
    /// </code>
    /// <para>Shows what would be deleted, then deletes the history of 'scratch': the folder holds no history file afterwards.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $history = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid())
    /// Set-ProfilerOption -HistoryPath $history
    /// 'test-a', 'test-b', 'nightly' | ForEach-Object {
    ///     Start-WorkflowProfile -WorkflowId $_
    ///     Add-NodeTiming -NodeId step -Duration 10
    ///     $null = Complete-WorkflowProfile
    /// }
    ///
    /// Remove-WorkflowHistory -WorkflowId test-* -Confirm:$false
    /// Get-ChildItem -LiteralPath $history -Filter *.jsonl | Select-Object -ExpandProperty Name
    /// Set-ProfilerOption -HistoryPath $null
    /// Remove-Item -LiteralPath $history -Recurse
    /// </code>
    /// <para>Deletes the histories of the test workflows from the session's default folder; nightly.jsonl stays.</para>
    /// </example>
    /// <seealso cref="RepairWorkflowHistoryCommand"/>
    /// <seealso cref="ClearWorkflowProfileCommand"/>
    [Cmdlet(VerbsCommon.Remove, "WorkflowHistory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveWorkflowHistoryCommand : HistoryFileCmdletBase
    {
        internal override string Action => "Remove";

        internal override void Process(HistoryEntry entry) => HistoryMaintenance.Remove(entry.Path);
    }
}
