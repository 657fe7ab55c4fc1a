using System;
using System.Globalization;

namespace Profiler.PS
{
    /// <summary>
    /// A snapshot of one workflow's profile: its node statistics, bottlenecks and latest run
    /// (Complete-WorkflowProfile, Get-WorkflowProfile). A value never changes once created.
    /// </summary>
    public sealed class WorkflowPerformanceProfile
    {
        /// <summary>Creates a snapshot without a comparison.</summary>
        public WorkflowPerformanceProfile(string workflowId, string workflowName, double totalDuration,
            NodePerformanceData[] nodeData, string[] bottlenecks, DateTimeOffset timestamp, int runCount,
            int windowSize, bool isRunInProgress, BottleneckAlert[] alerts, WorkflowRunSummary[] runs)
            : this(workflowId, workflowName, totalDuration, nodeData, bottlenecks, timestamp, runCount, windowSize, isRunInProgress,
                alerts, runs, (Lazy<RunComparisonSummary>)null)
        {
        }

        /// <summary>Creates a snapshot; the engine does this.</summary>
        public WorkflowPerformanceProfile(string workflowId, string workflowName, double totalDuration,
            NodePerformanceData[] nodeData, string[] bottlenecks, DateTimeOffset timestamp, int runCount,
            int windowSize, bool isRunInProgress, BottleneckAlert[] alerts, WorkflowRunSummary[] runs, RunComparisonSummary comparison)
            : this(workflowId, workflowName, totalDuration, nodeData, bottlenecks, timestamp, runCount, windowSize, isRunInProgress,
                alerts, runs, comparison == null ? null : new Lazy<RunComparisonSummary>(() => comparison))
        {
        }

        /// <summary>The engine's constructor: the comparison is computed from immutable copies on first read.</summary>
        internal WorkflowPerformanceProfile(string workflowId, string workflowName, double totalDuration,
            NodePerformanceData[] nodeData, string[] bottlenecks, DateTimeOffset timestamp, int runCount,
            int windowSize, bool isRunInProgress, BottleneckAlert[] alerts, WorkflowRunSummary[] runs, Lazy<RunComparisonSummary> comparison)
        {
            _comparison = comparison;
            WorkflowId = workflowId;
            WorkflowName = workflowName;
            TotalDuration = totalDuration;
            NodeData = nodeData ?? Array.Empty<NodePerformanceData>();
            Bottlenecks = bottlenecks ?? Array.Empty<string>();
            Timestamp = timestamp;
            RunCount = runCount;
            WindowSize = windowSize;
            IsRunInProgress = isRunInProgress;
            Alerts = alerts ?? Array.Empty<BottleneckAlert>();
            Runs = runs ?? Array.Empty<WorkflowRunSummary>();
        }

        /// <summary>The workflow's id, unique in the session (compared case-insensitively).</summary>
        public string WorkflowId { get; }
        /// <summary>The workflow's display name.</summary>
        public string WorkflowName { get; }
        /// <summary>Total duration of the latest completed run, in milliseconds (0 before the first).</summary>
        public double TotalDuration { get; }
        /// <summary>Statistics of every node, in the order the nodes first ran.</summary>
        public NodePerformanceData[] NodeData { get; }
        /// <summary>Ids of the 5 slowest nodes by window average, slowest first, ties by NodeId.</summary>
        public string[] Bottlenecks { get; }
        /// <summary>When the latest run was completed (when the workflow was created, before that).</summary>
        public DateTimeOffset Timestamp { get; }
        /// <summary>Completed runs, all-time.</summary>
        public int RunCount { get; }
        /// <summary>How many runs each node's window keeps.</summary>
        public int WindowSize { get; }
        /// <summary>True when a run was in flight when the snapshot was taken.</summary>
        public bool IsRunInProgress { get; }
        /// <summary>Nodes that tripped the bottleneck rule in the latest completed run.</summary>
        public BottleneckAlert[] Alerts { get; }
        /// <summary>The latest completed runs (at most WindowSize), oldest first.</summary>
        public WorkflowRunSummary[] Runs { get; }
        /// <summary>The latest completed run against the runs before it (see Compare-WorkflowRun); null before the first run.</summary>
        public RunComparisonSummary Comparison => _comparison?.Value;

        private readonly Lazy<RunComparisonSummary> _comparison;

        /// <summary>For example <c>build (Nightly build): 5 runs, last 5,000.0 ms</c>.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0} ({1}): {2} run{3}, last {4:N1} ms", WorkflowId, WorkflowName, RunCount, RunCount == 1 ? "" : "s", TotalDuration);
    }
}
