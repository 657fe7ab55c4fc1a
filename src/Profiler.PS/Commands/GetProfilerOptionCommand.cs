using System.Management.Automation;

namespace Profiler.PS.Commands
{
    /// <summary>Gets the session-wide profiler options, such as the default history folder.</summary>
    /// <remarks>
    /// <para>Writes one ProfilerOption object with the session's current settings; Set-ProfilerOption changes them.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-ProfilerOption</code>
    /// <para>Shows the default history folder of this session (none until Set-ProfilerOption sets one).</para>
    /// </example>
    /// <example>
    /// <code>Set-ProfilerOption -HistoryPath ([System.IO.Path]::GetTempPath()); (Get-ProfilerOption).HistoryPath</code>
    /// <para>Sets the temporary folder as the default history folder and reads it back.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "ProfilerOption")]
    [OutputType(typeof(ProfilerOption))]
    public sealed class GetProfilerOptionCommand : ProfilerCmdletBase
    {
        /// <inheritdoc />
        protected override void ProcessRecord() => WriteObject(new ProfilerOption(Session.DefaultHistoryPath));
    }
}
