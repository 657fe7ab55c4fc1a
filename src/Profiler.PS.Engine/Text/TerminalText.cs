using System.Text;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// The one function that makes user-supplied text safe to write to a terminal. Every C0 and C1 control
    /// character (ECMA-48: U+0000-U+001F, U+007F, U+0080-U+009F) becomes '?', so an escape sequence (ESC [ ...,
    /// an OSC 8 link or window title ESC ] ... BEL, a CSI U+009B ...) loses the character that starts it and is
    /// shown as plain text; line and paragraph separators and the bidirectional overrides (which reorder what
    /// follows them, "Trojan Source") are neutralised the same way. Views, headers, messages, WhatIf text and
    /// completion text use it; HTML and CSV exports have their own escaping and do not.
    /// </summary>
    public static class TerminalText
    {
        /// <summary>What replaces each neutralised character.</summary>
        public const char Replacement = '?';

        /// <summary><paramref name="text"/> with every control character replaced by '?'; null stays null; text with none is returned as is.</summary>
        public static string Safe(string text)
        {
            if (text == null) return null;
            for (int i = 0; i < text.Length; i++)
            {
                if (!IsUnsafe(text[i])) continue;
                var sb = new StringBuilder(text.Length);
                sb.Append(text, 0, i);
                for (int j = i; j < text.Length; j++) sb.Append(IsUnsafe(text[j]) ? Replacement : text[j]);
                return sb.ToString();
            }
            return text;
        }

        /// <summary>The text of any value (its ToString), made safe; for format views of objects that are not strings.</summary>
        public static string Safe(object value) => value == null ? null : Safe(value as string ?? value.ToString());

        /// <summary>True for a character that can drive a terminal or reorder the text after it.</summary>
        public static bool IsUnsafe(char c)
            => c < 0x20 || (c >= 0x7F && c <= 0x9F)
            || c == '\u2028' || c == '\u2029'
            || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
