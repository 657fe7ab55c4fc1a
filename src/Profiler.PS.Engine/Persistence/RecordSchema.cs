using System;
using System.Collections.Generic;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// The schema version of every persisted record, profile files and history lines alike. Each record is one list of
    /// fields that drives both its writer and its reader, gated by this version: runs (<see cref="RunFields"/>), node
    /// samples (<see cref="NodeSampleFields"/>), shapes (<see cref="ShapeFields"/>), executions
    /// (<see cref="TimelineFields"/>), alerts (<see cref="AlertFields"/>), and here a sample's status and a node's outcomes.
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
    }
}
