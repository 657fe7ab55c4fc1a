using System;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>One-line charts of a node's runs: <c>▁▂▃▄▅▆▇█</c>, a space where the node did not run.</summary>
    public static class Sparkline
    {
        /// <summary>The eight levels, lowest first.</summary>
        public const string Levels = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";

        /// <summary>
        /// The glyph for <paramref name="value"/> on a scale from <paramref name="min"/> (lowest level) to
        /// <paramref name="max"/> (highest), as sparklines are usually drawn (Tufte): the shape of the series, so
        /// 5.1, 5.2 and 5.3 s read as a rise. A series with no spread is drawn at the middle level.
        /// </summary>
        public static char Glyph(double value, double min, double max)
        {
            if (double.IsNaN(value)) return ' ';
            if (!(max > min)) return Levels[Levels.Length / 2 - 1];
            double t = (value - min) / (max - min);
            int level = (int)Math.Round(Math.Max(0, Math.Min(1, t)) * (Levels.Length - 1));
            return Levels[level];
        }

        /// <summary>The sparkline of <paramref name="values"/> (NaN for a gap), scaled from their smallest to their largest value.</summary>
        public static string Render(double[] values)
        {
            double max = Max(values), min = Min(values);
            var sb = new StringBuilder(values.Length);
            foreach (double v in values) sb.Append(Glyph(v, min, max));
            return sb.ToString();
        }

        /// <summary>The largest value that is not NaN, or 0.</summary>
        public static double Max(double[] values)
        {
            double max = 0;
            foreach (double v in values)
                if (!double.IsNaN(v) && v > max) max = v;
            return max;
        }

        /// <summary>The smallest value that is not NaN, or 0 when there is none.</summary>
        public static double Min(double[] values)
        {
            double min = double.PositiveInfinity;
            foreach (double v in values)
                if (!double.IsNaN(v) && v < min) min = v;
            return double.IsPositiveInfinity(min) ? 0 : min;
        }
    }
}
