using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Sets session-wide profiler options: the default history folder.</summary>
    /// <remarks>
    /// <para>-HistoryPath sets the folder whose history files workflows created from now on in this session load
    /// and append to, as if each Start-WorkflowProfile had -HistoryPath. A start with its own -HistoryPath wins;
    /// workflows already in the session keep theirs. The folder is created on the first append; relative paths are
    /// resolved against the current location now.</para>
    /// <para>-HistoryPath $null turns the default off (an empty string does the same, as it always has): workflows
    /// started from then on keep no history file unless their own -HistoryPath names one. A verbose message says so, and
    /// -PassThru shows the options after the change. Blank text such as ' ' names no folder and is an error
    /// (SetProfilerOptionInvalidSetting); nothing is changed.</para>
    /// <para>Set is the approved verb for changing a setting; the noun follows Set-PSReadLineOption.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $history = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid())
    /// Set-ProfilerOption -HistoryPath $history -PassThru
    /// Set-ProfilerOption -HistoryPath $null
    /// </code>
    /// <para>Keeps every workflow started from now on in a new temporary history folder, shows the setting, then turns it off.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $history = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid())
    /// Set-ProfilerOption -HistoryPath $history
    /// Start-WorkflowProfile -WorkflowId nightly
    /// Add-NodeTiming -NodeId build -Duration 2000
    /// $null = Complete-WorkflowProfile
    /// Get-ChildItem -LiteralPath $history -Filter *.jsonl | Select-Object -ExpandProperty Name
    ///
    /// Set-ProfilerOption -HistoryPath $null
    /// Remove-Item -LiteralPath $history -Recurse
    /// </code>
    /// <para>Appends one run of 'nightly' to nightly.jsonl in the folder, lists the file, then turns the default off and removes the folder.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "ProfilerOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ProfilerOption))]
    public sealed class SetProfilerOptionCommand : ProfilerCmdletBase
    {
        /// <summary>The default history folder; $null (or '') turns the default off.</summary>
        [Parameter(Position = 0)]
        [AllowNull]
        [AllowEmptyString]
        public string HistoryPath { get; set; }

        /// <summary>Writes the options after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(HistoryPath)))
            {
                string folder = string.IsNullOrEmpty(HistoryPath) ? null
                    : string.IsNullOrWhiteSpace(HistoryPath) ? HistoryPath : SessionState.Path.GetUnresolvedProviderPathFromPSPath(HistoryPath);
                if (ShouldProcess(folder ?? "(none)", "Set the default history folder"))
                {
                    try
                    {
                        Session.DefaultHistoryPath = folder;
                        if (folder == null)
                            WriteVerbose("The default history folder is off: workflows started from now on keep no history file unless Start-WorkflowProfile -HistoryPath names one.");
                    }
                    catch (ProfilerException ex)
                    {
                        WriteError(ToErrorRecord(ex, HistoryPath));
                        return;
                    }
                }
            }
            if (PassThru) WriteObject(new ProfilerOption(Session.DefaultHistoryPath));
        }
    }
}
