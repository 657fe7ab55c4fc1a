using System.Collections.Generic;
using Profiler.PS.Persistence;

namespace Profiler.PS.Engine
{
    public sealed partial class WorkflowProfiler
    {
        /// <summary>The JSON Lines file completed runs are appended to, or null when the workflow has no history folder.</summary>
        public string HistoryFile { get; internal set; }

        /// <summary>
        /// A new workflow holding the history in <paramref name="file"/> (none when it does not exist), read line by
        /// line into the node windows: memory follows the window, not the number of runs in the file.
        /// </summary>
        internal static WorkflowProfiler LoadHistory(string workflowId, string file, WorkflowSettings settings, IProfilerClock clock, List<string> warnings)
        {
            var wf = new WorkflowProfiler(workflowId, clock) { HistoryFile = file };
            lock (wf.SyncRoot)
            {
                wf.Apply(settings);
                Persistence.HistoryFile.Load(file, workflowId, wf.ReplayLocked, warnings);
                wf.RefreshComparisonLocked();
            }
            return wf;
        }

        /// <summary>Folds one history record in as the next completed run, as Complete would have. Caller holds the lock.</summary>
        private void ReplayLocked(HistoryRecord r)
        {
            int runNumber = _runCount + 1;
            foreach (HistoryNode n in r.Nodes) Fold(n.NodeId, n.NodeType, n.NodeLabel, n.Duration, n.SelfDuration ?? n.Duration, n.Executions, runNumber);
            _runCount = runNumber;
            KnowRunLocked(r.RunId);
            _lastTotal = r.TotalDuration;
            _timestamp = r.EndTime;
            var alerts = new BottleneckAlert[r.Alerts.Length];
            for (int i = 0; i < alerts.Length; i++)
            {
                BottleneckAlert a = r.Alerts[i];
                alerts[i] = new BottleneckAlert(WorkflowId, runNumber, a.NodeId, a.NodeLabel, a.Duration, a.BaselineAverage, a.BaselineSamples, a.Factor, a.Timestamp);
            }
            _lastAlerts = alerts;
            _runs.Enqueue(new WorkflowRunSummary(runNumber, r.RunId, r.StartTime, r.EndTime, r.TotalDuration, r.Nodes.Length, r.ExecutionCount, alerts.Length, r.Shape));
            while (_runs.Count > WindowSize) _runs.Dequeue();
        }

        /// <summary>
        /// Appends the completed run to the history file, if any. It runs under the workflow's lock so that records
        /// land in completion order; a failure is returned, never thrown, because the run is completed in memory.
        /// </summary>
        private ProfilerException AppendHistoryLocked(WorkflowRun run, WorkflowRunSummary summary)
        {
            if (HistoryFile == null) return null;
            var nodes = new HistoryNode[run.Nodes.Count];
            for (int i = 0; i < nodes.Length; i++)
            {
                RunNode n = run.Nodes[i];
                nodes[i] = new HistoryNode { NodeId = n.NodeId, NodeType = n.NodeType, NodeLabel = n.NodeLabel, Duration = n.Total,
                    SelfDuration = n.SelfTotal, Executions = n.Executions };
            }
            var record = new HistoryRecord
            {
                RunId = summary.RunId, StartTime = summary.StartTime, EndTime = summary.EndTime, TotalDuration = summary.TotalDuration,
                ExecutionCount = summary.ExecutionCount, Nodes = nodes, Alerts = _lastAlerts, Shape = Persistence.ShapeFields.Of(summary),
            };
            try
            {
                Persistence.HistoryFile.Append(HistoryFile, record.ToLine(WorkflowId));
                return null;
            }
            catch (ProfilerException ex)
            {
                return ex;
            }
        }
    }
}
