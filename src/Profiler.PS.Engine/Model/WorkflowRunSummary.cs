using System;
using System.Globalization;

namespace Profiler.PS
{
    /// <summary>One completed run of a workflow, as kept in its profile's recent-run list.</summary>
    public sealed class WorkflowRunSummary
    {
        /// <summary>Creates a summary.</summary>
        public WorkflowRunSummary(int runNumber, Guid runId, DateTimeOffset startTime, DateTimeOffset endTime,
            double totalDuration, int nodeCount, long executionCount, int alertCount)
        {
            RunNumber = runNumber;
            RunId = runId;
            StartTime = startTime;
            EndTime = endTime;
            TotalDuration = totalDuration;
            NodeCount = nodeCount;
            ExecutionCount = executionCount;
            AlertCount = alertCount;
        }

        /// <summary>The run's number in its workflow, 1 for the first.</summary>
        public int RunNumber { get; }
        /// <summary>A unique id of the run.</summary>
        public Guid RunId { get; }
        /// <summary>When the run started.</summary>
        public DateTimeOffset StartTime { get; }
        /// <summary>When the run was completed.</summary>
        public DateTimeOffset EndTime { get; }
        /// <summary>The run's total duration in milliseconds (given to Complete, else wall time).</summary>
        public double TotalDuration { get; }
        /// <summary>Distinct nodes recorded in the run.</summary>
        public int NodeCount { get; }
        /// <summary>Node executions recorded in the run.</summary>
        public long ExecutionCount { get; }
        /// <summary>Nodes that tripped the bottleneck rule in the run.</summary>
        public int AlertCount { get; }

        /// <summary>For example <c>run 3: 5,000.0 ms, 4 nodes</c>.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "run {0}: {1:N1} ms, {2} node{3}", RunNumber, TotalDuration, NodeCount, NodeCount == 1 ? "" : "s");
    }
}
