using System;
using System.Collections.Generic;
using System.IO;
using Profiler.PS.Engine;
using Profiler.PS.Json;

namespace Profiler.PS.Persistence
{
    /// <summary>One workflow's history found in a history folder: its id as the records spell it, and its file.</summary>
    public sealed class HistoryEntry
    {
        internal HistoryEntry(string workflowId, string path)
        {
            WorkflowId = workflowId;
            Path = path;
        }

        /// <summary>The workflow id the file's records carry.</summary>
        public string WorkflowId { get; }
        /// <summary>The history file's full path.</summary>
        public string Path { get; }
    }

    /// <summary>
    /// What a history folder holds. File names are encoded ids (lower case, percent-encoded), so the id is read
    /// from the first record line of each file instead of being decoded from its name.
    /// </summary>
    public static class HistoryFolder
    {
        /// <summary>Lines read from the top of a file to find its workflow id (earlier ones may be torn).</summary>
        private const int LinesToProbe = 50;

        /// <summary>
        /// The workflows with a history file in <paramref name="folder"/>, by id; a file whose first lines hold
        /// no history record is left out. An empty array when the folder does not exist.
        /// </summary>
        /// <exception cref="ProfilerException">FileAccessFailed when the folder cannot be listed.</exception>
        public static HistoryEntry[] List(string folder)
        {
            if (!Directory.Exists(folder)) return Array.Empty<HistoryEntry>();
            var entries = new List<HistoryEntry>();
            try
            {
                string[] files = Directory.GetFiles(Path.GetFullPath(folder), "*" + HistoryFileName.Extension);
                Array.Sort(files, StringComparer.Ordinal);
                foreach (string file in files)
                {
                    string id = WorkflowIdOf(file);
                    if (id != null) entries.Add(new HistoryEntry(id, file));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"The history folder '{folder}' could not be listed: {ex.Message}");
            }
            return entries.ToArray();
        }

        /// <summary>Throws when <paramref name="folder"/> is a file or lies under one: the check Start-WorkflowProfile -HistoryPath makes.</summary>
        /// <exception cref="ProfilerException">InvalidHistoryPath, naming the file.</exception>
        public static void CheckFolder(string folder) => HistoryLocation.CheckFolder(folder);

        /// <summary>The history of <paramref name="workflowId"/> in <paramref name="folder"/>, or null when it has no file there.</summary>
        /// <exception cref="ProfilerException">InvalidWorkflowId.</exception>
        public static HistoryEntry Find(string folder, string workflowId)
        {
            Validation.WorkflowId(workflowId);
            string path = HistoryFileName.PathIn(folder, workflowId);
            return File.Exists(path) ? new HistoryEntry(workflowId, path) : null;
        }

        /// <summary>
        /// The workflow id of a history file (from its first record line), or null when the file's first lines
        /// hold none. Also tells a history file from an exported profile: Import-WorkflowProfile uses it.
        /// </summary>
        public static string WorkflowIdOf(string file)
        {
            try
            {
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    // A history file starts with a record ('{') and can be rewound; anything else (a pipe, /dev/zero,
                    // binary data with no newline) is not one, and ReadLine on it would read without bound.
                    if (!stream.CanSeek || stream.ReadByte() != '{') return null;
                    stream.Position = 0;
                }
                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                using (var reader = new StreamReader(stream))
                {
                    for (int i = 0; i < LinesToProbe; i++)
                    {
                        string line = reader.ReadLine();
                        if (line == null) return null;
                        if (line.Length == 0 || line.Length > HistoryFile.MaxLineChars || line[0] != '{') continue;
                        JsonValue value;
                        try { value = JsonParser.Parse(line); }
                        catch (JsonFormatException) { continue; }
                        if (value.Kind != JsonKind.Object) continue;
                        JsonValue format = value["format"], id = value["workflowId"];
                        if (format?.Kind != JsonKind.String || format.Text != HistoryRecord.Format) return null;
                        return id?.Kind == JsonKind.String && !string.IsNullOrWhiteSpace(id.Text) ? id.Text : null;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
            return null;
        }
    }
}
