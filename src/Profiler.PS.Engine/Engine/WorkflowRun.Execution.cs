using System;
using System.Collections.Generic;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>Recording of executions with their place in time (start, lane, parent) and the run's shape.</summary>
    public sealed partial class WorkflowRun
    {
        /// <summary>
        /// Guards everything a record changes: the log, the nodes' sums, the lanes and the state. One plain lock per
        /// run: a record holds it for well under a microsecond, behind a cmdlet call of tens of microseconds, so
        /// threads recording into one run seldom meet it (docs/benchmarks.md, "Recording").
        /// </summary>
        private readonly object _gate = new object();
        /// <summary>The kept execution records, in record order: record i has Sequence i + 1.</summary>
        private readonly List<TimingSample> _log = new List<TimingSample>();
        /// <summary>Managed thread id of each lane number (index = Lane - 1), in order of first record.</summary>
        private readonly List<int> _laneThreads = new List<int>();
        /// <summary>Lane number of each thread that recorded.</summary>
        private readonly Dictionary<int, int> _threadLanes = new Dictionary<int, int>();
        /// <summary>
        /// Per lane (index = Lane - 1): where the lane's top-level executions end on the run's timeline, in milliseconds.
        /// A hand-timed top-level execution (Add-NodeTiming) starts there at the earliest, so the steps one lane records one
        /// after another never overlap: they lie end to end in record order.
        /// </summary>
        private readonly List<double> _laneEnds = new List<double>();
        /// <summary>True once a top-level execution was given its duration by hand (its lane's timeline then counts toward the run's total).</summary>
        private bool _handTimed;
        /// <summary>The thread that recorded last and its lane number: a loop on one thread skips the lookup.</summary>
        private int _lastThread, _lastLane;
        /// <summary>The node recorded last: a loop over one node skips the lookup by id.</summary>
        private RunNode _lastNode;
        private long _executions, _failed;
        /// <summary>Clock timestamp of the latest record (a measured step's end, or when a step was given by hand).</summary>
        private long _lastRecorded;

        /// <summary>Clock timestamp of the latest record, or the run's start when nothing was recorded.</summary>
        internal long LastRecordTimestamp { get { lock (_gate) return Math.Max(StartTimestamp, _lastRecorded); } }

        /// <summary>Throws <see cref="ProfilerException"/> (RunClosed) unless the run still takes timings.</summary>
        internal void EnsureRunning()
        {
            if (_state != WorkflowRunState.Running) throw Closed();
        }

        /// <summary>
        /// Records one execution. Measured executions give their clock timestamps. A hand-timed one is taken to have ended
        /// now, except at the top level when that would overlap its lane's previous top-level execution: then it starts
        /// where that one ended, so a lane's hand-given steps lie end to end in record order, however long the calls took.
        /// <paramref name="scope"/>, when given, learns its Sequence so its children can name it.
        /// Takes the run's lock (and, before it, the workflow lock the first time a node is seen).
        /// </summary>
        internal RecordResult RecordExecution(string nodeId, double durationMs, string nodeType, string nodeLabel,
            NodeScope parent, double selfMs, NodeStatus status, bool measured, long startTimestamp, long endTimestamp,
            double preOverhead, NodeScope scope, double? endOffsetMs = null, int? exitCode = null)
        {
            Validation.Duration(durationMs, "Duration");
            durationMs += 0.0;   // a negative zero given by hand is stored (and shown) as 0, not -0.00
            long now = measured ? endTimestamp : _owner.Clock.GetTimestamp();
            RunNode node = _lastNode;
            // A hit names an existing node, so only a miss needs the id checked (loops pass the same string instance).
            if (node == null || ((object)node.NodeId != nodeId && !string.Equals(node.NodeId, nodeId, StringComparison.OrdinalIgnoreCase)))
            {
                Validation.NodeId(nodeId);
                node = GetOrAddNode(nodeId);   // the workflow lock, never taken while holding the run's lock
            }
            int thread = Environment.CurrentManagedThreadId;
            lock (_gate)
            {
                if (_state != WorkflowRunState.Running) throw Closed();
                // Refused before anything changes: the node's total, and the lane's timeline (the run's total), stay finite.
                Validation.Total(node.Total, durationMs, node.NodeId);
                double clockEnd = (now - StartTimestamp) * 1000.0 / _frequency;
                bool laidOut = !measured && parent == null && endOffsetMs == null;
                // A step given by hand ended when it was recorded, unless that overlaps its lane's previous step: then it
                // follows that step, so steps recorded one after another lie end to end whenever the calls were made.
                double laidStart = laidOut ? Math.Max(LaneEnd(thread), clockEnd - durationMs) : 0;
                if (laidOut) Validation.RunTotal(laidStart, durationMs, node.NodeId);
                _lastNode = node;
                int lane = thread == _lastThread ? _lastLane : LaneOf(thread);
                if (nodeType != null) node.NodeType = nodeType;
                if (!string.IsNullOrWhiteSpace(nodeLabel)) node.NodeLabel = nodeLabel;   // a blank label (an empty CSV cell) is no label
                // A node re-entered inside itself counts only its outermost execution toward its inclusive time, so
                // no node's time exceeds the run's; self times still add up.
                if (!IsReentry(parent, node.NodeId)) node.Total += durationMs;
                node.SelfTotal += selfMs;
                node.Executions++;
                if (status != NodeStatus.Succeeded)
                {
                    _failed++;
                    if (status == NodeStatus.Failed) node.Failed++;
                    else node.Stopped++;
                }
                _lastRecorded = Math.Max(_lastRecorded, now);
                long sequence = ++_executions;
                if (scope != null) scope.Sequence = sequence;
                double endOffset = endOffsetMs ?? (laidOut ? laidStart + durationMs : clockEnd);   // imported runs give their own end
                if (parent == null)
                {
                    _laneEnds[lane - 1] = Math.Max(_laneEnds[lane - 1], endOffset);
                    _handTimed |= !measured;
                }
                if (sequence <= MaxSamplesPerRun)
                    _log.Add(new TimingSample
                    {
                        Parent = parent,
                        Duration = durationMs,
                        EndOffset = endOffset,
                        SelfDuration = selfMs,
                        Overhead = measured ? (float)(preOverhead + (_owner.Clock.GetTimestamp() - endTimestamp) * 1000.0 / _frequency) : 0,
                        Sequence = (int)sequence,
                        NodeIndex = node.Index,
                        Lane = lane,
                        Status = status,
                        ExitCode = exitCode,
                    });
                BottleneckAlert alert = node.Alerted ? null : CheckBottleneck(node);
                return new RecordResult(sequence, endOffset, alert, lane);
            }
        }

        /// <summary>The lane number of <paramref name="thread"/>, given on its first record. Caller holds the run's lock.</summary>
        private int LaneOf(int thread)
        {
            if (!_threadLanes.TryGetValue(thread, out int lane))
            {
                _laneThreads.Add(thread);
                _laneEnds.Add(0);
                lane = _laneThreads.Count;
                _threadLanes.Add(thread, lane);
            }
            _lastThread = thread;
            _lastLane = lane;
            return lane;
        }

        /// <summary>Where <paramref name="thread"/>'s lane ends on the run's timeline (0 before its first record). Caller holds the run's lock.</summary>
        private double LaneEnd(int thread)
            => _threadLanes.TryGetValue(thread, out int lane) ? _laneEnds[lane - 1] : 0;

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
            var starts = new List<double>();
            var ends = new List<double>();
            var ids = new List<string>();
            foreach (TimingSample s in _log)
            {
                if (s.Parent != null) continue;
                starts.Add(s.EndOffset - s.Duration);
                ends.Add(s.EndOffset);
                ids.Add(_nodeOrder[s.NodeIndex].NodeId);
            }
            double critical = CriticalPath.Longest(starts.ToArray(), ends.ToArray(), out int[] chain);
            var chainIds = new string[chain.Length];
            for (int i = 0; i < chain.Length; i++) chainIds[i] = ids[chain[i]];
            return new RunShape(wallTimeMs, nodeTime, critical, chainIds, _laneThreads.Count, _failed);
        }

        /// <summary>Where the longest lane ends on the run's timeline, in milliseconds, when a top-level duration was given by
        /// hand (its steps laid end to end); 0 when every top-level execution was measured. The run is closed.</summary>
        internal double HandTimeline()
        {
            if (!_handTimed) return 0;
            double longest = 0;
            foreach (double end in _laneEnds) longest = Math.Max(longest, end);
            return longest;
        }

        private ProfilerException Closed() => new ProfilerException(ProfilerErrorKind.RunClosed,
            $"Run {RunNumber} of workflow '{WorkflowId}' is {_state} and takes no more timings: start a new run with Start-WorkflowProfile.");
    }
}
