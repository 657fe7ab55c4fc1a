using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Json;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// A workflow's history file: JSON Lines, one completed run per line, appended by any number of processes.
    /// Each append takes the history lock, writes the whole record (and its newline) in one write call, and
    /// flushes it to disk; if the file does not end in a newline (a writer died mid-record), the record starts
    /// on a new line so the torn fragment stays a line of its own. Loading streams the file line by line, so
    /// memory follows the window, not the history's length; a line that is not a valid record is skipped
    /// with a warning and the rest still loads.
    /// </summary>
    internal static class HistoryFile
    {
        /// <summary>Longest line read; a longer one is skipped as damaged.</summary>
        public const int MaxLineChars = 16 << 20;
        /// <summary>How many skipped-line warnings are written before they are summarised.</summary>
        public const int MaxWarnings = 10;

        /// <summary>Appends one record line to <paramref name="path"/>, creating the folder and file as needed.</summary>
        /// <exception cref="ProfilerException">FileAccessFailed.</exception>
        public static void Append(string path, string line)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                using (HistoryLock.Acquire(path))
                using (var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                    bool newLineFirst = false;
                    if (stream.Length > 0)
                    {
                        stream.Seek(-1, SeekOrigin.End);
                        newLineFirst = stream.ReadByte() != '\n';
                    }
                    stream.Seek(0, SeekOrigin.End);
                    byte[] bytes = AtomicFile.Utf8.GetBytes(newLineFirst ? "\n" + line : line);
                    stream.Write(bytes, 0, bytes.Length);   // one write call per record
                    stream.Flush(flushToDisk: true);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"The run could not be appended to the history '{path}': {ex.Message}");
            }
        }

        /// <summary>
        /// Streams the records of <paramref name="path"/> to <paramref name="replay"/> in file order. Damaged lines
        /// are skipped and described in <paramref name="warnings"/>.
        /// </summary>
        /// <exception cref="ProfilerException">InvalidFile when a line shows the file is not this workflow's history
        /// (another format, a newer schema version, another workflow); FileAccessFailed.</exception>
        public static void Load(string path, string workflowId, Action<HistoryRecord> replay, List<string> warnings, int maxLineChars = MaxLineChars)
        {
            if (!File.Exists(path)) return;
            int skipped = 0;
            try
            {
                using (HistoryLock.Acquire(path))
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16))
                using (var reader = new StreamReader(stream, new UTF8Encoding(false, false), true, 1 << 16))
                {
                    var lines = new LineReader(reader, maxLineChars);
                    int number = 0;
                    while (lines.Next(out string text, out bool tooLong))
                    {
                        number++;
                        if (tooLong) { Skip(number, $"it is longer than {maxLineChars:N0} characters"); continue; }
                        if (text.Length == 0) continue;
                        JsonValue value;
                        try
                        {
                            value = JsonParser.Parse(text);
                        }
                        catch (JsonFormatException ex)
                        {
                            Skip(number, (lines.AtEnd ? "the last record is incomplete (a write was cut short): " : "it is not valid JSON: ") + ex.Message);
                            continue;
                        }
                        string foreign = HistoryRecord.CheckHeader(value, workflowId);
                        if (foreign != null)
                            throw new ProfilerException(ProfilerErrorKind.InvalidFile,
                                $"History file '{path}' cannot be loaded: line {number}: {foreign}. Use another -HistoryPath or move the file away.");
                        HistoryRecord record;
                        try
                        {
                            record = HistoryRecord.Read(value, workflowId);
                        }
                        catch (JsonFormatException ex)
                        {
                            Skip(number, "it is not a valid record: " + ex.Message);
                            continue;
                        }
                        replay(record);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"The history '{path}' could not be read: {ex.Message}");
            }
            if (skipped > MaxWarnings)
                warnings.Add(string.Format(CultureInfo.InvariantCulture, "History '{0}': {1} more damaged line(s) were skipped.", path, skipped - MaxWarnings));

            void Skip(int line, string why)
            {
                if (++skipped <= MaxWarnings)
                    warnings.Add(string.Format(CultureInfo.InvariantCulture, "History '{0}': line {1} was skipped because {2}. The other records were loaded.", path, line, why));
            }
        }

        /// <summary>Reads lines ("\n" or "\r\n") without ever holding more than <c>max</c> characters of one.</summary>
        private sealed class LineReader
        {
            private readonly TextReader _reader;
            private readonly int _max;
            private readonly char[] _buffer = new char[1 << 16];
            private readonly StringBuilder _line = new StringBuilder();
            private int _pos, _len;

            public LineReader(TextReader reader, int max)
            {
                _reader = reader;
                _max = max;
            }

            /// <summary>True when the line just returned was the last (it had no newline after it).</summary>
            public bool AtEnd { get; private set; }

            public bool Next(out string line, out bool tooLong)
            {
                _line.Clear();
                tooLong = false;
                bool any = false;
                while (true)
                {
                    if (_pos == _len)
                    {
                        _len = _reader.Read(_buffer, 0, _buffer.Length);
                        _pos = 0;
                        if (_len <= 0)
                        {
                            _len = 0;
                            AtEnd = true;
                            line = Finish(tooLong);
                            return any;
                        }
                    }
                    any = true;
                    int start = _pos;
                    while (_pos < _len && _buffer[_pos] != '\n') _pos++;
                    int count = _pos - start;
                    if (!tooLong && _line.Length + count > _max) { tooLong = true; _line.Clear(); }
                    if (!tooLong) _line.Append(_buffer, start, count);
                    if (_pos < _len)
                    {
                        _pos++;   // the newline
                        AtEnd = false;
                        line = Finish(tooLong);
                        return true;
                    }
                }
            }

            private string Finish(bool tooLong)
            {
                if (tooLong) return string.Empty;
                if (_line.Length > 0 && _line[_line.Length - 1] == '\r') _line.Length--;
                return _line.ToString();
            }
        }
    }
}
