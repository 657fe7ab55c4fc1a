using System;
using System.Collections.Generic;
using System.Globalization;
using Profiler.PS.Engine;
using Profiler.PS.Json;
using Profiler.PS.Statistics;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// A node of a profile file (its window of run samples and all-time counters), one field list for the writer and
    /// the reader. Its limits depend on the workflow (run count, window), so the fields work on a node in its workflow.
    /// </summary>
    internal static class NodeWindowFields
    {
        /// <summary>A node being written or read, with the workflow it belongs to.</summary>
        public sealed class InWorkflow
        {
            public NodeState Node;
            public WorkflowState Workflow;
        }

        private static readonly RecordDefinition<InWorkflow> Definition = new RecordDefinition<InWorkflow>(new[]
        {
            new RecordField<InWorkflow>("nodeId", 1, (w, n, x) => w.Property(n, x.Node.NodeId), (o, p, v, x) => x.Node.NodeId = String(o, p, "nodeId", nonBlank: true)),
            new RecordField<InWorkflow>("nodeType", 1, (w, n, x) => w.Property(n, x.Node.NodeType), (o, p, v, x) => x.Node.NodeType = String(o, p, "nodeType", allowNull: true)),
            new RecordField<InWorkflow>("nodeLabel", 1, (w, n, x) => w.Property(n, x.Node.NodeLabel), (o, p, v, x) => x.Node.NodeLabel = String(o, p, "nodeLabel")),
            // At least one execution per successful run: read once allTime is.
            new RecordField<InWorkflow>("executionCount", 1, (w, n, x) => w.Property(n, x.Node.ExecutionCount),
                (o, p, v, x) => x.Node.ExecutionCount = Long(o, p, "executionCount", x.Node.AllTime.Count, long.MaxValue), late: true),
            new RecordField<InWorkflow>("allTime", 1, WriteAllTime, ReadAllTime),
            new RecordField<InWorkflow>("runNumbers", 1, (w, n, x) => { w.Name(n); w.InlineArray(x.Node.RunNumbers); }, ReadRunNumbers),
            new RecordField<InWorkflow>("durations", 1, (w, n, x) => { w.Name(n); w.InlineArray(x.Node.Durations); }, ReadDurations),
            new RecordField<InWorkflow>("selfDurations", ShapeFields.Version, (w, n, x) => { w.Name(n); w.InlineArray(x.Node.SelfDurations); }, ReadSelfDurations, optional: true),
            new RecordField<InWorkflow>("failedCount", RecordSchema.RuleVersion, (w, n, x) => w.Property(n, x.Node.FailedCount),
                (o, p, v, x) => x.Node.FailedCount = Long(o, p, "failedCount", 0, x.Workflow.RunCount), optional: true),
            new RecordField<InWorkflow>("stoppedCount", RecordSchema.RuleVersion, (w, n, x) => w.Property(n, x.Node.StoppedCount),
                (o, p, v, x) => x.Node.StoppedCount = Long(o, p, "stoppedCount", 0, x.Workflow.RunCount), optional: true),
            new RecordField<InWorkflow>("unsuccessfulRunNumbers", RecordSchema.RuleVersion, (w, n, x) => { w.Name(n); w.InlineArray(x.Node.UnsuccessfulRunNumbers); },
                (o, p, v, x) => x.Node.UnsuccessfulRunNumbers = RunNumbers(o, p, "unsuccessfulRunNumbers", x.Workflow.RunCount), optional: true),
            new RecordField<InWorkflow>("unsuccessfulStatuses", RecordSchema.RuleVersion, WriteStatuses, ReadStatuses, optional: true, late: true),
        });

        /// <summary>Writes a node of <paramref name="workflow"/>.</summary>
        public static void Write(JsonWriter w, NodeState node, WorkflowState workflow) => Definition.Write(w, new InWorkflow { Node = node, Workflow = workflow });

        /// <summary>Reads a node of <paramref name="workflow"/> (whose settings, run count and runs are read).</summary>
        /// <exception cref="JsonFormatException">A member is missing or invalid.</exception>
        public static NodeState Read(JsonValue n, string path, WorkflowState workflow, long version)
        {
            var x = new InWorkflow { Node = new NodeState { SelfDurations = null }, Workflow = workflow };
            Definition.Read(n, path, version, x);
            NodeState node = x.Node;
            node.SelfDurations ??= (double[])node.Durations.Clone();
            if (node.AllTime.Count == 0 && node.FailedCount + node.StoppedCount == 0)
                throw Error(Join(path, "allTime.count"), "a node without a successful run must have failed or been stopped");
            return node;
        }

        private static void WriteAllTime(JsonWriter w, string name, InWorkflow x)
        {
            RunningStatistics a = x.Node.AllTime;
            w.Name(name);
            w.StartObject();
            w.Property("count", a.Count);
            w.Property("mean", a.Mean);
            w.Property("m2", a.M2);
            w.Property("min", a.Min);
            w.Property("max", a.Max);
            w.EndObject();
        }

        private static void ReadAllTime(JsonValue n, string path, long version, InWorkflow x)
        {
            JsonValue allTime = Member(n, path, "allTime");
            string allPath = Join(path, "allTime");
            ExactMembers(allTime, allPath, "count", "mean", "m2", "min", "max");
            // From version 3 a node may have failed in every run it ran in: no successful sample at all.
            long count = Long(allTime, allPath, "count", version >= RecordSchema.RuleVersion ? 0 : 1, x.Workflow.RunCount);
            x.Node.AllTime = new RunningStatistics(count, Double(allTime, allPath, "mean", 0), Double(allTime, allPath, "m2", 0),
                Double(allTime, allPath, "min", 0), Double(allTime, allPath, "max", 0));
            if (x.Node.AllTime.Min > x.Node.AllTime.Max) throw Error(allPath, "min is larger than max");
        }

        private static void ReadRunNumbers(JsonValue n, string path, long version, InWorkflow x)
        {
            int[] runs = RunNumbers(n, path, "runNumbers", x.Workflow.RunCount);
            // Version 3 keeps samples beyond the window (one, then up to WindowSize: the baselines of the window's runs).
            long count = x.Node.AllTime.Count;
            int max = (int)Math.Min(version >= RecordSchema.RuleVersion ? Engine.WorkflowSettings.KeptRuns(x.Workflow.WindowSize) : x.Workflow.WindowSize, count);
            if ((runs.Length == 0 && count > 0) || runs.Length > max)
                throw Error(Join(path, "runNumbers"), string.Format(CultureInfo.InvariantCulture, "must hold 1 to {0} samples, found {1}", max, runs.Length));
            x.Node.RunNumbers = runs;
        }

        /// <summary>Ascending run numbers from 1 to <paramref name="runCount"/>.</summary>
        private static int[] RunNumbers(JsonValue n, string path, string name, int runCount)
        {
            List<JsonValue> items = JsonFields.Array(n, path, name);
            string listPath = Join(path, name);
            var runs = new int[items.Count];
            for (int i = 0; i < runs.Length; i++)
            {
                runs[i] = (int)ItemLong(items[i], listPath, i, 1, runCount);
                if (i > 0 && runs[i] <= runs[i - 1]) throw Error(Index(listPath, i), "run numbers must be ascending");
            }
            return runs;
        }

        private static void ReadDurations(JsonValue n, string path, long version, InWorkflow x) => x.Node.Durations = Samples(n, path, "durations", x.Node.RunNumbers.Length, "one duration per run number", null);

        /// <summary>The window's self times: one per duration, each from 0 to its duration (a self time excludes nested nodes).</summary>
        private static void ReadSelfDurations(JsonValue n, string path, long version, InWorkflow x)
            => x.Node.SelfDurations = Samples(n, path, "selfDurations", x.Node.Durations.Length, "one self time per duration", x.Node.Durations);

        private static double[] Samples(JsonValue n, string path, string name, int length, string mismatch, double[] upTo)
        {
            List<JsonValue> items = JsonFields.Array(n, path, name);
            string listPath = Join(path, name);
            if (items.Count != length) throw Error(listPath, "must have " + mismatch);
            var values = new double[items.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = ItemDouble(items[i], listPath, i, 0);
                if (upTo != null && values[i] > upTo[i]) throw Error(Index(listPath, i), "a self time cannot be larger than its duration");
            }
            return values;
        }

        private static void WriteStatuses(JsonWriter w, string name, InWorkflow x)
        {
            w.Name(name);
            w.StartArray();
            foreach (NodeStatus s in x.Node.UnsuccessfulStatuses) w.String(s.ToString());
            w.EndArray();
        }

        private static void ReadStatuses(JsonValue n, string path, long version, InWorkflow x)
        {
            List<JsonValue> statuses = JsonFields.Array(n, path, "unsuccessfulStatuses");
            string statusPath = Join(path, "unsuccessfulStatuses");
            if (statuses.Count != x.Node.UnsuccessfulRunNumbers.Length) throw Error(statusPath, "must have one status per run number");
            x.Node.UnsuccessfulStatuses = new NodeStatus[statuses.Count];
            for (int i = 0; i < statuses.Count; i++)
            {
                JsonValue s = statuses[i];
                if (s.Kind != JsonKind.String) throw Error(Index(statusPath, i), "expected a string, found " + s.Describe());
                x.Node.UnsuccessfulStatuses[i] = RecordSchema.ParseStatus(s.Text, Index(statusPath, i));
                if (x.Node.UnsuccessfulStatuses[i] == NodeStatus.Succeeded) throw Error(Index(statusPath, i), "lists only runs that failed or were stopped");
            }
        }
    }
}
