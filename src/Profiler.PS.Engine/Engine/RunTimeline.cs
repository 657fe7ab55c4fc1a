using System;
using System.Collections.Generic;

namespace Profiler.PS.Engine
{
    /// <summary>One execution of a completed run: where it lies in the run (milliseconds from the run's start), the
    /// lane (recording thread, numbered from 1 in the order of first records) and the enclosing execution.</summary>
    internal struct TimelineExecution
    {
        /// <summary>Index into <see cref="RunTimeline.NodeIds"/>.</summary>
        public int Node;
        /// <summary>Index of the enclosing execution in <see cref="RunTimeline.Executions"/>, or -1 at the top level.</summary>
        public int Parent;
        public int Lane;
        public NodeStatus Status;
        /// <summary>Start offset: the end offset minus the duration, so negative for a hand-given duration longer than the run so far.</summary>
        public double Start;
        public double Duration;
        public double SelfDuration;
    }

    /// <summary>
    /// The executions of a completed run in record order (a parent after its children), as the run in flight logs
    /// them. Kept with the run's summary for the runs in the window and the run before it
    /// (older kept runs are baselines only and drop it, unless a failure needs it), written to profile files and
    /// history lines from schema version 4, so completed runs are drawn as they ran. Immutable once built.
    /// <para>Stored as columns, each left out when it holds only its usual value (node i is the i-th id, top level,
    /// lane 1, Succeeded, self time = duration): a flat run on one thread keeps 16 bytes per execution (start and
    /// duration) instead of a 40-byte struct, and nothing is lost (<see cref="Executions"/> gives back every field).</para>
    /// </summary>
    internal sealed class RunTimeline
    {
        private readonly int[] _node, _parent, _lane;
        private readonly byte[] _status;
        private readonly double[] _start, _duration, _self;

        public RunTimeline(string[] nodeIds, TimelineExecution[] executions)
        {
            NodeIds = nodeIds;
            int n = executions.Length;
            _start = new double[n];
            _duration = new double[n];
            bool identity = true, top = true, lane1 = true, succeeded = true, leaf = true;
            for (int i = 0; i < n; i++)
            {
                TimelineExecution e = executions[i];
                _start[i] = e.Start;
                _duration[i] = e.Duration;
                identity &= e.Node == i;
                top &= e.Parent == -1;
                lane1 &= e.Lane == 1;
                succeeded &= e.Status == NodeStatus.Succeeded;
                // Bitwise equal, so a -0.0 or NaN self time is not folded into its duration.
                leaf &= BitConverter.DoubleToInt64Bits(e.SelfDuration) == BitConverter.DoubleToInt64Bits(e.Duration);
            }
            if (!identity) _node = Column(executions, e => e.Node);
            if (!top) _parent = Column(executions, e => e.Parent);
            if (!lane1) _lane = Column(executions, e => e.Lane);
            if (!succeeded)
            {
                _status = new byte[n];
                for (int i = 0; i < n; i++) _status[i] = (byte)executions[i].Status;
            }
            if (!leaf)
            {
                _self = new double[n];
                for (int i = 0; i < n; i++) _self[i] = executions[i].SelfDuration;
            }
        }

        private static int[] Column(TimelineExecution[] executions, Func<TimelineExecution, int> value)
        {
            var column = new int[executions.Length];
            for (int i = 0; i < column.Length; i++) column[i] = value(executions[i]);
            return column;
        }

        /// <summary>Offsets are floating point: a child starting this little (ms) before its parent still started with it.</summary>
        internal const double Tolerance = 1e-6;

        /// <summary>The run's node ids, each once, in order of first record (shared with the previous run's when equal).</summary>
        public string[] NodeIds { get; private set; }

        /// <summary>How many executions the run kept.</summary>
        public int Count => _start.Length;

        /// <summary>Every execution with all its fields (a new array each call: take it once).</summary>
        public TimelineExecution[] Executions
        {
            get
            {
                var result = new TimelineExecution[_start.Length];
                for (int i = 0; i < result.Length; i++)
                    result[i] = new TimelineExecution
                    {
                        Node = _node?[i] ?? i, Parent = _parent?[i] ?? -1, Lane = _lane?[i] ?? 1,
                        Status = _status == null ? NodeStatus.Succeeded : (NodeStatus)_status[i],
                        Start = _start[i], Duration = _duration[i], SelfDuration = _self?[i] ?? _duration[i],
                    };
                return result;
            }
        }

        /// <summary>Uses <paramref name="previous"/>'s node id array when it holds the same ids (ordinal), so runs of one workflow share one.</summary>
        internal void ShareNodeIds(RunTimeline previous)
        {
            string[] a = NodeIds, b = previous?.NodeIds;
            if (b == null || ReferenceEquals(a, b) || a.Length != b.Length) return;
            for (int i = 0; i < a.Length; i++)
                if (!string.Equals(a[i], b[i], StringComparison.Ordinal)) return;
            NodeIds = b;
        }

        /// <summary>
        /// The executions as timing records, for <see cref="Export.RunLayout"/>: sequence = index + 1, the lane as
        /// its thread (completed runs keep no managed thread ids), type and label from <paramref name="describe"/>.
        /// </summary>
        public NodeTiming[] ToTimings(string workflowId, int runNumber, Func<string, (string Type, string Label)> describe)
        {
            var described = new (string Type, string Label)[NodeIds.Length];
            for (int i = 0; i < NodeIds.Length; i++) described[i] = describe(NodeIds[i]);
            TimelineExecution[] executions = Executions;
            var result = new NodeTiming[executions.Length];
            for (int i = 0; i < result.Length; i++)
            {
                TimelineExecution e = executions[i];
                string parent = e.Parent >= 0 ? NodeIds[executions[e.Parent].Node] : null;
                result[i] = new NodeTiming(workflowId, runNumber, i + 1, NodeIds[e.Node], described[e.Node].Type, described[e.Node].Label ?? NodeIds[e.Node],
                    e.Duration, e.Start + e.Duration, e.Lane, parent, e.Parent + 1, e.SelfDuration, e.Status, e.Start, e.Lane, 0,
                    e.Parent >= 0 && e.Start < executions[e.Parent].Start - Tolerance);
            }
            return result;
        }

        /// <summary>Node ids of a timeline built from executions naming nodes by id (first record order).</summary>
        internal static int IndexOf(Dictionary<string, int> index, List<string> ids, string nodeId)
        {
            if (!index.TryGetValue(nodeId, out int i))
            {
                index.Add(nodeId, i = ids.Count);
                ids.Add(nodeId);
            }
            return i;
        }
    }
}
