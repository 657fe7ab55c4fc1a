using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Profiler.PS.Tests.Support
{
    /// <summary>Reads what a terminal would show from a line with ANSI escape sequences.</summary>
    public static class Ansi
    {
        private static readonly Regex Sequence = new Regex("\u001b\\[[0-9;]*m");
        private static readonly Regex Foreground = new Regex("\u001b\\[38;2;(\\d+);(\\d+);(\\d+)m");

        /// <summary>The visible text: the line without escape sequences.</summary>
        public static string Strip(string line) => Sequence.Replace(line, "");

        /// <summary>Every 24-bit foreground colour set in the line, in order.</summary>
        public static List<(int R, int G, int B)> Colours(string line)
        {
            var list = new List<(int, int, int)>();
            foreach (Match m in Foreground.Matches(line))
                list.Add((int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)));
            return list;
        }

        /// <summary>
        /// Where a colour sits on the green-yellow-red scale, by hue: 0 for green, about 1 for red.
        /// Independent of the renderer's own arithmetic, so a test can order colours as a person would.
        /// </summary>
        public static double Heat((int R, int G, int B) c)
        {
            double r = c.R / 255.0, g = c.G / 255.0, b = c.B / 255.0;
            double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
            if (max - min < 1e-9) return double.NaN; // grey: no heat
            double hue = max == r ? 60 * (((g - b) / (max - min)) % 6) : max == g ? 60 * ((b - r) / (max - min) + 2) : 60 * ((r - g) / (max - min) + 4);
            if (hue < 0) hue += 360;
            return 1 - Math.Min(hue, 150) / 150;   // 150 deg (green) -> 0, 0 deg (red) -> 1
        }
    }
}
