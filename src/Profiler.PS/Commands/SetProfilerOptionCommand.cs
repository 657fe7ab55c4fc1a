using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Sets session-wide profiler options: the default history folder.</summary>
    /// <remarks>
    /// <para>-HistoryPath sets the folder whose history files workflows created from now on in this session load
    /// and append to, as if each Start-WorkflowProfile had -HistoryPath. A start with its own -HistoryPath wins;
    /// workflows already in the session keep theirs. $null or an empty string turns the default off. The folder
    /// is created on the first append; relative paths are resolved against the current location now.</para>
    /// <para>Set is the approved verb for changing a setting; the noun follows Set-PSReadLineOption.</para>
    /// </remarks>
    /// <example>
    /// <code>Set-ProfilerOption -HistoryPath ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'perf-history')) -PassThru</code>
    /// <para>Keeps every workflow started from now on in the perf-history folder of the temporary path.</para>
    /// </example>
    /// <example>
    /// <code>$dir = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'perf-history-demo'); Set-ProfilerOption -HistoryPath $dir; Start-WorkflowProfile nightly; Add-NodeTiming build 2000; $null = Complete-WorkflowProfile; Set-ProfilerOption -HistoryPath $null; Get-ProfilerOption</code>
    /// <para>Appends one run of 'nightly' to the folder's nightly.jsonl, then turns the default off again.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "ProfilerOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ProfilerOption))]
    public sealed class SetProfilerOptionCommand : ProfilerCmdletBase
    {
        /// <summary>The default history folder; $null or '' for none.</summary>
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
