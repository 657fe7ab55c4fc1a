using System.Collections.Generic;
using Profiler.PS.Engine;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// A completed run's executions (start offset, lane, parent), written as the optional "timeline" member of a
    /// run record in profile files and of a history line from schema version 4: one definition for both. Columns,
    /// not one object per execution, so a line of many executions stays compact:
    /// <c>{"nodeIds":[...],"node":[...],"parent":[...],"lane":[...],"start":[...],"duration":[...],"selfDuration":[...],"failed":[...],"stopped":[...]}</c>
    /// where node indexes nodeIds, parent indexes the executions (-1: top level; a parent is recorded after its
    /// children, so its index is larger), times are milliseconds from the run's start, and failed/stopped list the
    /// indexes of unsuccessful executions (the others succeeded).
    /// </summary>
    internal static class TimelineFields
    {
        /// <summary>The member's name in a run record and a history line.</summary>
        public const string Name = "timeline";
        /// <summary>The first schema version with timelines.</summary>
        public const int Version = 4;
        /// <summary>The member as a field of a run record (profile files and history lines).</summary>
        public static readonly RecordField<HistoryRecord> Field = new RecordField<HistoryRecord>(Name, Version,
            (w, n, r) => Write(w, r.Timeline), (o, p, v, r) => r.Timeline = Read(o, p, v, r.ExecutionCount), present: r => r.Timeline != null);

        private static readonly string[] Members = { "nodeIds", "node", "parent", "lane", "start", "duration", "selfDuration", "failed", "stopped" };

        /// <summary>Writes the member when the run has a timeline.</summary>
        public static void Write(JsonWriter w, RunTimeline t)
        {
            if (t == null) return;
            TimelineExecution[] e = t.Executions;
            int n = e.Length;
            var node = new int[n]; var parent = new int[n]; var lane = new int[n];
            var start = new double[n]; var duration = new double[n]; var self = new double[n];
            var failed = new List<int>(); var stopped = new List<int>();
            for (int i = 0; i < n; i++)
            {
                node[i] = e[i].Node; parent[i] = e[i].Parent; lane[i] = e[i].Lane;
                start[i] = e[i].Start; duration[i] = e[i].Duration; self[i] = e[i].SelfDuration;
                if (e[i].Status == NodeStatus.Failed) failed.Add(i);
                else if (e[i].Status == NodeStatus.Stopped) stopped.Add(i);
            }
            w.Name(Name);
            w.StartObject();
            w.Name("nodeIds");
            w.StartArray();
            foreach (string id in t.NodeIds) w.String(id);
            w.EndArray();
            w.Name("node"); w.InlineArray(node);
            w.Name("parent"); w.InlineArray(parent);
            w.Name("lane"); w.InlineArray(lane);
            w.Name("start"); w.InlineArray(start);
            w.Name("duration"); w.InlineArray(duration);
            w.Name("selfDuration"); w.InlineArray(self);
            w.Name("failed"); w.InlineArray(failed.ToArray());
            w.Name("stopped"); w.InlineArray(stopped.ToArray());
            w.EndObject();
        }

        /// <summary>Reads the member of a record of <paramref name="version"/>: null when absent (and always before version 4).</summary>
        /// <exception cref="JsonFormatException">It is present before version 4, or a column is missing, invalid or of another length.</exception>
        public static RunTimeline Read(JsonValue run, string path, long version, long executionCount)
        {
            if (run[Name] == null) return null;
            string p = Join(path, Name);
            if (version < Version) throw Error(p, "appears only from schema version 4");
            JsonValue t = run[Name];
            ExactMembers(t, p, Members);
            List<JsonValue> ids = Array(t, p, "nodeIds");
            var nodeIds = new string[ids.Count];
            for (int i = 0; i < ids.Count; i++)
            {
                if (ids[i].Kind != JsonKind.String || string.IsNullOrWhiteSpace(ids[i].Text)) throw Error(Index(Join(p, "nodeIds"), i), "expected a node id");
                nodeIds[i] = ids[i].Text;
            }
            List<JsonValue> node = Column(t, p, "node", -1, executionCount), parent = Column(t, p, "parent", node.Count, executionCount),
                lane = Column(t, p, "lane", node.Count, executionCount), start = Column(t, p, "start", node.Count, executionCount),
                duration = Column(t, p, "duration", node.Count, executionCount), self = Column(t, p, "selfDuration", node.Count, executionCount);
            var e = new TimelineExecution[node.Count];
            for (int i = 0; i < e.Length; i++)
            {
                e[i].Node = (int)ItemLong(node[i], Join(p, "node"), i, 0, nodeIds.Length - 1);
                e[i].Parent = (int)ItemLong(parent[i], Join(p, "parent"), i, -1, e.Length - 1);
                if (e[i].Parent >= 0 && e[i].Parent <= i) throw Error(Index(Join(p, "parent"), i), "a parent is recorded after its children");
                e[i].Lane = (int)ItemLong(lane[i], Join(p, "lane"), i, 1, int.MaxValue);
                e[i].Start = ItemDouble(start[i], Join(p, "start"), i, double.MinValue);
                e[i].Duration = ItemDouble(duration[i], Join(p, "duration"), i, 0);
                e[i].SelfDuration = ItemDouble(self[i], Join(p, "selfDuration"), i, 0);
                if (e[i].SelfDuration > e[i].Duration) throw Error(Index(Join(p, "selfDuration"), i), "a self time cannot be larger than its duration");
            }
            Statuses(t, p, "failed", e, NodeStatus.Failed);
            Statuses(t, p, "stopped", e, NodeStatus.Stopped);
            return new RunTimeline(nodeIds, e);
        }

        private static List<JsonValue> Column(JsonValue t, string path, string name, int length, long max)
        {
            List<JsonValue> items = Array(t, path, name);
            if (items.Count > max) throw Error(Join(path, name), "lists more executions than the run has");
            if (length >= 0 && items.Count != length) throw Error(Join(path, name), "must have one item per execution");
            return items;
        }

        private static void Statuses(JsonValue t, string path, string name, TimelineExecution[] e, NodeStatus status)
        {
            List<JsonValue> items = Array(t, path, name);
            for (int i = 0; i < items.Count; i++)
            {
                int k = (int)ItemLong(items[i], Join(path, name), i, 0, e.Length - 1);
                if (e[k].Status != NodeStatus.Succeeded) throw Error(Index(Join(path, name), i), "an execution has one status");
                e[k].Status = status;
            }
        }
    }
}
