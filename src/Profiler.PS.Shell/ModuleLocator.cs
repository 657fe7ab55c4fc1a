using System;
using System.IO;

namespace Profiler.PS.Shell
{
    /// <summary>Finds the built module (output/Profiler.PS/Profiler.PS.psd1) from the running program's folder.</summary>
    public static class ModuleLocator
    {
        /// <summary>The repository root: the nearest folder above the program that holds Profiler.PS.sln.</summary>
        public static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Profiler.PS.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("Profiler.PS.sln was not found above " + AppContext.BaseDirectory + "; run from a clone of the repository.");
        }

        /// <summary>The built module manifest; PROFILER_PS_MODULE overrides it.</summary>
        public static string ManifestPath()
        {
            string custom = Environment.GetEnvironmentVariable("PROFILER_PS_MODULE");
            string path = !string.IsNullOrEmpty(custom) ? custom : Path.Combine(RepositoryRoot(), "output", "Profiler.PS", "Profiler.PS.psd1");
            if (!File.Exists(path)) throw new FileNotFoundException("The module is not built: run 'dotnet build' in the repository first.", path);
            return path;
        }
    }
}
