using System;
using Profiler.PS.Statistics;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// Everything a workflow's profile holds once its runs are completed: what Export-WorkflowProfile writes and
    /// Import-WorkflowProfile restores. A run in flight is not part of it.
    /// </summary>
    internal sealed class WorkflowState
    {
        public string WorkflowId;
        public string WorkflowName;
        public int WindowSize;
        /// <summary>The regression rule's thresholds (a fraction; milliseconds) and minimum baseline.</summary>
        public double RelativeThreshold = Statistics.RegressionRule.DefaultRelativeThreshold;
        public double AbsoluteThreshold = Statistics.RegressionRule.DefaultAbsoluteThreshold;
        public int MinimumSamples;
        public int RunCount;
        public double LastTotalDuration;
        public DateTimeOffset Timestamp;
        public WorkflowRunSummary[] Runs = Array.Empty<WorkflowRunSummary>();
        public BottleneckAlert[] LastAlerts = Array.Empty<BottleneckAlert>();
        public NodeState[] Nodes = Array.Empty<NodeState>();
    }

    /// <summary>One node's history: its window with run numbers and its all-time counters.</summary>
    internal sealed class NodeState
    {
        public string NodeId;
        public string NodeType;
        public string NodeLabel;
        public long ExecutionCount;
        /// <summary>All-time samples; its Count is the node's RunCount.</summary>
        public RunningStatistics AllTime;
        public double[] Durations = Array.Empty<double>();
        public int[] RunNumbers = Array.Empty<int>();
        /// <summary>Self time of each window sample (same order as Durations); equal to Durations for a node never nested into.</summary>
        public double[] SelfDurations = Array.Empty<double>();
        /// <summary>All-time runs in which the node failed, and was stopped (not in AllTime).</summary>
        public long FailedCount, StoppedCount;
        /// <summary>Recent runs in which the node failed or was stopped, ascending, with their statuses.</summary>
        public int[] UnsuccessfulRunNumbers = Array.Empty<int>();
        public NodeStatus[] UnsuccessfulStatuses = Array.Empty<NodeStatus>();
    }
}
