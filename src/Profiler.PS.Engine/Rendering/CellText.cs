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
        /// (<c>File > Describe > Context > It</c>) differ at the end, so the end is what is kept. A statement id of
        /// Measure-WorkflowScript keeps its leading line token too: <c>L14 …-c Release</c>.
        /// </summary>
        public static string KeepEnd(string text, int width)
        {
            text = Engine.TerminalText.Safe(text ?? "");
            if (text.Length <= width) return text;
            if (width <= 1) return width == 1 ? Ellipsis.ToString() : "";
            // Measure-WorkflowScript's statement ids (L14 dotnet build ...) say where they are by their first token.
            int token = LineToken(text);
            if (token > 0 && width - token - 1 >= MinimumLineRest)
                return text.Substring(0, token + 1) + Ellipsis + text.Substring(text.Length - (width - token - 2));
            return Ellipsis + text.Substring(text.Length - (width - 1));
        }

        /// <summary>Characters of a shortened statement id kept after its line token, at least.</summary>
        private const int MinimumLineRest = 4;

        /// <summary>
        /// The length of a leading line token (<c>L</c>, digits, then a space: Measure-WorkflowScript's <c>L14 ...</c>
        /// statement ids), or 0 when <paramref name="text"/> does not start with one.
        /// </summary>
        public static int LineToken(string text)
        {
            if (text == null || text.Length < 3 || text[0] != 'L') return 0;
            int i = 1;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
            return i > 1 && i < text.Length && text[i] == ' ' ? i : 0;
        }

        /// <summary>
        /// Each of <paramref name="labels"/> in at most <paramref name="width"/> characters, keeping distinct labels
        /// apart when the width allows: <see cref="KeepEnd"/>, unless the label shares so long an ending with another
        /// label that fewer than <see cref="MinimumDifference"/> differing characters would show (test ids such as
        /// <c>… > Context Release > It works</c> and <c>… > Context Debug > It works</c>); such a label shows the part
        /// where it differs and a shorter end: <c>…ntext Release…It works</c>. O(n log n) in the number of labels.
        /// </summary>
        public static string[] Distinct(IReadOnlyList<string> labels, int width)
        {
            int n = labels.Count;
            var safe = new string[n];
            for (int i = 0; i < n; i++) safe[i] = Engine.TerminalText.Safe(labels[i] ?? "");
            // The longest ending a label shares with a different label is with a neighbour in order of reversed text.
            var reversed = new string[n];
            var order = new int[n];
            for (int i = 0; i < n; i++)
            {
                char[] r = safe[i].ToCharArray();
                Array.Reverse(r);
                reversed[i] = new string(r);
                order[i] = i;
            }
            Array.Sort(reversed, order, StringComparer.Ordinal);
            var common = new int[n];
            for (int k = 0; k < n; k++)
            {
                int i = order[k];
                for (int j = k - 1; j >= 0; j--) if (safe[order[j]] != safe[i]) { common[i] = Math.Max(common[i], CommonEnd(safe[i], safe[order[j]])); break; }
                for (int j = k + 1; j < n; j++) if (safe[order[j]] != safe[i]) { common[i] = Math.Max(common[i], CommonEnd(safe[i], safe[order[j]])); break; }
            }
            var shown = new string[n];
            for (int i = 0; i < n; i++)
            {
                // A statement id keeps its line number, which already tells it apart.
                bool blurred = safe[i].Length > width && common[i] < safe[i].Length && width - 1 - common[i] < MinimumDifference && width >= 7
                    && LineToken(safe[i]) == 0;
                shown[i] = blurred ? AroundDifference(safe[i], common[i], width) : KeepEnd(safe[i], width);
            }
            return shown;
        }

        /// <summary>Differing characters a shortened label should show before its shared ending.</summary>
        public const int MinimumDifference = 8;

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
