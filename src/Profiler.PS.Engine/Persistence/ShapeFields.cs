using System.Collections.Generic;
using Profiler.PS.Engine;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// The run's shape (schema version 2), one field list for profile files and history lines: wall time, node time,
    /// critical path, lanes, failures, and where the total came from. Each member is optional when read, so a version 2
    /// file written by hand or by a tool that does not know them still imports: a run with none of them gets the shape
    /// a run recorded without nesting has (wall time = total, the rest 0), and one with some of them gets those defaults
    /// for the others.
    /// </summary>
    internal static class ShapeFields
    {
        /// <summary>The first schema version with a run's shape and a node's self time.</summary>
        public const int Version = 2;

        /// <summary>The shape's members, in the order they are written (after the run's own members).</summary>
        public static readonly RecordField<HistoryRecord>[] Fields =
        {
            Field("wallTime", (w, n, s) => w.Property(n, s.WallTime),
                (o, p, r, s) => With(s, wall: Double(o, p, "wallTime", 0))),
            Field("nodeTimeSum", (w, n, s) => w.Property(n, s.NodeTimeSum),
                (o, p, r, s) => With(s, nodeTime: Double(o, p, "nodeTimeSum", 0))),
            Field("criticalPath", (w, n, s) => w.Property(n, s.CriticalPath),
                (o, p, r, s) => With(s, critical: Double(o, p, "criticalPath", 0))),
            Field("criticalPathNodes", WriteIds,
                (o, p, r, s) => With(s, chain: Ids(o, p, "criticalPathNodes", r.ExecutionCount))),
            Field("laneCount", (w, n, s) => w.Property(n, (long)s.LaneCount),
                (o, p, r, s) => With(s, lanes: Int(o, p, "laneCount", 0, int.MaxValue))),
            Field("failedCount", (w, n, s) => w.Property(n, s.FailedCount),
                (o, p, r, s) => With(s, failed: Long(o, p, "failedCount", 0, r.ExecutionCount))),
            Field("totalSource", (w, n, s) => w.Property(n, s.TotalSource.ToString()),
                (o, p, r, s) => With(s, source: Source(o, p))),
        };

        /// <summary>The shape a summary carries, to rebuild it (renumbered) without losing it.</summary>
        public static RunShape Of(WorkflowRunSummary r)
            => new RunShape(r.WallTime, r.NodeTimeSum, r.CriticalPath, r.CriticalPathNodes, r.LaneCount, r.FailedCount, r.TotalSourceValue);

        /// <summary>Reads an optional self time: absent means the node had no nested nodes (its self time is its duration).</summary>
        /// <exception cref="JsonFormatException">It is negative or larger than <paramref name="duration"/>.</exception>
        public static double ReadSelf(JsonValue node, string path, string name, double duration)
        {
            double self = Double(node, path, name, 0);
            if (self > duration) throw Error(Join(path, name), "a self time cannot be larger than its duration");
            return self;
        }

        /// <summary>A shape member: written when the record has a shape; read into the record's shape (created with the defaults on the first member read).</summary>
        private static RecordField<HistoryRecord> Field(string name, System.Action<JsonWriter, string, RunShape> write,
            System.Func<JsonValue, string, HistoryRecord, RunShape, RunShape> read)
            => new RecordField<HistoryRecord>(name, Version, (w, n, r) => write(w, n, r.Shape),
                (o, p, v, r) => r.Shape = read(o, p, r, r.Shape ?? new RunShape(r.TotalDuration, 0, 0, null, 0, 0)), present: r => r.Shape != null);

        private static RunShape With(RunShape s, double? wall = null, double? nodeTime = null, double? critical = null, string[] chain = null,
            int? lanes = null, long? failed = null, RunTotalSource? source = null)
            => new RunShape(wall ?? s.WallTime, nodeTime ?? s.NodeTimeSum, critical ?? s.CriticalPath, chain ?? s.CriticalPathNodes,
                lanes ?? s.LaneCount, failed ?? s.FailedCount, source ?? s.TotalSource);

        private static void WriteIds(JsonWriter w, string name, RunShape s)
        {
            w.Name(name);
            w.StartArray();
            foreach (string id in s.CriticalPathNodes) w.String(id);
            w.EndArray();
        }

        private static RunTotalSource Source(JsonValue run, string path)
        {
            string text = String(run, path, "totalSource");
            if (!System.Enum.TryParse(text, false, out RunTotalSource source) || text != source.ToString())
                throw Error(Join(path, "totalSource"), "expected \"Clock\", \"Timeline\" or \"Given\"");
            return source;
        }

        private static string[] Ids(JsonValue obj, string path, string name, long max)
        {
            List<JsonValue> items = Array(obj, path, name);
            string listPath = Join(path, name);
            if (items.Count > max) throw Error(listPath, "lists more nodes than the run has executions");
            var ids = new string[items.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                JsonValue v = items[i];
                if (v.Kind != JsonKind.String) throw Error(Index(listPath, i), "expected a string, found " + v.Describe());
                if (string.IsNullOrWhiteSpace(v.Text)) throw Error(Index(listPath, i), "may not be empty");
                ids[i] = v.Text;
            }
            return ids;
        }
    }
}
