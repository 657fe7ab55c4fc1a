using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>Appends text to HTML safely: every value that came from a user goes through <see cref="Escape(StringBuilder, string)"/>.</summary>
    public static class HtmlText
    {
        private const string HexDigits = "0123456789abcdef";

        /// <summary>
        /// Appends <paramref name="text"/> escaped for both HTML text and double- or single-quoted attribute
        /// values (&amp; &lt; &gt; &quot; &#39;). Control characters other than tab and newlines become U+FFFD.
        /// </summary>
        public static StringBuilder Escape(StringBuilder sb, string text)
        {
            if (text == null) return sb;
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                string replacement = Replacement(text[i]);
                if (replacement == null) continue;
                sb.Append(text, start, i - start).Append(replacement);
                start = i + 1;
            }
            return sb.Append(text, start, text.Length - start);
        }

        /// <summary><paramref name="text"/> escaped as by <see cref="Escape(StringBuilder, string)"/>.</summary>
        public static string Escape(string text) => text == null ? "" : Escape(new StringBuilder(text.Length + 16), text).ToString();

        /// <summary>Appends the colour for <paramref name="intensity"/> as <c>#rrggbb</c> without allocating.</summary>
        public static StringBuilder Color(StringBuilder sb, double intensity)
        {
            var (r, g, b) = ColorScale.At(intensity);
            sb.Append('#');
            Hex(sb, r);
            Hex(sb, g);
            return Hex(sb, b);
        }

        /// <summary>Appends <paramref name="value"/> with at most one decimal, invariant (SVG coordinates).</summary>
        public static StringBuilder Number(StringBuilder sb, double value)
            => sb.Append(value.ToString("0.#", CultureInfo.InvariantCulture));

        private static StringBuilder Hex(StringBuilder sb, int value)
            => sb.Append(HexDigits[(value >> 4) & 0xF]).Append(HexDigits[value & 0xF]);

        private static string Replacement(char c)
        {
            switch (c)
            {
                case '&': return "&amp;";
                case '<': return "&lt;";
                case '>': return "&gt;";
                case '"': return "&quot;";
                case '\'': return "&#39;";
                case '\t':
                case '\n':
                case '\r':
                    return null;
                default:
                    return char.IsControl(c) ? "\uFFFD" : null;
            }
        }
    }
}
