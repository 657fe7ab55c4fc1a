using System;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// A node's samples over completed runs: a ring buffer of the last WindowSize run samples plus all-time
    /// counters. Not thread-safe: its workflow's lock guards it.
    /// </summary>
    internal sealed class NodeHistory
    {
        private double[] _ring;
        private int[] _runNumbers;
        private double[] _selfRing;
        private int _start;
        private int _count;

        public NodeHistory(string nodeId, int windowSize)
        {
            NodeId = nodeId;
            NodeLabel = nodeId;
            _ring = new double[windowSize];
            _runNumbers = new int[windowSize];
            _selfRing = new double[windowSize];
        }

        public string NodeId { get; }
        public string NodeType { get; set; }
        public string NodeLabel { get; set; }
        public long ExecutionCount { get; private set; }
        public int RunCount { get; private set; }
        public double LastDuration { get; private set; }
        public int SampleCount => _count;
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
        public void AddRunSample(double duration, long executions, int runNumber, double? selfDuration = null)
        {
            _statistics = null;
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
            ExecutionCount += executions;
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
            _count = Math.Min(window.Length, _ring.Length);
            Array.Copy(window, window.Length - _count, _ring, 0, _count);
            Array.Copy(runNumbers, runNumbers.Length - _count, _runNumbers, 0, _count);
            Array.Copy(selfWindow, selfWindow.Length - _count, _selfRing, 0, _count);
            LastDuration = _count > 0 ? window[window.Length - 1] : 0;
            ExecutionCount = executionCount;
            RunCount = (int)allTime.Count;
            AllTime = allTime;
        }

        /// <summary>Average of the window; NaN when empty.</summary>
        public double WindowAverage()
        {
            if (_count == 0) return double.NaN;
            double sum = 0;
            for (int i = 0; i < _count; i++) sum += _ring[(_start + i) % _ring.Length];
            return sum / _count;
        }

        /// <summary>The window, oldest first, as a new array.</summary>
        public double[] CopyWindow()
        {
            var copy = new double[_count];
            for (int i = 0; i < _count; i++) copy[i] = _ring[(_start + i) % _ring.Length];
            return copy;
        }

        /// <summary>The run number of each window sample, oldest first, as a new array.</summary>
        public int[] CopyRunNumbers()
        {
            var copy = new int[_count];
            for (int i = 0; i < _count; i++) copy[i] = _runNumbers[(_start + i) % _ring.Length];
            return copy;
        }

        /// <summary>The self time of each window sample, oldest first, as a new array.</summary>
        public double[] CopySelfWindow()
        {
            var copy = new double[_count];
            for (int i = 0; i < _count; i++) copy[i] = _selfRing[(_start + i) % _ring.Length];
            return copy;
        }

        /// <summary>Changes the window size, keeping the most recent samples that fit.</summary>
        public void Resize(int windowSize)
        {
            _statistics = null;
            if (windowSize == _ring.Length) return;
            double[] window = CopyWindow();
            int[] runs = CopyRunNumbers();
            double[] self = CopySelfWindow();
            int keep = Math.Min(window.Length, windowSize);
            _ring = new double[windowSize];
            _runNumbers = new int[windowSize];
            Array.Copy(window, window.Length - keep, _ring, 0, keep);
            Array.Copy(runs, runs.Length - keep, _runNumbers, 0, keep);
            _selfRing = new double[windowSize];
            Array.Copy(self, self.Length - keep, _selfRing, 0, keep);
            _start = 0;
            _count = keep;
        }

        public NodePerformanceData Snapshot(string workflowId)
        {
            double[] window = CopyWindow();
            // The window holds the node's first-ever sample while nothing has rolled out of it.
            DurationStatistics statistics = _statistics ?? (_statistics = DurationStatistics.Compute(window, window.Length == RunCount, AllTime));
            return new NodePerformanceData(workflowId, NodeId, NodeType, NodeLabel, window, CopyRunNumbers(), LastDuration, ExecutionCount, RunCount,
                statistics, CopySelfWindow());
        }
    }
}
