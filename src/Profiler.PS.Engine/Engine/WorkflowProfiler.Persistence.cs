using System;
using System.Collections.Generic;
using Profiler.PS.Persistence;

namespace Profiler.PS.Engine
{
    public sealed partial class WorkflowProfiler
    {
        /// <summary>The completed history as plain state (a run in flight is not part of it).</summary>
        internal WorkflowState CaptureState()
        {
            lock (SyncRoot)
            {
                var nodes = new NodeState[_nodeOrder.Count];
                for (int i = 0; i < nodes.Length; i++)
                {
                    NodeHistory h = _nodeOrder[i];
                    nodes[i] = new NodeState
                    {
                        NodeId = h.NodeId, NodeType = h.NodeType, NodeLabel = h.NodeLabel, ExecutionCount = h.ExecutionCount,
                        AllTime = h.AllTime, Durations = h.CopyKept(), RunNumbers = h.CopyKeptRunNumbers(),
                        SelfDurations = h.CopyKeptSelf(), FailedCount = h.AllTimeFailed, StoppedCount = h.AllTimeStopped,
                    };
                    var runs = new List<int>();
                    var statuses = new List<NodeStatus>();
                    foreach (UnsuccessfulRun u in h.Unsuccessful) { runs.Add(u.RunNumber); statuses.Add(u.Status); }
                    nodes[i].UnsuccessfulRunNumbers = runs.ToArray();
                    nodes[i].UnsuccessfulStatuses = statuses.ToArray();
                }
                return new WorkflowState
                {
                    WorkflowId = WorkflowId, WorkflowName = WorkflowName, WindowSize = WindowSize, RelativeThreshold = Rule.RelativeThreshold, AbsoluteThreshold = Rule.AbsoluteThreshold,
                    MinimumSamples = MinimumSamples, RunCount = _runCount, LastTotalDuration = _lastTotal, Timestamp = _timestamp,
                    Runs = _runs.ToArray(), LastAlerts = (BottleneckAlert[])_lastAlerts.Clone(), Nodes = nodes,
                };
            }
        }

        /// <summary>A workflow holding exactly <paramref name="state"/>, its latest run's comparison recomputed.</summary>
        internal static WorkflowProfiler FromState(WorkflowState state, IProfilerClock clock)
        {
            var wf = new WorkflowProfiler(state.WorkflowId, clock);
            lock (wf.SyncRoot)
            {
                wf.WorkflowName = state.WorkflowName;
                wf.WindowSize = state.WindowSize;
                wf.Rule = new Statistics.RegressionRule(state.RelativeThreshold, state.AbsoluteThreshold, state.MinimumSamples);
                wf._runCount = state.RunCount;
                wf._lastTotal = state.LastTotalDuration;
                wf._timestamp = state.Timestamp;
                foreach (WorkflowRunSummary r in state.Runs)
                {
                    wf._runs.Add(r);
                    wf.KnowRunLocked(r.RunId, r.RunNumber);
                }
                wf.TrimRunsLocked();
                wf._lastAlerts = state.LastAlerts;
                foreach (NodeState n in state.Nodes)
                {
                    var h = new NodeHistory(n.NodeId, state.WindowSize) { NodeType = n.NodeType, NodeLabel = n.NodeLabel };
                    h.Restore(n.Durations, n.RunNumbers, n.SelfDurations, n.ExecutionCount, n.AllTime);
                    h.RestoreOutcomes(n.FailedCount, n.StoppedCount, n.UnsuccessfulRunNumbers, n.UnsuccessfulStatuses);
                    wf._nodes.Add(n.NodeId, h);
                    wf._nodeOrder.Add(h);
                }
                wf.RefreshComparisonLocked();
            }
            return wf;
        }

        /// <summary>Recomputes the latest run's comparison summary after history was loaded. Caller holds the lock.</summary>
        private void RefreshComparisonLocked()
        {
            int latest = 0;
            foreach (WorkflowRunSummary r in _runs) latest = Math.Max(latest, r.RunNumber);
            _lastComparison = latest > 0 ? SummarizeLocked(SnapshotNodesLocked(), latest) : null;
        }

        /// <summary>The ids of every run the workflow keeps a summary of.</summary>
        internal static HashSet<Guid> RunIds(WorkflowState state)
        {
            var ids = new HashSet<Guid>();
            foreach (WorkflowRunSummary r in state.Runs) ids.Add(r.RunId);
            return ids;
        }
    }
}
