using System;
using System.Collections.Generic;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// The schema version of every persisted record, profile files and history lines alike, and the records both
    /// share, each defined once here: one writer and one reader per record, gated by the one version.
    /// <para>Version 3 (this module): the regression rule's settings replace the bottleneck factor; an alert carries
    /// its baseline median instead of an average and a factor; a node sample carries its status when it failed or
    /// was stopped. Versions 1 and 2 still load: their factor is ignored (the rule's defaults apply) and their
    /// alerts' baseline average is read as the baseline median.</para>
    /// <para>Version 4: a run record and a history line may carry the run's executions with start offset, lane and
    /// parent (<see cref="TimelineFields"/>), so completed runs are drawn as they ran. Runs of versions 1-3 have
    /// none and are drawn end to end, as before.</para>
    /// <para>Version 5: a history line may carry its run number (taken under the history's lock) and the workflow's
    /// name and settings; a run may carry its skipped and not-run test counts (<see cref="RunFields"/>). Lines without
    /// a number are numbered by position, as before.</para>
    /// </summary>
    internal static class RecordSchema
    {
        /// <summary>The version this module writes and the newest it reads.</summary>
        public const int Version = 5;
        /// <summary>The first version with the regression rule's settings, alert medians and sample statuses.</summary>
        public const int RuleVersion = 3;

        private static readonly string[] AlertMembers = { "runNumber", "nodeId", "nodeLabel", "duration", "baselineMedian", "baselineSamples", "timestamp" };
        private static readonly string[] AlertMembersV2 = { "runNumber", "nodeId", "nodeLabel", "duration", "baselineAverage", "baselineSamples", "factor", "timestamp" };

        /// <summary>Writes an alert record.</summary>
        public static void WriteAlert(JsonWriter w, BottleneckAlert a)
        {
            w.StartObject();
            w.Property("runNumber", a.RunNumber);
            w.Property("nodeId", a.NodeId);
            w.Property("nodeLabel", a.NodeLabel);
            w.Property("duration", a.Duration);
            w.Property("baselineMedian", a.BaselineMedian);
            w.Property("baselineSamples", a.BaselineSamples);
            w.Property("timestamp", ProfileJsonWriter.Time(a.Timestamp));
            w.EndObject();
        }

        /// <summary>Reads an alert record of <paramref name="version"/>; its run number must be from <paramref name="minRun"/> to <paramref name="maxRun"/>.</summary>
        /// <exception cref="JsonFormatException">A member is missing or invalid.</exception>
        public static BottleneckAlert ReadAlert(JsonValue a, string path, long version, string workflowId, int minRun, int maxRun)
        {
            bool v3 = version >= RuleVersion;
            ExactMembers(a, path, v3 ? AlertMembers : AlertMembersV2);
            if (!v3)
            {
                double factor = Double(a, path, "factor");
                if (!(factor > 1)) throw Error(Join(path, "factor"), "expected a ratio greater than 1");
            }
            return new BottleneckAlert(workflowId, Int(a, path, "runNumber", minRun, maxRun), String(a, path, "nodeId", nonBlank: true),
                String(a, path, "nodeLabel"), Double(a, path, "duration", 0), Double(a, path, v3 ? "baselineMedian" : "baselineAverage", 0),
                Int(a, path, "baselineSamples", 0, int.MaxValue), Time(a, path, "timestamp"));
        }

        /// <summary>Writes a sample's status: nothing for Succeeded, so the records of runs without failures keep their size.</summary>
        public static void WriteStatus(JsonWriter w, string name, NodeStatus status)
        {
            if (status != NodeStatus.Succeeded) w.Property(name, status.ToString());
        }

        /// <summary>Reads an optional status member (absent: Succeeded).</summary>
        /// <exception cref="JsonFormatException">It is not "Succeeded", "Failed" or "Stopped".</exception>
        public static NodeStatus ReadStatus(JsonValue obj, string path, string name)
        {
            if (obj[name] == null) return NodeStatus.Succeeded;
            return ParseStatus(String(obj, path, name), Join(path, name));
        }

        /// <summary>Parses a status name (exact case, as written).</summary>
        public static NodeStatus ParseStatus(string text, string path)
        {
            switch (text)
            {
                case "Succeeded": return NodeStatus.Succeeded;
                case "Failed": return NodeStatus.Failed;
                case "Stopped": return NodeStatus.Stopped;
                default: throw Error(path, "expected \"Succeeded\", \"Failed\" or \"Stopped\"");
            }
        }

        /// <summary>Writes a node's unsuccessful runs as two parallel arrays (run numbers, statuses) and its all-time counts.</summary>
        public static void WriteOutcomes(JsonWriter w, NodeState n)
        {
            w.Property("failedCount", n.FailedCount);
            w.Property("stoppedCount", n.StoppedCount);
            w.Name("unsuccessfulRunNumbers");
            w.InlineArray(n.UnsuccessfulRunNumbers);
            w.Name("unsuccessfulStatuses");
            w.StartArray();
            foreach (NodeStatus s in n.UnsuccessfulStatuses) w.String(s.ToString());
            w.EndArray();
        }

        /// <summary>The members <see cref="WriteOutcomes"/> writes.</summary>
        public static readonly string[] OutcomeMembers = { "failedCount", "stoppedCount", "unsuccessfulRunNumbers", "unsuccessfulStatuses" };

        /// <summary>Reads what <see cref="WriteOutcomes"/> wrote, when present (version 3); run numbers from 1 to <paramref name="runCount"/>.</summary>
        public static void ReadOutcomes(JsonValue n, string path, NodeState node, int runCount)
        {
            if (n["failedCount"] == null) return;
            node.FailedCount = Long(n, path, "failedCount", 0, runCount);
            node.StoppedCount = Long(n, path, "stoppedCount", 0, runCount);
            List<JsonValue> runs = JsonFields.Array(n, path, "unsuccessfulRunNumbers"), statuses = JsonFields.Array(n, path, "unsuccessfulStatuses");
            string runsPath = Join(path, "unsuccessfulRunNumbers"), statusPath = Join(path, "unsuccessfulStatuses");
            if (runs.Count != statuses.Count) throw Error(statusPath, "must have one status per run number");
            node.UnsuccessfulRunNumbers = new int[runs.Count];
            node.UnsuccessfulStatuses = new NodeStatus[runs.Count];
            for (int i = 0; i < runs.Count; i++)
            {
                node.UnsuccessfulRunNumbers[i] = (int)ItemLong(runs[i], runsPath, i, 1, runCount);
                JsonValue s = statuses[i];
                if (s.Kind != JsonKind.String) throw Error(Index(statusPath, i), "expected a string, found " + s.Describe());
                node.UnsuccessfulStatuses[i] = ParseStatus(s.Text, Index(statusPath, i));
                if (node.UnsuccessfulStatuses[i] == NodeStatus.Succeeded) throw Error(Index(statusPath, i), "lists only runs that failed or were stopped");
            }
        }
    }
}
