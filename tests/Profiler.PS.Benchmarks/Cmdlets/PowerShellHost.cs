using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.IO;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>
    /// One runspace of the real PowerShell 7.6 engine (InitialSessionState.CreateDefault2) with the built module
    /// imported from output/Profiler.PS and this assembly's no-op cmdlets imported with Import-Module -Assembly.
    /// Scripts run on the caller's thread (as in a console), so nothing is handed between threads.
    /// </summary>
    public sealed class PowerShellHost : IDisposable
    {
        private readonly Runspace _runspace;
        private readonly PowerShell _shell;

        public PowerShellHost()
        {
            _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            _runspace.ThreadOptions = PSThreadOptions.UseCurrentThread;
            _runspace.Open();
            _shell = PowerShell.Create(_runspace);
            Run($"Import-Module '{ManifestPath()}' -ErrorAction Stop");
            SetVariable("benchmarkAssembly", typeof(AddNoOpTimingCommand).Assembly);
            Run("Import-Module -Assembly $benchmarkAssembly -ErrorAction Stop");
        }

        /// <summary>output/Profiler.PS/Profiler.PS.psd1 in the repository above this program.</summary>
        private static string ManifestPath()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Profiler.PS.sln")))
                    return Path.Combine(dir.FullName, "output", "Profiler.PS", "Profiler.PS.psd1");
            throw new DirectoryNotFoundException("Profiler.PS.sln was not found above " + AppContext.BaseDirectory + "; run from a clone of the repository.");
        }

        /// <summary>Runs a script; any error throws, so no measurement can hide a failure.</summary>
        public Collection<PSObject> Run(string script)
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

        public void SetVariable(string name, object value) => _runspace.SessionStateProxy.SetVariable(name, value);

        public object GetVariable(string name) => _runspace.SessionStateProxy.GetVariable(name) is PSObject o ? o.BaseObject : _runspace.SessionStateProxy.GetVariable(name);

        public void Dispose()
        {
            _shell.Dispose();
            _runspace.Dispose();
        }
    }
}
