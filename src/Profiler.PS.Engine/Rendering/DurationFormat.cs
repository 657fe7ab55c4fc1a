using System;
using System.Globalization;

namespace Profiler.PS.Rendering
{
    /// <summary>Durations in the units a person reads: <c>850 ms</c>, <c>2.4 s</c>, <c>1 m 12 s</c>, <c>2 h 05 m</c>.</summary>
    public static class DurationFormat
    {
        /// <summary>Formats <paramref name="milliseconds"/> as <see cref="Human(double)"/> does; '-' for null (no value).</summary>
        public static string Human(double? milliseconds) => milliseconds is double ms ? Human(ms) : "-";

        /// <summary>Formats <paramref name="milliseconds"/> with invariant digits.</summary>
        public static string Human(double milliseconds)
        {
            if (double.IsNaN(milliseconds) || double.IsInfinity(milliseconds)) return "-";
            CultureInfo c = CultureInfo.InvariantCulture;
            if (milliseconds < 1) return milliseconds.ToString(milliseconds == 0 ? "0" : "F2", c) + " ms";
            if (milliseconds < 10) return milliseconds.ToString("F1", c) + " ms";
            if (milliseconds < 1000) return Math.Round(milliseconds).ToString("0", c) + " ms";
            double seconds = milliseconds / 1000;
            if (seconds < 10) return seconds.ToString("F2", c) + " s";
            if (seconds < 60) return seconds.ToString("F1", c) + " s";
            long whole = (long)Math.Round(seconds);
            if (whole < 3600) return string.Format(c, "{0} m {1:00} s", whole / 60, whole % 60);
            return string.Format(c, "{0} h {1:00} m", whole / 3600, whole % 3600 / 60);
        }

        /// <summary>A signed percentage with one decimal, for example <c>+12.5%</c> or <c>-3.0%</c>, rounded half to even as
        /// every number the module prints (12.25 is +12.2%, as printf writes it).</summary>
        public static string SignedPercent(double percent) => SignedPercent(percent, 1);

        /// <summary>A signed percentage with <paramref name="decimals"/> decimals (0 to 3); a value that rounds to zero has no sign.</summary>
        public static string SignedPercent(double percent, int decimals)
        {
            string text = percent.ToString("F" + Math.Max(0, Math.Min(3, decimals)).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (text.TrimStart('-').Trim('0', '.').Length == 0) return text.TrimStart('-') + "%";
            return (percent > 0 ? "+" : "") + text + "%";
        }

        /// <summary>A fraction as a whole percentage without a space, for example <c>42%</c>, rounded half to even.</summary>
        public static string Percent(double fraction) => (fraction * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";
    }
}
