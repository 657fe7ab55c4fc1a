using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

namespace Profiler.PS.Shell
{
    /// <summary>
    /// Runs a PowerShell script or command with Profiler.PS imported, printing what pwsh would print.
    /// Usage: Profiler.PS.Shell &lt;script.ps1&gt; [args...] | -Command "&lt;text&gt;"
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point; returns the script's exit code, or 1 when it failed.</summary>
        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "-?" || args[0] == "--help")
            {
                Console.WriteLine("Usage: Profiler.PS.Shell <script.ps1> [arguments] | -Command \"<PowerShell>\"");
                return args.Length == 0 ? 2 : 0;
            }
            Console.OutputEncoding = new UTF8Encoding(false);
            var host = new TextHost(Console.Out, ConsoleWidth(), supportsVirtualTerminal: !Console.IsOutputRedirected);
            InitialSessionState iss = InitialSessionState.CreateDefault2();
            using Runspace runspace = RunspaceFactory.CreateRunspace(host, iss);
            runspace.Open();
            using PowerShell ps = PowerShell.Create(runspace);
            ps.Streams.Error.DataAdded += (s, e) => WriteError(ps.Streams.Error[e.Index]);
            ps.Streams.Warning.DataAdded += (s, e) => host.UI.WriteWarningLine(ps.Streams.Warning[e.Index].Message);
            // Like pwsh: no escape codes when output goes to a file or pipe, or when NO_COLOR is set.
            if (Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")))
                ps.AddScript("$PSStyle.OutputRendering = 'PlainText'").AddStatement();
            ps.AddCommand("Import-Module").AddParameter("Name", ModuleLocator.ManifestPath()).AddParameter("ErrorAction", "Stop");
            ps.AddStatement();
            if (args[0].Equals("-Command", StringComparison.OrdinalIgnoreCase) || args[0] == "-c")
                ps.AddScript(string.Join(" ", args, 1, args.Length - 1));
            else
            {
                ps.AddCommand(Path.GetFullPath(args[0]));
                for (int i = 1; i < args.Length; i++) ps.AddArgument(args[i]);
            }
            ps.AddCommand("Out-Default");
            try
            {
                ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                WriteError(ex.ErrorRecord);
                return 1;
            }
            return host.ExitCode != 0 ? host.ExitCode : (ps.HadErrors ? 1 : 0);
        }

        private static void WriteError(ErrorRecord record)
        {
            Console.Error.WriteLine(record.ToString());
            if (record.InvocationInfo?.PositionMessage is string where && where.Length > 0) Console.Error.WriteLine(where);
        }

        private static int ConsoleWidth()
        {
            try { return Console.IsOutputRedirected ? 120 : Math.Max(40, Console.WindowWidth); }
            catch (IOException) { return 120; }
        }
    }
}
