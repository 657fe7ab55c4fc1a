using System;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>What one heatmap line shows; the renderer fills it for a node or for the "Others" row.</summary>
    internal sealed class HeatmapLineData
    {
        public int Rank;             // 0 for the Others row
        public string Label;
        public double Intensity;
        public bool Neutral;         // drawn grey: an aggregate has no single heat
        public double BarFraction;
        public double Avg;
        public double Last;
        public double Share;
        public double[] Samples;     // aligned by run, NaN where the node did not run
        public BottleneckAlert Alert;
    }

    /// <summary>Composes heatmap lines for a <see cref="HeatmapLayout"/>, with or without ANSI colour.</summary>
    internal static class HeatmapLine
    {
        private const string Reset = "\u001b[0m";
        private const string AlertStyle = "\u001b[1;31m";
        private const string Dim = "\u001b[2m";
        private static readonly string Grey = Ansi((140, 140, 140));

        public static string Compose(HeatmapLineData d, HeatmapLayout layout, HeatmapOptions options, double slowest, out string bar, out string sparkline)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            bool ansi = options.Ansi;
            bar = HeatmapRenderer.Bar(d.BarFraction, layout.BarWidth);
            sparkline = Sparkline.Render(d.Samples);
            var sb = new StringBuilder(160);
            sb.Append(d.Rank > 0 ? d.Rank.ToString(c).PadLeft(HeatmapLayout.RankWidth) : new string(' ', HeatmapLayout.RankWidth)).Append("  ");
            sb.Append(Fit(d.Label, layout.LabelWidth)).Append("  ");
            if (layout.ShowTag) sb.Append(Tag(d).PadRight(HeatmapLayout.TagWidth)).Append(' ');
            if (ansi) sb.Append(d.Neutral ? Grey : ColorScale.AnsiForeground(d.Intensity));
            sb.Append(bar);
            if (ansi) sb.Append(Reset);
            sb.Append(' ', layout.BarWidth - bar.Length);
            Value(sb, layout.ShowWords ? "avg " : "", d.Avg, ansi);
            if (layout.ShowLast) Value(sb, "last ", d.Last, ansi);
            sb.Append("  ").Append(d.Share.ToString("0%", c).PadLeft(HeatmapLayout.ShareWidth));
            if (layout.SparkColumns > 0) AppendSparkline(sb, d, layout.SparkColumns, options, slowest);
            if (d.Alert != null && layout.ShowAlert)
            {
                string ratio = d.Alert.Ratio > 99.9 ? ">99" : d.Alert.Ratio.ToString("0.0", c);
                string mark = layout.AlertRatio ? "! " + ratio + "x" + (layout.LongAlert ? " baseline" : "") : "!";
                sb.Append("  ");
                if (ansi) sb.Append(AlertStyle).Append(mark).Append(Reset); else sb.Append(mark);
            }
            return TrimEnd(sb);
        }

        /// <summary>Plain text's stand-in for colour: the heat in a word.</summary>
        public static string Tag(HeatmapLineData d)
            => d.Neutral ? "" : d.Intensity >= 2.0 / 3 ? "hot" : d.Intensity >= 1.0 / 3 ? "warm" : "cool";

        private static void Value(StringBuilder sb, string word, double ms, bool ansi)
        {
            sb.Append("  ");
            if (ansi && word.Length > 0) sb.Append(Dim).Append(word).Append(Reset); else sb.Append(word);
            sb.Append(DurationFormat.Human(ms).PadLeft(HeatmapLayout.ValueWidth));
        }

        private static void AppendSparkline(StringBuilder sb, HeatmapLineData d, int columns, HeatmapOptions options, double slowest)
        {
            // The latest runs that fit; the glyphs keep the scale of the node's whole window.
            double max = Sparkline.Max(d.Samples);
            int first = Math.Max(0, d.Samples.Length - columns);
            sb.Append("  ");
            string current = null;
            for (int i = first; i < d.Samples.Length; i++)
            {
                double v = d.Samples[i];
                if (options.Ansi && !double.IsNaN(v))
                {
                    string colour = d.Neutral ? Grey : ColorScale.AnsiForeground(options.Intensity(v, slowest));
                    if (colour != current) sb.Append(current = colour);
                }
                sb.Append(Sparkline.Glyph(v, max));
            }
            if (current != null) sb.Append(Reset);
        }

        private static string Fit(string text, int width)
        {
            text = Printable(text ?? "");
            return text.Length <= width ? text.PadRight(width) : text.Substring(0, width - 1) + "\u2026";
        }

        /// <summary>Control characters in a label (an escape sequence, a newline) would drive the terminal: shown as '?'.</summary>
        internal static string Printable(string text) => Engine.TerminalText.Safe(text);

        private static string TrimEnd(StringBuilder sb)
        {
            int end = sb.Length;
            while (end > 0 && sb[end - 1] == ' ') end--;
            return sb.ToString(0, end);
        }

        private static string Ansi((int R, int G, int B) c)
            => string.Format(CultureInfo.InvariantCulture, "\u001b[38;2;{0};{1};{2}m", c.R, c.G, c.B);
    }
}
