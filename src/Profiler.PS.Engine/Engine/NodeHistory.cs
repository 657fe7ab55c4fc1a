using System;
using System.Collections.Generic;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// A node's samples over completed runs: a ring buffer of its successful run samples (the window is the last
    /// WindowSize of them; up to WindowSize more are kept, <see cref="WorkflowSettings.KeptRuns"/>, so that every run in
    /// the window still has the WindowSize samples of baseline it was judged against when it completed),
    /// the runs in which it failed or was stopped (kept apart: they never enter statistics, budgets or verdicts),
    /// and all-time counters. Not thread-safe: its workflow's lock guards it.
    /// </summary>
    internal sealed class NodeHistory
    {
        /// <summary>Runs in which the node failed or was stopped, oldest first (at most <see cref="WorkflowSettings.KeptRuns"/> kept).</summary>
        private readonly List<UnsuccessfulRun> _unsuccessful = new List<UnsuccessfulRun>();
        private int _windowSize;
        public long AllTimeFailed { get; private set; }
        public long AllTimeStopped { get; private set; }
        /// <summary>Status of the node in the latest run it ran in.</summary>
        public NodeStatus LastStatus { get; private set; }
        private int _lastRun;
        private double[] _ring;
        private int[] _runNumbers;
        private double[] _selfRing;
        private int _start;
        private int _count;

        public NodeHistory(string nodeId, int windowSize)
        {
            NodeId = nodeId;
            NodeLabel = nodeId;
            _windowSize = windowSize;
            _ring = new double[InitialCapacity(windowSize)];
            _runNumbers = new int[_ring.Length];
            _selfRing = new double[_ring.Length];
        }

        /// <summary>The most samples kept: the window and the baselines of its runs.</summary>
        private int Capacity => WorkflowSettings.KeptRuns(_windowSize);

        /// <summary>The ring starts at the window and the run before it (at most 32) and doubles up to
        /// <see cref="Capacity"/>: a node that ran a few times should not pin memory for samples it never had.</summary>
        private static int InitialCapacity(int windowSize) => Math.Min(WorkflowSettings.KeptRuns(windowSize), Math.Min(windowSize + 1, 32));

        /// <summary>Doubles the ring (up to <see cref="Capacity"/>). Only called while it is not full, when no sample has wrapped (_start is 0).</summary>
        private void Grow()
        {
            int size = Math.Min(Capacity, _ring.Length * 2);
            Array.Resize(ref _ring, size);
            Array.Resize(ref _runNumbers, size);
            Array.Resize(ref _selfRing, size);
        }

        public string NodeId { get; }
        public string NodeType { get; set; }
        /// <summary>The display label; a null or blank one (a profile saved with an empty label) reads as the NodeId.</summary>
        public string NodeLabel
        {
            get => _nodeLabel;
            set => _nodeLabel = string.IsNullOrWhiteSpace(value) ? NodeId : value;
        }
        private string _nodeLabel;
        public long ExecutionCount { get; private set; }
        public int RunCount { get; private set; }
        public double LastDuration { get; private set; }
        public int SampleCount => Math.Min(_count, _windowSize);
        /// <summary>Samples before the window still kept (0 to WindowSize): the baselines of the window's runs.</summary>
        private int Skip => _count - SampleCount;
        /// <summary>Every sample ever, beside the window (Welford).</summary>
        public RunningStatistics AllTime
        {
            get => _allTime;
            set { _allTime = value; _statistics = null; }
        }

        private RunningStatistics _allTime;
        /// <summary>The window's statistics, kept until the window or the all-time counters change: snapshots are
        /// taken far more often than runs complete, and sorting each window on every snapshot cost ~1.7 us a node.</summary>
        private DurationStatistics _statistics;

        /// <summary>Adds one run's sample (the node's total time in the run), its self time (the total
        /// without nested nodes; the total when not given) and its executions.</summary>
        public void AddRunSample(double duration, long executions, int runNumber, double? selfDuration = null,
            NodeStatus status = NodeStatus.Succeeded)
        {
            _statistics = null;
            ExecutionCount += executions;
            LastStatus = status;
            _lastRun = runNumber;
            if (status != NodeStatus.Succeeded)
            {
                if (status == NodeStatus.Failed) AllTimeFailed++;
                else AllTimeStopped++;
                _unsuccessful.Add(new UnsuccessfulRun(runNumber, status));
                if (_unsuccessful.Count > Capacity) _unsuccessful.RemoveAt(0);
                return;
            }
            if (_count == _ring.Length && _ring.Length < Capacity) Grow();
            int slot;
            if (_count < _ring.Length)
            {
                slot = (_start + _count) % _ring.Length;
                _count++;
            }
            else
            {
                slot = _start;
                _start = (_start + 1) % _ring.Length;
            }
            _ring[slot] = duration;
            _runNumbers[slot] = runNumber;
            _selfRing[slot] = selfDuration ?? duration;
            LastDuration = duration;
            RunCount++;
            AllTime = AllTime.Add(duration);
        }

        /// <summary>Sets the node's whole history from persisted state (the window is at most the ring's size). A null
        /// <paramref name="selfWindow"/> (state written before self times were kept) takes the window as self times.</summary>
        public void Restore(double[] window, int[] runNumbers, double[] selfWindow, long executionCount, RunningStatistics allTime)
        {
            _statistics = null;
            selfWindow = selfWindow ?? window;
            _start = 0;
            while (_ring.Length < Math.Min(window.Length, Capacity)) Grow();
            _count = Math.Min(window.Length, _ring.Length);
            Array.Copy(window, window.Length - _count, _ring, 0, _count);
            Array.Copy(runNumbers, runNumbers.Length - _count, _runNumbers, 0, _count);
            Array.Copy(selfWindow, selfWindow.Length - _count, _selfRing, 0, _count);
            LastDuration = _count > 0 ? window[window.Length - 1] : 0;
            _lastRun = _count > 0 ? runNumbers[runNumbers.Length - 1] : 0;
            ExecutionCount = executionCount;
            RunCount = (int)allTime.Count;
            AllTime = allTime;
        }

        /// <summary>The window (the last WindowSize successful samples) as the rule reads a baseline.</summary>
        public BaselineSummary Baseline() => BaselineSummary.Of(CopyWindow());

        /// <summary>The window, oldest first, as a new array.</summary>
        public double[] CopyWindow() => Copy(_ring, Skip);

        /// <summary>The run number of each window sample, oldest first, as a new array.</summary>
        public int[] CopyRunNumbers() => Copy(_runNumbers, Skip);

        /// <summary>The self time of each window sample, oldest first, as a new array.</summary>
        public double[] CopySelfWindow() => Copy(_selfRing, Skip);

        /// <summary>Every kept successful sample (the window and up to WindowSize before it), oldest first: what is persisted.</summary>
        public double[] CopyKept() => Copy(_ring, 0);
        /// <summary>The run numbers of <see cref="CopyKept"/>.</summary>
        public int[] CopyKeptRunNumbers() => Copy(_runNumbers, 0);
        /// <summary>The self times of <see cref="CopyKept"/>.</summary>
        public double[] CopyKeptSelf() => Copy(_selfRing, 0);

        private T[] Copy<T>(T[] ring, int skip)
        {
            var copy = new T[_count - skip];
            for (int i = 0; i < copy.Length; i++) copy[i] = ring[(_start + skip + i) % ring.Length];
            return copy;
        }

        /// <summary>Changes the window size, keeping the most recent samples that fit.</summary>
        public void Resize(int windowSize)
        {
            _statistics = null;
            if (windowSize == _windowSize) return;
            double[] window = Copy(_ring, 0);
            int[] runs = Copy(_runNumbers, 0);
            double[] self = Copy(_selfRing, 0);
            _windowSize = windowSize;
            int keep = Math.Min(window.Length, Capacity);
            _ring = new double[Math.Max(keep, InitialCapacity(windowSize))];
            _runNumbers = new int[_ring.Length];
            Array.Copy(window, window.Length - keep, _ring, 0, keep);
            Array.Copy(runs, runs.Length - keep, _runNumbers, 0, keep);
            _selfRing = new double[_ring.Length];
            Array.Copy(self, self.Length - keep, _selfRing, 0, keep);
            while (_unsuccessful.Count > Capacity) _unsuccessful.RemoveAt(0);
            _start = 0;
            _count = keep;
        }

        /// <summary>The node's statistics by <paramref name="rule"/>; with its kept samples and unsuccessful runs for comparisons.</summary>
        public NodePerformanceData Snapshot(string workflowId, RegressionRule rule)
        {
            double[] window = CopyWindow();
            // The window holds the node's first-ever run while nothing has rolled out of it and no run in which the
            // node failed or was stopped came before it.
            int[] windowRuns = CopyRunNumbers();
            long unsuccessful = AllTimeFailed + AllTimeStopped;
            bool holdsFirst = window.Length == RunCount && window.Length > 0
                && (unsuccessful == 0 || (_unsuccessful.Count == unsuccessful && _unsuccessful[0].RunNumber > windowRuns[0]));
            DurationStatistics statistics = _statistics ?? (_statistics = DurationStatistics.Compute(window, holdsFirst, AllTime, rule));
            var data = new NodePerformanceData(workflowId, NodeId, NodeType, NodeLabel, window, windowRuns, LastDuration, ExecutionCount, RunCount,
                statistics, CopySelfWindow());
            var runs = new int[_unsuccessful.Count];
            var statuses = new NodeStatus[runs.Length];
            for (int i = 0; i < runs.Length; i++) { runs[i] = _unsuccessful[i].RunNumber; statuses[i] = _unsuccessful[i].Status; }
            data.SetOutcomes(Copy(_ring, 0), Copy(_runNumbers, 0), runs, statuses, WindowUnsuccessful(NodeStatus.Failed),
                WindowUnsuccessful(NodeStatus.Stopped), AllTimeFailed, AllTimeStopped, LastStatus);
            return data;
        }

        /// <summary>
        /// Failed (or stopped) runs among the node's last WindowSize runs, successful or not: the window of runs
        /// the node took part in, of which the successful ones are the statistics' window.
        /// </summary>
        private int WindowUnsuccessful(NodeStatus status)
        {
            int[] good = CopyRunNumbers();
            int g = good.Length - 1, u = _unsuccessful.Count - 1, count = 0;
            for (int seen = 0; seen < _windowSize && (g >= 0 || u >= 0); seen++)
            {
                if (u >= 0 && (g < 0 || _unsuccessful[u].RunNumber > good[g]))
                {
                    if (_unsuccessful[u].Status == status) count++;
                    u--;
                }
                else g--;
            }
            return count;
        }

        /// <summary>Sets the all-time failure counters and the kept unsuccessful runs from persisted state.</summary>
        public void RestoreOutcomes(long failed, long stopped, int[] runNumbers, NodeStatus[] statuses)
        {
            _statistics = null;
            AllTimeFailed = failed;
            AllTimeStopped = stopped;
            _unsuccessful.Clear();
            for (int i = 0; runNumbers != null && i < runNumbers.Length; i++) _unsuccessful.Add(new UnsuccessfulRun(runNumbers[i], statuses[i]));
            while (_unsuccessful.Count > Capacity) _unsuccessful.RemoveAt(0);
            if (_unsuccessful.Count > 0 && _unsuccessful[_unsuccessful.Count - 1].RunNumber > _lastRun)
            {
                _lastRun = _unsuccessful[_unsuccessful.Count - 1].RunNumber;
                LastStatus = _unsuccessful[_unsuccessful.Count - 1].Status;
            }
        }

        /// <summary>The kept unsuccessful runs, oldest first.</summary>
        public IReadOnlyList<UnsuccessfulRun> Unsuccessful => _unsuccessful;
    }

    /// <summary>A run in which a node failed or was stopped.</summary>
    internal readonly struct UnsuccessfulRun
    {
        public UnsuccessfulRun(int runNumber, NodeStatus status)
        {
            RunNumber = runNumber;
            Status = status;
        }

        public int RunNumber { get; }
        public NodeStatus Status { get; }
    }
}
