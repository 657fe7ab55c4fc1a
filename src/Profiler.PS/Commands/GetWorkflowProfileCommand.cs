using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;

namespace Profiler.PS.Commands
{
    /// <summary>Gets the profiles of the workflows profiled in this session.</summary>
    /// <remarks>
    /// <para>Get-WorkflowProfile writes one WorkflowPerformanceProfile per workflow, in the order the workflows were
    /// first started: the node statistics (NodeData), the five slowest nodes (Bottlenecks), the latest run's total
    /// and alerts, the recent completed runs (Runs), the run count, the window size and whether a run is in flight.
    /// Each profile is a snapshot: it does not change when later runs complete.</para>
    /// <para>By default it writes every workflow; -WorkflowId (wildcards allowed) selects some. A literal id that
    /// matches no workflow writes an ObjectNotFound error (GetWorkflowProfileWorkflowNotFound). The profiles belong
    /// to the current runspace; other runspaces have their own.</para>
    /// <para>-HistoryPath opens histories without starting a run: it loads the history of each workflow in that
    /// folder (or of the -WorkflowId ones; wildcards match the ids the files hold) into the session and writes
    /// their profiles, so a new process can look at statistics, heatmaps and comparisons of earlier runs. An
    /// opened workflow becomes the default target of the other cmdlets, and runs completed later are appended to
    /// its history, as after Start-WorkflowProfile -HistoryPath. A workflow already in the session with that
    /// history is written as it is; one with no or another history is an error (GetWorkflowProfileHistoryConflict:
    /// Clear-WorkflowProfile it first). A literal -WorkflowId with no history file in the folder writes
    /// GetWorkflowProfileRunNotFound; damaged lines are skipped with a warning. A -HistoryPath that is a file writes
    /// GetWorkflowProfileInvalidHistoryPath, one that does not exist GetWorkflowProfileHistoryNotFound. Loading
    /// reports progress.</para>
    /// <para>Table headers: Runs = RunCount, Total(ms) = TotalDuration (of the latest run), Nodes = the number of
    /// NodeData entries. A profile's Runs table shows RunNumber, StartTime, Total(ms) = TotalDuration,
    /// Critical(ms) = CriticalPath, NodeCount, AlertCount and Failed = FailedCount.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// 'build', 'deploy' | ForEach-Object {
    ///     Start-WorkflowProfile -WorkflowId $_
    ///     Add-NodeTiming -NodeId main -Duration 1000
    ///     $null = Complete-WorkflowProfile -TotalDuration 1200
    /// }
    /// Get-WorkflowProfile
    /// </code>
    /// <para>Profiles two workflows and shows both profiles as a table.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId nightly
    /// Add-NodeTiming -NodeId compile -Duration 5000
    /// $null = Complete-WorkflowProfile
    /// $p = Get-WorkflowProfile -WorkflowId night*
    /// '{0}: {1} run(s), slowest node {2}' -f $p.WorkflowId, $p.RunCount, $p.Bottlenecks[0]
    /// $p.Runs
    /// </code>
    /// <para>Reads one profile's properties and its list of completed runs.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $history = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid())
    /// foreach ($ms in 5000, 5200, 6100) {
    ///     Start-WorkflowProfile -WorkflowId nightly -HistoryPath $history
    ///     Add-NodeTiming -NodeId compile -Duration $ms
    ///     $null = Complete-WorkflowProfile
    /// }
    /// Clear-WorkflowProfile -WorkflowId nightly
    ///
    /// Get-WorkflowProfile -HistoryPath $history
    /// Get-NodeStatistics -WorkflowId nightly
    /// Remove-Item -LiteralPath $history -Recurse
    /// </code>
    /// <para>Records three runs into a history folder, forgets them, then opens the folder as a new session would:
    /// the profile and statistics of the three runs come back without starting a run.</para>
    /// </example>
    /// <seealso cref="CompleteWorkflowProfileCommand"/>
    /// <seealso cref="ClearWorkflowProfileCommand"/>
    [Cmdlet(VerbsCommon.Get, "WorkflowProfile", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(WorkflowPerformanceProfile))]
    public sealed class GetWorkflowProfileCommand : WorkflowsCmdletBase
    {
        private const string SessionSet = "Session";
        private const string HistorySet = "History";

        /// <summary>The workflows to show (with -HistoryPath: to open); wildcards allowed. Defaults to every workflow of the session (of the folder).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string[] WorkflowId { get; set; }

        /// <summary>A history folder (as given to Start-WorkflowProfile -HistoryPath) whose workflows to open into the session without starting a run.</summary>
        [Parameter(Mandatory = true, ParameterSetName = HistorySet)]
        [ValidateNotNullOrEmpty]
        public string HistoryPath { get; set; }

        internal override WorkflowDefault Default => WorkflowDefault.EveryOrNone;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            // -HistoryPath names workflows of a folder, not of the session: the folder's files are matched instead.
            if (ParameterSetName == HistorySet) OpenHistories(SessionState.Path.GetUnresolvedProviderPathFromPSPath(HistoryPath));
            else base.ProcessRecord();
        }

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            foreach (WorkflowProfiler wf in workflows) WriteObject(wf.GetProfile());
        }

        private void OpenHistories(string folder)
        {
            try
            {
                HistoryFolder.CheckFolder(folder);   // a file is named as one, as Start-WorkflowProfile -HistoryPath does
            }
            catch (ProfilerException ex)
            {
                WriteError(ToErrorRecord(ex, HistoryPath));
                return;
            }
            if (!System.IO.Directory.Exists(folder))
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"The history folder '{folder}' does not exist: give the folder used as Start-WorkflowProfile -HistoryPath."),
                    ErrorId("HistoryNotFound"), ErrorCategory.ObjectNotFound, HistoryPath));
                return;
            }
            var ids = new List<string>();
            HistoryEntry[] entries = null;
            foreach (string id in WorkflowId ?? new[] { "*" })
            {
                if (id == null || !WildcardPattern.ContainsWildcardCharacters(id)) { ids.Add(id == null ? null : WildcardPattern.Unescape(id)); continue; }
                try
                {
                    // The one id rule: a file holding the workflow 'x[1]' is opened by that id, never by the pattern.
                    List<HistoryEntry> named = IdPattern.Select(id, entries ?? (entries = HistoryFolder.List(folder)), e => e.WorkflowId, out string invalid);
                    if (invalid != null)
                        WriteError(new ErrorRecord(new System.ArgumentException(invalid + "."), ErrorId("InvalidPattern"), ErrorCategory.InvalidArgument, id));
                    foreach (HistoryEntry e in named)
                        if (!ids.Contains(e.WorkflowId)) ids.Add(e.WorkflowId);
                }
                catch (ProfilerException ex)
                {
                    WriteError(ToErrorRecord(ex, folder));
                    return;
                }
            }
            var progress = new ProgressRecord(1, "Opening history", folder);
            for (int i = 0; i < ids.Count; i++)
            {
                progress.StatusDescription = $"{ids[i]} ({i + 1} of {ids.Count})";
                progress.PercentComplete = 100 * i / ids.Count;
                WriteProgress(progress);
                try
                {
                    WorkflowPerformanceProfile profile = Session.OpenHistory(folder, ids[i], out string[] warnings);
                    foreach (string w in warnings) WriteWarning(w);
                    WriteObject(profile);
                }
                catch (ProfilerException ex)
                {
                    WriteError(ToErrorRecord(ex, ids[i], ex.Kind == ProfilerErrorKind.RunNotFound ? ErrorCategory.ObjectNotFound : CategoryOf(ex.Kind)));
                }
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }
}
