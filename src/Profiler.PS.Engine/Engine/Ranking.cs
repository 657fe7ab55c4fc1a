using System;

namespace Profiler.PS.Engine
{
    /// <summary>Orders nodes slowest first; the one ranking the profile, Get-Bottleneck and the heatmap share.</summary>
    public static class Ranking
    {
        /// <summary>Compares by window average, descending, then by NodeId (case-insensitive, then ordinal).</summary>
        public static int CompareSlowestFirst(NodePerformanceData a, NodePerformanceData b)
        {
            int c = b.AvgDuration.CompareTo(a.AvgDuration);
            if (c != 0) return c;
            c = StringComparer.OrdinalIgnoreCase.Compare(a.NodeId, b.NodeId);
            return c != 0 ? c : StringComparer.Ordinal.Compare(a.NodeId, b.NodeId);
        }

        /// <summary>A copy of <paramref name="nodes"/> sorted slowest first.</summary>
        public static NodePerformanceData[] SlowestFirst(NodePerformanceData[] nodes)
        {
            var sorted = (NodePerformanceData[])nodes.Clone();
            Array.Sort(sorted, CompareSlowestFirst);
            return sorted;
        }

        /// <summary>The <paramref name="top"/> slowest nodes with their share of the summed averages and any alert.</summary>
        public static BottleneckInfo[] Bottlenecks(NodePerformanceData[] nodes, BottleneckAlert[] alerts, int top)
        {
            NodePerformanceData[] sorted = Slowest(nodes, top);
            double total = 0;
            foreach (NodePerformanceData n in nodes) total += n.AvgDuration;
            int count = Math.Max(0, Math.Min(top, sorted.Length));
            var result = new BottleneckInfo[count];
            for (int i = 0; i < count; i++)
            {
                NodePerformanceData n = sorted[i];
                result[i] = new BottleneckInfo(i + 1, n, total > 0 ? n.AvgDuration / total : 0, FindAlert(alerts, n.NodeId));
            }
            return result;
        }

        /// <summary>
        /// The <paramref name="top"/> slowest nodes, slowest first, in the same order as <see cref="SlowestFirst"/>.
        /// A few of many are picked by insertion into a short array, so a profile of 10,000 nodes is not sorted whole
        /// to name its 5 bottlenecks.
        /// </summary>
        public static NodePerformanceData[] Slowest(NodePerformanceData[] nodes, int top)
        {
            if (top <= 0) return Array.Empty<NodePerformanceData>();
            if ((long)top * 8 >= nodes.Length) return SlowestFirst(nodes);   // long: a huge -Top must not overflow
            var best = new NodePerformanceData[top];
            int count = 0;
            foreach (NodePerformanceData n in nodes)
            {
                if (count == top && CompareSlowestFirst(n, best[top - 1]) >= 0) continue;
                int i = count < top ? count++ : top - 1;
                for (; i > 0 && CompareSlowestFirst(n, best[i - 1]) < 0; i--) best[i] = best[i - 1];
                best[i] = n;
            }
            return best;
        }

        /// <summary>The alert raised for <paramref name="nodeId"/>, or null.</summary>
        public static BottleneckAlert FindAlert(BottleneckAlert[] alerts, string nodeId)
        {
            foreach (BottleneckAlert a in alerts)
                if (string.Equals(a.NodeId, nodeId, StringComparison.OrdinalIgnoreCase)) return a;
            return null;
        }
    }
}
