using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;

namespace Profiler.PS.Tests.Support
{
    /// <summary>
    /// One runspace of the real PowerShell engine (Microsoft.PowerShell.SDK: the Utility, Management and Security
    /// modules are there) with the built module imported. One per test, so tests never share profiler state.
    /// Formatted output is read the way a user redirects it: through <c>Out-String -Width N</c>.
    /// </summary>
    public sealed class PsSession : IDisposable
    {
        private readonly StringBuilder _shown = new StringBuilder();

        /// <param name="width">The line width formatted output is rendered at (Out-String -Width).</param>
        /// <param name="importModule">False for a runspace without Profiler.PS imported.</param>
        public PsSession(int width = 120, bool importModule = true)
        {
            Width = width;
            Runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            Runspace.Open();
            if (!importModule) return;
            ImportResult = Run($"Import-Module '{ManifestPath.Replace("'", "''")}' -ErrorAction Stop");
            if (ImportResult.Errors.Count > 0 || ImportResult.Terminating != null)
                throw new InvalidOperationException("Import failed: " + (ImportResult.Terminating?.ToString() ?? ImportResult.Errors[0].ToString()));
        }

        /// <summary>The built manifest the tests import (output/Profiler.PS/Profiler.PS.psd1).</summary>
        public static string ManifestPath { get; } = Repository.ManifestPath();

        public Runspace Runspace { get; }

        /// <summary>The width <see cref="ShowPlain"/> renders at.</summary>
        public int Width { get; }

        /// <summary>What importing the module produced (it should produce nothing).</summary>
        public PsResult ImportResult { get; }

        /// <summary>Everything <see cref="ShowPlain"/> rendered so far.</summary>
        public string HostText => _shown.ToString();

        /// <summary>Runs PowerShell text in the session; never throws for script errors, it reports them.</summary>
        public PsResult Run(string script)
        {
            using PowerShell ps = PowerShell.Create(Runspace);
            ps.AddScript(script);
            var result = new PsResult();
            try
            {
                result.Output.AddRange(ps.Invoke());
            }
            catch (RuntimeException ex)
            {
                result.Terminating = ex;
            }
            result.Errors.AddRange(ps.Streams.Error);
            result.Warnings.AddRange(ps.Streams.Warning.Select(w => w.Message));
            result.Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
            return result;
        }

        /// <summary>
        /// Renders <paramref name="command"/>'s output as plain text with its default view
        /// (<c>| Out-String -Width</c> <see cref="Width"/>) and returns everything rendered so far.
        /// </summary>
        public string ShowPlain(string command)
        {
            PsResult r = RunClean("$PSStyle.OutputRendering = 'PlainText'; . {\n" + command + $"\n}} | Out-String -Width {Width}");
            foreach (PSObject text in r.Output) _shown.Append(text);
            return HostText;
        }

        /// <summary>Runs the script and insists it wrote no error.</summary>
        public PsResult RunClean(string script)
        {
            PsResult result = Run(script);
            Assert.True(result.Terminating == null, "Terminating: " + result.Terminating);
            Assert.True(result.Errors.Count == 0, "Errors: " + string.Join(" | ", result.Errors));
            return result;
        }

        public void Dispose() => Runspace.Dispose();
    }

    /// <summary>What one script produced, stream by stream.</summary>
    public sealed class PsResult
    {
        public List<PSObject> Output { get; } = new List<PSObject>();
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<string> Warnings { get; } = new List<string>();
        public List<string> Verbose { get; } = new List<string>();
        public RuntimeException Terminating { get; set; }

        /// <summary>The output objects' base objects of type <typeparamref name="T"/>.</summary>
        public T[] Objects<T>() => Output.Select(o => o?.BaseObject).OfType<T>().ToArray();

        /// <summary>The single output object, unwrapped.</summary>
        public object Single() => Assert.Single(Output).BaseObject;
    }
}
