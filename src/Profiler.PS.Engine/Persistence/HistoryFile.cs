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
    internal static partial class HistoryFile
    {
        /// <summary>Longest line read, in bytes; a longer one is skipped as damaged.</summary>
        public const int MaxLineChars = 16 << 20;
        /// <summary>How many skipped-line warnings are written before they are summarised.</summary>
        public const int MaxWarnings = 10;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>Appends one record line to <paramref name="path"/>, creating the folder and file as needed.</summary>
        /// <exception cref="ProfilerException">FileAccessFailed or InvalidHistoryPath; the file is as it was.</exception>
        public static void Append(string path, string line) => Append(path, _ => line);

        /// <summary>
        /// Appends the line <paramref name="lineOf"/> makes under the history's lock, given the file open for reading and
        /// writing (it may read it, for example to number the record), creating the folder and file as needed.
        /// </summary>
        /// <exception cref="ProfilerException">FileAccessFailed or InvalidHistoryPath; the file is as it was.</exception>
        private static void Append(string path, Func<FileStream, string> lineOf)
        {
            try
            {
                HistoryLocation.CheckFile(path);
                Directory.CreateDirectory(Path.GetDirectoryName(path));
                using (HistoryLock.Acquire(path))
                using (var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
                {
                    string line = lineOf(stream);
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
                using (stream) ReadRecords(stream, length, path, workflowId, replay, Skip, maxLineChars);
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
        /// Reads the records of the first <paramref name="length"/> bytes of <paramref name="stream"/> (from where it is)
        /// and numbers them: a record's stored run number (version 5), else one after the record before it. A record whose
        /// stored number is not after the one before it is skipped as not valid, so numbers only ever rise.
        /// </summary>
        /// <returns>The last record's run number, 0 when there is none.</returns>
        private static int ReadRecords(Stream stream, long length, string path, string workflowId, Action<HistoryRecord> replay,
            Action<int, string> skip, int maxLineChars)
        {
            var lines = new HistoryLineReader(stream, length, maxLineChars);
            int number = 0, last = 0;
            while (lines.Next(out byte[] bytes, out int count, out bool tooLong))
            {
                number++;
                if (tooLong) { skip(number, $"it is longer than {maxLineChars:N0} bytes"); continue; }
                if (count == 0) continue;
                string problem = Parse(bytes, count, path, workflowId, number, lines.AtEnd, out HistoryRecord record);
                if (problem == null && record.RunNumber > 0 && record.RunNumber <= last)
                    problem = string.Format(CultureInfo.InvariantCulture, "its run number {0} is not after run {1}, the record before it", record.RunNumber, last);
                if (problem != null) { skip(number, problem); continue; }
                if (record.RunNumber == 0) record.RunNumber = last + 1;
                last = record.RunNumber;
                replay(record);
            }
            return last;
        }

        /// <summary>Decodes, parses and reads one line; returns why it is not a valid record, or null.</summary>
        /// <exception cref="ProfilerException">InvalidFile when the line shows the file is not this workflow's history.</exception>
        private static string Parse(byte[] bytes, int count, string path, string workflowId, int number, bool atEnd, out HistoryRecord record)
        {
            record = null;
            string text;
            try
            {
                text = StrictUtf8.GetString(bytes, 0, count);
            }
            catch (DecoderFallbackException)
            {
                return "it is not valid UTF-8 (a damaged or torn record)";
            }
            JsonValue value;
            try
            {
                value = JsonParser.Parse(text);
            }
            catch (JsonFormatException ex)
            {
                return (atEnd ? "the last record is incomplete (a write was cut short): " : "it is not valid JSON: ") + ex.Message;
            }
            string foreign = HistoryRecord.CheckHeader(value, workflowId);
            if (foreign != null)
                throw new ProfilerException(ProfilerErrorKind.InvalidFile,
                    $"History file '{path}' cannot be loaded: line {number}: {foreign}. Use another -HistoryPath or move the file away.");
            try
            {
                record = HistoryRecord.Read(value, workflowId);
                return null;
            }
            catch (JsonFormatException ex)
            {
                return "it is not a valid record: " + ex.Message;
            }
        }

        /// <summary>
        /// Opens the file for reading. Read-write first: opening a FIFO read-only would wait for a writer forever, while
        /// read-write returns at once (and the caller refuses it); a file we may only read is opened read-only.
        /// </summary>
        internal static FileStream OpenForLoad(string path)
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
    }
}
