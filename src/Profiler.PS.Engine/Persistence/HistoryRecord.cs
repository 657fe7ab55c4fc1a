using System;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// One completed run as persisted: a line of a history file, or a run of a profile file's "runs" list, both
    /// written and read through the one definition of their members (<see cref="RunFields"/>). Every history line
    /// carries the format, schema version and workflow id, so a line stands alone: a torn or damaged line is skipped
    /// without touching the others. A line's run number is stored from version 5 (taken under the history's lock, so
    /// concurrent writers get distinct numbers); an older line's number is its position, one after the record before it.
    /// A file may mix versions, as a history written before and after an update does.
    /// </summary>
    internal sealed class HistoryRecord
    {
        public const string Format = "Profiler.PS.History";
        public const int SchemaVersion = RecordSchema.Version;

        /// <summary>The run's number; 0 in a history line that does not store it (before version 5).</summary>
        public int RunNumber;
        /// <summary>The workflow the record belongs to, as the session spells it (alerts are attributed to it).</summary>
        public string WorkflowId;
        public Guid RunId;
        public DateTimeOffset StartTime;
        public DateTimeOffset EndTime;
        public double TotalDuration;
        public long ExecutionCount;
        /// <summary>Distinct nodes and alerts of the run: stored in profile files; a history line has the nodes and alerts themselves.</summary>
        public int NodeCount, AlertCount;
        public HistoryNode[] Nodes = System.Array.Empty<HistoryNode>();
        /// <summary>Alerts of the run; their RunNumber is set when the record is replayed.</summary>
        public BottleneckAlert[] Alerts = System.Array.Empty<BottleneckAlert>();
        /// <summary>The run's wall time, node time, critical path and lanes; null when not known (a version 1 record).</summary>
        public RunShape Shape;
        /// <summary>The run's executions with start, lane and parent (schema version 4), or null.</summary>
        public RunTimeline Timeline;
        /// <summary>Tests of an imported run that were skipped, and not run (schema version 5).</summary>
        public long SkippedCount, NotRunCount;
        /// <summary>The workflow's name and settings when the line carries them (schema version 5), else null.</summary>
        public WorkflowSettings Settings;

        /// <summary>The record as one line of JSON, ending in "\n".</summary>
        public string ToLine(string workflowId)
        {
            WorkflowId = workflowId;
            var sb = new StringBuilder(128 + Nodes.Length * 80);
            RunFields.HistoryLine.Write(new JsonWriter(sb, indented: false), this);
            return sb.Append('\n').ToString();
        }

        /// <summary>Reads a parsed line's run; <paramref name="line"/> has already passed <see cref="CheckHeader"/>.</summary>
        /// <exception cref="JsonFormatException">A member is missing or invalid.</exception>
        public static HistoryRecord Read(JsonValue line, string workflowId)
        {
            long version = Long(line, "", "schemaVersion", 1, SchemaVersion);
            var r = new HistoryRecord { WorkflowId = workflowId };
            RunFields.HistoryLine.Read(line, "", version, r);
            return r;
        }

        /// <summary>The record of a run summary (for a profile file).</summary>
        public static HistoryRecord Of(WorkflowRunSummary s) => new HistoryRecord
        {
            RunNumber = s.RunNumber, RunId = s.RunId, StartTime = s.StartTime, EndTime = s.EndTime, TotalDuration = s.TotalDuration,
            NodeCount = s.NodeCount, ExecutionCount = s.ExecutionCount, AlertCount = s.AlertCount, Shape = ShapeFields.Of(s),
            Timeline = s.Timeline, SkippedCount = s.SkippedCount, NotRunCount = s.NotRunCount,
        };

        /// <summary>The run summary of a record read from a profile file.</summary>
        public WorkflowRunSummary ToSummary() => ToSummary(RunNumber, NodeCount, AlertCount);

        /// <summary>The run summary of the record as run <paramref name="runNumber"/>.</summary>
        public WorkflowRunSummary ToSummary(int runNumber, int nodeCount, int alertCount)
            => new WorkflowRunSummary(runNumber, RunId, StartTime, EndTime, TotalDuration, nodeCount, ExecutionCount, alertCount, Shape)
                .WithTimeline(Timeline).WithTestCounts(SkippedCount, NotRunCount);

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
