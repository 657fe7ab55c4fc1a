using System;
using System.Collections.Generic;
using System.Threading;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>Recording of executions with their place in time (start, lane, parent) and the run's shape.</summary>
    public sealed partial class WorkflowRun
    {
        /// <summary>Thread of each lane number (index = Lane - 1), in order of first record. Guarded by itself.</summary>
        private readonly List<int> _laneThreads = new List<int>();
        /// <summary>Lane number of each thread that recorded; guarded by <see cref="_laneThreads"/>.</summary>
        private readonly Dictionary<int, int> _threadLanes = new Dictionary<int, int>();

        /// <summary>Throws <see cref="ProfilerException"/> (RunClosed) unless the run still takes timings.</summary>
        internal void EnsureRunning()
        {
            if (_state != WorkflowRunState.Running) throw Closed();
        }

        /// <summary>
        /// Records one execution. Measured executions give their clock timestamps; hand-timed ones are taken to
        /// have ended now. <paramref name="scope"/>, when given, learns its Sequence so its children can name it.
        /// Takes only the calling thread's lane lock (and the workflow lock the first time a node is seen).
        /// </summary>
        internal RecordResult RecordExecution(string nodeId, double durationMs, string nodeType, string nodeLabel,
            NodeScope parent, double selfMs, NodeStatus status, bool measured, long startTimestamp, long endTimestamp,
            double preOverhead, NodeScope scope, double? endOffsetMs = null)
        {
            Validation.Duration(durationMs, "Duration");
            long now = measured ? endTimestamp : _owner.Clock.GetTimestamp();
            RunLane lane = _lanes[RunLane.ForCurrentThread()];
            // The lane's last part is only a hint here (it is this lane's part of some node); the lock confirms it.
            // A hit names an existing node, so only a miss needs the id checked (loops pass the same string instance).
            NodePart part = lane.Last;
            RunNode node;
            if (part != null && ((object)part.Node.NodeId == nodeId || string.Equals(part.Node.NodeId, nodeId, StringComparison.OrdinalIgnoreCase)))
                node = part.Node;
            else
            {
                Validation.NodeId(nodeId);
                node = GetOrAddNode(nodeId);
            }
            int thread = Environment.CurrentManagedThreadId;
            lane.Enter();
            try
            {
                if (_state != WorkflowRunState.Running) throw Closed();
                if (part == null || part.Node != node) part = node.PartFor(lane.Index);
                Validation.Total(part.Total, durationMs, node.NodeId);   // refused before anything changes
                lane.Last = part;
                if (nodeType != null) node.NodeType = nodeType;
                if (nodeLabel != null) node.NodeLabel = nodeLabel;
                // A node re-entered inside itself counts only its outermost execution toward its inclusive time, so
                // no node's time exceeds the run's; self times still add up.
                if (!IsReentry(parent, node.NodeId)) part.Total += durationMs;
                part.SelfTotal += selfMs;
                part.Executions++;
                if (!measured && parent == null) lane.HandTimeline += durationMs;
                if (status != NodeStatus.Succeeded)
                {
                    lane.Failed++;
                    if (status == NodeStatus.Failed) part.Failed++;
                    else part.Stopped++;
                }
                int threadNumber;
                long sequence;
                if (lane.LastThread == thread)
                {
                    threadNumber = lane.LastThreadNumber;
                    sequence = Interlocked.Increment(ref _executions.Value);
                }
                else sequence = NextSequenceOfThread(lane, thread, out threadNumber);
                if (scope != null) scope.Sequence = sequence;
                double endOffset = endOffsetMs ?? (now - StartTimestamp) * 1000.0 / _frequency;   // imported runs give their own
                if (sequence <= MaxSamplesPerRun)
                {
                    ref TimingSample s = ref lane.Append();
                    s.Parent = parent;
                    s.Duration = durationMs;
                    s.EndOffset = endOffset;
                    s.SelfDuration = selfMs;
                    s.Overhead = measured ? preOverhead + (_owner.Clock.GetTimestamp() - endTimestamp) * 1000.0 / _frequency : 0;
                    s.Sequence = (int)sequence;
                    s.NodeIndex = node.Index;
                    s.Lane = threadNumber;
                    s.Status = status;
                }
                return new RecordResult(sequence, endOffset, node.Alerted ? null : CheckBottleneck(node), threadNumber);
            }
            finally
            {
                lane.Exit();
            }
        }

        /// <summary>True when an enclosing execution of <paramref name="parent"/>'s chain is the same node.</summary>
        private static bool IsReentry(NodeScope parent, string nodeId)
        {
            for (NodeScope p = parent; p != null; p = p.Parent)
                if (string.Equals(p.NodeId, nodeId, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>Wall time, node time, critical path and lanes of the run. Caller holds the workflow lock; the run is closed.</summary>
        internal RunShape Shape(double wallTimeMs)
        {
            double nodeTime = 0;
            foreach (RunNode n in _nodeOrder) nodeTime += n.SelfTotal;
            long failed = 0;
            foreach (RunLane lane in _lanes) failed += lane.Failed;
            int kept = (int)Math.Min(Executions, MaxSamplesPerRun), top = 0;
            var next = new int[RunLane.Count];
            for (int seq = 1; seq <= kept; seq++) if (NextInOrder(next, seq).Parent == null) top++;
            var starts = new double[top];
            var ends = new double[top];
            var ids = new string[top];
            Array.Clear(next, 0, next.Length);
            for (int seq = 1, k = 0; seq <= kept; seq++)
            {
                ref TimingSample s = ref NextInOrder(next, seq);
                if (s.Parent != null) continue;
                starts[k] = s.EndOffset - s.Duration;
                ends[k] = s.EndOffset;
                ids[k++] = _nodeOrder[s.NodeIndex].NodeId;
            }
            double critical = CriticalPath.Longest(starts, ends, out int[] chain);
            var chainIds = new string[chain.Length];
            for (int i = 0; i < chain.Length; i++) chainIds[i] = ids[chain[i]];
            int laneCount;
            lock (_laneThreads) laneCount = _laneThreads.Count;
            return new RunShape(wallTimeMs, nodeTime, critical, chainIds, laneCount, failed);
        }

        /// <summary>The longest lane's hand-timed top-level executions laid end to end, in milliseconds (0: none). The run is closed.</summary>
        internal double HandTimeline()
        {
            double longest = 0;
            foreach (RunLane lane in _lanes) longest = Math.Max(longest, lane.HandTimeline);
            return longest;
        }

        /// <summary>The kept records of every lane in record order. Caller holds every lane's lock, or the run is closed.</summary>
        private TimingSample[] CopyLogInOrder()
        {
            var samples = new TimingSample[Math.Min(Executions, MaxSamplesPerRun)];
            var next = new int[RunLane.Count];
            for (int i = 0; i < samples.Length; i++) samples[i] = NextInOrder(next, i + 1);
            return samples;
        }

        /// <summary>
        /// The record with <paramref name="sequence"/>, given the lanes' read positions in <paramref name="next"/>
        /// (advanced past it). Each lane's part of the log is in increasing Sequence and the kept sequences are
        /// gapless, so record order is a merge: the next record is at the head of one lane.
        /// </summary>
        private ref TimingSample NextInOrder(int[] next, int sequence)
        {
            for (int l = 0; l < RunLane.Count; l++)
            {
                RunLane lane = _lanes[l];
                if (next[l] < lane.Logged && lane.At(next[l]).Sequence == sequence) return ref lane.At(next[l]++);
            }
            throw new InvalidOperationException($"Execution {sequence} of run {RunNumber} of workflow '{WorkflowId}' is missing from its log.");
        }

        /// <summary>
        /// The sequence of a record by a thread that is not the lane's last: its number in the run, given on its
        /// first record. Numbering and sequencing happen under one lock, so threads are numbered in the order of
        /// their first records. Caller holds the lane's lock.
        /// </summary>
        private long NextSequenceOfThread(RunLane lane, int thread, out int threadNumber)
        {
            long sequence;
            lock (_laneThreads)
            {
                if (!_threadLanes.TryGetValue(thread, out threadNumber))
                {
                    _laneThreads.Add(thread);
                    threadNumber = _laneThreads.Count;
                    _threadLanes.Add(thread, threadNumber);
                }
                sequence = Interlocked.Increment(ref _executions.Value);
            }
            lane.LastThread = thread;
            lane.LastThreadNumber = threadNumber;
            return sequence;
        }

        /// <summary>The managed thread id of each lane number (index = Lane - 1).</summary>
        private int[] LaneThreads()
        {
            lock (_laneThreads) return _laneThreads.ToArray();
        }

        private ProfilerException Closed() => new ProfilerException(ProfilerErrorKind.RunClosed,
            $"Run {RunNumber} of workflow '{WorkflowId}' is {_state} and takes no more timings: start a new run with Start-WorkflowProfile.");
    }
}
