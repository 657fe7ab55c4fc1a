using System;
using System.IO;

namespace Profiler.PS.Tests.Support
{
    /// <summary>Where the repository and the built module are, found from the test assembly's folder.</summary>
    public static class Repository
    {
        /// <summary>The repository root: the nearest folder above the tests that holds Profiler.PS.sln.</summary>
        public static string Root { get; } = FindRoot();

        /// <summary>The built module manifest, output/Profiler.PS/Profiler.PS.psd1; PROFILER_PS_MODULE overrides it.</summary>
        public static string ManifestPath()
        {
            string custom = Environment.GetEnvironmentVariable("PROFILER_PS_MODULE");
            string path = !string.IsNullOrEmpty(custom) ? custom : Path.Combine(Root, "output", "Profiler.PS", "Profiler.PS.psd1");
            if (!File.Exists(path))
                throw new FileNotFoundException("The module is not built: run 'dotnet pwsh ./build.ps1 -Task Build' (or 'dotnet build Profiler.PS.sln') first.", path);
            return path;
        }

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Profiler.PS.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("Profiler.PS.sln was not found above " + AppContext.BaseDirectory + "; run from a clone of the repository.");
        }
    }
}
