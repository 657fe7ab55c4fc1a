using System;
using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;
using System.Management.Automation.Language;
using System.Reflection;
using System.Text;

namespace Profiler.PS
{
    /// <summary>An id the completers offer, with its tooltip.</summary>
    internal readonly struct CompletionCandidate
    {
        public CompletionCandidate(string id, string toolTip)
        {
            Id = id;
            ToolTip = toolTip;
        }

        public string Id { get; }
        public string ToolTip { get; }
    }

    /// <summary>Shared matching and quoting of completion candidates.</summary>
    internal static class CompletionText
    {
        private const string NeedsQuotes = "'\"`$&|;,(){}[]@#<>\u2018\u2019\u201A\u201B\u201C\u201D\u201E";
        private const string Dashes = "-\u2013\u2014\u2015";

        /// <summary>
        /// The candidates matching what was typed, sorted. The word is read as a wildcard pattern ('d*t' finds
        /// deploy-test); a word that is not a valid pattern ('[x') is matched literally. Quotes typed around the
        /// word are kept: a word begun with " gets double-quoted results, one begun with ' single-quoted ones.
        /// </summary>
        public static IEnumerable<CompletionResult> Complete(List<CompletionCandidate> candidates, string commandName,
            string parameterName, string wordToComplete)
        {
            string word = wordToComplete ?? string.Empty;
            char quote = word.Length > 0 && IsQuote(word[0]) ? (IsDoubleQuote(word[0]) ? '"' : '\'') : '\0';
            Func<string, bool> matches = Matcher(Unquote(word), prefix: true);
            bool escapeWildcards = SupportsWildcards(commandName, parameterName);
            candidates.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Id, b.Id));
            var results = new List<CompletionResult>();
            foreach (CompletionCandidate c in candidates)
            {
                if (!matches(c.Id)) continue;
                // On a wildcard parameter an id such as 'x[1]' must be escaped, or it would be read as a pattern.
                string value = escapeWildcards && WildcardPattern.ContainsWildcardCharacters(c.Id) ? WildcardPattern.Escape(c.Id) : c.Id;
                string tip = TerminalText.Safe(string.IsNullOrEmpty(c.ToolTip) ? c.Id : c.ToolTip);
                string text = HasUnsafe(value) ? Expression(value) : Quote(value, quote);
                results.Add(new CompletionResult(text, TerminalText.Safe(c.Id), CompletionResultType.ParameterValue, tip));
            }
            return results;
        }

        private static bool HasUnsafe(string text) => !ReferenceEquals(TerminalText.Safe(text), text);

        /// <summary>
        /// An id holding control characters as a double-quoted string that names them ($([char]0x1B)) instead of
        /// holding them, so the command line never carries a raw escape sequence; it works in Windows PowerShell too.
        /// </summary>
        private static string Expression(string id)
        {
            var sb = new System.Text.StringBuilder("\"");
            foreach (char ch in id)
            {
                if (TerminalText.IsUnsafe(ch)) sb.Append("$([char]0x").Append(((int)ch).ToString("X", System.Globalization.CultureInfo.InvariantCulture)).Append(')');
                else if (ch == '"' || ch == '`' || ch == '$' || ch == '\u201C' || ch == '\u201D' || ch == '\u201E') sb.Append('`').Append(ch);
                else sb.Append(ch);
            }
            return sb.Append('"').ToString();
        }

        /// <summary>A case-insensitive matcher for a typed pattern (as a prefix when <paramref name="prefix"/>); literal when the pattern is invalid.</summary>
        public static Func<string, bool> Matcher(string pattern, bool prefix)
        {
            string suffix = prefix ? "*" : string.Empty;
            var wildcard = new WildcardPattern(pattern + suffix, WildcardOptions.IgnoreCase);
            try
            {
                wildcard.IsMatch(string.Empty);
                return wildcard.IsMatch;
            }
            catch (WildcardPatternException)
            {
                return new WildcardPattern(WildcardPattern.Escape(pattern) + suffix, WildcardOptions.IgnoreCase).IsMatch;
            }
        }

        /// <summary>The engine passes a quoted word with its quotes (inner quotes already unescaped): drop them.</summary>
        private static string Unquote(string word)
        {
            if (word.Length > 0 && IsQuote(word[0])) word = word.Substring(1);
            if (word.Length > 0 && IsQuote(word[word.Length - 1])) word = word.Substring(0, word.Length - 1);
            return word;
        }

        /// <summary>
        /// The text to insert: single quotes (inner quotes doubled) when the parser would otherwise split, expand or
        /// misread the id; double quotes (with backtick escapes) when the user began with a double quote.
        /// </summary>
        internal static string Quote(string value, char userQuote)
        {
            if (userQuote == '"')
            {
                var sb = new StringBuilder("\"");
                foreach (char c in value)
                {
                    if (c == '`' || c == '$' || IsDoubleQuote(c)) sb.Append('`');
                    sb.Append(c);
                }
                return sb.Append('"').ToString();
            }
            if (userQuote == '\'' || NeedsQuoting(value))
                return "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";
            return value;
        }

        private static bool NeedsQuoting(string value)
        {
            if (value.Length == 0 || Dashes.IndexOf(value[0]) >= 0) return true;
            foreach (char c in value)
                if (char.IsWhiteSpace(c) || NeedsQuotes.IndexOf(c) >= 0) return true;
            return false;
        }

        private static bool IsQuote(char c) => c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B' || IsDoubleQuote(c);

        private static bool IsDoubleQuote(char c) => c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E';

        /// <summary>Whether the parameter of this module's cmdlet is marked [SupportsWildcards].</summary>
        private static bool SupportsWildcards(string commandName, string parameterName)
        {
            if (string.IsNullOrEmpty(commandName) || string.IsNullOrEmpty(parameterName)) return false;
            string name = commandName.Substring(commandName.LastIndexOf('\\') + 1);
            foreach (Type type in typeof(CompletionText).Assembly.GetTypes())
            {
                var cmdlet = type.GetCustomAttribute<CmdletAttribute>();
                if (cmdlet == null || !string.Equals(cmdlet.VerbName + "-" + cmdlet.NounName, name, StringComparison.OrdinalIgnoreCase)) continue;
                PropertyInfo property = type.GetProperty(parameterName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                return property != null && property.IsDefined(typeof(SupportsWildcardsAttribute), true);
            }
            return false;
        }
    }
}
