using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Writes workflows' profiles to a file: full-fidelity JSON that Import-WorkflowProfile reads back.</summary>
    /// <remarks>
    /// <para>Writes the completed history of the named workflows (default: all of them) to -Path: each node's window of
    /// samples with their run numbers, all-time counters, the recent runs, the last run's alerts and the settings.
    /// The JSON file has a "format" and "schemaVersion" member; exporting, importing into a fresh session and
    /// exporting again gives the same bytes. A run still in flight is not exported (a warning says so). The file is
    /// written to a temporary file and then moved into place, so a failure never leaves half a file; an existing
    /// file is replaced.</para>
    /// <para>Errors: ExportWorkflowProfileNothingToExport when the session has no workflow to export,
    /// ExportWorkflowProfileWorkflowNotFound for an unknown id, ExportWorkflowProfileFileAccessFailed when the file
    /// cannot be written.</para>
    /// </remarks>
    /// <example>
    /// <code>Start-WorkflowProfile build; Add-NodeTiming compile 1200; $null = Complete-WorkflowProfile; Export-WorkflowProfile -Path ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'build-profile.json')) -PassThru</code>
    /// <para>Profiles one run of 'build' and writes it to build-profile.json in the temporary folder, returning the file.</para>
    /// </example>
    /// <example>
    /// <code>foreach ($id in 'api', 'web') { Start-WorkflowProfile $id; Add-NodeTiming deploy 300; $null = Complete-WorkflowProfile }; Get-WorkflowProfile a* | Export-WorkflowProfile -Path ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'api-profile.json')) -PassThru</code>
    /// <para>Exports only the workflows piped in (here 'api') to one file.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "WorkflowProfile", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportWorkflowProfileCommand : ProfilerCmdletBase
    {
        private readonly List<WorkflowProfiler> _workflows = new List<WorkflowProfiler>();
        private bool _named;

        /// <summary>The file to write; relative paths are relative to the current location.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; }

        /// <summary>Workflows to export; wildcards allowed. Defaults to every workflow of the session.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <summary>Writes the file's FileInfo.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (WorkflowId == null) return;
            _named = true;
            foreach (WorkflowProfiler wf in ResolveWorkflows(WorkflowId, allWhenNone: false))
                if (!_workflows.Contains(wf)) _workflows.Add(wf);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (!_named) _workflows.AddRange(Session.GetWorkflows());
            if (_workflows.Count == 0)
            {
                if (_named) return;   // every id was reported as not found already
                var ex = new ProfilerException(ProfilerErrorKind.NoCompletedRun,
                    "This session has no workflow to export: profile a run with Start-WorkflowProfile, Add-NodeTiming and Complete-WorkflowProfile, or import one with Import-WorkflowProfile.");
                WriteError(new ErrorRecord(ex, ErrorId("NothingToExport"), ErrorCategory.ObjectNotFound, null));
                return;
            }
            string file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (!ShouldProcess(file, "Export workflow profile")) return;
            foreach (WorkflowProfiler wf in _workflows)
                if (wf.CurrentRun is WorkflowRun run)
                    WriteWarning($"Run {run.RunNumber} of workflow '{wf.WorkflowId}' is in flight and is not exported: complete it first to include it.");
            try
            {
                Session.ExportProfile(file, _workflows);
            }
            catch (ProfilerException ex)
            {
                WriteError(ToErrorRecord(ex, file, ErrorCategory.WriteError));
                return;
            }
            if (PassThru) WriteObject(new FileInfo(file));
        }
    }
}
