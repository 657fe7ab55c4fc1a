using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// The one rule for ids given to cmdlets (workflow ids, node ids, budget entries): an id that exists is matched
    /// literally, even with '[', '*' or '?' in it; only when none does is the text a wildcard pattern, and then only
    /// when it is a valid one. So 'shard[1]' names the node shard[1], never shard1. An instance is one text with its
    /// pattern compiled once, for a cmdlet that applies the same values to several lists (<see cref="NodeFilter"/>).
    /// </summary>
    internal sealed class IdPattern
    {
        private readonly WildcardPattern _pattern;

        /// <summary>Compiles <paramref name="text"/> (null allowed: it then names only an item whose id is null).</summary>
        public IdPattern(string text)
        {
            Text = text;
            if (text != null && WildcardPattern.ContainsWildcardCharacters(text))
            {
                _pattern = TryCreate(text, out string invalid);
                Invalid = invalid;
            }
        }

        /// <summary>The text as given.</summary>
        public string Text { get; }

        /// <summary>True when the text is a valid wildcard pattern, so naming nothing literally is no error.</summary>
        public bool IsPattern => _pattern != null;

        /// <summary>Why the text is not a valid pattern although it has wildcard characters; null when it is one or has none.</summary>
        public string Invalid { get; }

        /// <summary>
        /// Sets <paramref name="keep"/>[j] for each item the text names by the rule above: those whose id equals it
        /// (ignoring case); when none does, those it matches as a pattern. True when it named any item.
        /// </summary>
        public bool Mark<T>(IReadOnlyList<T> items, Func<T, string> idOf, bool[] keep)
        {
            bool found = false;
            for (int j = 0; j < items.Count; j++)
                if (string.Equals(idOf(items[j]), Text, StringComparison.OrdinalIgnoreCase)) keep[j] = found = true;
            if (found || _pattern == null) return found;
            for (int j = 0; j < items.Count; j++)
                if (_pattern.IsMatch(idOf(items[j]))) keep[j] = found = true;
            return found;
        }

        /// <summary>
        /// The items <paramref name="text"/> names by the rule above, in their order: those whose id equals it (ignoring
        /// case); when none does, those it matches as a wildcard pattern. <paramref name="invalid"/> holds the reason
        /// only when nothing matched literally and the text is not a valid pattern; a text that names an id is never
        /// tried as a pattern, so '[' selects the node '[' without an error.
        /// </summary>
        public static List<T> Select<T>(string text, IEnumerable<T> items, Func<T, string> idOf, out string invalid)
        {
            var id = new IdPattern(text);
            IReadOnlyList<T> list = items as IReadOnlyList<T> ?? items.ToList();
            var keep = new bool[list.Count];
            invalid = id.Mark(list, idOf, keep) ? null : id.Invalid;
            var result = new List<T>();
            for (int j = 0; j < list.Count; j++) if (keep[j]) result.Add(list[j]);
            return result;
        }

        /// <summary>The case-insensitive pattern of <paramref name="text"/>, or null with the reason in <paramref name="invalid"/>.</summary>
        public static WildcardPattern TryCreate(string text, out string invalid)
        {
            invalid = null;
            var pattern = new WildcardPattern(text, WildcardOptions.IgnoreCase);
            try
            {
                pattern.IsMatch(string.Empty);   // the pattern is parsed on first use
                return pattern;
            }
            catch (WildcardPatternException ex)
            {
                invalid = $"'{TerminalText.Safe(text)}' names nothing and is not a valid wildcard pattern ({TerminalText.Safe(ex.Message)}); "
                    + "to match '[' or ']' in a pattern, escape them with a backtick (`[)";
                return null;
            }
        }
    }
}
