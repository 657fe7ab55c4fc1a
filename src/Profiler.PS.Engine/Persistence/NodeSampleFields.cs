using Profiler.PS.Engine;
using Profiler.PS.Json;
using static Profiler.PS.Json.JsonFields;

namespace Profiler.PS.Persistence
{
    /// <summary>One node's part of a history record: the run's sample for the node and what was recorded with it.</summary>
    internal sealed class HistoryNode
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

    /// <summary>A node's sample in a history line, defined once for its writer and its reader.</summary>
    internal static class NodeSampleFields
    {
        /// <summary>
        /// The sample's members. Only a node with nested nodes has a self time of its own (version 2) and only an
        /// unsuccessful one a status (version 3): the others' are their duration and Succeeded, so a history of flat,
        /// successful runs stays as compact as before.
        /// </summary>
        public static readonly RecordDefinition<HistoryNode> Node = new RecordDefinition<HistoryNode>(new[]
        {
            new RecordField<HistoryNode>("nodeId", 1, (w, n, s) => w.Property(n, s.NodeId), (o, p, v, s) => s.NodeId = String(o, p, "nodeId", nonBlank: true)),
            new RecordField<HistoryNode>("nodeType", 1, (w, n, s) => w.Property(n, s.NodeType), (o, p, v, s) => s.NodeType = String(o, p, "nodeType", allowNull: true)),
            new RecordField<HistoryNode>("nodeLabel", 1, (w, n, s) => w.Property(n, s.NodeLabel), (o, p, v, s) => s.NodeLabel = String(o, p, "nodeLabel", allowNull: true)),
            new RecordField<HistoryNode>("duration", 1, (w, n, s) => w.Property(n, s.Duration), (o, p, v, s) => s.Duration = Double(o, p, "duration", 0)),
            new RecordField<HistoryNode>("executions", 1, (w, n, s) => w.Property(n, s.Executions), (o, p, v, s) => s.Executions = Long(o, p, "executions", 1, long.MaxValue)),
            new RecordField<HistoryNode>("selfDuration", ShapeFields.Version, (w, n, s) => w.Property(n, s.SelfDuration.Value),
                (o, p, v, s) => s.SelfDuration = ShapeFields.ReadSelf(o, p, "selfDuration", s.Duration),
                present: s => s.SelfDuration is double self && self != s.Duration),
            new RecordField<HistoryNode>("status", RecordSchema.RuleVersion, (w, n, s) => w.Property(n, s.Status.ToString()),
                (o, p, v, s) => s.Status = RecordSchema.ReadStatus(o, p, "status"), present: s => s.Status != NodeStatus.Succeeded),
        });
    }

    /// <summary>
    /// The workflow's name and regression-rule settings in a history line (schema version 5): written with the first
    /// run a writer appends to a file and whenever they change, so a history opened in a new process gets them back.
    /// </summary>
    internal static class SettingsFields
    {
        private static readonly RecordDefinition<WorkflowSettings> Settings = new RecordDefinition<WorkflowSettings>(new[]
        {
            new RecordField<WorkflowSettings>("workflowName", RunFields.Version, (w, n, s) => w.Property(n, s.WorkflowName),
                (o, p, v, s) => s.WorkflowName = String(o, p, "workflowName", nonBlank: true)),
            new RecordField<WorkflowSettings>("windowSize", RunFields.Version, (w, n, s) => w.Property(n, s.WindowSize.Value),
                (o, p, v, s) => s.WindowSize = Int(o, p, "windowSize", 1, WorkflowSettings.MaxWindowSize)),
            new RecordField<WorkflowSettings>("relativeThreshold", RunFields.Version, (w, n, s) => w.Property(n, s.RelativeThreshold.Value),
                (o, p, v, s) => s.RelativeThreshold = Double(o, p, "relativeThreshold", 0)),
            new RecordField<WorkflowSettings>("absoluteThreshold", RunFields.Version, (w, n, s) => w.Property(n, s.AbsoluteThreshold.Value),
                (o, p, v, s) => s.AbsoluteThreshold = Double(o, p, "absoluteThreshold", 0)),
            new RecordField<WorkflowSettings>("minimumSamples", RunFields.Version, (w, n, s) => w.Property(n, s.MinimumSamples.Value),
                (o, p, v, s) => s.MinimumSamples = Int(o, p, "minimumSamples", 1, int.MaxValue)),
        });

        /// <summary>The "settings" member of a history line, present when the writer put the settings in.</summary>
        public static readonly RecordField<HistoryRecord> Field = new RecordField<HistoryRecord>("settings", RunFields.Version,
            (w, n, r) => { w.Name(n); Settings.Write(w, r.Settings); },
            (o, p, v, r) => Settings.Read(Member(o, p, "settings"), Join(p, "settings"), v, r.Settings = new WorkflowSettings()),
            present: r => r.Settings != null);

        /// <summary>True when two complete settings (every member set) are the same.</summary>
        public static bool Same(WorkflowSettings a, WorkflowSettings b)
            => a != null && b != null && a.WorkflowName == b.WorkflowName && a.WindowSize == b.WindowSize && a.RelativeThreshold == b.RelativeThreshold
                && a.AbsoluteThreshold == b.AbsoluteThreshold && a.MinimumSamples == b.MinimumSamples;
    }
}
