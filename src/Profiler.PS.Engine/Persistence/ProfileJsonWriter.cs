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

        private static void WriteWorkflow(JsonWriter w, WorkflowState s)
        {
            w.StartObject();
            w.Property("workflowId", s.WorkflowId);
            w.Property("workflowName", s.WorkflowName);
            w.Property("windowSize", s.WindowSize);
            w.Property("relativeThreshold", s.RelativeThreshold);
            w.Property("absoluteThreshold", s.AbsoluteThreshold);
            w.Property("minimumSamples", s.MinimumSamples);
            w.Property("runCount", s.RunCount);
            w.Property("lastTotalDuration", s.LastTotalDuration);
            w.Property("timestamp", Time(s.Timestamp));
            w.Name("runs");
            w.StartArray();
            foreach (WorkflowRunSummary r in s.Runs) WriteRun(w, r);
            w.EndArray();
            w.Name("lastAlerts");
            w.StartArray();
            foreach (BottleneckAlert a in s.LastAlerts) AlertFields.Write(w, a);
            w.EndArray();
            w.Name("nodes");
            w.StartArray();
            foreach (NodeState n in s.Nodes) WriteNode(w, n);
            w.EndArray();
            w.EndObject();
        }

        internal static void WriteRun(JsonWriter w, WorkflowRunSummary r) => RunFields.ProfileRun.Write(w, HistoryRecord.Of(r));

        private static void WriteNode(JsonWriter w, NodeState n)
        {
            w.StartObject();
            w.Property("nodeId", n.NodeId);
            w.Property("nodeType", n.NodeType);
            w.Property("nodeLabel", n.NodeLabel);
            w.Property("executionCount", n.ExecutionCount);
            w.Name("allTime");
            w.StartObject();
            w.Property("count", n.AllTime.Count);
            w.Property("mean", n.AllTime.Mean);
            w.Property("m2", n.AllTime.M2);
            w.Property("min", n.AllTime.Min);
            w.Property("max", n.AllTime.Max);
            w.EndObject();
            w.Name("runNumbers");
            w.InlineArray(n.RunNumbers);
            w.Name("durations");
            w.InlineArray(n.Durations);
            w.Name("selfDurations");
            w.InlineArray(n.SelfDurations);
            RecordSchema.WriteOutcomes(w, n);
            w.EndObject();
        }

        /// <summary>ISO 8601 with ticks and offset ("o"), which parses back to the same value.</summary>
        internal static string Time(DateTimeOffset t) => t.ToString("o", CultureInfo.InvariantCulture);
    }
}
