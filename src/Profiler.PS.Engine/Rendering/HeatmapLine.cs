using System;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>Composes one heatmap line for a <see cref="HeatmapLayout"/>, with or without ANSI colour.</summary>
    internal static class HeatmapLine
    {
        private const string Reset = "\u001b[0m";
        private const string AlertStyle = "\u001b[1;31m";
        private const string Dim = "\u001b[2m";
        private static readonly string Grey = string.Format(CultureInfo.InvariantCulture, "\u001b[38;2;{0};{0};{0}m", 140);

        public static string Compose(HeatmapRow row, HeatmapLayout layout, bool ansi)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            string bar = HeatmapRenderer.Bar(row.BarFraction, layout.BarWidth);
            bool capped = row.BarFraction > 1;   // an Others total longer than the slowest node
            var sb = new StringBuilder(160);
            sb.Append(row.IsOthers ? new string(' ', HeatmapLayout.RankWidth) : row.Rank.ToString(c).PadLeft(HeatmapLayout.RankWidth)).Append("  ");
            sb.Append(Fit(row, layout.LabelWidth)).Append("  ");
            if (layout.ShowTag) sb.Append((row.Heat ?? "").PadRight(HeatmapLayout.TagWidth)).Append(' ');
            if (ansi) sb.Append(row.IsOthers ? Grey : ColorScale.AnsiForeground(row.Intensity));
            sb.Append(bar);
            if (ansi) sb.Append(Reset);
            sb.Append(capped ? "+" : " ").Append(' ', layout.BarWidth - bar.Length);
            // A row without a successful run has no time: '-', never 0 ms (its failure mark says why).
            bool noData = row.RunCount == 0;
            Value(sb, !layout.ShowWords ? "" : row.IsOthers ? "total" : "avg", row.AvgDuration ?? double.NaN, ansi);
            if (layout.ShowLast) Value(sb, "last", row.LastDuration ?? double.NaN, ansi);
            sb.Append("  ").Append((noData ? "-" : DurationFormat.Percent(row.Share)).PadLeft(HeatmapLayout.ShareWidth));
            if (layout.SparkColumns > 0) AppendSparkline(sb, row, layout.SparkColumns, ansi);
            if (layout.FailWidth > 0)
            {
                // Plain text spells the mark out ("fail 2"); in colour the cross in red says the same ("✗2").
                string mark = FailureMark(row, ansi);
                sb.Append("  ");
                if (ansi && mark.Length > 0) sb.Append(AlertStyle).Append(mark).Append(Reset); else sb.Append(mark);
                sb.Append(' ', Math.Max(0, layout.FailWidth - mark.Length));
            }
            if (row.Alert != null && layout.ShowAlert)
            {
                string mark = layout.AlertRatio ? "! " + row.Alert.RatioText + (layout.LongAlert ? " baseline" : "") : "!";
                sb.Append("  ");
                if (ansi) sb.Append(AlertStyle).Append(mark).Append(Reset); else sb.Append(mark);
            }
            return TrimEnd(sb);
        }

        /// <summary>
        /// The failure mark of <paramref name="row"/>: its window's failed plus stopped runs as <c>✗2</c> in colour
        /// or <c>fail 2</c> in plain text; empty when it had none.
        /// </summary>
        internal static string FailureMark(HeatmapRow row, bool ansi)
        {
            int count = row.WindowFailedCount + row.WindowStoppedCount;
            if (count == 0) return "";
            return (ansi ? "\u2717" : "fail ") + count.ToString(CultureInfo.InvariantCulture);
        }

        private static void Value(StringBuilder sb, string word, double ms, bool ansi)
        {
            sb.Append(' ');
            // Words are padded to one width ("avg", "last", "total") so that the values line up.
            if (word.Length > 0)
            {
                if (ansi) sb.Append(Dim).Append(word).Append(Reset); else sb.Append(word);
                sb.Append(' ', HeatmapLayout.WordWidth - word.Length);
            }
            sb.Append(DurationFormat.Human(ms).PadLeft(HeatmapLayout.ValueWidth));
        }

        private static void AppendSparkline(StringBuilder sb, HeatmapRow row, int columns, bool ansi)
        {
            // The latest runs that fit; the glyphs keep the scale of the node's whole window.
            string glyphs = row.Sparkline ?? "";
            int first = Math.Max(0, glyphs.Length - columns);
            sb.Append("  ");
            string current = null;
            for (int i = first; i < glyphs.Length; i++)
            {
                if (ansi && glyphs[i] != ' ' && row.SampleIntensities != null && i < row.SampleIntensities.Length)
                {
                    string colour = row.IsOthers ? Grey : ColorScale.AnsiForeground(row.SampleIntensities[i]);
                    if (colour != current) sb.Append(current = colour);
                }
                sb.Append(glyphs[i]);
            }
            if (current != null) sb.Append(Reset);
        }

        /// <summary>The label in <paramref name="width"/> characters, its end kept and kept apart from the other rows' labels.</summary>
        private static string Fit(HeatmapRow row, int width)
        {
            HeatmapFrame frame = row.Frame;
            string text = frame != null && row.FrameIndex < frame.Labels.Count
                ? CellText.Distinct(frame.Labels, width)[row.FrameIndex]
                : CellText.KeepEnd(row.NodeLabel, width);
            return text.PadRight(width);
        }

        /// <summary>Control characters in a label (an escape sequence, a newline) would drive the terminal: shown as '?'.</summary>
        internal static string Printable(string text) => Engine.TerminalText.Safe(text);

        private static string TrimEnd(StringBuilder sb)
        {
            int end = sb.Length;
            while (end > 0 && sb[end - 1] == ' ') end--;
            return sb.ToString(0, end);
        }
    }
}
