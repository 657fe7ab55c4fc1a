using System.Management.Automation;

namespace Profiler.PS.Commands
{
    /// <summary>Gets the session-wide profiler options, such as the default history folder.</summary>
    /// <remarks>
    /// <para>Writes one ProfilerOption object with the session's current settings; Set-ProfilerOption changes them.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Get-ProfilerOption
    /// </code>
    /// <para>Shows the default history folder of this session (none until Set-ProfilerOption sets one).</para>
    /// </example>
    /// <example>
    /// <code>
    /// $history = Join-Path ([System.IO.Path]::GetTempPath()) ([guid]::NewGuid())
    /// Set-ProfilerOption -HistoryPath $history
    /// (Get-ProfilerOption).HistoryPath
    /// Set-ProfilerOption -HistoryPath $null
    /// </code>
    /// <para>Sets a new temporary folder as the default history folder, reads it back, and turns the default off again (nothing is written until a run completes).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ProfilerOption")]
    [OutputType(typeof(ProfilerOption))]
    public sealed class GetProfilerOptionCommand : ProfilerCmdletBase
    {
        /// <inheritdoc />
        protected override void ProcessRecord() => WriteObject(new ProfilerOption(Session.DefaultHistoryPath));
    }
}
