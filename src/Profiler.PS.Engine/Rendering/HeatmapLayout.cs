using System;

namespace Profiler.PS.Rendering
{
    /// <summary>
    /// Column widths of a heatmap line, shrunk step by step until the line fits the host's width.
    /// Line: rank, label, heat word, bar, "avg" (or "total"), "last", share, sparkline, failure mark, alert mark.
    /// The failure mark is never dropped: a failing node must stay visible at any width.
    /// </summary>
    internal sealed class HeatmapLayout
    {
        public const int RankWidth = 2;
        public const int ValueWidth = 8;   // "1 m 12 s", "2 h 05 m", "12.3 s"
        public const int TagWidth = 4;     // "hot ", "warm", "cool"
        public const int WordWidth = 6;    // "avg   ", "last  ", "total "
        public const int ShareWidth = 4;   // "100%"
        public const int LongAlertWidth = 16;  // "! 12.3x baseline"
        public const int ShortAlertWidth = 7;  // "! 12.3x"
        public const int MarkAlertWidth = 1;   // "!"
        private const int MaxLabelWidth = 28;
        private const int MaxBarWidth = 40;

        public int LabelWidth { get; private set; }
        public int BarWidth { get; private set; }
        public int SparkColumns { get; private set; }
        public bool ShowTag { get; private set; }
        public bool ShowLast { get; private set; } = true;
        public bool ShowAlert { get; private set; }
        public bool LongAlert { get; private set; }
        public bool AlertRatio { get; private set; } = true;
        public bool ShowWords { get; private set; } = true;
        /// <summary>Width of the failure mark column (<c>fail 3</c>); 0 when no row of the heatmap failed.</summary>
        public int FailWidth { get; private set; }

        /// <summary>Visible characters of a line with these columns (the widest alert mark included).</summary>
        public int Length =>
            RankWidth + 2 + LabelWidth + 2
            + (ShowTag ? TagWidth + 1 : 0)
            + BarWidth + 1
            + 1 + (ShowWords ? WordWidth : 0) + ValueWidth
            + (ShowLast ? 1 + WordWidth + ValueWidth : 0)
            + 2 + ShareWidth
            + (SparkColumns > 0 ? 2 + SparkColumns : 0)
            + (FailWidth > 0 ? 2 + FailWidth : 0)
            + (ShowAlert ? 2 + (LongAlert ? LongAlertWidth : AlertRatio ? ShortAlertWidth : MarkAlertWidth) : 0);

        /// <summary>
        /// Plans a layout for lines at most <paramref name="width"/> - 1 characters (the last column would wrap).
        /// The heat word is given up for a narrow line only when colour (<paramref name="ansi"/>) shows the heat.
        /// </summary>
        public static HeatmapLayout Plan(int width, int longestLabel, bool ansi, bool anyAlert, int runs, int failWidth = 0)
        {
            var l = new HeatmapLayout
            {
                LabelWidth = Math.Max(5, Math.Min(MaxLabelWidth, longestLabel)),
                BarWidth = MaxBarWidth,
                SparkColumns = runs,
                ShowTag = true,
                ShowAlert = anyAlert,
                LongAlert = anyAlert,
                FailWidth = failWidth,
            };
            int available = Math.Max(20, width - 1);
            // Least useful first: spare bar cells, old runs, long labels, words, then whole columns.
            l.Shrink(available, () => l.BarWidth, v => l.BarWidth = v, 16);
            l.Shrink(available, () => l.SparkColumns, v => l.SparkColumns = v, Math.Min(runs, 10));
            l.Shrink(available, () => l.LabelWidth, v => l.LabelWidth = v, Math.Min(l.LabelWidth, 16));
            l.Shrink(available, () => l.BarWidth, v => l.BarWidth = v, 12);
            if (l.Length > available) l.LongAlert = false;
            l.Shrink(available, () => l.BarWidth, v => l.BarWidth = v, 10);
            if (l.Length > available) l.ShowLast = false;
            l.Shrink(available, () => l.LabelWidth, v => l.LabelWidth = v, Math.Min(l.LabelWidth, 8));
            l.Shrink(available, () => l.SparkColumns, v => l.SparkColumns = v, 0);
            if (l.Length > available && ansi) l.ShowTag = false;
            l.Shrink(available, () => l.BarWidth, v => l.BarWidth = v, 4);
            l.Shrink(available, () => l.LabelWidth, v => l.LabelWidth = v, Math.Min(l.LabelWidth, 5));
            if (l.Length > available) l.AlertRatio = false;
            if (l.Length > available) l.ShowWords = false;
            return l;
        }

        private void Shrink(int available, Func<int> get, Action<int> set, int floor)
        {
            int excess = Length - available;
            if (excess <= 0) return;
            int current = get();
            set(Math.Max(floor, current - excess));
        }
    }
}
