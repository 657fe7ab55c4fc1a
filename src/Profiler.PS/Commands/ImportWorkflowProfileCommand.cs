using System.Collections.ObjectModel;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Reads workflows' profiles from a file written by Export-WorkflowProfile into this session.</summary>
    /// <remarks>
    /// <para>Restores every workflow in the file exactly as exported. A workflow that already exists in the session is
    /// an error unless -Merge (the file's runs and the session's are merged in time order and renumbered, windows
    /// keep the newest samples, all-time counters add up, the session's settings stay) or -Replace (the file's
    /// workflow replaces the session's). Each file is all or nothing: it is read, validated and every conflict is
    /// checked before the session changes. Writes the imported workflows' profiles.</para>
    /// <para>Errors: ImportWorkflowProfileInvalidFile (not JSON, not a profile, a newer schema version, truncated,
    /// too large or too deeply nested; the message names the file and the member at fault; a history file gets
    /// this error with the Get-WorkflowProfile -HistoryPath command that opens it),
    /// ImportWorkflowProfileFileNotFound, ImportWorkflowProfileWorkflowExists, ImportWorkflowProfileRunInProgress,
    /// ImportWorkflowProfileRunsOverlap (a merge would add runs the session already has),
    /// ImportWorkflowProfileFileAccessFailed.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId build
    /// Add-NodeTiming -NodeId compile -Duration 1200
    /// $null = Complete-WorkflowProfile
    /// $folder = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    /// $file = Join-Path $folder 'build.json'
    /// Export-WorkflowProfile -Path $file
    /// Clear-WorkflowProfile -WorkflowId build -Confirm:$false
    ///
    /// Import-WorkflowProfile -Path $file
    /// Remove-Item -LiteralPath $folder -Recurse
    /// </code>
    /// <para>Exports 'build', forgets it, and brings it back from the file.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $folder = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    /// $file = Join-Path $folder 'ci.json'
    /// Start-WorkflowProfile -WorkflowId ci
    /// Add-NodeTiming -NodeId test -Duration 900
    /// $null = Complete-WorkflowProfile
    /// Export-WorkflowProfile -Path $file
    /// Clear-WorkflowProfile -WorkflowId ci -Confirm:$false
    ///
    /// Start-WorkflowProfile -WorkflowId ci
    /// Add-NodeTiming -NodeId test -Duration 950
    /// $null = Complete-WorkflowProfile
    /// Import-WorkflowProfile -Path $file -Merge
    /// Remove-Item -LiteralPath $folder -Recurse
    /// </code>
    /// <para>Merges an exported run of 'ci' with the session's own run: the profile then holds both, in time order.</para>
    /// </example>
    [Cmdlet(VerbsData.Import, "WorkflowProfile", DefaultParameterSetName = "Add", SupportsShouldProcess = true)]
    [OutputType(typeof(WorkflowPerformanceProfile))]
    public sealed class ImportWorkflowProfileCommand : ProfilerCmdletBase
    {
        /// <summary>Profile files to read; wildcards allowed. Takes paths and Get-ChildItem output from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath")]
        [SupportsWildcards]
        public string[] Path { get; set; }

        /// <summary>Merges the file's runs into a workflow that already exists, in time order.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Merge")]
        public SwitchParameter Merge { get; set; }

        /// <summary>Replaces a workflow that already exists with the file's.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Replace")]
        public SwitchParameter Replace { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            ImportMode mode = Merge ? ImportMode.Merge : Replace ? ImportMode.Replace : ImportMode.Add;
            foreach (string path in Path)
            {
                Collection<string> files;
                try
                {
                    files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
                    if (provider.Name != "FileSystem") throw new ItemNotFoundException($"'{path}' is not a file system path.");
                }
                catch (ItemNotFoundException ex)
                {
                    var error = new ItemNotFoundException($"Profile file '{path}' was not found: give the path of a file written by Export-WorkflowProfile.", ex);
                    WriteError(new ErrorRecord(error, ErrorId("FileNotFound"), ErrorCategory.ObjectNotFound, path));
                    continue;
                }
                foreach (string file in files) Import(file, mode);
            }
        }

        private void Import(string file, ImportMode mode)
        {
            if (!ShouldProcess(file, "Import workflow profile")) return;
            if (Persistence.HistoryFolder.WorkflowIdOf(file) is string historyOf)
            {
                // A history file is JSON Lines, not an exported profile: say what opens it instead of a parse error.
                string folder = System.IO.Path.GetDirectoryName(file);
                var ex = new ProfilerException(ProfilerErrorKind.InvalidFile,
                    $"'{file}' is the history file of workflow '{historyOf}' (one run per line), not a profile exported by Export-WorkflowProfile. Open it with: Get-WorkflowProfile -HistoryPath '{folder}' -WorkflowId '{historyOf}'");
                WriteError(ToErrorRecord(ex, file, ErrorCategory.InvalidData));
                return;
            }
            var progress = new ProgressRecord(2, "Importing workflow profile", file);
            WriteProgress(progress);
            try
            {
                WriteObject(Session.ImportProfile(file, mode), enumerateCollection: true);
            }
            catch (ProfilerException ex)
            {
                ErrorCategory category = ex.Kind == ProfilerErrorKind.FileAccessFailed ? ErrorCategory.ReadError : CategoryOf(ex.Kind);
                WriteError(ToErrorRecord(ex, file, category));
            }
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }
}
