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
    /// more than 64 MB (counted as it is read, so a pipe or a device such as /dev/zero stops there) or too deeply nested;
    /// the message names the file and the member at fault; a history file gets this error with the
    /// Get-WorkflowProfile -HistoryPath command that opens it),
    /// ImportWorkflowProfileFileNotFound (a -Path that matches no file, or a -LiteralPath that does not exist; the message names it),
    /// ImportWorkflowProfileMergeAndReplace, ImportWorkflowProfileWorkflowExists, ImportWorkflowProfileRunInProgress,
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
    [Cmdlet(VerbsData.Import, "WorkflowProfile", DefaultParameterSetName = "Path", SupportsShouldProcess = true)]
    [OutputType(typeof(WorkflowPerformanceProfile))]
    public sealed class ImportWorkflowProfileCommand : ProfilerCmdletBase
    {
        /// <summary>Profile files to read; wildcards allowed ('[', ']', '*' and '?' are wildcard characters: use -LiteralPath for a name holding them). A path that matches no file is an error (ImportWorkflowProfileFileNotFound).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "Path")]
        [SupportsWildcards]
        public string[] Path { get; set; }

        /// <summary>Profile files to read, each path taken exactly as written (no wildcards). Get-ChildItem output binds here by its PSPath.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "LiteralPath")]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; }

        /// <summary>Merges the file's runs into a workflow that already exists, in time order. Cannot be combined with -Replace.</summary>
        [Parameter]
        public SwitchParameter Merge { get; set; }

        /// <summary>Replaces a workflow that already exists with the file's. Cannot be combined with -Merge.</summary>
        [Parameter]
        public SwitchParameter Replace { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (Merge && Replace)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-Merge and -Replace cannot be used together: -Merge adds the file's runs to a workflow that exists, -Replace swaps it for the file's. Give one of them."),
                    ErrorId("MergeAndReplace"), ErrorCategory.InvalidArgument, null));
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            ImportMode mode = Merge ? ImportMode.Merge : Replace ? ImportMode.Replace : ImportMode.Add;
            bool literal = ParameterSetName == "LiteralPath";
            foreach (string path in literal ? LiteralPath : Path)
                foreach (string file in InputPath.Resolve(this, path, literal, "Profile file", "give the path of a file written by Export-WorkflowProfile."))
                    Import(file, mode);
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
