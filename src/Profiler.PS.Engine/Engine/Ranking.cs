using System;

namespace Profiler.PS.Engine
{
    /// <summary>What the ranking of nodes orders by.</summary>
    public enum RankBy
    {
        /// <summary>Average self time: time spent in the node itself, not in nodes nested in it (the default), so a
        /// wrapper that only calls children does not top the list.</summary>
        Self,
        /// <summary>Average inclusive time: the node's time with its nested nodes.</summary>
        Inclusive,
    }

    /// <summary>
    /// Orders nodes slowest first; the one ranking the profile, Get-Bottleneck and the heatmap share. A node's share
    /// is its average self time over the sum of every node's average self time, so shares add up to 100% even when
    /// nodes are nested (inclusive times would count nested time twice).
    /// </summary>
    public static class Ranking
    {
        /// <summary>The value a node is ranked by; 0 for a node without a successful run (it ranks last).</summary>
        public static double Value(NodePerformanceData n, RankBy rankBy) => (rankBy == RankBy.Inclusive ? n.AvgDuration : n.AvgSelfDuration) ?? 0;

        /// <summary>Compares by the ranked value, descending, then by NodeId (case-insensitive, then ordinal).</summary>
        public static int CompareSlowestFirst(NodePerformanceData a, NodePerformanceData b, RankBy rankBy)
        {
            int c = Value(b, rankBy).CompareTo(Value(a, rankBy));
            if (c != 0) return c;
            c = StringComparer.OrdinalIgnoreCase.Compare(a.NodeId, b.NodeId);
            return c != 0 ? c : StringComparer.Ordinal.Compare(a.NodeId, b.NodeId);
        }

        /// <summary>By self time; see <see cref="CompareSlowestFirst(NodePerformanceData, NodePerformanceData, RankBy)"/>.</summary>
        public static int CompareSlowestFirst(NodePerformanceData a, NodePerformanceData b) => CompareSlowestFirst(a, b, RankBy.Self);

        /// <summary>A copy of <paramref name="nodes"/> sorted slowest first.</summary>
        public static NodePerformanceData[] SlowestFirst(NodePerformanceData[] nodes, RankBy rankBy = RankBy.Self)
        {
            var sorted = (NodePerformanceData[])nodes.Clone();
            Array.Sort(sorted, (a, b) => CompareSlowestFirst(a, b, rankBy));
            return sorted;
        }

        /// <summary>Sum of the nodes' average self times: the denominator of every share.</summary>
        public static double SelfTotal(NodePerformanceData[] nodes)
        {
            double total = 0;
            foreach (NodePerformanceData n in nodes) total += n.AvgSelfDuration ?? 0;
            return total;
        }

        /// <summary>
        /// The <paramref name="top"/> slowest nodes with their share and any alert. Ranked by self time, a node's share
        /// is its average self time over the summed average self times (shares add up to 1). Ranked by inclusive time,
        /// it is its average inclusive time over <paramref name="averageRunTotal"/>, the mean wall time (total) of the
        /// workflow's window runs, in milliseconds: the part of a run the node and its nested nodes take (a wrapper
        /// of the whole run is near 1; nested shares overlap, and nodes run in parallel can add up to more than 1), at
        /// most 1: a hand-given child longer than its parent (or than the run) takes no more than the whole run.
        /// 0 when the total is unknown or 0.
        /// </summary>
        public static BottleneckInfo[] Bottlenecks(NodePerformanceData[] nodes, BottleneckAlert[] alerts, int top, RankBy rankBy = RankBy.Self,
            double averageRunTotal = 0)
        {
            NodePerformanceData[] sorted = Slowest(nodes, top, rankBy);
            double total = rankBy == RankBy.Inclusive ? averageRunTotal : SelfTotal(nodes);
            int count = Math.Max(0, Math.Min(top, sorted.Length));
            var result = new BottleneckInfo[count];
            for (int i = 0; i < count; i++)
            {
                NodePerformanceData n = sorted[i];
                double share = total > 0 ? Value(n, rankBy) / total : 0;
                if (rankBy == RankBy.Inclusive) share = Math.Min(1, share);
                result[i] = new BottleneckInfo(i + 1, n, share, FindAlert(alerts, n.NodeId));
            }
            var ids = new string[count];
            for (int i = 0; i < count; i++) ids[i] = result[i].NodeId;
            var set = new Rendering.IdSet(ids);
            for (int i = 0; i < count; i++) { result[i].Ids = set; result[i].IdIndex = i; }
            return result;
        }

        /// <summary>
        /// The <paramref name="top"/> slowest nodes, slowest first, in the same order as <see cref="SlowestFirst"/>.
        /// A few of many are picked by insertion into a short array, so a profile of 10,000 nodes is not sorted whole
        /// to name its 5 bottlenecks.
        /// </summary>
        public static NodePerformanceData[] Slowest(NodePerformanceData[] nodes, int top, RankBy rankBy = RankBy.Self)
        {
            if (top <= 0) return Array.Empty<NodePerformanceData>();
            if ((long)top * 8 >= nodes.Length) return SlowestFirst(nodes, rankBy);   // long: a huge -Top must not overflow
            var best = new NodePerformanceData[top];
            int count = 0;
            foreach (NodePerformanceData n in nodes)
            {
                if (count == top && CompareSlowestFirst(n, best[top - 1], rankBy) >= 0) continue;
                int i = count < top ? count++ : top - 1;
                for (; i > 0 && CompareSlowestFirst(n, best[i - 1], rankBy) < 0; i--) best[i] = best[i - 1];
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
