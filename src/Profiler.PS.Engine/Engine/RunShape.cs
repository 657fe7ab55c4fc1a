using System;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// How a completed run's executions lay out in time. Wall time, node time and critical path differ once
    /// branches run in parallel: node time adds up every lane, the critical path follows one chain of
    /// executions that ran one after another, and the wall time is what the clock saw.
    /// </summary>
    public sealed class RunShape
    {
        /// <summary>Creates a shape; the engine computes it when a run completes.</summary>
        public RunShape(double wallTime, double nodeTimeSum, double criticalPath, string[] criticalPathNodes, int laneCount, long failedCount,
            RunTotalSource totalSource = RunTotalSource.Clock)
        {
            TotalSource = totalSource;
            WallTime = wallTime;
            NodeTimeSum = nodeTimeSum;
            CriticalPath = criticalPath;
            CriticalPathNodes = criticalPathNodes ?? Array.Empty<string>();
            LaneCount = laneCount;
            FailedCount = failedCount;
        }

        /// <summary>Milliseconds from the run's start to its completion, by the clock.</summary>
        public double WallTime { get; }
        /// <summary>Sum of the executions' self times, in milliseconds.</summary>
        public double NodeTimeSum { get; }
        /// <summary>Duration of the longest chain of non-overlapping top-level executions, in milliseconds.</summary>
        public double CriticalPath { get; }
        /// <summary>The node ids along the critical path, in order.</summary>
        public string[] CriticalPathNodes { get; }
        /// <summary>Threads that recorded executions.</summary>
        public int LaneCount { get; }
        /// <summary>Executions that ended Failed or Stopped.</summary>
        public long FailedCount { get; }
        /// <summary>Where the run's total came from; see <see cref="RunTotalSource"/>.</summary>
        public RunTotalSource TotalSource { get; }
        /// <summary>The same shape with another total source.</summary>
        internal RunShape WithTotalSource(RunTotalSource source)
            => new RunShape(WallTime, NodeTimeSum, CriticalPath, CriticalPathNodes, LaneCount, FailedCount, source);
    }

    /// <summary>Where a completed run's TotalDuration came from.</summary>
    public enum RunTotalSource
    {
        /// <summary>The clock: the wall time from Start-WorkflowProfile to Complete-WorkflowProfile.</summary>
        Clock,
        /// <summary>The recorded timeline: durations given by hand (Add-NodeTiming) add up to more than the clock saw,
        /// so the total is the longest of the wall time, the critical path and each lane's hand-given steps laid end to end.</summary>
        Timeline,
        /// <summary>Given by the caller (Complete-WorkflowProfile -TotalDuration).</summary>
        Given,
    }

    /// <summary>
    /// The longest chain of intervals in which each starts when or after the previous one ends, by summed
    /// duration (weighted interval scheduling: sort by end, dynamic programming, O(n log n)).
    /// </summary>
    internal static class CriticalPath
    {
        /// <summary>Tolerance for "starts after the previous ended": offsets are computed in floating point.</summary>
        private const double Epsilon = 1e-6;

        /// <summary>Returns the chain's total and fills <paramref name="chain"/> with the chosen indices, in time order.</summary>
        public static double Longest(double[] starts, double[] ends, out int[] chain)
        {
            int n = starts.Length;
            var order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            var sortedEnds = (double[])ends.Clone();
            Array.Sort(sortedEnds, order);
            var best = new double[n + 1];
            var previous = new int[n];
            var taken = new bool[n];
            for (int k = 0; k < n; k++)
            {
                int item = order[k];
                int p = UpperBound(sortedEnds, k, starts[item] + Epsilon);
                previous[k] = p;
                double take = (ends[item] - starts[item]) + best[p];
                taken[k] = take > best[k];
                best[k + 1] = taken[k] ? take : best[k];
            }
            var picked = new System.Collections.Generic.List<int>();
            for (int k = n - 1; k >= 0;)
            {
                if (taken[k]) { picked.Add(order[k]); k = previous[k] - 1; }
                else k--;
            }
            picked.Reverse();
            chain = picked.ToArray();
            return best[n];
        }

        /// <summary>How many of the first <paramref name="count"/> sorted values are at most <paramref name="value"/>.</summary>
        private static int UpperBound(double[] sorted, int count, double value)
        {
            int lo = 0, hi = count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (sorted[mid] <= value) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }
}
