using System;
using System.Collections.Generic;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// One workflow's profile: node histories over completed runs and at most one run in flight.
    /// Thread-safe; every member takes the workflow's lock.
    /// </summary>
    public sealed partial class WorkflowProfiler
    {
        /// <summary>How many bottleneck ids a profile snapshot lists.</summary>
        public const int ProfileBottleneckCount = 5;

        private readonly Dictionary<string, NodeHistory> _nodes = new Dictionary<string, NodeHistory>(StringComparer.OrdinalIgnoreCase);
        private readonly List<NodeHistory> _nodeOrder = new List<NodeHistory>();
        /// <summary>The kept completed runs, oldest first: the window and the runs before it that are its runs' baselines
        /// (<see cref="WorkflowSettings.KeptRuns"/>). <see cref="WindowRunsLocked"/> is the part users see as Runs.</summary>
        private readonly List<WorkflowRunSummary> _runs = new List<WorkflowRunSummary>();
        private BottleneckAlert[] _lastAlerts = Array.Empty<BottleneckAlert>();
        private WorkflowRun _current;
        private int _runCount;
        private double _lastTotal;
        private DateTimeOffset _timestamp;
        /// <summary>The latest completed run's timeline, whose node id array the next run's shares when equal.</summary>
        private RunTimeline _lastTimeline;

        internal WorkflowProfiler(string workflowId, IProfilerClock clock)
        {
            WorkflowId = workflowId;
            WorkflowName = workflowId;
            Clock = clock;
            _timestamp = clock.Now;
        }

        internal object SyncRoot { get; } = new object();
        internal IProfilerClock Clock { get; }
        /// <summary>Orders workflows by their latest start (larger is later), for the session's default target.</summary>
        public long StartSequence { get; internal set; }

        /// <summary>The workflow's id.</summary>
        public string WorkflowId { get; }
        /// <summary>The workflow's display name.</summary>
        public string WorkflowName { get; private set; }
        /// <summary>Runs kept per node for window statistics.</summary>
        public int WindowSize { get; private set; } = WorkflowSettings.DefaultWindowSize;
        /// <summary>The workflow's regression rule: what "slower than usual" means for its alerts, comparisons and outliers.</summary>
        public RegressionRule Rule { get; private set; } = RegressionRule.Default;
        /// <summary>Earlier successful samples a node needs before the rule judges one run of it.</summary>
        public int MinimumSamples => Rule.MinimumBaselineSamples;

        /// <summary>The run in flight, or null.</summary>
        public WorkflowRun CurrentRun { get { lock (SyncRoot) return _current; } }

        /// <summary>Starts a run. With <paramref name="force"/>, a run in flight is abandoned and returned in <paramref name="abandoned"/>.</summary>
        internal WorkflowRun Start(WorkflowSettings settings, bool force, out WorkflowRun abandoned)
        {
            settings?.Validate();
            lock (SyncRoot)
            {
                abandoned = null;
                if (_current != null)
                {
                    if (!force)
                        throw new ProfilerException(ProfilerErrorKind.RunInProgress,
                            $"Run {_current.RunNumber} of workflow '{WorkflowId}' is still in flight: complete it with Complete-WorkflowProfile, or use -Force to abandon it.");
                    _current.Close(WorkflowRunState.Abandoned);
                    abandoned = _current;
                }
                Apply(settings);
                _current = new WorkflowRun(this, _runCount + 1, Clock.Now, Clock.GetTimestamp());
                return _current;
            }
        }

        /// <summary>A snapshot of the whole profile.</summary>
        public WorkflowPerformanceProfile GetProfile() { lock (SyncRoot) return SnapshotLocked(); }

        /// <summary>Statistics of every node in tree order: in the order the nodes first ran, each nested node right
        /// after its parent, with ParentId and Depth set (<see cref="NodeTree"/>).</summary>
        public NodePerformanceData[] GetNodeStatistics() => GetNodeStatistics(out _);

        /// <summary>As <see cref="GetNodeStatistics()"/>, with the number of the latest completed run (0 when none) taken
        /// under the same lock, so a budget on Last compares the node with the run its statistics are from.</summary>
        public NodePerformanceData[] GetNodeStatistics(out int latestRunNumber)
        {
            lock (SyncRoot)
            {
                latestRunNumber = _runCount;
                // The window and the run before it place nested nodes; older kept runs (baselines only) would only add cost.
                var timelines = new List<RunTimeline>();
                int skip = _runs.Count - (WindowSize + 1);
                foreach (WorkflowRunSummary run in _runs) if (skip-- <= 0) timelines.Add(run.Timeline);
                return NodeTree.Order(SnapshotNodesLocked(), timelines);
            }
        }

        /// <summary>
        /// The <paramref name="top"/> slowest nodes by window average self time (or inclusive time), ties broken by
        /// NodeId; shares as <see cref="Ranking.Bottlenecks"/> defines them (inclusive: of the window runs' mean total).
        /// </summary>
        public BottleneckInfo[] GetBottlenecks(int top, RankBy rankBy = RankBy.Self)
        {
            NodePerformanceData[] nodes;
            BottleneckAlert[] alerts;
            double averageTotal = 0;
            lock (SyncRoot)
            {
                nodes = SnapshotNodesLocked();
                alerts = _lastAlerts;
                WorkflowRunSummary[] window = WindowRunsLocked();
                foreach (WorkflowRunSummary r in window) averageTotal += r.TotalDuration;
                if (window.Length > 0) averageTotal /= window.Length;
            }
            return Ranking.Bottlenecks(nodes, alerts, top, rankBy, averageTotal);
        }

        /// <summary>Abandons the run in flight, if any; used when the workflow is removed.</summary>
        internal void AbandonCurrent()
        {
            lock (SyncRoot)
            {
                _current?.Close(WorkflowRunState.Abandoned);
                _current = null;
            }
        }

        /// <summary>The node's baseline before the current run (its window of successful samples). Caller holds the lock.</summary>
        internal BaselineSummary ReadBaseline(string nodeId)
            => _nodes.TryGetValue(nodeId, out NodeHistory h) ? h.Baseline() : default(BaselineSummary);

        private void Apply(WorkflowSettings settings)
        {
            if (settings == null) return;
            if (!string.IsNullOrWhiteSpace(settings.WorkflowName)) WorkflowName = settings.WorkflowName;
            if (settings.RelativeThreshold != null || settings.AbsoluteThreshold != null || settings.MinimumSamples != null)
                Rule = new RegressionRule(settings.RelativeThreshold ?? Rule.RelativeThreshold, settings.AbsoluteThreshold ?? Rule.AbsoluteThreshold,
                    settings.MinimumSamples ?? Rule.MinimumBaselineSamples);
            if (settings.WindowSize is int w && w != WindowSize)
            {
                WindowSize = w;
                foreach (NodeHistory h in _nodeOrder) h.Resize(w);
                TrimRunsLocked();
            }
        }

        private void Fold(RunNode rn, int runNumber) => Fold(rn.NodeId, rn.NodeType, rn.NodeLabel, rn.Total, rn.SelfTotal, rn.Executions, runNumber, rn.Status);

        private void Fold(string nodeId, string nodeType, string nodeLabel, double total, double selfTotal, long executions, int runNumber,
            NodeStatus status)
        {
            if (!_nodes.TryGetValue(nodeId, out NodeHistory h))
            {
                h = new NodeHistory(nodeId, WindowSize);
                _nodes.Add(nodeId, h);
                _nodeOrder.Add(h);
            }
            if (nodeType != null) h.NodeType = nodeType;
            if (!string.IsNullOrWhiteSpace(nodeLabel)) h.NodeLabel = nodeLabel;
            h.AddRunSample(total, executions, runNumber, selfTotal, status);
        }

        private NodePerformanceData[] SnapshotNodesLocked()
        {
            var nodes = new NodePerformanceData[_nodeOrder.Count];
            for (int i = 0; i < nodes.Length; i++) nodes[i] = _nodeOrder[i].Snapshot(WorkflowId, Rule);
            return nodes;
        }

        private WorkflowPerformanceProfile SnapshotLocked() => SnapshotLocked(SnapshotNodesLocked());

        private WorkflowPerformanceProfile SnapshotLocked(NodePerformanceData[] nodes)
        {
            BottleneckInfo[] ranked = Ranking.Bottlenecks(nodes, _lastAlerts, ProfileBottleneckCount);
            var ids = new string[ranked.Length];
            for (int i = 0; i < ids.Length; i++) ids[i] = ranked[i].NodeId;
            return new WorkflowPerformanceProfile(WorkflowId, WorkflowName, _lastTotal, nodes, ids, _timestamp, _runCount,
                WindowSize, _current != null, _lastAlerts, WindowRunsLocked(), _lastComparison);
        }

        /// <summary>
        /// Drops the oldest runs beyond <see cref="WorkflowSettings.KeptRuns"/>, and the timelines of runs older than the
        /// window and the run before it: those are kept only as baselines (their totals), and a timeline can hold
        /// 100,000 executions. Caller holds the lock.
        /// </summary>
        private void TrimRunsLocked()
        {
            int excess = _runs.Count - WorkflowSettings.KeptRuns(WindowSize);
            if (excess > 0) _runs.RemoveRange(0, excess);
            for (int i = _runs.Count - (WindowSize + 2); i >= 0; i--)
            {
                if (_runs[i].Timeline == null) break;   // older ones were stripped when they reached this place
                if (_runs[i].WithoutTimeline() is WorkflowRunSummary stripped) _runs[i] = stripped;
            }
        }

        /// <summary>The last WindowSize completed runs: the runs users see (Runs) and may judge (up to WindowSize more are
        /// kept before them, as their baselines). Caller holds the lock.</summary>
        private WorkflowRunSummary[] WindowRunsLocked()
        {
            WorkflowRunSummary[] all = _runs.ToArray();
            if (all.Length <= WindowSize) return all;
            var window = new WorkflowRunSummary[WindowSize];
            Array.Copy(all, all.Length - WindowSize, window, 0, WindowSize);
            return window;
        }

        private static T[] ToArray<T>(IReadOnlyList<T> list)
        {
            var a = new T[list.Count];
            for (int i = 0; i < a.Length; i++) a[i] = list[i];
            return a;
        }
    }
}
