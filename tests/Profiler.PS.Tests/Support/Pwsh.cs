using System;
using System.Diagnostics;

namespace Profiler.PS.Tests.Support
{
    /// <summary>
    /// A real pwsh process: the PowerShell 7.6.9 dotnet tool pinned in .config/dotnet-tools.json, started as
    /// `dotnet tool run pwsh` from the repository root (never a pwsh found on the PATH). Without it the calling
    /// test is skipped with what to run, except under CI (CI set), where it fails.
    /// </summary>
    public static class Pwsh
    {
        private static readonly Lazy<string> s_missing = new Lazy<string>(Probe);

        /// <summary>Skips the test (or fails it under CI) when `dotnet tool run pwsh` does not start.</summary>
        public static void Require()
        {
            if (s_missing.Value == null) return;
            string why = "pwsh from the tool manifest did not start (" + s_missing.Value.Trim() + "). Run 'dotnet tool restore' in the repository.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Assert.Fail("CI is set, so this test must run: " + why);
            Skip.If(true, why);
        }

        /// <summary>Starts pwsh -NoProfile -NonInteractive -Command <paramref name="command"/>, output redirected.</summary>
        public static Process Start(string command)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[] { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-Command", command })
                start.ArgumentList.Add(arg);
            return Process.Start(start)!;
        }

        /// <summary>Null when pwsh runs, otherwise what went wrong.</summary>
        private static string Probe()
        {
            try
            {
                using Process p = Start("exit 7");
                string error = p.StandardError.ReadToEnd() + p.StandardOutput.ReadToEnd();
                if (!p.WaitForExit(60_000)) { p.Kill(true); return "it did not exit within 60 s"; }
                return p.ExitCode == 7 ? null : error;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return e.Message;
            }
        }
    }
}
