using System;
using System.Collections.Generic;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>One node's part of a history record: the run's sample for the node and what was recorded with it.</summary>
    internal struct HistoryNode
    {
        public string NodeId;
        public string NodeType;
        public string NodeLabel;
        public double Duration;
        /// <summary>The run's self time for the node (Duration minus nested nodes); null means Duration.</summary>
        public double? SelfDuration;
        public long Executions;
        /// <summary>Failed or Stopped when an execution of the node in the run was; such a sample stays out of statistics.</summary>
        public NodeStatus Status;
    }

    /// <summary>
    /// One completed run as one line of a history file. Every line carries the format, schema version and
    /// workflow id, so a line stands alone: a torn or damaged line is skipped without touching the others.
    /// The run's number is not stored: it is the line's position among the file's valid records. Version 2 adds
    /// optional members (each node's self time, the run's shape, see <see cref="ShapeFields"/>); a file may mix
    /// version 1 and version 2 lines, as a history written before and after an update does.
    /// </summary>
    internal sealed class HistoryRecord
    {
        public const string Format = "Profiler.PS.History";
        public const int SchemaVersion = RecordSchema.Version;
        private static readonly string[] LineMembers = { "format", "schemaVersion", "workflowId", "runId", "startTime", "endTime", "totalDuration", "executionCount", "nodes", "alerts" };
        private static readonly string[] NodeMembers = { "nodeId", "nodeType", "nodeLabel", "duration", "executions" };
        private static readonly string[] NodeOptionalMembers = { "selfDuration" };
        private static readonly string[] NodeOptionalMembersV3 = { "selfDuration", "status" };

        public Guid RunId;
        public DateTimeOffset StartTime;
        public DateTimeOffset EndTime;
        public double TotalDuration;
        public long ExecutionCount;
        public HistoryNode[] Nodes = System.Array.Empty<HistoryNode>();
        /// <summary>Alerts of the run; their RunNumber is set when the record is replayed.</summary>
        public BottleneckAlert[] Alerts = System.Array.Empty<BottleneckAlert>();
        /// <summary>The run's wall time, node time, critical path and lanes; null when not known (a version 1 record).</summary>
        public RunShape Shape;

        /// <summary>The record as one line of JSON, ending in "\n".</summary>
        public string ToLine(string workflowId)
        {
            var sb = new StringBuilder(128 + Nodes.Length * 80);
            var w = new JsonWriter(sb, indented: false);
            w.StartObject();
            w.Property("format", Format);
            w.Property("schemaVersion", SchemaVersion);
            w.Property("workflowId", workflowId);
            w.Property("runId", RunId.ToString("D"));
            w.Property("startTime", ProfileJsonWriter.Time(StartTime));
            w.Property("endTime", ProfileJsonWriter.Time(EndTime));
            w.Property("totalDuration", TotalDuration);
            w.Property("executionCount", ExecutionCount);
            w.Name("nodes");
            w.StartArray();
            foreach (HistoryNode n in Nodes)
            {
                w.StartObject();
                w.Property("nodeId", n.NodeId);
                w.Property("nodeType", n.NodeType);
                w.Property("nodeLabel", n.NodeLabel);
                w.Property("duration", n.Duration);
                w.Property("executions", n.Executions);
                // Only a node with nested nodes has a self time of its own; the others' is their duration, so a
                // history of flat runs stays as compact as before.
                if (n.SelfDuration is double self && self != n.Duration) w.Property("selfDuration", self);
                RecordSchema.WriteStatus(w, "status", n.Status);
                w.EndObject();
            }
            w.EndArray();
            w.Name("alerts");
            w.StartArray();
            foreach (BottleneckAlert a in Alerts) RecordSchema.WriteAlert(w, a);
            w.EndArray();
            if (Shape != null) ShapeFields.Write(w, Shape);
            w.EndObject();
            return sb.Append('\n').ToString();
        }

        /// <summary>Reads a parsed line's run; <paramref name="line"/> has already passed <see cref="CheckHeader"/>.</summary>
        /// <exception cref="JsonFormatException">A member is missing or invalid.</exception>
        public static HistoryRecord Read(JsonValue line, string workflowId)
        {
            long version = Long(line, "", "schemaVersion", 1, SchemaVersion);
            bool v2 = version >= 2;
            Members(line, "", v2, LineMembers, ShapeFields.RunNames);
            String(line, "", "workflowId", nonBlank: true);
            var r = new HistoryRecord
            {
                RunId = Guid(line, "", "runId"),
                StartTime = Time(line, "", "startTime"),
                EndTime = Time(line, "", "endTime"),
                TotalDuration = Double(line, "", "totalDuration", 0),
                ExecutionCount = Long(line, "", "executionCount", 0, long.MaxValue),
            };
            List<JsonValue> nodes = JsonFields.Array(line, "", "nodes");
            if (nodes.Count == 0) throw Error("nodes", "a completed run has at least one node");
            r.Nodes = new HistoryNode[nodes.Count];
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < nodes.Count; i++)
            {
                JsonValue n = nodes[i];
                const string path = "";   // the node's path is added only on error, below
                try
                {
                    Members(n, path, v2, NodeMembers, version >= RecordSchema.RuleVersion ? NodeOptionalMembersV3 : NodeOptionalMembers);
                    double duration = Double(n, path, "duration", 0);
                    r.Nodes[i] = new HistoryNode
                    {
                        NodeId = String(n, path, "nodeId", nonBlank: true),
                        NodeType = String(n, path, "nodeType", allowNull: true),
                        NodeLabel = String(n, path, "nodeLabel", allowNull: true),
                        Duration = duration,
                        SelfDuration = ShapeFields.ReadSelf(n, path, "selfDuration", duration),
                        Executions = Long(n, path, "executions", 1, long.MaxValue),
                        Status = RecordSchema.ReadStatus(n, path, "status"),
                    };
                }
                catch (JsonFormatException ex)
                {
                    throw new JsonFormatException(Index("nodes", i) + "." + ex.Message);
                }
                if (!seen.Add(r.Nodes[i].NodeId)) throw Error(Index("nodes", i), $"node '{r.Nodes[i].NodeId}' appears twice");
            }
            List<JsonValue> alerts = JsonFields.Array(line, "", "alerts");
            r.Alerts = new BottleneckAlert[alerts.Count];
            for (int i = 0; i < alerts.Count; i++)
                r.Alerts[i] = RecordSchema.ReadAlert(alerts[i], Index("alerts", i), version, workflowId, 0, int.MaxValue);
            r.Shape = ShapeFields.Read(line, "", r.TotalDuration, r.ExecutionCount);
            return r;
        }

        /// <summary>
        /// Checks the line is a history record of <paramref name="workflowId"/> in a version this module reads; a line
        /// that is not (another format, a newer version, another workflow) means the file is not ours to load.
        /// </summary>
        /// <returns>Null when the line is ours, else why it is not.</returns>
        public static string CheckHeader(JsonValue line, string workflowId)
        {
            if (line.Kind != JsonKind.Object) return null;   // damaged, not foreign: the caller skips it
            JsonValue format = line["format"], version = line["schemaVersion"], id = line["workflowId"];
            if (format == null || format.Kind != JsonKind.String || format.Text != Format)
                return $"it is not a Profiler.PS history file (a record's \"format\" must be \"{Format}\")";
            if (version != null && version.TryGetInt64(out long v) && v > SchemaVersion)
                return $"it has records of schema version {v}, newer than the version {SchemaVersion} this module reads; update Profiler.PS to load it";
            if (id != null && id.Kind == JsonKind.String && !string.Equals(id.Text, workflowId, StringComparison.OrdinalIgnoreCase))
                return $"it holds the history of workflow '{id.Text}', not '{workflowId}'";
            return null;
        }
    }
}
