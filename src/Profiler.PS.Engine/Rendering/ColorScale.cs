using System;
using System.Globalization;

namespace Profiler.PS.Rendering
{
    /// <summary>A continuous green-yellow-red gradient for intensities from 0 (fast) to 1 (slow).</summary>
    public static class ColorScale
    {
        private static readonly (int R, int G, int B) Green = (46, 204, 113);
        private static readonly (int R, int G, int B) Yellow = (241, 196, 15);
        private static readonly (int R, int G, int B) Red = (231, 76, 60);

        /// <summary>The colour for <paramref name="intensity"/> (clamped to 0..1).</summary>
        public static (int R, int G, int B) At(double intensity)
        {
            double t = double.IsNaN(intensity) ? 0 : Math.Max(0, Math.Min(1, intensity));
            return t <= 0.5 ? Mix(Green, Yellow, t * 2) : Mix(Yellow, Red, (t - 0.5) * 2);
        }

        /// <summary>The colour as <c>#rrggbb</c>.</summary>
        public static string Hex(double intensity)
        {
            var (r, g, b) = At(intensity);
            return string.Format(CultureInfo.InvariantCulture, "#{0:x2}{1:x2}{2:x2}", r, g, b);
        }

        /// <summary>The 24-bit ANSI foreground sequence for the colour.</summary>
        public static string AnsiForeground(double intensity)
        {
            var (r, g, b) = At(intensity);
            return string.Format(CultureInfo.InvariantCulture, "\u001b[38;2;{0};{1};{2}m", r, g, b);
        }

        private static (int, int, int) Mix((int R, int G, int B) a, (int R, int G, int B) b, double t)
            => ((int)Math.Round(a.R + (b.R - a.R) * t), (int)Math.Round(a.G + (b.G - a.G) * t), (int)Math.Round(a.B + (b.B - a.B) * t));
    }
}
