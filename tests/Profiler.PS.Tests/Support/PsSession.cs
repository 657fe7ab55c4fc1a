using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Profiler.PS.Shell;

namespace Profiler.PS.Tests.Support
{
    /// <summary>
    /// One runspace of the real PowerShell engine with the built module imported, and a host that captures
    /// what Out-Host prints. One per test, so tests never share profiler state.
    /// </summary>
    public sealed class PsSession : IDisposable
    {
        private readonly StringWriter _hostText = new StringWriter();

        public PsSession(int width = 120, bool supportsVirtualTerminal = true, bool importModule = true)
        {
            var iss = InitialSessionState.CreateDefault2();
            Runspace = RunspaceFactory.CreateRunspace(new TextHost(_hostText, width, supportsVirtualTerminal), iss);
            Runspace.Open();
            if (!importModule) return;
            ImportResult = Run($"Import-Module '{ManifestPath}' -ErrorAction Stop");
            if (ImportResult.Errors.Count > 0) throw new InvalidOperationException("Import failed: " + ImportResult.Errors[0]);
        }

        /// <summary>The built manifest the tests import (output/Profiler.PS/Profiler.PS.psd1).</summary>
        public static string ManifestPath { get; } = ModuleLocator.ManifestPath();

        public Runspace Runspace { get; }

        /// <summary>What importing the module produced (it should produce nothing).</summary>
        public PsResult ImportResult { get; }

        /// <summary>Everything the host printed so far.</summary>
        public string HostText => _hostText.ToString();

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

        /// <summary>Pipes <paramref name="command"/> to Out-Host in plain text and returns everything the host printed so far.</summary>
        public string ShowPlain(string command)
        {
            RunClean("$PSStyle.OutputRendering = 'PlainText'; " + command + " | Out-Host");
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

        public void Dispose()
        {
            Runspace.Dispose();
            _hostText.Dispose();
        }
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
