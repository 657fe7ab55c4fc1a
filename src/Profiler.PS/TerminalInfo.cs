using System;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace Profiler.PS
{
    /// <summary>
    /// What the display can show. PowerShell 7's $PSStyle is passed in as an object (and read through PSObject),
    /// because the module compiles against PowerShell 5.1 reference assemblies that do not have it.
    /// </summary>
    internal static class TerminalInfo
    {
        /// <summary>The width PowerShell's own formatter uses when the host does not say (Out-String in a runspace without a UI).</summary>
        public const int DefaultWidth = 120;

        /// <summary>
        /// True when output should carry ANSI colour: never with NO_COLOR set, nor where $PSStyle does not exist
        /// (Windows PowerShell, whose redirection does not strip escape codes), nor when $PSStyle.OutputRendering
        /// is PlainText; always when it is Ansi; otherwise (Host) only when the host renders virtual-terminal
        /// sequences and the process's output is not redirected.
        /// </summary>
        public static bool UseAnsi(PSHost host, object psStyle)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))) return false;
            if (psStyle == null) return false;
            string rendering = PSObject.AsPSObject(psStyle).Properties["OutputRendering"]?.Value?.ToString();
            if (string.Equals(rendering, "PlainText", StringComparison.OrdinalIgnoreCase)) return false;
            if (string.Equals(rendering, "Ansi", StringComparison.OrdinalIgnoreCase)) return true;
            try
            {
                return host?.UI?.SupportsVirtualTerminal == true && !Console.IsOutputRedirected;
            }
            catch (Exception e) when (e is NotImplementedException || e is NotSupportedException || e is PSInvalidOperationException || e is HostException)
            {
                return false;
            }
        }

        /// <summary>
        /// The width to fit table cells to, or 0 when output is not going to an interactive terminal, so cells should
        /// be whole and PowerShell should lay the table out (for a file, a CI log, another host's window). Fitted only
        /// when the host is PowerShell's console host (<c>ConsoleHost</c>), the process's output is not redirected,
        /// and the host says its width. Out-String -Width in a terminal is not seen here: cells are fitted to the
        /// terminal's width then.
        /// </summary>
        public static int FitWidth(PSHost host)
        {
            if (host == null || !string.Equals(host.Name, "ConsoleHost", StringComparison.Ordinal)) return 0;
            try
            {
                if (Console.IsOutputRedirected) return 0;
                int width = host.UI?.RawUI?.BufferSize.Width ?? 0;
                return width > 20 ? width : 0;
            }
            catch (Exception e) when (e is NotImplementedException || e is NotSupportedException || e is PSInvalidOperationException
                || e is HostException || e is System.IO.IOException)
            {
                return 0;
            }
        }

        /// <summary>The host's line width, or <see cref="DefaultWidth"/> when the host has no raw UI or does not say.</summary>
        public static int Width(PSHost host)
        {
            try
            {
                int width = host?.UI?.RawUI?.BufferSize.Width ?? 0;
                return width > 20 ? width : DefaultWidth;
            }
            catch (Exception e) when (e is NotImplementedException || e is NotSupportedException || e is PSInvalidOperationException
                || e is HostException || e is System.IO.IOException)
            {
                return DefaultWidth;
            }
        }
    }
}
