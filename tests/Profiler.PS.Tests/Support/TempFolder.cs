using System;
using System.IO;

namespace Profiler.PS.Tests.Support
{
    /// <summary>A fresh folder under the temporary path, deleted with everything in it when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "profiler-ps-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        /// <summary>Exports every workflow of <paramref name="session"/> to <paramref name="name"/> here; returns the path.</summary>
        public string Export(Profiler.PS.Engine.ProfilerSession session, string name)
        {
            string path = File(name);
            session.ExportProfile(path, session.GetWorkflows());
            return path;
        }

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
