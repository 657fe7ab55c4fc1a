using System;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>How a heatmap is drawn.</summary>
    public sealed class HeatmapOptions
    {
        /// <summary>How many of the slowest nodes to draw (default 5).</summary>
        public int Top { get; set; } = 5;
        /// <summary>Emit 24-bit ANSI colour; false gives plain text with textual markers.</summary>
        public bool Ansi { get; set; }
        /// <summary>Characters available per line (the host's width).</summary>
        public int Width { get; set; } = 100;
    }

    /// <summary>Draws a profile's slowest nodes as coloured bars, one <see cref="HeatmapRow"/> per node.</summary>
    public static class HeatmapRenderer
    {
        private const string Eighths = "\u258F\u258E\u258D\u258C\u258B\u258A\u2589"; // ▏▎▍▌▋▊▉
        private const char Full = '\u2588';                                         // █
        private const string Reset = "\u001b[0m";
        private const int MaxLabelWidth = 28;

        /// <summary>Renders the <c>Top</c> slowest nodes of <paramref name="profile"/>; bars and colours are relative to the slowest.</summary>
        public static HeatmapRow[] Render(WorkflowPerformanceProfile profile, HeatmapOptions options)
        {
            options = options ?? new HeatmapOptions();
            NodePerformanceData[] sorted = Engine.Ranking.SlowestFirst(profile.NodeData);
            int count = Math.Max(0, Math.Min(options.Top, sorted.Length));
            if (count == 0) return Array.Empty<HeatmapRow>();

            double total = 0, slowest = sorted[0].AvgDuration;
            foreach (NodePerformanceData n in sorted) total += n.AvgDuration;
            int labelWidth = 5;
            for (int i = 0; i < count; i++) labelWidth = Math.Max(labelWidth, Math.Min(MaxLabelWidth, sorted[i].NodeLabel.Length));
            // rank(2) + gaps(2+2+2+2) + avg(9) + share(4) + alert allowance(10), the rest is bar.
            int barWidth = Math.Max(8, Math.Min(40, options.Width - 1 - labelWidth - 33));

            var rows = new HeatmapRow[count];
            for (int i = 0; i < count; i++)
            {
                NodePerformanceData n = sorted[i];
                double intensity = slowest > 0 ? n.AvgDuration / slowest : 0;
                BottleneckAlert alert = Engine.Ranking.FindAlert(profile.Alerts, n.NodeId);
                string bar = Bar(intensity, barWidth);
                string line = Line(i + 1, n, labelWidth, bar, barWidth, intensity, total > 0 ? n.AvgDuration / total : 0, alert, options.Ansi);
                rows[i] = new HeatmapRow(profile.WorkflowId, profile.WorkflowName, i + 1, n, total > 0 ? n.AvgDuration / total : 0,
                    intensity, ColorScale.Hex(intensity), alert, bar, line);
            }
            return rows;
        }

        /// <summary>A bar of <paramref name="fraction"/> x <paramref name="width"/> cells with eighth-cell precision.</summary>
        public static string Bar(double fraction, int width)
        {
            int eighths = (int)Math.Round(Math.Max(0, Math.Min(1, fraction)) * width * 8);
            if (eighths == 0 && fraction > 0) eighths = 1; // a node that took any time gets a visible sliver
            var sb = new StringBuilder(width);
            sb.Append(Full, eighths / 8);
            if (eighths % 8 != 0) sb.Append(Eighths[eighths % 8 - 1]);
            return sb.ToString();
        }

        private static string Line(int rank, NodePerformanceData n, int labelWidth, string bar, int barWidth, double intensity,
            double share, BottleneckAlert alert, bool ansi)
        {
            var sb = new StringBuilder(128);
            sb.Append(rank.ToString(CultureInfo.InvariantCulture).PadLeft(2)).Append("  ");
            sb.Append(Fit(n.NodeLabel, labelWidth)).Append("  ");
            if (ansi) sb.Append(ColorScale.AnsiForeground(intensity));
            sb.Append(bar);
            if (ansi) sb.Append(Reset);
            sb.Append(' ', barWidth - bar.Length).Append("  ");
            sb.Append(DurationFormat.Human(n.AvgDuration).PadLeft(9)).Append("  ");
            sb.Append(share.ToString("0%", CultureInfo.InvariantCulture).PadLeft(4));
            if (alert != null)
            {
                string mark = string.Format(CultureInfo.InvariantCulture, "  ! {0:0.0}x baseline", alert.Ratio);
                sb.Append(ansi ? "\u001b[1;31m" + mark + Reset : mark);
            }
            return sb.ToString();
        }

        private static string Fit(string text, int width)
            => text.Length <= width ? text.PadRight(width) : text.Substring(0, width - 1) + "\u2026";
    }
}
