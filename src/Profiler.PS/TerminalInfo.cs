using System;
using System.Management.Automation;

namespace Profiler.PS
{
    /// <summary>
    /// What the caller's terminal can show. PowerShell 7's $PSStyle is read at run time through session state,
    /// because the module compiles against PowerShell 5.1 reference assemblies that do not have it.
    /// </summary>
    internal static class TerminalInfo
    {
        private const int DefaultWidth = 120;

        /// <summary>
        /// True when output should carry ANSI colour: not with NO_COLOR set, not when $PSStyle.OutputRendering
        /// is PlainText; always when it is Ansi; otherwise (Host, or Windows PowerShell) only when the host
        /// renders virtual-terminal sequences and standard output is not redirected.
        /// </summary>
        public static bool UseAnsi(PSCmdlet cmdlet)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))) return false;
            string rendering = OutputRendering(cmdlet);
            if (string.Equals(rendering, "PlainText", StringComparison.OrdinalIgnoreCase)) return false;
            if (string.Equals(rendering, "Ansi", StringComparison.OrdinalIgnoreCase)) return true;
            try
            {
                return cmdlet.Host?.UI?.SupportsVirtualTerminal == true && !Console.IsOutputRedirected;
            }
            catch (Exception e) when (e is NotImplementedException || e is NotSupportedException || e is PSInvalidOperationException || e is System.Management.Automation.Host.HostException)
            {
                return false;
            }
        }

        /// <summary>$PSStyle.OutputRendering as text, or null where $PSStyle does not exist (Windows PowerShell).</summary>
        public static string OutputRendering(PSCmdlet cmdlet)
        {
            object style = cmdlet.SessionState.PSVariable.GetValue("PSStyle");
            if (style == null) return null;
            return PSObject.AsPSObject(style).Properties["OutputRendering"]?.Value?.ToString();
        }

        /// <summary>The host's line width, or 120 when the host does not say.</summary>
        public static int Width(PSCmdlet cmdlet)
        {
            try
            {
                int width = cmdlet.Host?.UI?.RawUI?.BufferSize.Width ?? 0;
                return width > 20 ? width : DefaultWidth;
            }
            catch (Exception e) when (e is NotImplementedException || e is NotSupportedException || e is PSInvalidOperationException || e is System.IO.IOException || e is System.Management.Automation.Host.HostException)
            {
                return DefaultWidth;
            }
        }
    }
}
