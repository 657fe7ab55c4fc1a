using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// The window size a history file holds last, found before its records are replayed: a window that grew along the
    /// file (-WindowSize 5, later 20) then keeps, from the first line on, the samples the last setting keeps, so the
    /// same file gives the same statistics however it is opened (Start-WorkflowProfile, Get-WorkflowProfile -HistoryPath,
    /// a new process). Settings are written on a line only when they change, so the scan looks for the last
    /// "settings" member without parsing the records.
    /// </summary>
    internal static class HistoryWindow
    {
        private const string Settings = "\"settings\":{";
        private const string WindowSize = "\"windowSize\":";

        /// <summary>The last windowSize of the file's settings, or null (no file, no settings, not a regular file, unreadable).</summary>
        public static int? Last(string path)
        {
            if (!File.Exists(path)) return null;
            int? last = null;
            try
            {
                using (FileStream stream = HistoryFile.OpenForLoad(path))
                {
                    if (!stream.CanSeek) return null;
                    // The loader's own line reader and limit: a damaged line with no newline is skipped, never held whole.
                    var lines = new HistoryLineReader(stream, stream.Length, HistoryFile.MaxLineChars);
                    while (lines.Next(out byte[] bytes, out int count, out bool tooLong))
                    {
                        if (tooLong || count == 0) continue;
                        if (WindowOf(Encoding.UTF8.GetString(bytes, 0, count)) is int size) last = size;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;   // the load itself reports what is wrong with the file
            }
            return last;
        }

        /// <summary>The windowSize of a line's settings member, or null when it has none.</summary>
        private static int? WindowOf(string line)
        {
            // Quotes inside JSON strings are escaped (\"), so these members cannot come from an id.
            int at = line.IndexOf(Settings, StringComparison.Ordinal);
            if (at < 0) return null;
            int window = line.IndexOf(WindowSize, at, StringComparison.Ordinal);
            if (window < 0 || line.IndexOf('}', at) < window) return null;
            int start = window + WindowSize.Length, end = start;
            while (end < line.Length && char.IsDigit(line[end])) end++;
            return int.TryParse(line.Substring(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out int size)
                && size >= 1 && size <= Engine.WorkflowSettings.MaxWindowSize ? size : (int?)null;
        }
    }
}
