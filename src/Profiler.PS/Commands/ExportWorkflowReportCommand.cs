using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;

namespace Profiler.PS.Commands
{
    /// <summary>Writes a self-contained HTML report of workflows: heatmap, trends, bottlenecks, alerts and run totals.</summary>
    /// <remarks>
    /// <para>Writes one HTML file for the named workflows (all of them by default, or those piped from
    /// Get-WorkflowProfile). The page needs nothing from outside (styles, charts and its small script are inline,
    /// and its content security policy forbids loading anything), so it opens offline and is safe to attach to a
    /// CI run. For each workflow it shows the total duration per run, a heatmap with the nodes as rows (slowest
    /// first) and the latest runs as columns, each cell coloured by duration with the value on hover, the
    /// bottleneck table, the alerts of the latest run, and a trend chart per node with its min-max band and
    /// average. Names, ids, labels and types are escaped, so they always show as text.</para>
    /// <para>An existing file is replaced, as Export-Csv does; -NoClobber keeps it (ExportWorkflowReportFileExists). A path in a folder
    /// that does not exist, or outside the file system, stops the command (ExportWorkflowReportInvalidPath); so does
    /// a session with no workflow to report (ExportWorkflowReportNoWorkflow). An unknown literal -WorkflowId writes an
    /// ObjectNotFound error (ExportWorkflowReportWorkflowNotFound) and the others are still reported. -Open shows the
    /// report in the default browser; -PassThru writes the file as Get-Item would.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// foreach ($i in 1..5) {
    ///     Start-WorkflowProfile -WorkflowId build -WorkflowName 'Nightly build'
    ///     Add-NodeTiming -NodeId restore -Duration 2500
    ///     Add-NodeTiming -NodeId compile -Duration (4000 + 300 * $i)
    ///     $null = Complete-WorkflowProfile
    /// }
    /// $folder = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    /// $report = Export-WorkflowReport -Path (Join-Path $folder 'build-report.html') -PassThru
    /// $report | Select-Object -Property Name, Length
    /// Remove-Item -LiteralPath $folder -Recurse
    /// </code>
    /// <para>Profiles five runs, writes their report to a new temporary folder and shows the file's name and size (open it with Invoke-Item, or use -Open); then removes the folder.</para>
    /// </example>
    /// <example>
    /// <code>
    /// foreach ($id in 'api', 'web') {
    ///     Start-WorkflowProfile -WorkflowId $id
    ///     Add-NodeTiming -NodeId deploy -Duration 900
    ///     $null = Complete-WorkflowProfile
    /// }
    /// $folder = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    /// $path = Join-Path $folder 'release.html'
    /// Get-WorkflowProfile | Export-WorkflowReport -Path $path -Title 'Release pipeline'
    /// Get-WorkflowProfile | Export-WorkflowReport -Path $path -Title 'Release pipeline'
    /// Export-WorkflowReport -Path $path -WorkflowId web -Title 'Web only'
    /// Remove-Item -LiteralPath $folder -Recurse
    /// </code>
    /// <para>Writes one report with a section for each workflow piped in, then replaces it with a report of 'web'
    /// alone: an existing file is overwritten, as Export-Csv does (add -NoClobber to refuse).</para>
    /// </example>
    /// <returns>With -PassThru, the report file, as Get-Item returns it (a FileInfo with PSPath); otherwise nothing.</returns>
    [Cmdlet(VerbsData.Export, "WorkflowReport", DefaultParameterSetName = "Path", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportWorkflowReportCommand : WorkflowsCmdletBase
    {
        private readonly List<WorkflowProfiler> _workflows = new List<WorkflowProfiler>();

        /// <summary>The HTML file to write; relative paths are resolved from the current location. A wildcard pattern that matches one existing file names it; use -LiteralPath for a name holding '[', ']', '*' or '?'.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>The HTML file to write, taken exactly as written (no wildcards); relative paths are resolved from the current location.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath")]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; }

        /// <summary>Workflows to report; wildcards allowed. Defaults to every workflow in the session.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string[] WorkflowId { get; set; }

        /// <summary>The report's title (default "Profiler.PS report").</summary>
        [Parameter]
        public string Title { get; set; }

        /// <summary>Has no effect, kept so scripts written for earlier versions still run: an existing file is now replaced by default, as Export-Csv does, and -NoClobber keeps it.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Refuses to replace an existing file (ExportWorkflowReportFileExists), as Export-Csv -NoClobber does.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Opens the report in the default browser once written.</summary>
        [Parameter]
        public SwitchParameter Open { get; set; }

        /// <summary>Writes the report file as Get-Item would (a FileInfo with PSPath), to pipe on.</summary>
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
            string file = ReportPath.Resolve(this, ParameterSetName == "LiteralPath" ? LiteralPath : Path, ParameterSetName == "LiteralPath", NoClobber);
            if (!ShouldProcess(file, "Write workflow report")) return;

            var progress = new ProgressRecord(3, "Writing workflow report", file) { StatusDescription = "Reading the profiles" };
            WriteProgress(progress);
            var profiles = new WorkflowPerformanceProfile[_workflows.Count];
            for (int i = 0; i < profiles.Length; i++) profiles[i] = _workflows[i].GetProfile();
            progress.StatusDescription = "Drawing the heatmap, trends and tables";
            progress.PercentComplete = 30;
            WriteProgress(progress);
            string html = HtmlReportRenderer.Render(profiles, new HtmlReportOptions { Title = Title, GeneratedAt = Session.Clock.Now });
            progress.StatusDescription = "Writing the file";
            progress.PercentComplete = 90;
            WriteProgress(progress);
            ReportPath.Write(this, file, html, NoClobber);
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            WriteVerbose($"Wrote the report of {profiles.Length} workflow(s) to {file} ({html.Length:N0} characters).");
            if (Open) ReportPath.OpenInBrowser(this, file);
            if (PassThru) ProviderItem.Write(this, file);
        }
    }
}
