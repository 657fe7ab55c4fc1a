using System;
using System.Globalization;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>One completed run of a workflow, as kept in its profile's recent-run list.</summary>
    public sealed class WorkflowRunSummary
    {
        /// <summary>Creates a summary.</summary>
        public WorkflowRunSummary(int runNumber, Guid runId, DateTimeOffset startTime, DateTimeOffset endTime,
            double totalDuration, int nodeCount, long executionCount, int alertCount, RunShape shape = null)
        {
            RunNumber = runNumber;
            RunId = runId;
            StartTime = startTime;
            EndTime = endTime;
            TotalDuration = totalDuration;
            NodeCount = nodeCount;
            ExecutionCount = executionCount;
            AlertCount = alertCount;
            WallTime = shape?.WallTime ?? totalDuration;
            NodeTimeSum = shape?.NodeTimeSum ?? 0;
            CriticalPath = shape?.CriticalPath ?? 0;
            CriticalPathNodes = shape?.CriticalPathNodes ?? System.Array.Empty<string>();
            LaneCount = shape?.LaneCount ?? 0;
            FailedCount = shape?.FailedCount ?? 0;
            TotalSourceValue = shape?.TotalSource ?? RunTotalSource.Clock;
        }

        /// <summary>The run's executions with start, lane and parent (drawn as they ran), or null for runs stored
        /// before schema version 4 (drawn end to end). Not a public member: it would make the summary large in outputs.</summary>
        internal RunTimeline Timeline { get; private set; }

        /// <summary>Attaches the run's timeline while the summary is built (before anyone else sees it).</summary>
        internal WorkflowRunSummary WithTimeline(RunTimeline timeline)
        {
            Timeline = timeline;
            _hasFailures = null;
            return this;
        }

        /// <summary>
        /// A copy without the timeline, for a run kept only as a baseline (older than the window and the run before it):
        /// only its total and whether it was cut short are read there. Null when the run had failed or stopped
        /// executions, whose timeline <see cref="HasFailures"/> reads: such a run keeps it.
        /// </summary>
        internal WorkflowRunSummary WithoutTimeline() => Timeline == null || FailedCount > 0 ? null
            : new WorkflowRunSummary(RunNumber, RunId, StartTime, EndTime, TotalDuration, NodeCount, ExecutionCount, AlertCount,
                Persistence.ShapeFields.Of(this)).WithTestCounts(SkippedCount, NotRunCount);

        /// <summary>Attaches an imported run's skipped and not-run test counts while the summary is built.</summary>
        internal WorkflowRunSummary WithTestCounts(long skipped, long notRun)
        {
            SkippedCount = skipped;
            NotRunCount = notRun;
            return this;
        }

        /// <summary>Tests the imported report or run listed as skipped (not timed, so not samples); 0 for runs recorded live.</summary>
        public long SkippedCount { get; private set; }
        /// <summary>Tests the imported report or run listed as not run (not timed, so not samples); 0 for runs recorded live.</summary>
        public long NotRunCount { get; private set; }

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
        /// <summary>Milliseconds the clock measured from the run's start to its completion (even when a total was given).</summary>
        public double WallTime { get; }
        /// <summary>Sum of every execution's self time, in milliseconds: node time counted once even when nested.
        /// Above <see cref="WallTime"/> when branches ran in parallel.</summary>
        public double NodeTimeSum { get; }
        /// <summary>The longest chain of top-level executions that ran one after another (each started when or after
        /// the previous ended), in milliseconds: the time the run needs even with unlimited parallelism.</summary>
        public double CriticalPath { get; }
        /// <summary>The node ids along <see cref="CriticalPath"/>, in order.</summary>
        public string[] CriticalPathNodes { get; }
        /// <summary>How many threads (lanes) recorded executions in the run.</summary>
        public int LaneCount { get; }
        /// <summary>Executions in the run that ended Failed or Stopped.</summary>
        public long FailedCount { get; }
        /// <summary>
        /// True when the run's work was cut short: an execution failed, or a top-level step was stopped and nothing ran
        /// after it on its thread (Ctrl+C). Its total then measures less than the run's work, so it is never judged
        /// against, nor used as a baseline for, other runs' totals. A stop the run went on after is not cut short: a
        /// function a downstream Select-Object -First stopped inside a statement that succeeded, or a top-level
        /// Measure-WorkflowNode piped to Select-Object -First followed by further steps. Without the run's full timeline
        /// (runs stored before schema version 4, or over 100,000 executions) any failed or stopped execution
        /// (<see cref="FailedCount"/> above 0) counts.
        /// </summary>
        internal bool HasFailures => _hasFailures ?? (bool)(_hasFailures = CutShort());

        private bool? _hasFailures;

        private bool CutShort()
        {
            if (FailedCount == 0) return false;
            if (Timeline == null || Timeline.Count < ExecutionCount) return true;
            TimelineExecution[] executions = Timeline.Executions;
            // Executions are in record order, so a lane's top-level steps are in the order they ran.
            var lastTopLevel = new System.Collections.Generic.Dictionary<int, int>();
            for (int i = 0; i < executions.Length; i++)
            {
                if (executions[i].Status == NodeStatus.Failed) return true;
                if (executions[i].Parent < 0) lastTopLevel[executions[i].Lane] = i;
            }
            for (int i = 0; i < executions.Length; i++)
                if (executions[i].Status == NodeStatus.Stopped && executions[i].Parent < 0 && lastTopLevel[executions[i].Lane] == i) return true;
            return false;
        }
        /// <summary>Where <see cref="TotalDuration"/> came from: Clock (the wall time), Timeline (hand-given durations
        /// that add up to more than the clock saw) or Given (-TotalDuration): a <see cref="RunTotalSource"/> name, as a string
        /// so that ConvertTo-Json and Export-Csv write the name.</summary>
        public string TotalSource => TotalSourceValue.ToString();
        /// <summary>Where <see cref="TotalDuration"/> came from, as the enum.</summary>
        internal RunTotalSource TotalSourceValue { get; }

        /// <summary>How long the run's picture is, in milliseconds: its recorded timeline when steps given by hand reach past
        /// the clock (<see cref="RunTotalSource.Timeline"/>: the total), else the wall time.</summary>
        internal double TimelineLength => TotalSourceValue == RunTotalSource.Timeline ? TotalDuration : WallTime;

        /// <summary>For example <c>run 3: 5,000.0 ms, 4 nodes</c>.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "run {0}: {1:N1} ms, {2} node{3}", RunNumber, TotalDuration, NodeCount, NodeCount == 1 ? "" : "s");
    }
}
