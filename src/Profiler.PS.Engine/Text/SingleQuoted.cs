using System.Text;

namespace Profiler.PS.Engine
{
    /// <summary>Text as a PowerShell single-quoted string literal, for commands the module prints or generates.</summary>
    public static class SingleQuoted
    {
        /// <summary><paramref name="value"/> between single quotes, every kind of single quote PowerShell accepts doubled.</summary>
        public static string Of(string value)
        {
            var sb = new StringBuilder("'");
            foreach (char ch in value ?? "")
            {
                sb.Append(ch);
                if (ch == '\'' || ch == '\u2018' || ch == '\u2019' || ch == '\u201A' || ch == '\u201B') sb.Append(ch);
            }
            return sb.Append('\'').ToString();
        }
    }
}
