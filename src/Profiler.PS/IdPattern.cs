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
