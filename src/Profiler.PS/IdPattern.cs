using System;
using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// The one rule for ids given to cmdlets (workflow ids, node ids, budget entries): an id that exists is matched
    /// literally, even with '[', '*' or '?' in it; only when none does is the text a wildcard pattern, and then only
    /// when it is a valid one. So 'shard[1]' names the node shard[1], never shard1.
    /// </summary>
    internal static class IdPattern
    {
        /// <summary>
        /// The items <paramref name="text"/> names by the rule above, in their order: those whose id equals it (ignoring
        /// case); when none does, those it matches as a wildcard pattern. <paramref name="invalid"/> holds the reason
        /// only when nothing matched literally and the text is not a valid pattern; a text that names an id is never
        /// tried as a pattern, so '[' selects the node '[' without an error.
        /// </summary>
        public static List<T> Select<T>(string text, IEnumerable<T> items, Func<T, string> idOf, out string invalid)
        {
            invalid = null;
            var result = new List<T>();
            foreach (T item in items)
                if (string.Equals(idOf(item), text, StringComparison.OrdinalIgnoreCase)) result.Add(item);
            if (result.Count > 0 || text == null || !WildcardPattern.ContainsWildcardCharacters(text)) return result;
            WildcardPattern pattern = TryCreate(text, out invalid);
            if (pattern != null)
                foreach (T item in items)
                    if (pattern.IsMatch(idOf(item))) result.Add(item);
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
