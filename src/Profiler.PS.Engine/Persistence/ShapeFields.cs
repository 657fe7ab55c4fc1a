using System.Collections.Generic;
using Profiler.PS.Engine;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// The members schema version 2 added for nested and parallel runs, shared by profile files and history records:
    /// a run's shape (wall time, node time, critical path, lanes, failures) and a node's self time. They are
    /// optional when read, so a version 2 file written by hand or by a tool that does not know them still imports:
    /// a run without them gets the shape a run recorded without nesting has (wall time = total, the rest 0).
    /// </summary>
    internal static class ShapeFields
    {
        /// <summary>A run's optional members, in the order they are written.</summary>
        public static readonly string[] RunNames = { "wallTime", "nodeTimeSum", "criticalPath", "criticalPathNodes", "laneCount", "failedCount", "totalSource" };

        /// <summary>Writes the shape members of <paramref name="r"/>.</summary>
        public static void Write(JsonWriter w, RunShape r)
        {
            w.Property("wallTime", r.WallTime);
            w.Property("nodeTimeSum", r.NodeTimeSum);
            w.Property("criticalPath", r.CriticalPath);
            w.Name("criticalPathNodes");
            w.StartArray();
            foreach (string id in r.CriticalPathNodes) w.String(id);
            w.EndArray();
            w.Property("laneCount", (long)r.LaneCount);
            w.Property("failedCount", r.FailedCount);
            w.Property("totalSource", r.TotalSource.ToString());
        }

        /// <summary>The shape a summary carries, to rebuild it (renumbered) without losing it.</summary>
        public static RunShape Of(WorkflowRunSummary r)
            => new RunShape(r.WallTime, r.NodeTimeSum, r.CriticalPath, r.CriticalPathNodes, r.LaneCount, r.FailedCount, r.TotalSource);

        /// <summary>
        /// Reads the shape members of the run object <paramref name="run"/>; null when it has none of them (a version 1
        /// record, or a version 2 one written without them), so the summary gets its default shape.
        /// </summary>
        /// <exception cref="JsonFormatException">A member is invalid.</exception>
        public static RunShape Read(JsonValue run, string path, double totalDuration, long executionCount)
        {
            bool any = false;
            foreach (string name in RunNames) any |= run[name] != null;
            if (!any) return null;
            double wall = run["wallTime"] != null ? Double(run, path, "wallTime", 0) : totalDuration;
            double nodeTime = run["nodeTimeSum"] != null ? Double(run, path, "nodeTimeSum", 0) : 0;
            double critical = run["criticalPath"] != null ? Double(run, path, "criticalPath", 0) : 0;
            string[] chain = run["criticalPathNodes"] != null ? Ids(run, path, "criticalPathNodes", executionCount) : null;
            int lanes = run["laneCount"] != null ? Int(run, path, "laneCount", 0, int.MaxValue) : 0;
            long failed = run["failedCount"] != null ? Long(run, path, "failedCount", 0, executionCount) : 0;
            RunTotalSource source = RunTotalSource.Clock;
            if (run["totalSource"] != null)
            {
                string text = String(run, path, "totalSource");
                if (!System.Enum.TryParse(text, false, out source) || text != source.ToString())
                    throw Error(Join(path, "totalSource"), "expected \"Clock\", \"Timeline\" or \"Given\"");
            }
            return new RunShape(wall, nodeTime, critical, chain, lanes, failed, source);
        }

        /// <summary>Reads an optional self time: absent means the node had no nested nodes (its self time is its duration).</summary>
        /// <exception cref="JsonFormatException">It is negative or larger than <paramref name="duration"/>.</exception>
        public static double? ReadSelf(JsonValue node, string path, string name, double duration)
        {
            if (node[name] == null) return null;
            double self = Double(node, path, name, 0);
            if (self > duration) throw Error(Join(path, name), "a self time cannot be larger than its duration");
            return self;
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
