using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;

namespace Profiler.PS.Commands
{
    /// <summary>Rewrites workflows' history files without their damaged lines, keeping a backup.</summary>
    /// <remarks>
    /// <para>A history line torn by a writer that died mid-record (or otherwise damaged) is skipped with a warning
    /// on every load. Repair-WorkflowHistory rewrites the history file of each -WorkflowId in the -HistoryPath
    /// folder (default: Set-ProfilerOption -HistoryPath) with only its valid records, in their order, and keeps the
    /// file as it was beside it as &lt;id&gt;.jsonl.&lt;UTC time&gt;.bak. Run numbers do not change, because they
    /// count valid records only. A file with no damaged line is left untouched. It works under the history's lock,
    /// so concurrent writers wait for it.</para>
    /// <para>It writes one HistoryRepairResult per file: KeptCount, RemovedCount and BackupPath (null when nothing
    /// was removed). It supports -WhatIf and -Confirm. A literal id with no history file writes
    /// RepairWorkflowHistoryHistoryNotFound; a file of another workflow or format writes
    /// RepairWorkflowHistoryInvalidFile and is left as it is.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $history = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid())
    /// foreach ($ms in 100, 120) {
    ///     Start-WorkflowProfile -WorkflowId nightly -HistoryPath $history
    ///     Add-NodeTiming -NodeId compile -Duration $ms
    ///     $null = Complete-WorkflowProfile
    /// }
    /// $file = Join-Path $history 'nightly.jsonl'
    /// Add-Content -LiteralPath $file -Value '{"format":"Profiler.PS.History","schemaVers'
    ///
    /// Repair-WorkflowHistory -WorkflowId nightly -HistoryPath $history
    /// Remove-Item -LiteralPath $history -Recurse
    /// </code>
    /// <para>Appends a torn line to a two-run history, then repairs it: two records kept, one line removed, and
    /// the backup's path.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $history = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid())
    /// Start-WorkflowProfile -WorkflowId nightly -HistoryPath $history
    /// Add-NodeTiming -NodeId compile -Duration 100
    /// $null = Complete-WorkflowProfile
    ///
    /// Repair-WorkflowHistory -WorkflowId * -HistoryPath $history -WhatIf
    /// Repair-WorkflowHistory -WorkflowId * -HistoryPath $history |
    ///     Where-Object RemovedCount -gt 0
    /// Remove-Item -LiteralPath $history -Recurse
    /// </code>
    /// <para>Checks every history in the folder; only files that lost lines are listed (none here).</para>
    /// </example>
    /// <seealso cref="RemoveWorkflowHistoryCommand"/>
    /// <seealso cref="GetWorkflowProfileCommand"/>
    [Cmdlet(VerbsDiagnostic.Repair, "WorkflowHistory", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(HistoryRepairResult))]
    public sealed class RepairWorkflowHistoryCommand : HistoryFileCmdletBase
    {
        internal override string Action => "Repair";

        internal override void Process(HistoryEntry entry)
        {
            try
            {
                WriteObject(HistoryMaintenance.Repair(entry.Path, entry.WorkflowId, Session.Clock.Now));
            }
            catch (ProfilerException ex)
            {
                WriteError(ToErrorRecord(ex, entry.Path));
            }
        }
    }
}
