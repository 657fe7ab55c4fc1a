using System;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>
    /// The report's heatmap: one row per node (slowest first), one column per run, one cell per node and run
    /// coloured by duration with the value in its title (shown on hover). Colours are on a logarithmic scale
    /// from the workflow's fastest sample (green) to its slowest (red), so both a slow node and a slow run of a
    /// fast node stand out. A run in which the node failed or was stopped is a red-bordered cell marked ✗.
    /// </summary>
    internal static class HtmlHeatmapTable
    {
        public static void Write(StringBuilder sb, NodePerformanceData[] sorted, double[][] samples, int[] columns, int index)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            double min = double.MaxValue, max = 0;
            foreach (double[] row in samples)
                foreach (double v in row)
                {
                    if (double.IsNaN(v) || v <= 0) continue;
                    if (v < min) min = v;
                    if (v > max) max = v;
                }
            if (max <= 0) min = max = 0;
            double logMin = min > 0 ? Math.Log(min) : 0;
            double logRange = min > 0 && max > min ? Math.Log(max) - logMin : 0;

            sb.Append("<h3>Heatmap</h3><div class=\"legend\"><span>").Append(DurationFormat.Human(min))
              .Append("</span><span class=\"ramp\"></span><span>").Append(DurationFormat.Human(max))
              .Append("</span><span>log scale · nodes slowest first · hover a cell for its value</span>")
              .Append("<span class=\"key gap\"></span><span>did not run</span>")
              .Append("<span class=\"key fail\">\u2717</span><span>failed or stopped</span>")
              .Append("<input class=\"filter\" type=\"search\" placeholder=\"Filter nodes\" aria-label=\"Filter nodes\" data-table=\"heatmap-")
              .Append(index).Append("\"></div>");
            sb.Append("<div class=\"scroll\"><table class=\"heatmap\" id=\"heatmap-").Append(index).Append("\"><thead><tr><th></th>");
            foreach (int run in columns) sb.Append("<th>#").Append(run.ToString(c)).Append("</th>");
            sb.Append("<th>avg</th></tr></thead><tbody>\n");
            for (int i = 0; i < sorted.Length; i++)
            {
                NodePerformanceData n = sorted[i];
                sb.Append("<tr><th scope=\"row\" title=\"");
                HtmlText.Escape(sb, n.NodeId);
                if (!string.IsNullOrEmpty(n.NodeType)) HtmlText.Escape(sb.Append(" ("), n.NodeType).Append(')');
                sb.Append("\">");
                HtmlText.Escape(sb, n.NodeLabel).Append("</th>");
                for (int k = 0; k < samples[i].Length; k++)
                {
                    double v = samples[i][k];
                    if (double.IsNaN(v))
                    {
                        // A failed or stopped run has no sample (it is kept out of the statistics) but is not a gap.
                        NodeStatus? status = Unsuccessful(n, columns[k]);
                        if (status is NodeStatus s) sb.Append("<td class=\"fail\" title=\"").Append(s == NodeStatus.Stopped ? "stopped" : "failed").Append("\">\u2717");
                        else sb.Append("<td class=\"gap\" title=\"did not run\">");
                        continue;
                    }
                    double t = logRange > 0 ? (Math.Log(Math.Max(v, min)) - logMin) / logRange : 0;
                    sb.Append("<td style=\"background:");
                    // No </td>: HTML closes a cell at the next one, and 20,000 cells save 100 KB.
                    HtmlText.Color(sb, t).Append("\" title=\"").Append(DurationFormat.Human(v)).Append("\">");
                }
                sb.Append("<th class=\"avg\">").Append(DurationFormat.Human(n.AvgDuration)).Append("</th></tr>\n");
            }
            sb.Append("</tbody></table></div>\n");
        }

        /// <summary>How the node ended in <paramref name="run"/> when it failed or was stopped there; null otherwise.</summary>
        private static NodeStatus? Unsuccessful(NodePerformanceData n, int run)
        {
            int i = Array.IndexOf(n.UnsuccessfulRunNumbers, run);
            return i >= 0 && i < n.UnsuccessfulStatuses.Length ? n.UnsuccessfulStatuses[i] : (NodeStatus?)null;
        }
    }
}
