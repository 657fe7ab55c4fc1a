using System;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>
    /// A profile's slowest nodes as heatmap rows (<see cref="Render"/>: data only), one <see cref="HeatmapRow"/>
    /// per node and the rest folded into one "Others (n nodes)" row; and the one function that draws a row for a
    /// given width and colour support (<see cref="Format"/>), which the format view calls at display time.
    /// </summary>
    public static class HeatmapRenderer
    {
        /// <summary>Cells of the slowest node's bar in <see cref="HeatmapRow.Bar"/>; the displayed bar is sized to the line.</summary>
        public const int StoredBarWidth = 20;
        private const string Eighths = "\u258F\u258E\u258D\u258C\u258B\u258A\u2589"; // ▏▎▍▌▋▊▉
        private const char Full = '\u2588';                                         // █
        private const string OthersColor = "#8c8c8c";

        /// <summary>The rows of <paramref name="profile"/>'s heatmap; an empty array when it has no node data yet.</summary>
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
            var frame = new HeatmapFrame { Runs = columns.Length };

            // Rows show and draw the ranked average (self time by default); shares are of self time, adding up to 100%.
            double total = Engine.Ranking.SelfTotal(sorted), slowest = Engine.Ranking.Value(sorted[0], rankBy);

            var rows = new HeatmapRow[shown + (folded > 0 ? 1 : 0)];
            for (int i = 0; i < shown; i++)
            {
                NodePerformanceData n = sorted[i];
                BottleneckAlert alert = Engine.Ranking.FindAlert(profile.Alerts, n.NodeId);
                double value = Engine.Ranking.Value(n, rankBy);
                double last = (rankBy == Engine.RankBy.Inclusive ? n.LastDuration : n.LastSelfDuration) ?? 0;
                double intensity = options.Intensity(value, slowest);
                rows[i] = new HeatmapRow(profile.WorkflowId, profile.WorkflowName, i + 1, n, 1, n.NodeLabel,
                    value, last, total > 0 ? n.AvgSelfDuration.GetValueOrDefault() / total : 0, intensity,
                    ColorScale.Hex(intensity), options.Scale, alert);
                rows[i].SetFailures(n.WindowFailedCount, n.WindowStoppedCount);
                rows[i].SetRunCount(n.RunCount);
                Finish(rows[i], RunAlignment.Align(n, columns), slowest, options, frame);
            }
            if (folded > 0)
            {
                double avg = 0, last = 0, self = 0;
                int failed = 0, stopped = 0, runs = 0;
                double[] samples = RunAlignment.Empty(columns.Length);
                for (int i = shown; i < sorted.Length; i++)
                {
                    avg += Engine.Ranking.Value(sorted[i], rankBy);
                    self += sorted[i].AvgSelfDuration.GetValueOrDefault();
                    failed += sorted[i].WindowFailedCount;
                    stopped += sorted[i].WindowStoppedCount;
                    runs += sorted[i].RunCount;
                    last += (rankBy == Engine.RankBy.Inclusive ? sorted[i].LastDuration : sorted[i].LastSelfDuration) ?? 0;
                    RunAlignment.AddInto(samples, RunAlignment.Align(sorted[i], columns));
                }
                string label = string.Format(CultureInfo.InvariantCulture, "Others ({0} node{1})", folded, folded == 1 ? "" : "s");
                rows[shown] = new HeatmapRow(profile.WorkflowId, profile.WorkflowName, shown + 1, null, folded, label,
                    avg, last, total > 0 ? self / total : 0, options.Intensity(avg / folded, slowest), OthersColor, options.Scale, null);
                rows[shown].SetFailures(failed, stopped);
                rows[shown].SetRunCount(runs);
                Finish(rows[shown], samples, slowest, options, frame);
            }
            return rows;
        }

        private static void Finish(HeatmapRow row, double[] samples, double slowest, HeatmapOptions options, HeatmapFrame frame)
        {
            // One scale for every bar: the slowest node fills the bar; an Others total beyond it is capped.
            row.BarFraction = slowest > 0 ? row.AvgValue / slowest : 0;
            row.Bar = Bar(row.BarFraction, StoredBarWidth);
            row.Samples = samples;
            row.SampleIntensities = new double[samples.Length];
            for (int i = 0; i < samples.Length; i++) row.SampleIntensities[i] = options.Intensity(samples[i], slowest);
            row.Sparkline = Sparkline.Render(samples);
            row.Frame = frame;
            row.FrameIndex = frame.Labels.Count;
            frame.Labels.Add(row.NodeLabel);
            row.PlainText = options.NoColor;
            frame.LongestLabel = Math.Max(frame.LongestLabel, row.NodeLabel?.Length ?? 0);
            frame.AnyAlert |= row.IsAlert;
            frame.WidestFailure = Math.Max(frame.WidestFailure, HeatmapLine.FailureMark(row, false).Length);
        }

        /// <summary>
        /// Draws <paramref name="row"/> as one line of at most <paramref name="width"/> - 1 characters (escape codes
        /// not counted), in 24-bit colour when <paramref name="ansi"/> is true and the row was not made with
        /// -NoColor. The heat word (cool, warm, hot) is always there, so the line reads the same once colour is
        /// stripped (a redirected file, Out-String with PlainText rendering).
        /// </summary>
        public static string Format(HeatmapRow row, int width, bool ansi)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            HeatmapFrame frame = row.Frame ?? new HeatmapFrame { LongestLabel = row.NodeLabel?.Length ?? 0, AnyAlert = row.IsAlert, Runs = row.Sparkline?.Length ?? 0,
                WidestFailure = HeatmapLine.FailureMark(row, false).Length };
            HeatmapLayout layout = HeatmapLayout.Plan(width, frame.LongestLabel, ansi && !row.PlainText, frame.AnyAlert, frame.Runs, frame.WidestFailure);
            return HeatmapLine.Compose(row, layout, ansi && !row.PlainText);
        }

        /// <summary>The heading a heatmap is shown under: <c>   Heatmap: </c> and the workflow's name, control characters shown as '?'.</summary>
        public static string Heading(HeatmapRow row)
            => "   Heatmap: " + HeatmapLine.Printable(row?.WorkflowName ?? row?.WorkflowId ?? "");

        /// <summary>The heat level of <paramref name="intensity"/> in a word: cool below 1/3, warm below 2/3, else hot.</summary>
        public static string HeatWord(double intensity)
            => intensity >= 2.0 / 3 ? "hot" : intensity >= 1.0 / 3 ? "warm" : "cool";

        /// <summary>A bar of <paramref name="fraction"/> x <paramref name="width"/> cells with eighth-cell precision (capped at 1).</summary>
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
    }
}
