using System;
using System.Collections.Generic;
using System.Globalization;
using Profiler.PS.Json;
using Profiler.PS.Statistics;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    internal static partial class ProfileJsonReader
    {
        private static readonly string[] NodeMembers = { "nodeId", "nodeType", "nodeLabel", "executionCount", "allTime", "runNumbers", "durations" };
        private static readonly string[] NodeOptionalMembers = { "selfDurations" };

        private static readonly string[] NodeOptionalMembersV3 = { "selfDurations", "failedCount", "stoppedCount", "unsuccessfulRunNumbers", "unsuccessfulStatuses" };

        private static NodeState ReadNode(JsonValue n, string path, WorkflowState s, long version)
        {
            bool v3 = version >= RecordSchema.RuleVersion;
            Members(n, path, version >= ShapeVersion, NodeMembers, v3 ? NodeOptionalMembersV3 : NodeOptionalMembers);
            var node = new NodeState
            {
                NodeId = String(n, path, "nodeId", nonBlank: true),
                NodeType = String(n, path, "nodeType", allowNull: true),
                NodeLabel = String(n, path, "nodeLabel"),
            };
            JsonValue allTime = Member(n, path, "allTime");
            string allPath = Join(path, "allTime");
            ExactMembers(allTime, allPath, "count", "mean", "m2", "min", "max");
            // From version 3 a node may have failed in every run it ran in: no successful sample at all.
            long count = Long(allTime, allPath, "count", v3 ? 0 : 1, s.RunCount);
            node.AllTime = new RunningStatistics(count, Double(allTime, allPath, "mean", 0), Double(allTime, allPath, "m2", 0),
                Double(allTime, allPath, "min", 0), Double(allTime, allPath, "max", 0));
            if (node.AllTime.Min > node.AllTime.Max) throw Error(allPath, "min is larger than max");
            node.ExecutionCount = Long(n, path, "executionCount", count, long.MaxValue);
            List<JsonValue> runs = JsonFields.Array(n, path, "runNumbers"), durations = JsonFields.Array(n, path, "durations");
            // Version 3 keeps one sample beyond the window: the baseline of the latest run.
            int max = (int)Math.Min(s.WindowSize + (v3 ? 1 : 0), count);
            if (durations.Count != runs.Count) throw Error(Join(path, "durations"), "must have one duration per run number");
            if ((runs.Count == 0 && count > 0) || runs.Count > max)
                throw Error(Join(path, "runNumbers"), string.Format(CultureInfo.InvariantCulture, "must hold 1 to {0} samples, found {1}", max, runs.Count));
            node.RunNumbers = new int[runs.Count];
            node.Durations = new double[runs.Count];
            string runsPath = Join(path, "runNumbers"), durationsPath = Join(path, "durations");
            for (int i = 0; i < runs.Count; i++)
            {
                node.RunNumbers[i] = (int)ItemLong(runs[i], runsPath, i, 1, s.RunCount);
                if (i > 0 && node.RunNumbers[i] <= node.RunNumbers[i - 1]) throw Error(Index(runsPath, i), "run numbers must be ascending");
                node.Durations[i] = ItemDouble(durations[i], durationsPath, i, 0);
            }
            node.SelfDurations = n["selfDurations"] != null ? ReadSelfDurations(n, path, node.Durations) : (double[])node.Durations.Clone();
            if (v3) RecordSchema.ReadOutcomes(n, path, node, s.RunCount);
            if (count == 0 && node.FailedCount + node.StoppedCount == 0) throw Error(Join(path, "allTime.count"), "a node without a successful run must have failed or been stopped");
            return node;
        }

        /// <summary>The window's self times: one per duration, each from 0 to its duration (a self time excludes nested nodes).</summary>
        private static double[] ReadSelfDurations(JsonValue n, string path, double[] durations)
        {
            List<JsonValue> items = JsonFields.Array(n, path, "selfDurations");
            string listPath = Join(path, "selfDurations");
            if (items.Count != durations.Length) throw Error(listPath, "must have one self time per duration");
            var self = new double[items.Count];
            for (int i = 0; i < self.Length; i++)
            {
                self[i] = ItemDouble(items[i], listPath, i, 0);
                if (self[i] > durations[i]) throw Error(Index(listPath, i), "a self time cannot be larger than its duration");
            }
            return self;
        }
    }
}
