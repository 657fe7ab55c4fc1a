using System;
using System.Collections.Generic;

namespace Profiler.PS.Rendering
{
    /// <summary>
    /// Lines node samples up by run, so that column k of every node's sparkline or heatmap row is the same run.
    /// A node that did not run in a run has no sample there (NaN).
    /// </summary>
    public static class RunAlignment
    {
        /// <summary>
        /// The run numbers to draw, oldest first: the profile's recent runs, or (for a profile built by hand
        /// without them) every run any node has a sample from, at most <see cref="WorkflowPerformanceProfile.WindowSize"/>.
        /// </summary>
        public static int[] Columns(WorkflowPerformanceProfile profile)
        {
            if (profile.Runs.Length > 0)
            {
                var runs = new int[profile.Runs.Length];
                for (int i = 0; i < runs.Length; i++) runs[i] = profile.Runs[i].RunNumber;
                return runs;
            }
            var seen = new SortedSet<int>();
            foreach (NodePerformanceData n in profile.NodeData)
                foreach (int r in n.RunNumbers) seen.Add(r);
            var all = new int[seen.Count];
            seen.CopyTo(all);
            int keep = profile.WindowSize > 0 ? Math.Min(all.Length, profile.WindowSize) : all.Length;
            var last = new int[keep];
            Array.Copy(all, all.Length - keep, last, 0, keep);
            return last;
        }

        /// <summary>The node's sample in each of <paramref name="columns"/> (ascending run numbers), NaN where it did not run.</summary>
        public static double[] Align(NodePerformanceData node, int[] columns)
        {
            var values = new double[columns.Length];
            int j = 0;
            int[] runs = node.RunNumbers;
            double[] durations = node.Durations;
            for (int i = 0; i < columns.Length; i++)
            {
                // Both lists ascend, so one forward pass pairs them.
                while (j < runs.Length && runs[j] < columns[i]) j++;
                values[i] = j < runs.Length && j < durations.Length && runs[j] == columns[i] ? durations[j] : double.NaN;
            }
            return values;
        }

        /// <summary>Adds <paramref name="values"/> into <paramref name="sums"/> column by column; NaN plus NaN stays NaN.</summary>
        public static void AddInto(double[] sums, double[] values)
        {
            for (int i = 0; i < sums.Length; i++)
            {
                if (double.IsNaN(values[i])) continue;
                sums[i] = double.IsNaN(sums[i]) ? values[i] : sums[i] + values[i];
            }
        }

        /// <summary>A new array of <paramref name="length"/> NaNs.</summary>
        public static double[] Empty(int length)
        {
            var a = new double[length];
            for (int i = 0; i < a.Length; i++) a[i] = double.NaN;
            return a;
        }
    }
}
