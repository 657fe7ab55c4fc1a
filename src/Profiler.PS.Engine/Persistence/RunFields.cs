using System.Collections.Generic;
using Profiler.PS.Engine;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// The completed run's record, defined once: each member below is one field that both the writer and the reader
    /// use, in a profile file's "runs" list (<see cref="ProfileRun"/>) and as a history line (<see cref="HistoryLine"/>).
    /// The two differ only where their containers do: a profile run names its number and counts, a history line
    /// carries its header, its nodes' samples and its alerts (and from version 5 its number and the workflow's settings).
    /// </summary>
    internal static class RunFields
    {
        /// <summary>The first schema version with a history line's run number and settings, and the runs' skipped and not-run test counts.</summary>
        public const int Version = 5;

        private static readonly RecordField<HistoryRecord> RunId = new RecordField<HistoryRecord>("runId", 1,
            (w, n, r) => w.Property(n, r.RunId.ToString("D")), (o, p, v, r) => r.RunId = Guid(o, p, "runId"));
        private static readonly RecordField<HistoryRecord> StartTime = new RecordField<HistoryRecord>("startTime", 1,
            (w, n, r) => w.Property(n, ProfileJsonWriter.Time(r.StartTime)), (o, p, v, r) => r.StartTime = Time(o, p, "startTime"));
        private static readonly RecordField<HistoryRecord> EndTime = new RecordField<HistoryRecord>("endTime", 1,
            (w, n, r) => w.Property(n, ProfileJsonWriter.Time(r.EndTime)), (o, p, v, r) => r.EndTime = Time(o, p, "endTime"));
        private static readonly RecordField<HistoryRecord> TotalDuration = new RecordField<HistoryRecord>("totalDuration", 1,
            (w, n, r) => w.Property(n, r.TotalDuration), (o, p, v, r) => r.TotalDuration = Double(o, p, "totalDuration", 0));
        private static readonly RecordField<HistoryRecord> ExecutionCount = new RecordField<HistoryRecord>("executionCount", 1,
            (w, n, r) => w.Property(n, r.ExecutionCount), (o, p, v, r) => r.ExecutionCount = Long(o, p, "executionCount", 0, long.MaxValue));
        /// <summary>Tests an imported run reported but did not time (skipped, and not run): written only when there were some.</summary>
        private static readonly RecordField<HistoryRecord> SkippedCount = new RecordField<HistoryRecord>("skippedCount", Version,
            (w, n, r) => w.Property(n, r.SkippedCount), (o, p, v, r) => r.SkippedCount = Long(o, p, "skippedCount", 0, long.MaxValue), present: r => r.SkippedCount > 0);
        private static readonly RecordField<HistoryRecord> NotRunCount = new RecordField<HistoryRecord>("notRunCount", Version,
            (w, n, r) => w.Property(n, r.NotRunCount), (o, p, v, r) => r.NotRunCount = Long(o, p, "notRunCount", 0, long.MaxValue), present: r => r.NotRunCount > 0);

        /// <summary>A run of a profile file's "runs" list. The run number's upper bound (the workflow's run count) is checked by the file's reader.</summary>
        public static readonly RecordDefinition<HistoryRecord> ProfileRun = new RecordDefinition<HistoryRecord>(
            new[]
            {
                new RecordField<HistoryRecord>("runNumber", 1, (w, n, r) => w.Property(n, r.RunNumber), (o, p, v, r) => r.RunNumber = Int(o, p, "runNumber", 1, int.MaxValue)),
                RunId, StartTime, EndTime, TotalDuration,
                new RecordField<HistoryRecord>("nodeCount", 1, (w, n, r) => w.Property(n, r.NodeCount), (o, p, v, r) => r.NodeCount = Int(o, p, "nodeCount", 0, int.MaxValue)),
                ExecutionCount,
                new RecordField<HistoryRecord>("alertCount", 1, (w, n, r) => w.Property(n, r.AlertCount), (o, p, v, r) => r.AlertCount = Int(o, p, "alertCount", 0, int.MaxValue)),
            },
            ShapeFields.Fields, new[] { TimelineFields.Field, SkippedCount, NotRunCount });

        /// <summary>
        /// A history line. Its header (format, version, workflow) is checked before the line is read
        /// (<see cref="HistoryRecord.CheckHeader"/>). The run number is stored from version 5, when the writer takes it under
        /// the history's lock; a line without one is numbered by its position (one after the record before it).
        /// </summary>
        public static readonly RecordDefinition<HistoryRecord> HistoryLine = new RecordDefinition<HistoryRecord>(
            new[]
            {
                new RecordField<HistoryRecord>("format", 1, (w, n, r) => w.Property(n, HistoryRecord.Format), (o, p, v, r) => { }),
                new RecordField<HistoryRecord>("schemaVersion", 1, (w, n, r) => w.Property(n, RecordSchema.Version), (o, p, v, r) => { }),
                new RecordField<HistoryRecord>("workflowId", 1, (w, n, r) => w.Property(n, r.WorkflowId), (o, p, v, r) => String(o, p, "workflowId", nonBlank: true)),
                new RecordField<HistoryRecord>("runNumber", Version, (w, n, r) => w.Property(n, r.RunNumber),
                    (o, p, v, r) => r.RunNumber = Int(o, p, "runNumber", 1, int.MaxValue), present: r => r.RunNumber > 0),
                RunId, StartTime, EndTime, TotalDuration, ExecutionCount,
                new RecordField<HistoryRecord>("nodes", 1, WriteNodes, ReadNodes),
                new RecordField<HistoryRecord>("alerts", 1, WriteAlerts, ReadAlerts),
            },
            ShapeFields.Fields, new[] { TimelineFields.Field, SettingsFields.Field, SkippedCount, NotRunCount });

        private static void WriteNodes(JsonWriter w, string name, HistoryRecord r)
        {
            w.Name(name);
            w.StartArray();
            foreach (HistoryNode node in r.Nodes) NodeSampleFields.Node.Write(w, node);
            w.EndArray();
        }

        private static void ReadNodes(JsonValue line, string path, long version, HistoryRecord r)
        {
            List<JsonValue> nodes = Array(line, path, "nodes");
            if (nodes.Count == 0) throw Error(Join(path, "nodes"), "a completed run has at least one node");
            r.Nodes = new HistoryNode[nodes.Count];
            var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < nodes.Count; i++)
            {
                var node = new HistoryNode();
                try
                {
                    // The node's path is built only on error: a history holds millions of node samples.
                    NodeSampleFields.Node.Read(nodes[i], "", version, node);
                }
                catch (JsonFormatException ex)
                {
                    throw new JsonFormatException(Index(Join(path, "nodes"), i) + "." + ex.Message);
                }
                r.Nodes[i] = node;
                if (!seen.Add(node.NodeId)) throw Error(Index(Join(path, "nodes"), i), $"node '{node.NodeId}' appears twice");
            }
        }

        private static void WriteAlerts(JsonWriter w, string name, HistoryRecord r)
        {
            w.Name(name);
            w.StartArray();
            foreach (BottleneckAlert a in r.Alerts) AlertFields.Write(w, a);
            w.EndArray();
        }

        private static void ReadAlerts(JsonValue line, string path, long version, HistoryRecord r)
        {
            List<JsonValue> alerts = Array(line, path, "alerts");
            r.Alerts = new BottleneckAlert[alerts.Count];
            for (int i = 0; i < alerts.Count; i++)
                r.Alerts[i] = AlertFields.Read(alerts[i], Index(Join(path, "alerts"), i), version, r.WorkflowId, 0, int.MaxValue);
        }
    }
}
