using System;
using System.Collections.Generic;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>Recording of executions with their place in time (start, lane, parent) and the run's shape.</summary>
    public sealed partial class WorkflowRun
    {
        private readonly Dictionary<int, int> _lanes = new Dictionary<int, int>();
        private int _lastThread = -1;
        private int _lastLane;
        private long _failed;

        /// <summary>Throws <see cref="ProfilerException"/> (RunClosed) unless the run still takes timings.</summary>
        internal void EnsureRunning()
        {
            lock (_owner.SyncRoot)
                if (_state != WorkflowRunState.Running) throw Closed();
        }

        /// <summary>
        /// Records one execution. Measured executions give their clock timestamps; hand-timed ones are taken to
        /// have ended now. <paramref name="scope"/>, when given, learns its Sequence so its children can name it.
        /// </summary>
        internal RecordResult RecordExecution(string nodeId, double durationMs, string nodeType, string nodeLabel,
            NodeScope parent, double selfMs, NodeStatus status, bool measured, long startTimestamp, long endTimestamp,
            double preOverhead, NodeScope scope)
        {
            Validation.NodeId(nodeId);
            Validation.Duration(durationMs, "Duration");
            IProfilerClock clock = _owner.Clock;
            long now = measured ? endTimestamp : clock.GetTimestamp();
            lock (_owner.SyncRoot)
            {
                if (_state != WorkflowRunState.Running) throw Closed();
                RunNode node = _lastNode;
                if (node == null || !string.Equals(node.NodeId, nodeId, StringComparison.OrdinalIgnoreCase))
                    node = GetOrAddNode(nodeId);
                _lastNode = node;
                if (nodeType != null) node.NodeType = nodeType;
                if (nodeLabel != null) node.NodeLabel = nodeLabel;
                node.Total += durationMs;
                node.SelfTotal += selfMs;
                node.Executions++;
                _executions++;
                if (status != NodeStatus.Succeeded) _failed++;
                if (scope != null) scope.Sequence = _executions;
                int lane = LaneOfCurrentThread();
                double endOffset = clock.ElapsedMilliseconds(StartTimestamp, now);
                if (_sampleCount < MaxSamplesPerRun)
                {
                    if (_sampleCount == _samples.Length) Array.Resize(ref _samples, Math.Min(_samples.Length * 2, MaxSamplesPerRun));
                    ref TimingSample s = ref _samples[_sampleCount++];
                    s.NodeIndex = node.Index;
                    s.Duration = durationMs;
                    s.EndOffset = endOffset;
                    s.StartOffset = measured ? clock.ElapsedMilliseconds(StartTimestamp, startTimestamp) : endOffset - durationMs;
                    s.ThreadId = Environment.CurrentManagedThreadId;
                    s.Lane = lane;
                    s.SelfDuration = selfMs;
                    s.Status = status;
                    s.Parent = parent;
                    s.Overhead = measured ? preOverhead + clock.ElapsedMilliseconds(endTimestamp, clock.GetTimestamp()) : 0;
                }
                return new RecordResult(_executions, endOffset, node.Alerted ? null : CheckBottleneck(node), lane);
            }
        }

        /// <summary>Wall time, node time, critical path and lanes of the run. Caller holds the workflow lock.</summary>
        internal RunShape Shape(double wallTimeMs)
        {
            double nodeTime = 0;
            foreach (RunNode n in _nodeOrder) nodeTime += n.SelfTotal;
            int top = 0;
            for (int i = 0; i < _sampleCount; i++) if (_samples[i].Parent == null) top++;
            var starts = new double[top];
            var ends = new double[top];
            var ids = new string[top];
            for (int i = 0, k = 0; i < _sampleCount; i++)
            {
                if (_samples[i].Parent != null) continue;
                starts[k] = _samples[i].StartOffset;
                ends[k] = _samples[i].EndOffset;
                ids[k++] = _nodeOrder[_samples[i].NodeIndex].NodeId;
            }
            double critical = CriticalPath.Longest(starts, ends, out int[] chain);
            var chainIds = new string[chain.Length];
            for (int i = 0; i < chain.Length; i++) chainIds[i] = ids[chain[i]];
            return new RunShape(wallTimeMs, nodeTime, critical, chainIds, _lanes.Count, _failed);
        }

        private int LaneOfCurrentThread()
        {
            int thread = Environment.CurrentManagedThreadId;
            if (thread == _lastThread) return _lastLane;
            if (!_lanes.TryGetValue(thread, out int lane))
            {
                lane = _lanes.Count + 1;
                _lanes.Add(thread, lane);
            }
            _lastThread = thread;
            _lastLane = lane;
            return lane;
        }

        private ProfilerException Closed() => new ProfilerException(ProfilerErrorKind.RunClosed,
            $"Run {RunNumber} of workflow '{WorkflowId}' is {_state} and takes no more timings: start a new run with Start-WorkflowProfile.");
    }
}
