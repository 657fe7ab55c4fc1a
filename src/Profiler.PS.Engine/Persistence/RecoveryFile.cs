using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Profiler.PS.Engine;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// The last place a completed run can go when its history cannot be written as the session ends: a new file of the
    /// same JSON Lines records, <c>&lt;history file name&gt;.pending-&lt;UTC yyyyMMddHHmmss&gt;-&lt;process id&gt;</c>, beside
    /// the history when that folder can be written, else in the user's temp folder. The name does not end in .jsonl, so
    /// history-folder listings (Get-WorkflowProfile -HistoryPath, Remove- and Repair-WorkflowHistory) never take it for
    /// a workflow's history, and no workflow id maps to it.
    /// </summary>
    /// <remarks>
    /// The records are written without run numbers (as a version 5 line may be): appended to the history, each is
    /// numbered one after the record before it, so they never collide with runs other processes wrote meanwhile. The file
    /// starts with an empty line, so that appended to a history whose last record was torn (no newline ends it), the first
    /// record still starts a line of its own; readers skip empty lines.
    /// </remarks>
    internal static class RecoveryFile
    {
        /// <summary>
        /// Writes <paramref name="text"/> (<see cref="Text"/> of the pending records) to a new recovery file beside
        /// <paramref name="historyFile"/>, else in the temp folder, and returns its path. Returns null when no folder took
        /// the file; <paramref name="failures"/> then says why, folder by folder.
        /// </summary>
        public static string Write(string historyFile, string text, DateTimeOffset now, int processId, List<string> failures)
        {
            string name = Path.GetFileName(historyFile) + ".pending-" +
                now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + processId.ToString(CultureInfo.InvariantCulture);
            var folders = new List<string>();
            string historyFolder = Path.GetDirectoryName(historyFile);
            if (!string.IsNullOrEmpty(historyFolder)) folders.Add(historyFolder);
            string temp = TempFolderPath();
            if (temp != null && !folders.Exists(f => string.Equals(Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar), temp.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)))
                folders.Add(temp);
            foreach (string folder in folders)
            {
                string path = TryWrite(folder, name, text, out string error);
                if (path != null) return path;
                failures.Add($"'{Path.Combine(folder, name)}': {error}");
            }
            return null;
        }

        /// <summary>The lines of <paramref name="records"/> as the file holds them (an empty line first).</summary>
        public static string Text(string workflowId, IReadOnlyList<HistoryRecord> records, WorkflowSettings settings)
        {
            var sb = new StringBuilder("\n");
            for (int i = 0; i < records.Count; i++)
            {
                HistoryRecord r = records[i];
                int number = r.RunNumber;
                WorkflowSettings kept = r.Settings;
                r.RunNumber = 0;   // numbered when appended to the history: one after the record before it
                r.Settings = i == 0 ? settings : null;
                sb.Append(r.ToLine(workflowId));
                r.RunNumber = number;
                r.Settings = kept;
            }
            return sb.ToString();
        }

        /// <summary>Creates <paramref name="name"/> in <paramref name="folder"/> (never replacing a file) and writes the text to disk; null and the reason when it cannot.</summary>
        private static string TryWrite(string folder, string name, string text, out string error)
        {
            error = null;
            string path = null;
            bool created = false;
            try
            {
                Directory.CreateDirectory(folder);
                path = Path.Combine(Path.GetFullPath(folder), name);
                for (int n = 2; File.Exists(path) || Directory.Exists(path); n++)   // two sessions of one process ending in the same second
                    path = Path.Combine(Path.GetFullPath(folder), name + "-" + n.ToString(CultureInfo.InvariantCulture));
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
                {
                    created = true;
                    byte[] bytes = AtomicFile.Utf8.GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                return path;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                error = ex.Message;
                if (created)
                {
                    // A part-written file would look like a recovery: remove it, the next folder gets the whole text.
                    try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                }
                return null;
            }
        }

        /// <summary>The folder tried when the history's own cannot take the file; null: the user's temp folder. Tests set it to one that cannot be written.</summary>
        internal static string TempFolder { get; set; }

        private static string TempFolderPath()
        {
            try
            {
                return Path.GetFullPath(TempFolder ?? Path.GetTempPath());
            }
            catch (Exception ex) when (ex is System.Security.SecurityException || ex is IOException || ex is ArgumentException)
            {
                return null;
            }
        }
    }
}
