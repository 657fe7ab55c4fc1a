using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using BenchmarkDotNet.Attributes;
using Profiler.PS.Shell;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>
    /// Base of the per-cmdlet benchmarks: one runspace of the real PowerShell 7.6 engine (CreateDefault2), the
    /// built module imported from output/Profiler.PS, and this assembly's no-op cmdlets imported with
    /// Import-Module -Assembly. Each benchmark runs a script that makes <see cref="Calls"/> calls, so the
    /// cost of starting the pipeline is spread over them (OperationsPerInvoke = Calls gives per-call numbers).
    /// To add a cmdlet's benchmark: derive, call <see cref="Run"/> in a [GlobalSetup] that calls
    /// <see cref="Open"/>, and write [Benchmark(OperationsPerInvoke = Calls)] methods that call
    /// <see cref="Run"/> with a <see cref="Loop"/>.
    /// </summary>
    public abstract class HostedPowerShell
    {
        /// <summary>Calls per benchmark operation.</summary>
        public const int Calls = 2_000;

        private Runspace _runspace;
        private PowerShell _shell;

        /// <summary>A script that runs <paramref name="body"/> <see cref="Calls"/> times in a foreach loop.</summary>
        protected static string Loop(string body) => $"foreach ($i in 1..{Calls}) {{ {body} }}";

        /// <summary>Opens the runspace, imports the module and the no-op cmdlets, then runs <paramref name="setup"/>.</summary>
        protected void Open(string setup = null)
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            // Scripts run on the benchmark's own thread, as in a console, not handed to a pipeline thread.
            _runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
            _runspace.Open();
            _shell = PowerShell.Create(_runspace);
            Run($"Import-Module '{ModuleLocator.ManifestPath()}' -ErrorAction Stop");
            _runspace.SessionStateProxy.SetVariable("benchmarkAssembly", typeof(AddNoOpTimingCommand).Assembly);
            Run("Import-Module -Assembly $benchmarkAssembly -ErrorAction Stop");
            if (setup != null) Run(setup);
        }

        /// <summary>Runs a script in the runspace; any error fails the benchmark, so no result hides a failure.</summary>
        protected Collection<PSObject> Run(string script)
        {
            _shell.Commands.Clear();
            _shell.Streams.ClearStreams();
            _shell.AddScript(script);
            Collection<PSObject> output = _shell.Invoke();
            if (_shell.HadErrors)
                throw new InvalidOperationException("The benchmark script failed: " +
                    (_shell.Streams.Error.Count > 0 ? _shell.Streams.Error[0].ToString() : script));
            return output;
        }

        /// <summary>Sets a variable in the runspace.</summary>
        protected void SetVariable(string name, object value) => _runspace.SessionStateProxy.SetVariable(name, value);

        /// <summary>Closes the runspace.</summary>
        [GlobalCleanup]
        public virtual void Close()
        {
            _shell?.Dispose();
            _runspace?.Dispose();
        }
    }
}
