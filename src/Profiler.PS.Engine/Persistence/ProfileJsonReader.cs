using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Json;
using Profiler.PS.Statistics;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// Reads and fully validates a profile file before anything is imported: any problem is one error naming
    /// the file and the member at fault, and no state is returned. Version 1 files (written before nested and
    /// parallel runs were recorded) have exactly the version 1 members; version 2 adds optional members, see
    /// <see cref="ShapeFields"/>. Unknown members are refused in both, so a module that reads only version 1
    /// refuses a version 2 file by its version, with a clear message, rather than by a member it does not know.
    /// </summary>
    internal static class ProfileJsonReader
    {
        /// <summary>The schema version this module writes and the newest it reads (one for profile files and history lines).</summary>
        public const int SchemaVersion = RecordSchema.Version;
        /// <summary>The first version with a run's shape and a node's self times.</summary>
        public const int ShapeVersion = 2;
        /// <summary>Largest profile file read: an export holds only each node's window, so real files are far smaller.</summary>
        public const long MaxFileBytes = 64L << 20;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        /// <summary>Reads and validates <paramref name="path"/>.</summary>
        /// <exception cref="ProfilerException">InvalidFile (the message names the file and the problem) or FileAccessFailed.</exception>
        public static WorkflowState[] ReadFile(string path)
        {
            string text;
            try
            {
                // Bytes are counted as they are read: a FIFO or a device (/dev/zero) reports no length to check first.
                byte[] bytes = BoundedRead.ReadAll(path, MaxFileBytes, out int length);
                if (bytes == null)
                    throw Invalid(path, string.Format(CultureInfo.InvariantCulture, "it holds more than the {0:N0} bytes a profile file may have (is it a device or a pipe?)", MaxFileBytes));
                int bom = length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                text = StrictUtf8.GetString(bytes, bom, length - bom);
            }
            catch (DecoderFallbackException)
            {
                throw Invalid(path, "it is not UTF-8 text");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"Profile file '{path}' could not be read: {ex.Message}");
            }
            return Read(text, path);
        }

        /// <summary>Parses and validates profile text; <paramref name="fileName"/> names it in errors.</summary>
        public static WorkflowState[] Read(string text, string fileName)
        {
            try
            {
                JsonValue root = JsonParser.Parse(text);
                if (root.Kind != JsonKind.Object) throw Error("(root)", "expected an object, found " + root.Describe());
                long version = CheckFormat(root);
                ExactMembers(root, "", "format", "schemaVersion", "workflows");
                List<JsonValue> items = JsonFields.Array(root, "", "workflows");
                var result = new WorkflowState[items.Count];
                var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < items.Count; i++)
                {
                    string path = Index("workflows", i);
                    result[i] = ReadWorkflow(items[i], path, version);
                    if (!ids.Add(result[i].WorkflowId)) throw Error(Join(path, "workflowId"), $"workflow '{result[i].WorkflowId}' appears twice");
                }
                return result;
            }
            catch (JsonFormatException ex)
            {
                throw Invalid(fileName, ex.Message);
            }
        }

        private static ProfilerException Invalid(string file, string problem)
            => new ProfilerException(ProfilerErrorKind.InvalidFile, $"Profile file '{file}' cannot be imported: {problem}. Nothing was imported.");

        private static long CheckFormat(JsonValue root)
        {
            JsonValue format = root["format"];
            if (format == null || format.Kind != JsonKind.String || format.Text != ProfileJsonWriter.Format)
                throw new JsonFormatException($"it is not a Profiler.PS profile (its \"format\" member must be \"{ProfileJsonWriter.Format}\"); write one with Export-WorkflowProfile");
            long version = Long(root, "", "schemaVersion", 1, long.MaxValue);
            if (version > SchemaVersion)
                throw new JsonFormatException($"it has schema version {version}, newer than the version {SchemaVersion} this module reads; update Profiler.PS to import it");
            return version;
        }

        private static WorkflowState ReadWorkflow(JsonValue w, string path, long version)
        {
            var s = new WorkflowState();
            WorkflowFields.Definition.Read(w, path, version, s);
            for (int i = 1; i < s.Runs.Length; i++)
                if (s.Runs[i].RunNumber <= s.Runs[i - 1].RunNumber) throw Error(Index(Join(path, "runs"), i), "runs must be in ascending run number order");
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < s.Nodes.Length; i++)
                if (!ids.Add(s.Nodes[i].NodeId)) throw Error(Index(Join(path, "nodes"), i), $"node '{s.Nodes[i].NodeId}' appears twice");
            return s;
        }

        /// <summary>The workflow object of a profile file, one field list for the writer and the reader.</summary>
        internal static class WorkflowFields
        {
            public static readonly RecordDefinition<WorkflowState> Definition = new RecordDefinition<WorkflowState>(new[]
            {
                new RecordField<WorkflowState>("workflowId", 1, (w, n, s) => w.Property(n, s.WorkflowId), (o, p, v, s) => s.WorkflowId = String(o, p, "workflowId", nonBlank: true)),
                new RecordField<WorkflowState>("workflowName", 1, (w, n, s) => w.Property(n, s.WorkflowName), (o, p, v, s) => s.WorkflowName = String(o, p, "workflowName")),
                new RecordField<WorkflowState>("windowSize", 1, (w, n, s) => w.Property(n, s.WindowSize), (o, p, v, s) => s.WindowSize = Int(o, p, "windowSize", 1, WorkflowSettings.MaxWindowSize)),
                new RecordField<WorkflowState>("relativeThreshold", RecordSchema.RuleVersion, (w, n, s) => w.Property(n, s.RelativeThreshold), (o, p, v, s) => s.RelativeThreshold = Double(o, p, "relativeThreshold", 0)),
                new RecordField<WorkflowState>("absoluteThreshold", RecordSchema.RuleVersion, (w, n, s) => w.Property(n, s.AbsoluteThreshold), (o, p, v, s) => s.AbsoluteThreshold = Double(o, p, "absoluteThreshold", 0)),
                // Versions 1 and 2: checked and ignored, the rule's defaults apply.
                new RecordField<WorkflowState>("bottleneckFactor", 1, (w, n, s) => { }, (o, p, v, s) =>
                {
                    if (!(Double(o, p, "bottleneckFactor") > 1)) throw Error(Join(p, "bottleneckFactor"), "expected a ratio greater than 1");
                }, until: RecordSchema.RuleVersion - 1),
                new RecordField<WorkflowState>("minimumSamples", 1, (w, n, s) => w.Property(n, s.MinimumSamples), (o, p, v, s) => s.MinimumSamples = Int(o, p, "minimumSamples", 1, int.MaxValue)),
                new RecordField<WorkflowState>("runCount", 1, (w, n, s) => w.Property(n, s.RunCount), (o, p, v, s) => s.RunCount = Int(o, p, "runCount", 0, int.MaxValue)),
                new RecordField<WorkflowState>("lastTotalDuration", 1, (w, n, s) => w.Property(n, s.LastTotalDuration), (o, p, v, s) => s.LastTotalDuration = Double(o, p, "lastTotalDuration", 0)),
                new RecordField<WorkflowState>("timestamp", 1, (w, n, s) => w.Property(n, ProfileJsonWriter.Time(s.Timestamp)), (o, p, v, s) => s.Timestamp = Time(o, p, "timestamp")),
                new RecordField<WorkflowState>("runs", 1, (w, n, s) => List(w, n, s.Runs, r => ProfileJsonWriter.WriteRun(w, r)),
                    (o, p, v, s) => s.Runs = ReadList(o, p, "runs", Math.Min(v >= RecordSchema.RuleVersion ? Engine.WorkflowSettings.KeptRuns(s.WindowSize) : s.WindowSize, s.RunCount), (x, xp) => ReadRun(x, xp, s.RunCount, v))),
                new RecordField<WorkflowState>("lastAlerts", 1, (w, n, s) => List(w, n, s.LastAlerts, a => AlertFields.Write(w, a)),
                    (o, p, v, s) => s.LastAlerts = ReadList(o, p, "lastAlerts", int.MaxValue, (x, xp) => AlertFields.Read(x, xp, v, s.WorkflowId, 1, Math.Max(1, s.RunCount)))),
                new RecordField<WorkflowState>("nodes", 1, (w, n, s) => List(w, n, s.Nodes, node => NodeWindowFields.Write(w, node, s)),
                    (o, p, v, s) => s.Nodes = ReadList(o, p, "nodes", int.MaxValue, (x, xp) => NodeWindowFields.Read(x, xp, s, v))),
            });

            private static void List<T>(JsonWriter w, string name, T[] items, Action<T> write)
            {
                w.Name(name);
                w.StartArray();
                foreach (T item in items) write(item);
                w.EndArray();
            }
        }

        private static T[] ReadList<T>(JsonValue obj, string path, string name, int max, Func<JsonValue, string, T> read)
        {
            List<JsonValue> items = JsonFields.Array(obj, path, name);
            string listPath = Join(path, name);
            if (items.Count > max) throw Error(listPath, string.Format(CultureInfo.InvariantCulture, "has {0} items, more than the {1} allowed here", items.Count, max));
            var result = new T[items.Count];
            for (int i = 0; i < result.Length; i++) result[i] = read(items[i], Index(listPath, i));
            return result;
        }

        private static WorkflowRunSummary ReadRun(JsonValue r, string path, int runCount, long version)
        {
            var record = new HistoryRecord();
            RunFields.ProfileRun.Read(r, path, version, record);
            if (record.RunNumber > runCount)
                throw Error(Join(path, "runNumber"), string.Format(CultureInfo.InvariantCulture, "expected a whole number from 1 to {0}, found {1}", runCount, record.RunNumber));
            return record.ToSummary();
        }
    }
}
