using System;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>
    /// Draws a profile's slowest nodes as coloured bars, one <see cref="HeatmapRow"/> per node, and the rest
    /// folded into one "Others (n nodes)" row. Bars are proportional to the rows' averages; colours follow the
    /// options' scale.
    /// </summary>
    public static class HeatmapRenderer
    {
        private const string Eighths = "\u258F\u258E\u258D\u258C\u258B\u258A\u2589"; // ▏▎▍▌▋▊▉
        private const char Full = '\u2588';                                         // █
        private const string OthersColor = "#8c8c8c";

        /// <summary>Renders <paramref name="profile"/>; an empty array when it has no node data yet.</summary>
        public static HeatmapRow[] Render(WorkflowPerformanceProfile profile, HeatmapOptions options)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            options = options ?? new HeatmapOptions();
            options.Validate();
            Engine.RankBy rankBy = options.RankBy;
            NodePerformanceData[] sorted = Engine.Ranking.SlowestFirst(profile.NodeData, rankBy);
            if (sorted.Length == 0) return Array.Empty<HeatmapRow>();
            int shown = options.All ? sorted.Length : Math.Min(options.Top, sorted.Length);
            int folded = sorted.Length - shown;
            int[] columns = RunAlignment.Columns(profile);

            // Rows show and draw the ranked average (self time by default); shares are of self time, adding up to 100%.
            double total = Engine.Ranking.SelfTotal(sorted), slowest = Engine.Ranking.Value(sorted[0], rankBy);

            var lines = new HeatmapLineData[shown + (folded > 0 ? 1 : 0)];
            int longestLabel = 0;
            bool anyAlert = false;
            for (int i = 0; i < shown; i++)
            {
                NodePerformanceData n = sorted[i];
                BottleneckAlert alert = Engine.Ranking.FindAlert(profile.Alerts, n.NodeId);
                anyAlert |= alert != null;
                longestLabel = Math.Max(longestLabel, n.NodeLabel?.Length ?? 0);
                lines[i] = new HeatmapLineData
                {
                    Rank = i + 1, Label = n.NodeLabel, Avg = Engine.Ranking.Value(n, rankBy),
                    Last = rankBy == Engine.RankBy.Inclusive ? n.LastDuration : n.LastSelfDuration, Alert = alert,
                    Share = total > 0 ? n.AvgSelfDuration / total : 0,
                    Intensity = options.Intensity(Engine.Ranking.Value(n, rankBy), slowest),
                    Samples = RunAlignment.Align(n, columns),
                };
            }
            if (folded > 0)
            {
                lines[shown] = Others(sorted, shown, columns, total, slowest, options, rankBy);
                longestLabel = Math.Max(longestLabel, lines[shown].Label.Length);
            }

            double barMax = 0;
            foreach (HeatmapLineData d in lines) barMax = Math.Max(barMax, d.Avg);
            foreach (HeatmapLineData d in lines) d.BarFraction = barMax > 0 ? d.Avg / barMax : 0;

            HeatmapLayout layout = HeatmapLayout.Plan(options.Width, longestLabel, !options.Ansi, anyAlert, columns.Length);
            var rows = new HeatmapRow[lines.Length];
            for (int i = 0; i < lines.Length; i++)
            {
                HeatmapLineData d = lines[i];
                string line = HeatmapLine.Compose(d, layout, options, slowest, out string bar, out string sparkline);
                bool others = i == shown;
                rows[i] = new HeatmapRow(profile.WorkflowId, profile.WorkflowName, i + 1,
                    others ? null : sorted[i], others ? folded : 1, d.Label, d.Avg, d.Last, d.Share, d.Intensity,
                    d.Neutral ? OthersColor : ColorScale.Hex(d.Intensity), options.Scale.ToString(), d.Alert, bar, sparkline, line);
            }
            return rows;
        }

        /// <summary>A bar of <paramref name="fraction"/> x <paramref name="width"/> cells with eighth-cell precision.</summary>
        public static string Bar(double fraction, int width)
        {
            if (double.IsNaN(fraction)) fraction = 0;
            int eighths = (int)Math.Round(Math.Max(0, Math.Min(1, fraction)) * width * 8);
            if (eighths == 0 && fraction > 0) eighths = 1; // a node that took any time gets a visible sliver
            var sb = new StringBuilder(width);
            sb.Append(Full, eighths / 8);
            if (eighths % 8 != 0) sb.Append(Eighths[eighths % 8 - 1]);
            return sb.ToString();
        }

        /// <summary>How many eighths of a cell <paramref name="bar"/> fills (the inverse of <see cref="Bar"/>).</summary>
        public static int FilledEighths(string bar)
        {
            int eighths = 0;
            foreach (char ch in bar ?? "")
                eighths += ch == Full ? 8 : Eighths.IndexOf(ch) + 1;
            return eighths;
        }

        private static HeatmapLineData Others(NodePerformanceData[] sorted, int from, int[] columns, double total, double slowest, HeatmapOptions options,
            Engine.RankBy rankBy)
        {
            double avg = 0, last = 0, self = 0;
            double[] samples = RunAlignment.Empty(columns.Length);
            for (int i = from; i < sorted.Length; i++)
            {
                avg += Engine.Ranking.Value(sorted[i], rankBy);
                self += sorted[i].AvgSelfDuration;
                last += rankBy == Engine.RankBy.Inclusive ? sorted[i].LastDuration : sorted[i].LastSelfDuration;
                RunAlignment.AddInto(samples, RunAlignment.Align(sorted[i], columns));
            }
            int count = sorted.Length - from;
            return new HeatmapLineData
            {
                Label = string.Format(CultureInfo.InvariantCulture, "Others ({0} node{1})", count, count == 1 ? "" : "s"),
                Avg = avg, Last = last, Share = total > 0 ? self / total : 0, Samples = samples, Neutral = true,
                Intensity = options.Intensity(avg / count, slowest),
            };
        }
    }
}
