using System;
using System.Collections.Concurrent;
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
    public sealed partial class WorkflowRun
    {
        /// <summary>Per-run cap on kept execution records; beyond it only the per-node sums grow, so memory is bounded.</summary>
        internal const int MaxSamplesPerRun = 100_000;

        private readonly WorkflowProfiler _owner;
        // Read without the workflow lock by records; nodes are added under it.
        private readonly ConcurrentDictionary<string, RunNode> _nodes = new ConcurrentDictionary<string, RunNode>(StringComparer.OrdinalIgnoreCase);
        private readonly List<RunNode> _nodeOrder = new List<RunNode>();
        private readonly List<BottleneckAlert> _alerts = new List<BottleneckAlert>();
        private readonly long _frequency;
        private volatile WorkflowRunState _state;

        internal WorkflowRun(WorkflowProfiler owner, int runNumber, DateTimeOffset startTime, long startTimestamp, Guid? runId = null)
        {
            _owner = owner;
            RunNumber = runNumber;
            RunId = runId ?? Guid.NewGuid();
            StartTime = startTime;
            StartTimestamp = startTimestamp;
            _frequency = owner.Clock.Frequency;
        }

        /// <summary>The workflow the run belongs to.</summary>
        public string WorkflowId => _owner.WorkflowId;
        /// <summary>
        /// The run's number in its workflow, 1 for the first. With a history folder the number is taken under the history's
        /// lock when the run completes (one after the file's last run), so it can rise at completion when other processes
        /// appended runs meanwhile: the completed run carries the number its history record got.
        /// </summary>
        public int RunNumber { get; internal set; }
        /// <summary>Tests an imported run listed as skipped, and not run (not timed, so no samples); 0 for live runs.</summary>
        internal long SkippedCount, NotRunCount;
        /// <summary>A unique id of the run.</summary>
        public Guid RunId { get; }
        /// <summary>When the run started.</summary>
        public DateTimeOffset StartTime { get; }
        /// <summary>Running, Completed or Abandoned: a <see cref="WorkflowRunState"/> name, as a string so that ConvertTo-Json
        /// and Export-Csv write the name. With <see cref="IsRunning"/>, the only members that change.</summary>
        public string State => StateValue.ToString();
        /// <summary>True while the run takes timings (<see cref="State"/> is Running).</summary>
        public bool IsRunning => StateValue == WorkflowRunState.Running;
        /// <summary>The run's state, as the enum.</summary>
        internal WorkflowRunState StateValue { get { lock (_owner.SyncRoot) return _state; } }

        internal long StartTimestamp { get; }
        internal WorkflowProfiler Owner => _owner;
        /// <summary>Nodes with at least one execution, in first-recorded order (a record that finds the run closed
        /// may have created its node). Read once the run is closed.</summary>
        internal IReadOnlyList<RunNode> Nodes => _nodeOrder.TrueForAll(n => n.Executions > 0) ? _nodeOrder : _nodeOrder.FindAll(n => n.Executions > 0);
        internal IReadOnlyList<BottleneckAlert> Alerts => _alerts;
        internal long Executions => Volatile.Read(ref _executions);
        internal long DroppedSamples => Math.Max(0, Executions - MaxSamplesPerRun);

        /// <summary>
        /// Records one execution of a node. Several executions of the same node in a run add up to the run's
        /// sample for that node. The result tells the record's place and any bottleneck alert it raised.
        /// </summary>
        /// <exception cref="ProfilerException">Bad node id or duration, or the run is no longer running; nothing is recorded.</exception>
        public RecordResult Record(string nodeId, double durationMs, string nodeType = null, string nodeLabel = null)
            => RecordExecution(nodeId, durationMs, nodeType, nodeLabel, null, durationMs, NodeStatus.Succeeded, false, 0, 0, 0, null);

        /// <summary>The executions recorded so far, in record order (at most the first 100,000 of a run).</summary>
        public NodeTiming[] GetTimings()
        {
            lock (_owner.SyncRoot)
            {
                TimingSample[] samples;
                long[] parentSequences;
                int[] threads;
                // Under the run's lock: records in progress finish first, so the copy is gapless; parents' sequences
                // are read here too, as a parent still running may be given its sequence by its own thread.
                lock (_gate)
                {
                    samples = _log.ToArray();
                    parentSequences = new long[samples.Length];
                    for (int i = 0; i < samples.Length; i++) parentSequences[i] = samples[i].Parent?.Sequence ?? 0;
                    threads = _laneThreads.ToArray();
                }
                var result = new NodeTiming[samples.Length];
                for (int i = 0; i < samples.Length; i++)
                {
                    TimingSample s = samples[i];
                    RunNode n = _nodeOrder[s.NodeIndex];
                    result[i] = new NodeTiming(WorkflowId, RunNumber, s.Sequence, n.NodeId, n.NodeType, n.NodeLabel ?? n.NodeId,
                        s.Duration, s.EndOffset, threads[s.Lane - 1], s.Parent?.NodeId, parentSequences[i], s.SelfDuration, s.Status,
                        s.EndOffset - s.Duration, s.Lane, VisibleOverhead(s.Overhead), ExceedsParent(s), s.ExitCode);
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
            // Under the run's lock: records in progress have finished and later ones see the new state.
            lock (_gate) _state = state;
            return true;
        }

        /// <summary>Finds or creates the node; creating takes the workflow lock (never while the run's lock is held).</summary>
        private RunNode GetOrAddNode(string nodeId)
        {
            if (_nodes.TryGetValue(nodeId, out RunNode node)) return node;
            lock (_owner.SyncRoot)
            {
                if (_state != WorkflowRunState.Running) throw Closed();
                if (_nodes.TryGetValue(nodeId, out node)) return node;
                node = new RunNode(nodeId, _nodeOrder.Count, _owner.ReadBaseline(nodeId));
                _nodeOrder.Add(node);
                _nodes[nodeId] = node;
                return node;
            }
        }

        /// <summary>
        /// The provisional verdict: the node's time in the run so far judged by the workflow's rule against its
        /// baseline. Once Slower it stays Slower as time only grows, so it is raised once; a node that failed or was
        /// stopped in the run is never judged (its verdict is Failed or Stopped). Caller holds the run's lock.
        /// </summary>
        private BottleneckAlert CheckBottleneck(RunNode node)
        {
            if (node.Status != NodeStatus.Succeeded) return null;
            double total = node.Total;
            if (!_owner.Rule.IsSlower(total, node.Baseline)) return null;
            node.Alerted = true;
            var alert = new BottleneckAlert(WorkflowId, RunNumber, node.NodeId, node.NodeLabel ?? node.NodeId, total,
                node.Baseline.Median, node.Baseline.Count, _owner.Clock.Now, isProvisional: true);
            lock (_alerts) _alerts.Add(alert);
            return alert;
        }

        /// <summary>
        /// The run's final alerts, judged by <paramref name="rule"/> on the completed samples against the same baselines:
        /// exactly the nodes Compare-WorkflowRun -Run calls Slower. Caller holds the workflow lock; the run is closed.
        /// </summary>
        internal BottleneckAlert[] FinalAlerts(Statistics.RegressionRule rule)
        {
            var alerts = new List<BottleneckAlert>();
            foreach (RunNode node in Nodes)
            {
                if (node.Status != NodeStatus.Succeeded || !rule.IsSlower(node.Total, node.Baseline)) continue;
                BottleneckAlert live = null;
                lock (_alerts) live = _alerts.Find(a => string.Equals(a.NodeId, node.NodeId, StringComparison.OrdinalIgnoreCase));
                alerts.Add(live != null ? live.AsFinal(node.Total) : new BottleneckAlert(WorkflowId, RunNumber, node.NodeId,
                    node.NodeLabel ?? node.NodeId, node.Total, node.Baseline.Median, node.Baseline.Count, _owner.Clock.Now));
            }
            return alerts.ToArray();
        }
    }
}

namespace Profiler.PS.Engine
{
    /// <summary>What recording one execution produced.</summary>
    public readonly struct RecordResult
    {
        internal RecordResult(long sequence, double endOffset, BottleneckAlert alert, int lane = 0, string exceededParent = null, double parentElapsed = 0)
        {
            ExceededParent = exceededParent;
            ParentElapsed = parentElapsed;
            Sequence = sequence;
            EndOffset = endOffset;
            Alert = alert;
            Lane = lane;
        }

        /// <summary>The parent's node id when the hand-given duration is longer than the parent had run (see <see cref="NodeTiming.ExceedsParent"/>), else null.</summary>
        public string ExceededParent { get; }
        /// <summary>Milliseconds the parent had run when the execution was recorded (set with <see cref="ExceededParent"/>).</summary>
        public double ParentElapsed { get; }
        /// <summary>1-based order of the execution within its run.</summary>
        public long Sequence { get; }
        /// <summary>Milliseconds from the start of the run to the execution's end (see <see cref="NodeTiming.EndOffset"/>).</summary>
        public double EndOffset { get; }
        /// <summary>The bottleneck alert the execution raised, or null.</summary>
        public BottleneckAlert Alert { get; }
        /// <summary>1-based lane (thread, in order of first record) of the execution in its run.</summary>
        public int Lane { get; }
    }
}
