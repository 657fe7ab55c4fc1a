using System;
using System.Collections.Generic;
using System.Threading;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>Where a run is in its life.</summary>
    public enum WorkflowRunState
    {
        /// <summary>Taking timings.</summary>
        Running,
        /// <summary>Completed: its samples are in the node history.</summary>
        Completed,
        /// <summary>Replaced by a forced start or removed with its workflow: its timings were discarded.</summary>
        Abandoned,
    }

    /// <summary>
    /// A live handle on one run of a workflow (Start-WorkflowProfile -PassThru). It is thread-safe: pass it to
    /// other runspaces or threads (for example <c>$using:run | Add-NodeTiming</c>) and their timings land in
    /// this run. Only <see cref="State"/> changes over its life.
    /// </summary>
    public sealed class WorkflowRun
    {
        /// <summary>Per-run cap on kept execution records; beyond it only the per-node sums grow, so memory is bounded.</summary>
        internal const int MaxSamplesPerRun = 100_000;
        /// <summary>Execution records per log chunk (48 KB): below the large-object heap threshold, so a long run
        /// never copies its log or triggers the full collections that large-object allocations cause.</summary>
        private const int LogChunkSize = 2048;

        private readonly WorkflowProfiler _owner;
        private readonly Dictionary<string, RunNode> _nodes = new Dictionary<string, RunNode>(StringComparer.OrdinalIgnoreCase);
        private readonly List<RunNode> _nodeOrder = new List<RunNode>();
        private readonly List<BottleneckAlert> _alerts = new List<BottleneckAlert>();
        private readonly List<TimingSample[]> _log = new List<TimingSample[]>();
        private int _sampleCount;
        private long _executions;
        private RunNode _lastNode;
        private WorkflowRunState _state;

        internal WorkflowRun(WorkflowProfiler owner, int runNumber, DateTimeOffset startTime, long startTimestamp)
        {
            _owner = owner;
            RunNumber = runNumber;
            RunId = Guid.NewGuid();
            StartTime = startTime;
            StartTimestamp = startTimestamp;
        }

        /// <summary>The workflow the run belongs to.</summary>
        public string WorkflowId => _owner.WorkflowId;
        /// <summary>The run's number in its workflow, 1 for the first.</summary>
        public int RunNumber { get; }
        /// <summary>A unique id of the run.</summary>
        public Guid RunId { get; }
        /// <summary>When the run started.</summary>
        public DateTimeOffset StartTime { get; }
        /// <summary>Running, Completed or Abandoned; the only member that changes.</summary>
        public WorkflowRunState State { get { lock (_owner.SyncRoot) return _state; } }

        internal long StartTimestamp { get; }
        internal WorkflowProfiler Owner => _owner;
        internal IReadOnlyList<RunNode> Nodes => _nodeOrder;
        internal IReadOnlyList<BottleneckAlert> Alerts => _alerts;
        internal long Executions => _executions;
        internal long DroppedSamples => _executions - _sampleCount;

        /// <summary>
        /// Records one execution of a node. Several executions of the same node in a run add up to the run's
        /// sample for that node. The result tells the record's place and any bottleneck alert it raised.
        /// </summary>
        /// <exception cref="ProfilerException">Bad node id or duration, or the run is no longer running; nothing is recorded.</exception>
        public RecordResult Record(string nodeId, double durationMs, string nodeType = null, string nodeLabel = null)
        {
            Validation.NodeId(nodeId);
            Validation.Duration(durationMs, "Duration");
            long now = _owner.Clock.GetTimestamp();
            lock (_owner.SyncRoot)
            {
                if (_state != WorkflowRunState.Running)
                    throw new ProfilerException(ProfilerErrorKind.RunClosed,
                        $"Run {RunNumber} of workflow '{WorkflowId}' is {_state} and takes no more timings: start a new run with Start-WorkflowProfile.");
                RunNode node = _lastNode;
                if (node == null || !string.Equals(node.NodeId, nodeId, StringComparison.OrdinalIgnoreCase))
                    node = GetOrAddNode(nodeId);
                _lastNode = node;
                if (nodeType != null) node.NodeType = nodeType;
                if (nodeLabel != null) node.NodeLabel = nodeLabel;
                node.Total += durationMs;
                node.Executions++;
                _executions++;
                double endOffset = _owner.Clock.ElapsedMilliseconds(StartTimestamp, now);
                if (_sampleCount < MaxSamplesPerRun) AppendSample(node.Index, durationMs, endOffset);
                return new RecordResult(_executions, endOffset, node.Alerted ? null : CheckBottleneck(node));
            }
        }

        /// <summary>The executions recorded so far, in record order (at most the first 100,000 of a run).</summary>
        public NodeTiming[] GetTimings()
        {
            lock (_owner.SyncRoot)
            {
                var result = new NodeTiming[_sampleCount];
                for (int i = 0; i < _sampleCount; i++)
                {
                    TimingSample s = _log[i / LogChunkSize][i % LogChunkSize];
                    RunNode n = _nodeOrder[s.NodeIndex];
                    result[i] = new NodeTiming(WorkflowId, RunNumber, i + 1, n.NodeId, n.NodeType, n.NodeLabel ?? n.NodeId,
                        s.Duration, s.EndOffset, s.ThreadId);
                }
                return result;
            }
        }

        /// <summary>Completes the run; see <see cref="WorkflowProfiler.Complete"/>.</summary>
        public RunCompletion Complete(double? totalDurationMs = null) => _owner.Complete(this, totalDurationMs);

        /// <summary>For example <c>build run 3 (Running)</c>.</summary>
        public override string ToString() => $"{WorkflowId} run {RunNumber} ({State})";

        /// <summary>Moves the run out of Running; false if it already was. Caller holds the workflow lock.</summary>
        internal bool Close(WorkflowRunState state)
        {
            if (_state != WorkflowRunState.Running) return false;
            _state = state;
            return true;
        }

        private RunNode GetOrAddNode(string nodeId)
        {
            if (_nodes.TryGetValue(nodeId, out RunNode node)) return node;
            _owner.ReadBaseline(nodeId, out double average, out int samples);
            node = new RunNode(nodeId, _nodeOrder.Count, average, samples);
            _nodes.Add(nodeId, node);
            _nodeOrder.Add(node);
            return node;
        }

        private void AppendSample(int nodeIndex, double duration, double endOffset)
        {
            int chunk = _sampleCount / LogChunkSize, offset = _sampleCount % LogChunkSize;
            // Only the first chunk grows (from 16), so a short run stays small; later chunks are allocated full size.
            if (chunk == _log.Count) _log.Add(new TimingSample[chunk == 0 ? 16 : LogChunkSize]);
            else if (offset == _log[chunk].Length) _log[chunk] = Grow(_log[chunk]);
            ref TimingSample s = ref _log[chunk][offset];
            _sampleCount++;
            s.NodeIndex = nodeIndex;
            s.Duration = duration;
            s.EndOffset = endOffset;
            s.ThreadId = Environment.CurrentManagedThreadId;
        }

        private static TimingSample[] Grow(TimingSample[] chunk)
        {
            var grown = new TimingSample[Math.Min(chunk.Length * 2, LogChunkSize)];
            Array.Copy(chunk, grown, chunk.Length);
            return grown;
        }

        private BottleneckAlert CheckBottleneck(RunNode node)
        {
            if (node.BaselineSamples < _owner.MinimumSamples) return null;
            if (!(node.Total > _owner.BottleneckFactor * node.BaselineAverage)) return null;
            node.Alerted = true;
            var alert = new BottleneckAlert(WorkflowId, RunNumber, node.NodeId, node.NodeLabel ?? node.NodeId, node.Total,
                node.BaselineAverage, node.BaselineSamples, _owner.BottleneckFactor, _owner.Clock.Now);
            _alerts.Add(alert);
            return alert;
        }
    }
}

namespace Profiler.PS.Engine
{
    /// <summary>What recording one execution produced.</summary>
    public readonly struct RecordResult
    {
        internal RecordResult(long sequence, double endOffset, BottleneckAlert alert)
        {
            Sequence = sequence;
            EndOffset = endOffset;
            Alert = alert;
        }

        /// <summary>1-based order of the execution within its run.</summary>
        public long Sequence { get; }
        /// <summary>Milliseconds from the start of the run to the record.</summary>
        public double EndOffset { get; }
        /// <summary>The bottleneck alert the execution raised, or null.</summary>
        public BottleneckAlert Alert { get; }
    }
}
