using System;
using System.Globalization;
using Profiler.PS.Engine;

namespace Profiler.PS.Rendering
{
    /// <summary>What a heatmap's colours are measured against.</summary>
    public enum HeatmapScale
    {
        /// <summary>Against the slowest node: the slowest is red, a node half as slow is yellow.</summary>
        Relative,
        /// <summary>Against fixed thresholds: green up to <see cref="HeatmapOptions.GoodBelow"/>, red from <see cref="HeatmapOptions.BadAbove"/>.</summary>
        Absolute,
    }

    /// <summary>How a heatmap is drawn.</summary>
    public sealed class HeatmapOptions
    {
        /// <summary>Default <see cref="GoodBelow"/>: one second.</summary>
        public const double DefaultGoodBelow = 1000;
        /// <summary>Default <see cref="BadAbove"/>: ten seconds.</summary>
        public const double DefaultBadAbove = 10000;

        /// <summary>How many of the slowest nodes get a row of their own (default 5); the rest share an "Others" row.</summary>
        public int Top { get; set; } = 5;
        /// <summary>What rows are ranked, drawn and labelled "avg" by: average self time (default) or inclusive time.</summary>
        public Engine.RankBy RankBy { get; set; } = Engine.RankBy.Self;
        /// <summary>Draws every node, with no "Others" row.</summary>
        public bool All { get; set; }
        /// <summary>Rows are always drawn without colour (Show-Heatmap -NoColor), whatever the display supports.</summary>
        public bool NoColor { get; set; }
        /// <summary>What colours are measured against (default <see cref="HeatmapScale.Relative"/>).</summary>
        public HeatmapScale Scale { get; set; } = HeatmapScale.Relative;
        /// <summary>Absolute scale: milliseconds at or below which a node is fully green.</summary>
        public double GoodBelow { get; set; } = DefaultGoodBelow;
        /// <summary>Absolute scale: milliseconds at or above which a node is fully red.</summary>
        public double BadAbove { get; set; } = DefaultBadAbove;

        /// <summary>
        /// 0 (fast, green) to 1 (slow, red) for <paramref name="milliseconds"/>: relative to
        /// <paramref name="slowest"/>, or linear between the thresholds on the absolute scale.
        /// </summary>
        public double Intensity(double milliseconds, double slowest)
        {
            if (double.IsNaN(milliseconds)) return 0;
            if (Scale == HeatmapScale.Absolute)
            {
                if (milliseconds <= GoodBelow) return 0;
                if (milliseconds >= BadAbove) return 1;
                return (milliseconds - GoodBelow) / (BadAbove - GoodBelow);
            }
            return slowest > 0 ? Math.Min(1, milliseconds / slowest) : 0;
        }

        /// <summary>Throws <see cref="ProfilerException"/> (InvalidSetting) when the options cannot draw a heatmap.</summary>
        public void Validate()
        {
            if (Top < 1)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, $"Top {Top} is out of range: give at least 1 node, or use -All.");
            // Each value on its own first: a negative GoodBelow is wrong whatever BadAbove is.
            CheckDuration(nameof(GoodBelow), GoodBelow, 100);
            CheckDuration(nameof(BadAbove), BadAbove, 2000);
            if (GoodBelow >= BadAbove)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, string.Format(CultureInfo.InvariantCulture,
                    "The thresholds GoodBelow {0} ms and BadAbove {1} ms are not usable: give GoodBelow smaller than BadAbove (for example -GoodBelow 100 -BadAbove 2000).",
                    GoodBelow, BadAbove));
        }

        private static void CheckDuration(string name, double ms, int example)
        {
            if (double.IsNaN(ms) || double.IsInfinity(ms))
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, string.Format(CultureInfo.InvariantCulture,
                    "{0} {1} is not a duration: give a finite number of milliseconds or a TimeSpan (for example -{0} {2}).", name, ms, example));
            if (ms < 0)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, string.Format(CultureInfo.InvariantCulture,
                    "{0} {1} ms is negative: give a duration of 0 or more milliseconds, or a TimeSpan (for example -{0} {2}).", name, ms, example));
        }
    }
}
