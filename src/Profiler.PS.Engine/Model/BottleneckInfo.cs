using System.Globalization;

namespace Profiler.PS
{
    /// <summary>A node ranked by its window average self time (Get-Bottleneck; -Inclusive ranks by inclusive time); rank 1 is the slowest.</summary>
    public sealed class BottleneckInfo
    {
        /// <summary>Creates a ranking entry.</summary>
        public BottleneckInfo(int rank, NodePerformanceData node, double share, BottleneckAlert alert)
        {
            Rank = rank;
            WorkflowId = node.WorkflowId;
            NodeId = node.NodeId;
            NodeType = node.NodeType;
            NodeLabel = node.NodeLabel;
            AvgDuration = node.AvgDuration;
            AvgSelfDuration = node.AvgSelfDuration;
            MaxDuration = node.MaxDuration;
            LastDuration = node.LastDuration;
            ExecutionCount = node.ExecutionCount;
            RunCount = node.RunCount;
            Share = share;
            IsAlert = alert != null;
            AlertReason = alert?.Reason;
            WindowFailedCount = node.WindowFailedCount;
            WindowStoppedCount = node.WindowStoppedCount;
            LastStatusValue = node.LastStatusValue;
        }

        /// <summary>All-time number of completed runs the node ran in successfully; 0 when every run of it failed or
        /// was stopped, so its durations are no data (the view shows '-', not 0 ms).</summary>
        public int RunCount { get; }
        /// <summary>The ids shown with this one (the same command's output) and this one's place among them, so a view can keep shortened ids apart.</summary>
        internal Rendering.IdSet Ids { get; set; }
        /// <summary>This row's index in <see cref="Ids"/>.</summary>
        internal int IdIndex { get; set; }

        /// <summary>1 for the slowest node; ties are broken by NodeId.</summary>
        public int Rank { get; }
        /// <summary>The workflow of the node.</summary>
        public string WorkflowId { get; }
        /// <summary>The node's id.</summary>
        public string NodeId { get; }
        /// <summary>The node's kind, may be null.</summary>
        public string NodeType { get; }
        /// <summary>The node's display label.</summary>
        public string NodeLabel { get; }
        /// <summary>Window average of the node's inclusive time (with nested nodes), in milliseconds: what -Inclusive ranks
        /// by. Null, as are the other durations, when the node has no successful run (<see cref="RunCount"/> 0).</summary>
        public double? AvgDuration { get; }
        /// <summary>Window average of the node's self time (without nested nodes), in milliseconds: what the ranking is by by default; null without a successful run.</summary>
        public double? AvgSelfDuration { get; }
        /// <summary>Window maximum, in milliseconds; null without a successful run.</summary>
        public double? MaxDuration { get; }
        /// <summary>The node's sample in its latest successful run, in milliseconds; null without a successful run.</summary>
        public double? LastDuration { get; }
        /// <summary>All-time number of executions.</summary>
        public long ExecutionCount { get; }
        /// <summary>
        /// Ranked by self time (the default): the node's average self time as a fraction (0 to 1) of the sum of all
        /// nodes' average self times, so the shares add up to 1. Ranked by inclusive time (Get-Bottleneck -Inclusive):
        /// the node's average inclusive time as a fraction of the mean wall time (total) of the workflow's window runs,
        /// so a node wrapping the whole run is near 1 and nested nodes' shares overlap.
        /// </summary>
        public double Share { get; }
        /// <summary>True when the workflow's regression rule judged the node Slower in the latest completed run (the run's alerts).</summary>
        public bool IsAlert { get; }
        /// <summary>Why the rule fired, or null.</summary>
        public string AlertReason { get; }

        /// <summary>Runs among the node's last WindowSize runs in which it failed (not in the averages); the view's <c>Fail</c> column adds <see cref="WindowStoppedCount"/>.</summary>
        public int WindowFailedCount { get; }
        /// <summary>Runs among the node's last WindowSize runs in which it was stopped (not in the averages).</summary>
        public int WindowStoppedCount { get; }
        /// <summary>How the node ended in the latest run it ran in: a <see cref="NodeStatus"/> name (a string, so that
        /// ConvertTo-Json and Export-Csv write the name).</summary>
        public string LastStatus => LastStatusValue.ToString();
        /// <summary>How the node ended in the latest run it ran in, as the enum.</summary>
        internal NodeStatus LastStatusValue { get; }

        /// <summary>For example <c>#1 restore: avg 2,500.0 ms (45%)</c>, or <c>#4 failer: no successful run</c>.</summary>
        public override string ToString() => AvgDuration is double avg
            ? string.Format(CultureInfo.InvariantCulture, "#{0} {1}: avg {2:N1} ms ({3})", Rank, NodeId, avg, Rendering.DurationFormat.Percent(Share))
            : string.Format(CultureInfo.InvariantCulture, "#{0} {1}: no successful run", Rank, NodeId);
    }
}
