using System;
using System.IO;
using System.Text;
using Profiler.PS.Engine;

namespace Profiler.PS.Persistence
{
    /// <summary>Writes a whole file so that readers see the old content or the new, never half of it.</summary>
    internal static class AtomicFile
    {
        public static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        /// <summary>Writes <paramref name="text"/> as UTF-8 (with a byte order mark only when <paramref name="bom"/>) to a temporary file beside <paramref name="path"/>, then moves it into place.</summary>
        /// <exception cref="ProfilerException">FileAccessFailed, naming the file and the reason.</exception>
        public static void WriteAllText(string path, string text, bool bom = false)
        {
            string full = Path.GetFullPath(path);
            string temp = Path.Combine(Path.GetDirectoryName(full), "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    if (bom) stream.Write(new byte[] { 0xEF, 0xBB, 0xBF }, 0, 3);
                    byte[] bytes = Utf8.GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (File.Exists(full)) File.Replace(temp, full, null);
                else File.Move(temp, full);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"'{full}' could not be written: {ex.Message}");
            }
        }
    }
}
