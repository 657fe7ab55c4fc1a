using System;
using System.IO;
using System.Linq;

namespace Profiler.PS.Tests.Support
{
    /// <summary>
    /// What the built module exports, read once from a real import. Tests that enumerate it cover the
    /// cmdlets added later without being edited.
    /// </summary>
    public static class ModuleCatalog
    {
        private static readonly Lazy<string[]> s_cmdlets = new Lazy<string[]>(() =>
        {
            using var ps = new PsSession();
            return ps.RunClean("(Get-Module Profiler.PS).ExportedCmdlets.Keys").Output
                .Select(o => o.ToString()).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
        });

        /// <summary>The exported cmdlet names, sorted.</summary>
        public static string[] Cmdlets => s_cmdlets.Value;

        /// <summary>The exported cmdlets as xunit theory data, one case per cmdlet.</summary>
        public static TheoryData<string> CmdletData()
        {
            var data = new TheoryData<string>();
            foreach (string name in Cmdlets) data.Add(name);
            return data;
        }

        /// <summary>The built module folder, output/Profiler.PS.</summary>
        public static string ModuleDirectory => Path.GetDirectoryName(PsSession.ManifestPath);

        /// <summary>The repository root (the folder holding Profiler.PS.sln).</summary>
        public static string RepositoryRoot => Repository.Root;
    }
}
