using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Writes workflows' profiles to a file: re-importable JSON, CSV, a Chrome trace, a speedscope profile or Markdown.</summary>
    /// <remarks>
    /// <para>Writes the completed history of the named workflows (default: all of them) to -Path in -Format:</para>
    /// <para>Json (default): the full profile (each node's window of samples with run numbers and self times,
    /// all-time counters, recent runs with their shape: wall time, node time, critical path, lanes, failures; the
    /// last run's alerts, settings) with a "format" and "schemaVersion" member (5; files of versions 1 to 4
    /// still import). Exporting, importing into a fresh session and exporting again gives the same bytes.</para>
    /// <para>Csv: one row of statistics per node, with its average self time and its failed and stopped executions'
    /// counts (in the window and all-time: failed and stopped runs are not samples, so a node that never succeeded has
    /// blank durations and these counts say why). SamplesCsv: one row per window sample, successful runs only (run,
    /// node, duration, outlier flag). Both are RFC 4180 with a UTF-8 byte order mark; text cells that start like a formula
    /// (= + - @, tab, carriage return) get a leading apostrophe so spreadsheets never evaluate them.</para>
    /// <para>ChromeTrace: the Trace Event format for chrome://tracing and Perfetto, one process per run with
    /// complete (X) events in microseconds. Speedscope: speedscope's evented format, one profile per run.
    /// Every run, completed or in flight, is drawn with its executions' real start offsets, one track per lane
    /// (recording thread), with steps timed inside Measure-WorkflowNode nested in their parent's slice; only runs
    /// read from files older than schema version 4 (one total per node, no start times) are laid end to end in the
    /// order their nodes first ran.</para>
    /// <para>Markdown: a summary for a CI job summary: the latest run's verdicts against the runs before it,
    /// bottlenecks and node statistics.</para>
    /// <para>A run still in flight is not part of Json, Csv, SamplesCsv or Markdown (a warning says so). The file is
    /// written to a temporary file and then moved into place, so a failure never leaves half a file; an existing
    /// file is replaced.</para>
    /// <para>Errors: ExportWorkflowProfileNoWorkflow (which stops the command) when the session has no workflow to export,
    /// ExportWorkflowProfileWorkflowNotFound for an unknown id, ExportWorkflowProfileFileAccessFailed when the file
    /// cannot be written.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId build
    /// Add-NodeTiming -NodeId compile -Duration 1200
    /// $null = Complete-WorkflowProfile
    /// $folder = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    ///
    /// $file = Export-WorkflowProfile -Path (Join-Path $folder 'build.json') -PassThru
    /// $file | Get-Content -TotalCount 3
    /// Remove-Item -LiteralPath $folder -Recurse
    /// </code>
    /// <para>Profiles one run of 'build', writes it to build.json in a new temporary folder and pipes the file (as Get-Item returns it) to Get-Content.</para>
    /// </example>
    /// <example>
    /// <code>
    /// foreach ($ms in 900, 1000, 1100) {
    ///     Start-WorkflowProfile -WorkflowId ci
    ///     Add-NodeTiming -NodeId test -Duration $ms
    ///     Add-NodeTiming -NodeId '=HYPERLINK("x")' -Duration 5
    ///     $null = Complete-WorkflowProfile
    /// }
    /// $folder = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    /// $csv = Join-Path $folder 'ci-stats.csv'
    /// Export-WorkflowProfile -Path $csv -Format Csv
    /// Import-Csv -LiteralPath $csv | Select-Object -Property NodeId, AvgDuration
    /// Remove-Item -LiteralPath $folder -Recurse
    /// </code>
    /// <para>Writes per-node statistics as CSV; the node named like a formula is written as '=HYPERLINK("x") so a spreadsheet shows it as text.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId web
    /// Add-NodeTiming -NodeId bundle -Duration 700
    /// Add-NodeTiming -NodeId upload -Duration 300
    /// $null = Complete-WorkflowProfile
    /// $folder = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    ///
    /// Export-WorkflowProfile -Path (Join-Path $folder 'web.trace.json') -Format ChromeTrace
    /// Export-WorkflowProfile -Path (Join-Path $folder 'web.speedscope.json') -Format Speedscope
    /// Export-WorkflowProfile -Path (Join-Path $folder 'web.md') -Format Markdown -PassThru | Get-Content
    /// Remove-Item -LiteralPath $folder -Recurse
    /// </code>
    /// <para>Writes the same profile for Perfetto or chrome://tracing, for speedscope.app, and as a Markdown summary
    /// (append it to $env:GITHUB_STEP_SUMMARY in a GitHub Actions job).</para>
    /// </example>
    /// <example>
    /// <code>
    /// foreach ($id in 'api', 'web') {
    ///     Start-WorkflowProfile -WorkflowId $id
    ///     Add-NodeTiming -NodeId deploy -Duration 300
    ///     $null = Complete-WorkflowProfile
    /// }
    /// $folder = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    /// Get-WorkflowProfile -WorkflowId a* | Export-WorkflowProfile -Path (Join-Path $folder 'api.json') -PassThru
    /// Remove-Item -LiteralPath $folder -Recurse
    /// </code>
    /// <para>Exports only the workflows piped in (here 'api') to one file.</para>
    /// </example>
    /// <returns>With -PassThru, the file written, as Get-Item returns it (a FileInfo with PSPath); otherwise nothing.</returns>
    [Cmdlet(VerbsData.Export, "WorkflowProfile", DefaultParameterSetName = "Path", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportWorkflowProfileCommand : WorkflowsCmdletBase
    {
        private readonly List<WorkflowProfiler> _workflows = new List<WorkflowProfiler>();

        /// <summary>The file to write; relative paths are relative to the current location. A wildcard pattern that matches one existing file names it; use -LiteralPath for a name holding '[', ']', '*' or '?'.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The file to write, taken exactly as written (no wildcards); relative paths are relative to the current location.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath")]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>Workflows to export; wildcards allowed. Defaults to every workflow of the session.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string[] WorkflowId { get; set; }

        /// <summary>Json (default, re-importable), Csv, SamplesCsv, ChromeTrace, Speedscope or Markdown.</summary>
        [Parameter]
        public ProfileExportFormat Format { get; set; } = ProfileExportFormat.Json;

        /// <summary>Refuses to replace an existing file (ExportWorkflowProfileFileExists), as Export-Csv -NoClobber does; by default an existing file is replaced.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Writes the file as Get-Item would (a FileInfo with PSPath), to pipe on.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        internal override WorkflowDefault Default => WorkflowDefault.Every;

        internal override bool NothingProfiledStops => true;

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            foreach (WorkflowProfiler wf in workflows)
                if (!_workflows.Contains(wf)) _workflows.Add(wf);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (_workflows.Count == 0) return;   // the policy has written why (unknown ids, or NoWorkflow)
            string file = ReportPath.Resolve(this, ParameterSetName == "LiteralPath" ? LiteralPath : Path, ParameterSetName == "LiteralPath", NoClobber);   // the provider's path, relative to $PWD; FileSystem only
            if (!ShouldProcess(file, "Export workflow profile")) return;
            bool drawsRunInFlight = Format == ProfileExportFormat.ChromeTrace || Format == ProfileExportFormat.Speedscope;
            foreach (WorkflowProfiler wf in _workflows)
                if (!drawsRunInFlight && wf.CurrentRun is WorkflowRun run)
                    WriteWarning($"Run {run.RunNumber} of workflow '{wf.WorkflowId}' is in flight and is not exported: complete it first to include it.");
            try
            {
                Session.ExportProfile(file, _workflows, Format);
            }
            catch (ProfilerException ex)
            {
                WriteError(ToErrorRecord(ex, file, ErrorCategory.WriteError));
                return;
            }
            if (PassThru) ProviderItem.Write(this, file);
        }
    }
}
