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
    /// flushes it to disk; a failed append cuts the file back to its length before, so a record is in the file
    /// whole or not at all and a retry never writes it twice. If the file does not end in a newline (a writer
    /// died mid-record), the record starts on a new line so the torn fragment stays a line of its own. Loading
    /// notes the file's length under the lock, releases the lock, and streams the records up to that length
    /// (every one of them was whole when the lock was held), so readers never stall writers; a line that is not
    /// a valid record (invalid UTF-8 included) is skipped with a warning and the rest still loads.
    /// </summary>
    internal static class HistoryFile
    {
        /// <summary>Longest line read, in bytes; a longer one is skipped as damaged.</summary>
        public const int MaxLineChars = 16 << 20;
        /// <summary>How many skipped-line warnings are written before they are summarised.</summary>
        public const int MaxWarnings = 10;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Appends one record line to <paramref name="path"/>, creating the folder and file as needed.</summary>
        /// <exception cref="ProfilerException">FileAccessFailed or InvalidHistoryPath; the file is as it was.</exception>
        public static void Append(string path, string line)
        {
            try
            {
                HistoryLocation.CheckFile(path);
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                using (HistoryLock.Acquire(path))
                using (var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                    long before = stream.Length;
                    try
                    {
                        bool newLineFirst = false;
                        if (before > 0)
                        {
                            stream.Seek(-1, SeekOrigin.End);
                            newLineFirst = stream.ReadByte() != '\n';
                        }
                        stream.Seek(0, SeekOrigin.End);
                        byte[] bytes = AtomicFile.Utf8.GetBytes(newLineFirst ? "\n" + line : line);
                        stream.Write(bytes, 0, bytes.Length);   // one write call per record
                        stream.Flush(flushToDisk: true);
                    }
                    catch (IOException)
                    {
                        Rollback(stream, before);
                        throw;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"The run could not be appended to the history '{path}': {ex.Message}");
            }
        }

        /// <summary>Cuts a half-written record off (a full disk), so the retry of the record is its only copy.</summary>
        private static void Rollback(FileStream stream, long length)
        {
            try
            {
                stream.SetLength(length);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // Still failing: the fragment stays, and the reader skips it as a torn line (no newline ends it).
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
                FileStream stream;
                long length;
                using (HistoryLock.Acquire(path))
                {
                    stream = OpenForLoad(path);
                    if (!stream.CanSeek)
                    {
                        // A FIFO or a device has no length to stop at, and could feed the reader without end.
                        stream.Dispose();
                        throw new ProfilerException(ProfilerErrorKind.InvalidFile,
                            $"History file '{path}' cannot be loaded: it is not a regular file (a pipe or a device). Move it away, or use another -HistoryPath.");
                    }
                    length = stream.Length;   // every record up to here is whole: appends finish under the lock; the reader stops here
                }
                using (stream)
                {
                    var lines = new LineReader(stream, length, maxLineChars);
                    int number = 0;
                    while (lines.Next(out byte[] bytes, out int count, out bool tooLong))
                    {
                        number++;
                        if (tooLong) { Skip(number, $"it is longer than {maxLineChars:N0} bytes"); continue; }
                        if (count == 0) continue;
                        string text;
                        try
                        {
                            text = StrictUtf8.GetString(bytes, 0, count);
                        }
                        catch (DecoderFallbackException)
                        {
                            Skip(number, "it is not valid UTF-8 (a damaged or torn record)");
                            continue;
                        }
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

        /// <summary>
        /// Opens the file for reading. Read-write first: opening a FIFO read-only would wait for a writer forever, while
        /// read-write returns at once (and the caller refuses it); a file we may only read is opened read-only.
        /// </summary>
        private static FileStream OpenForLoad(string path)
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            }
            catch (UnauthorizedAccessException)
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            }
        }

        /// <summary>
        /// Reads lines ending in '\n' (a '\r' before it is dropped) as bytes, never more than <c>limit</c> bytes of the
        /// stream and never holding more than <c>max</c> bytes of one line. '\n' is never part of a multi-byte UTF-8
        /// character, so splitting bytes there is safe; each line is decoded on its own.
        /// </summary>
        private sealed class LineReader
        {
            private readonly Stream _stream;
            private readonly int _max;
            private readonly byte[] _buffer = new byte[1 << 16];
            private byte[] _line = new byte[256];
            private long _remaining;
            private int _pos, _len, _count;

            public LineReader(Stream stream, long limit, int max)
            {
                _stream = stream;
                _remaining = limit;
                _max = max;
            }

            /// <summary>True when the line just returned was the last (it had no newline after it).</summary>
            public bool AtEnd { get; private set; }

            public bool Next(out byte[] line, out int count, out bool tooLong)
            {
                _count = 0;
                tooLong = false;
                bool any = false;
                while (true)
                {
                    if (_pos == _len)
                    {
                        _len = _remaining <= 0 ? 0 : _stream.Read(_buffer, 0, (int)Math.Min(_buffer.Length, _remaining));
                        _remaining -= _len;
                        _pos = 0;
                        if (_len <= 0)
                        {
                            _len = 0;
                            AtEnd = true;
                            return Finish(any, tooLong, out line, out count);
                        }
                    }
                    any = true;
                    int start = _pos;
                    int newline = Array.IndexOf(_buffer, (byte)'\n', _pos, _len - _pos);
                    _pos = newline < 0 ? _len : newline;
                    int n = _pos - start;
                    if (!tooLong && (long)_count + n > _max) { tooLong = true; _count = 0; }
                    if (!tooLong) Append(start, n);
                    if (_pos < _len)
                    {
                        _pos++;   // the newline
                        AtEnd = false;
                        return Finish(true, tooLong, out line, out count);
                    }
                }
            }

            private void Append(int start, int n)
            {
                if (_count + n > _line.Length) Array.Resize(ref _line, Math.Max(_line.Length * 2, _count + n));
                Buffer.BlockCopy(_buffer, start, _line, _count, n);
                _count += n;
            }

            private bool Finish(bool any, bool tooLong, out byte[] line, out int count)
            {
                line = _line;
                count = tooLong ? 0 : _count;
                if (count > 0 && _line[count - 1] == '\r') count--;
                return any;
            }
        }
    }
}
