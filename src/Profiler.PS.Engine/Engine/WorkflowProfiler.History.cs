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
            foreach (HistoryNode n in r.Nodes) Fold(n.NodeId, n.NodeType, n.NodeLabel, n.Duration, n.SelfDuration ?? n.Duration, n.Executions, runNumber, n.Status);
            _runCount = runNumber;
            KnowRunLocked(r.RunId);
            _lastTotal = r.TotalDuration;
            _timestamp = r.EndTime;
            var alerts = new BottleneckAlert[r.Alerts.Length];
            for (int i = 0; i < alerts.Length; i++)
            {
                BottleneckAlert a = r.Alerts[i];
                alerts[i] = new BottleneckAlert(WorkflowId, runNumber, a.NodeId, a.NodeLabel, a.Duration, a.BaselineMedian, a.BaselineSamples, a.Timestamp);
            }
            _lastAlerts = alerts;
            _runs.Enqueue(new WorkflowRunSummary(runNumber, r.RunId, r.StartTime, r.EndTime, r.TotalDuration, r.Nodes.Length, r.ExecutionCount, alerts.Length, r.Shape));
            while (_runs.Count > WindowSize + 1) _runs.Dequeue();
        }

        /// <summary>Completed runs whose history line is not in the file yet, oldest first. Guarded by the workflow's lock.</summary>
        private readonly List<PendingLine> _pending = new List<PendingLine>();

        private readonly struct PendingLine
        {
            public PendingLine(int runNumber, string line) { RunNumber = runNumber; Line = line; }
            public int RunNumber { get; }
            public string Line { get; }
        }

        /// <summary>How many completed runs wait to be written to the history file (a write failed).</summary>
        public int PendingHistoryWrites { get { lock (SyncRoot) return _pending.Count; } }

        /// <summary>
        /// Writes the runs whose history write is pending, oldest first; each line is appended once (a failed append
        /// leaves the file as it was). Returns how many were written and the error that stopped the rest, or null.
        /// </summary>
        public ProfilerException SaveHistory(out int written)
        {
            lock (SyncRoot) return FlushPendingLocked(out written);
        }

        /// <summary>
        /// Queues the completed run's history line and writes every pending line. It runs under the workflow's lock
        /// so that records land in completion order; a failure is returned, never thrown: the run is completed in
        /// memory and its write stays pending.
        /// </summary>
        private ProfilerException AppendHistoryLocked(WorkflowRun run, WorkflowRunSummary summary)
        {
            if (HistoryFile == null) return null;
            if (run != null) _pending.Add(new PendingLine(run.RunNumber, RecordOf(run, summary).ToLine(WorkflowId)));
            return FlushPendingLocked(out _);
        }

        private ProfilerException FlushPendingLocked(out int written)
        {
            written = 0;
            while (_pending.Count > 0)
            {
                try
                {
                    Persistence.HistoryFile.Append(HistoryFile, _pending[0].Line);
                }
                catch (ProfilerException ex)
                {
                    string runs = _pending.Count == 1 ? $"run {_pending[0].RunNumber}" : $"{_pending.Count} runs ({_pending[0].RunNumber} to {_pending[_pending.Count - 1].RunNumber})";
                    return new ProfilerException(ProfilerErrorKind.HistoryWritePending,
                        $"The history write of {runs} of workflow '{TerminalText.Safe(WorkflowId)}' is pending: the run is completed in this session, " +
                        $"but {ex.Message.TrimEnd('.')}. Nothing is lost: the write is retried on the next Complete-WorkflowProfile of this workflow, " +
                        "by Save-WorkflowHistory, and when the module is removed.");
                }
                _pending.RemoveAt(0);
                written++;
            }
            return null;
        }

        private HistoryRecord RecordOf(WorkflowRun run, WorkflowRunSummary summary)
        {
            var nodes = new HistoryNode[run.Nodes.Count];
            for (int i = 0; i < nodes.Length; i++)
            {
                RunNode n = run.Nodes[i];
                nodes[i] = new HistoryNode { NodeId = n.NodeId, NodeType = n.NodeType, NodeLabel = n.NodeLabel, Duration = n.Total,
                    SelfDuration = n.SelfTotal, Executions = n.Executions, Status = n.Status };
            }
            return new HistoryRecord
            {
                RunId = summary.RunId, StartTime = summary.StartTime, EndTime = summary.EndTime, TotalDuration = summary.TotalDuration,
                ExecutionCount = summary.ExecutionCount, Nodes = nodes, Alerts = _lastAlerts, Shape = Persistence.ShapeFields.Of(summary),
            };
        }
    }
}
