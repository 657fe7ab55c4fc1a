using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>
    /// Text of one table cell or heatmap label for a given width, decided at display time (the data keeps the
    /// full text): long ids keep their distinguishing end (<c>…It produces the package</c>), numbers are never cut.
    /// </summary>
    public static class CellText
    {
        /// <summary>The ellipsis that marks left-out text.</summary>
        public const char Ellipsis = '\u2026';

        /// <summary>
        /// <paramref name="text"/> (made terminal-safe) in at most <paramref name="width"/> characters: unchanged when it
        /// fits, else an ellipsis and its last width - 1 characters. Ids of test frameworks and nested steps
        /// (<c>File > Describe > Context > It</c>) differ at the end, so the end is what is kept.
        /// </summary>
        public static string KeepEnd(string text, int width)
        {
            text = Engine.TerminalText.Safe(text ?? "");
            if (text.Length <= width) return text;
            if (width <= 1) return width == 1 ? Ellipsis.ToString() : "";
            return Ellipsis + text.Substring(text.Length - (width - 1));
        }

        /// <summary>
        /// Each of <paramref name="labels"/> in at most <paramref name="width"/> characters, keeping distinct labels
        /// distinct when the width allows: <see cref="KeepEnd"/>, unless two labels would then look the same (they
        /// share a long ending, as <c>… > Context Release > It works</c> and <c>… > Context Debug > It works</c>); such
        /// a label shows the part where it differs and a shorter end: <c>…ntext Release…It works</c>.
        /// </summary>
        public static string[] Distinct(IReadOnlyList<string> labels, int width)
        {
            var safe = new string[labels.Count];
            var shown = new string[labels.Count];
            var count = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < safe.Length; i++)
            {
                safe[i] = Engine.TerminalText.Safe(labels[i] ?? "");
                shown[i] = KeepEnd(safe[i], width);
                count[shown[i]] = count.TryGetValue(shown[i], out int c) ? c + 1 : 1;
            }
            var plain = (string[])shown.Clone();   // compare with the first forms, not with labels already changed
            for (int i = 0; i < safe.Length; i++)
            {
                if (count[plain[i]] < 2 || safe[i].Length <= width || width < 7) continue;
                int common = 0;   // the longest ending the label shares with a label that looks the same
                for (int j = 0; j < safe.Length; j++)
                    if (j != i && plain[j] == plain[i] && safe[j] != safe[i]) common = Math.Max(common, CommonEnd(safe[i], safe[j]));
                shown[i] = AroundDifference(safe[i], common, width);
            }
            return shown;
        }

        /// <summary>
        /// <paramref name="milliseconds"/> in at most <paramref name="width"/> characters: with one decimal (<c>1,234.5</c>),
        /// else whole (<c>1,234,568</c>), else in larger units (<c>3 h 25 m</c>); <c>-</c> when there is no value.
        /// </summary>
        public static string Milliseconds(double? milliseconds, int width)
        {
            if (!(milliseconds is double ms) || double.IsNaN(ms) || double.IsInfinity(ms)) return "-";
            CultureInfo c = CultureInfo.CurrentCulture;
            string text = ms.ToString("N1", c);
            if (text.Length <= width) return text;
            text = ms.ToString("N0", c);
            return text.Length <= width ? text : DurationFormat.Human(ms);
        }

        /// <summary>How many characters <paramref name="a"/> and <paramref name="b"/> share at their ends.</summary>
        private static int CommonEnd(string a, string b)
        {
            int n = 0;
            while (n < a.Length && n < b.Length && a[a.Length - 1 - n] == b[b.Length - 1 - n]) n++;
            return n;
        }

        /// <summary>
        /// <c>…</c> + the characters just before the shared ending <paramref name="common"/> (where the label differs)
        /// + <c>…</c> + as much of the ending as fits, half the width at most.
        /// </summary>
        private static string AroundDifference(string label, int common, int width)
        {
            int end = Math.Min(common, (width - 2) / 2);
            int middle = width - 2 - end;
            int differ = label.Length - common;                 // one past the last differing character
            int start = Math.Max(0, differ - middle);
            var sb = new StringBuilder(width);
            if (start > 0) sb.Append(Ellipsis); else middle++;  // no leading ellipsis: one more character fits
            sb.Append(label, start, Math.Min(middle, differ - start));
            sb.Append(Ellipsis).Append(label, label.Length - end, end);
            return sb.ToString();
        }
    }
}
