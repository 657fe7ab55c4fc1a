using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Json;

namespace Profiler.PS.Persistence
{
    /// <summary>What Repair-WorkflowHistory did to one history file: records kept, lines removed, and the backup of the file as it was.</summary>
    public sealed class HistoryRepairResult
    {
        internal HistoryRepairResult(string workflowId, string path, int kept, int removed, string backupPath)
        {
            WorkflowId = workflowId;
            Path = path;
            KeptCount = kept;
            RemovedCount = removed;
            BackupPath = backupPath;
        }

        /// <summary>The workflow whose history was checked.</summary>
        public string WorkflowId { get; }
        /// <summary>The history file.</summary>
        public string Path { get; }
        /// <summary>Valid records kept, in their order.</summary>
        public int KeptCount { get; }
        /// <summary>Lines removed: torn, not JSON or not a valid record. 0 means the file was left untouched.</summary>
        public int RemovedCount { get; }
        /// <summary>The copy of the file as it was before the repair, or null when nothing was removed.</summary>
        public string BackupPath { get; }
    }

    /// <summary>Removing and repairing history files, each under the history's lock so no writer is cut off mid-record.</summary>
    public static class HistoryMaintenance
    {
        /// <summary>Deletes <paramref name="path"/> (and its lock file); false when there was no such file.</summary>
        /// <exception cref="ProfilerException">FileAccessFailed.</exception>
        public static bool Remove(string path)
        {
            if (!File.Exists(path)) return false;
            try
            {
                using (HistoryLock.Acquire(path)) File.Delete(path);
                File.Delete(path + ".lock");
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"The history '{path}' could not be removed: {ex.Message}");
            }
        }

        /// <summary>
        /// Rewrites <paramref name="path"/> with only its valid records of <paramref name="workflowId"/> (the lines
        /// a load would skip as damaged are dropped), keeping the original as <c>&lt;file&gt;.&lt;UTC time&gt;.bak</c>
        /// beside it. A file with no damaged line is left untouched. Run numbers do not change: a line stores its number
        /// (version 5), or it is one after the valid record before it.
        /// </summary>
        /// <exception cref="ProfilerException">InvalidFile when the file is another workflow's or not a history;
        /// FileAccessFailed.</exception>
        public static HistoryRepairResult Repair(string path, string workflowId, DateTimeOffset now)
        {
            try
            {
                using (HistoryLock.Acquire(path))
                {
                    var kept = new StringBuilder();
                    int keptCount = 0, removed = 0, number = 0, last = 0;
                    foreach (string line in File.ReadLines(path, new UTF8Encoding(false, false)))
                    {
                        number++;
                        if (line.Length == 0) continue;
                        // As a load numbers them: a stored run number must be after the record before it.
                        HistoryRecord record = RecordOf(path, line, number, workflowId);
                        if (record != null && (record.RunNumber == 0 || record.RunNumber > last))
                        {
                            last = record.RunNumber > 0 ? record.RunNumber : last + 1;
                            kept.Append(line.TrimEnd('\r')).Append('\n');
                            keptCount++;
                        }
                        else removed++;
                    }
                    if (removed == 0) return new HistoryRepairResult(workflowId, path, keptCount, 0, null);
                    string backup = path + "." + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + ".bak";
                    string temp = path + ".repair";
                    File.WriteAllText(temp, kept.ToString(), AtomicFile.Utf8);
                    File.Replace(temp, path, backup);
                    return new HistoryRepairResult(workflowId, path, keptCount, removed, backup);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is DecoderFallbackException)
            {
                throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"The history '{path}' could not be repaired: {ex.Message}");
            }
        }

        private static HistoryRecord RecordOf(string path, string line, int number, string workflowId)
        {
            JsonValue value;
            try { value = JsonParser.Parse(line); }
            catch (JsonFormatException) { return null; }
            string foreign = HistoryRecord.CheckHeader(value, workflowId);
            if (foreign != null)
                throw new ProfilerException(ProfilerErrorKind.InvalidFile, $"History file '{path}' was not repaired: line {number}: {foreign}. Nothing was changed.");
            try
            {
                return HistoryRecord.Read(value, workflowId);
            }
            catch (JsonFormatException)
            {
                return null;
            }
        }
    }
}
