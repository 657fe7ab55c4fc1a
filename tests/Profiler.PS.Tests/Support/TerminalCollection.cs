using Xunit;

namespace Profiler.PS.Tests.Support
{
    /// <summary>
    /// Tests that set $PSStyle.OutputRendering to Ansi or Host, or draw for a terminal. $PSStyle is one object for the
    /// whole process, not per runspace, so these run with no other test beside them: a table another test renders
    /// as plain text between its own `$PSStyle.OutputRendering = 'PlainText'` and Out-String would otherwise pick up
    /// their colours.
    /// </summary>
    [CollectionDefinition("Terminal", DisableParallelization = true)]
    public sealed class TerminalCollection
    {
    }
}
