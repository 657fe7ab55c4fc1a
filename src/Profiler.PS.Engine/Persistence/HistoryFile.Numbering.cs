using System;
using System.IO;
using Profiler.PS.Engine;

namespace Profiler.PS.Persistence
{
    internal static partial class HistoryFile
    {
        /// <summary>
        /// Appends <paramref name="record"/> as the next run of the file: under the history's lock its run number becomes
        /// one after the file's last record (at least its own number, so a session's numbers only rise), so writers in
        /// several processes never share a number. The workflow's <paramref name="settings"/> go with it when
        /// <paramref name="settingsChanged"/> or when the file holds no record yet. Returns the number the record got;
        /// <c>record.Settings</c> tells whether the settings were written.
        /// </summary>
        /// <exception cref="ProfilerException">FileAccessFailed or InvalidHistoryPath (the file is as it was); InvalidFile
        /// when the file is not this workflow's history.</exception>
        public static int Append(string path, string workflowId, HistoryRecord record, WorkflowSettings settings, bool settingsChanged)
        {
            int provisional = record.RunNumber;
            try
            {
                Append(path, stream =>
                {
                    int last = LastRunNumber(stream, path, workflowId);
                    record.RunNumber = Math.Max(provisional, last + 1);
                    record.Settings = settingsChanged || last == 0 ? settings : null;
                    record.Alerts = Array.ConvertAll(record.Alerts, a => a.RunNumber == record.RunNumber ? a : a.WithRunNumber(record.RunNumber));
                    return record.ToLine(workflowId);
                });
            }
            catch
            {
                record.RunNumber = provisional;
                throw;
            }
            return record.RunNumber;
        }

        /// <summary>
        /// The run number of the file's last valid record, 0 when it has none: read from the end, line by line, past
        /// damaged lines. A last record without a stored number (written before version 5) is numbered by reading the
        /// whole file once, as a load would.
        /// </summary>
        private static int LastRunNumber(FileStream stream, string path, string workflowId)
        {
            long end = stream.Length;
            var buffer = new byte[1 << 16];
            while (end > 0)
            {
                long start = LineStart(stream, end, buffer);
                long length = end - start;
                if (length > 0 && length <= MaxLineChars)
                {
                    var bytes = new byte[length];
                    stream.Position = start;
                    ReadFully(stream, bytes);
                    int count = bytes.Length;
                    while (count > 0 && (bytes[count - 1] == '\n' || bytes[count - 1] == '\r')) count--;
                    if (count > 0 && Parse(bytes, count, path, workflowId, 0, false, out HistoryRecord record) == null)
                    {
                        if (record.RunNumber > 0) return record.RunNumber;
                        stream.Position = 0;
                        return ReadRecords(stream, stream.Length, path, workflowId, _ => { }, (n, why) => { }, MaxLineChars);
                    }
                }
                end = start;
            }
            return 0;
        }

        /// <summary>Where the line that ends at <paramref name="end"/> (exclusive, its own newline included) starts.</summary>
        private static long LineStart(FileStream stream, long end, byte[] buffer)
        {
            long pos = end - 1;   // the line's own newline, if it has one, is not its start
            while (pos > 0)
            {
                int n = (int)Math.Min(buffer.Length, pos);
                stream.Position = pos - n;
                ReadFully(stream, buffer, n);
                int i = Array.LastIndexOf(buffer, (byte)'\n', n - 1, n);
                if (i >= 0) return pos - n + i + 1;
                pos -= n;
            }
            return 0;
        }

        private static void ReadFully(Stream stream, byte[] buffer, int count = -1)
        {
            if (count < 0) count = buffer.Length;
            for (int read = 0; read < count;)
            {
                int n = stream.Read(buffer, read, count - read);
                if (n <= 0) throw new EndOfStreamException();
                read += n;
            }
        }
    }
}
