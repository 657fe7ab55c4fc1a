using System;
using System.Collections.Generic;

namespace Profiler.PS.Engine
{
    // Completing a run: its nodes' totals become samples of their windows, and the run joins the history.
    public sealed partial class WorkflowProfiler
    {
        /// <summary>
        /// Completes <paramref name="run"/>: each node's total in the run becomes one sample of its window.
        /// A run that recorded nothing changes no history and is not counted. Without
        /// <paramref name="totalDurationMs"/>, the total is the wall time since the run started.
        /// </summary>
        public RunCompletion Complete(WorkflowRun run, double? totalDurationMs = null) => CompleteAt(run, totalDurationMs, null);

        /// <summary>As <see cref="Complete(WorkflowRun, double?)"/>; an imported run gives its own <paramref name="endTime"/>, and its wall time is its total.</summary>
        private RunCompletion CompleteAt(WorkflowRun run, double? totalDurationMs, DateTimeOffset? endTime, bool atLastRecord = false)
        {
            if (totalDurationMs is double t) Validation.Duration(t, "TotalDuration");
            long end = atLastRecord && run != null ? run.LastRecordTimestamp : Clock.GetTimestamp();
            lock (SyncRoot)
            {
                if (run == null || run.Owner != this || !ReferenceEquals(run, _current))
                    throw new ProfilerException(ProfilerErrorKind.NoRunInProgress,
                        $"No run of workflow '{WorkflowId}' is in flight: call Start-WorkflowProfile -WorkflowId {WorkflowId} first.");
                run.Close(WorkflowRunState.Completed);
                _current = null;
                IReadOnlyList<RunNode> runNodes = run.Nodes;
                if (runNodes.Count == 0)   // nothing to write, but a pending write of an earlier run is retried
                    return new RunCompletion(SnapshotLocked(), null, Array.Empty<BottleneckAlert>(), AppendHistoryLocked(null, null));
                double elapsed = Clock.ElapsedMilliseconds(run.StartTimestamp, end);
                double wall = endTime.HasValue ? (totalDurationMs ?? elapsed) : elapsed;
                RunShape shape = run.Shape(wall);
                double total = Total(totalDurationMs, wall, shape.CriticalPath, run.HandTimeline(), out RunTotalSource source);
                DateTimeOffset timestamp = endTime ?? Clock.Now;
                BottleneckAlert[] alerts = run.FinalAlerts(Rule);
                RunTimeline timeline = run.Timeline();
                timeline.ShareNodeIds(_lastTimeline);   // runs of one workflow usually record the same nodes: keep one id array
                _lastTimeline = timeline;
                WorkflowRunSummary Summary() => new WorkflowRunSummary(run.RunNumber, run.RunId, run.StartTime, timestamp, total, runNodes.Count,
                    run.Executions, alerts.Length, shape.WithTotalSource(source)).WithTimeline(timeline).WithTestCounts(run.SkippedCount, run.NotRunCount);
                WorkflowRunSummary summary = Summary();
                // The history numbers the run (under its lock, after any other process's runs) before the session folds it in.
                ProfilerException historyError = AppendHistoryLocked(run, summary, alerts);
                if (summary.RunNumber != run.RunNumber)
                {
                    summary = Summary();
                    for (int i = 0; i < alerts.Length; i++) alerts[i] = alerts[i].WithRunNumber(run.RunNumber);
                }
                foreach (RunNode rn in runNodes) Fold(rn, run.RunNumber);
                _runCount = run.RunNumber;
                _lastTotal = total;
                _timestamp = timestamp;
                KnowRunLocked(run.RunId, run.RunNumber);
                _lastAlerts = alerts;
                _runs.Add(summary);
                TrimRunsLocked();
                NodePerformanceData[] nodes = SnapshotNodesLocked();
                _lastComparison = SummarizeLocked(nodes, run.RunNumber);
                return new RunCompletion(SnapshotLocked(nodes), summary, _lastAlerts, historyError);
            }
        }

        /// <summary>
        /// Completes <paramref name="run"/> for a session that ended before Complete-WorkflowProfile: as
        /// <see cref="Complete(WorkflowRun, double?)"/>, but its wall time runs to its latest record, not to the moment the
        /// session closed (which adds the error's display and the host's shutdown to a failed run).
        /// </summary>
        internal RunCompletion CompleteAtLastRecord(WorkflowRun run) => CompleteAt(run, null, null, atLastRecord: true);

        /// <summary>
        /// A run's total: the given one; else the wall time, unless durations given by hand describe a longer timeline
        /// (their lane laid end to end, or the critical path of what was recorded), so that a total is never below the
        /// work recorded in the run and the workflow total's verdict judges real work.
        /// </summary>
        private static double Total(double? given, double wall, double criticalPath, double handTimeline, out RunTotalSource source)
        {
            source = RunTotalSource.Given;
            if (given is double g) return g;
            double timeline = handTimeline > 0 ? Math.Max(criticalPath, handTimeline) : 0;
            source = timeline > wall ? RunTotalSource.Timeline : RunTotalSource.Clock;
            return Math.Max(wall, timeline);
        }
    }
}
