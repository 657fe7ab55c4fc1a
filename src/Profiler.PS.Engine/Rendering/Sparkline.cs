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
        /// The glyph for <paramref name="value"/> on a scale from 0 to <paramref name="max"/>. Zero-based rather
        /// than min-based, so that noise of a few percent stays flat and a doubling shows as a doubling.
        /// </summary>
        public static char Glyph(double value, double max)
        {
            if (double.IsNaN(value)) return ' ';
            if (max <= 0) return Levels[0];
            int level = (int)Math.Round(Math.Max(0, Math.Min(1, value / max)) * (Levels.Length - 1));
            return Levels[level];
        }

        /// <summary>The sparkline of <paramref name="values"/> (NaN for a gap), scaled to their largest value.</summary>
        public static string Render(double[] values)
        {
            double max = Max(values);
            var sb = new StringBuilder(values.Length);
            foreach (double v in values) sb.Append(Glyph(v, max));
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
    }
}
