using System;
using System.Globalization;
using System.Text;
using Profiler.PS.Json;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// Writes workflow states as a profile file (schema version <see cref="ProfileJsonReader.SchemaVersion"/>):
    /// indented JSON, members in a fixed order, so exporting the same state always gives the same bytes. Version 2
    /// members (a run's shape, a node's self times) are always written, even when they hold their defaults.
    /// </summary>
    internal static class ProfileJsonWriter
    {
        public const string Format = "Profiler.PS.WorkflowProfile";

        public static string Write(WorkflowState[] workflows)
        {
            var sb = new StringBuilder();
            var w = new JsonWriter(sb, indented: true);
            w.StartObject();
            w.Property("format", Format);
            w.Property("schemaVersion", RecordSchema.Version);
            w.Name("workflows");
            w.StartArray();
            foreach (WorkflowState s in workflows) WriteWorkflow(w, s);
            w.EndArray();
            w.EndObject();
            return sb.Append('\n').ToString();
        }

        private static void WriteWorkflow(JsonWriter w, WorkflowState s) => ProfileJsonReader.WorkflowFields.Definition.Write(w, s);

        internal static void WriteRun(JsonWriter w, WorkflowRunSummary r) => RunFields.ProfileRun.Write(w, HistoryRecord.Of(r));

        /// <summary>ISO 8601 with ticks and offset ("o"), which parses back to the same value.</summary>
        internal static string Time(DateTimeOffset t) => t.ToString("o", CultureInfo.InvariantCulture);
    }
}
