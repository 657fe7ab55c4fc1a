using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;

namespace Profiler.PS
{
    /// <summary>
    /// The cmdlets that act on a history folder's files one workflow at a time (Remove-WorkflowHistory,
    /// Repair-WorkflowHistory): their shared -WorkflowId and -HistoryPath parameters, and the loop that resolves
    /// the files, asks ShouldProcess and reports a folder that cannot be read.
    /// </summary>
    public abstract class HistoryFileCmdletBase : ProfilerCmdletBase
    {
        /// <summary>The workflows whose history files to act on; wildcards match the ids the folder's files hold (an id a file holds is literal, even with '[').</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <summary>The history folder; defaults to the session's (Set-ProfilerOption -HistoryPath).</summary>
        [Parameter]
        public string HistoryPath { get; set; }

        /// <summary>The action named in the -WhatIf and -Confirm text ("Remove", "Repair").</summary>
        internal abstract string Action { get; }

        /// <summary>Acts on one history file the user agreed to.</summary>
        internal abstract void Process(HistoryEntry entry);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            string folder = HistoryTargets.Folder(this, HistoryPath);
            try
            {
                foreach (HistoryEntry entry in HistoryTargets.Resolve(this, folder, WorkflowId))
                {
                    if (ShouldProcess($"history of workflow '{entry.WorkflowId}' ({entry.Path})", Action)) Process(entry);
                }
            }
            catch (ProfilerException ex)
            {
                WriteError(ToErrorRecord(ex, folder));
            }
        }
    }
}
