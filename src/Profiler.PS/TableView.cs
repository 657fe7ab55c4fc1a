using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Text;
using Profiler.PS.Rendering;

namespace Profiler.PS
{
    /// <summary>
    /// Cells of the module's table views (module/Profiler.PS.Format.ps1xml), computed when a row is displayed. The
    /// views give every number column a fixed width and put the id column last, where PowerShell gives it the rest
    /// of the line; this class fits an id into that rest for the host's width, keeping the id's end.
    /// </summary>
    public static class TableView
    {
        /// <summary>
        /// The id of <paramref name="row"/> (a NodePerformanceData, BottleneckInfo or RunComparison, or the PSObject
        /// around one) for the id column: indented by its Depth in tree order. In an interactive terminal
        /// (<see cref="TerminalInfo.FitWidth"/>) it is shortened to what <paramref name="host"/>'s line leaves after
        /// <paramref name="reserved"/> characters of other columns and separators, keeping its end and kept apart
        /// from the ids shown with it; anywhere else (redirected output, a CI log, a host that is not the console)
        /// it is whole, and PowerShell lays the table out for its own width. The data keeps the full id.
        /// </summary>
        public static string Id(object row, PSHost host, int reserved)
            => IdColumn.Text(row is PSObject p ? p.BaseObject : row, TerminalInfo.FitWidth(host), reserved);

        /// <summary>
        /// <paramref name="text"/> (made terminal-safe) for a table's last column: in an interactive terminal shortened
        /// to what the line leaves after <paramref name="reserved"/> characters, keeping its end (a file name), else whole.
        /// </summary>
        public static string Tail(string text, PSHost host, int reserved)
        {
            int width = TerminalInfo.FitWidth(host);
            return width > 0 ? CellText.KeepEnd(text, Math.Max(8, width - 1 - reserved)) : Engine.TerminalText.Safe(text ?? "");
        }

        /// <summary>Milliseconds in at most <paramref name="width"/> characters (see <see cref="CellText.Milliseconds"/>); <c>-</c> for no value.</summary>
        public static string Ms(object milliseconds, int width)
            => CellText.Milliseconds(milliseconds == null ? (double?)null : Convert.ToDouble(milliseconds, System.Globalization.CultureInfo.InvariantCulture), width);

        /// <summary>
        /// <paramref name="text"/> (made terminal-safe) broken into lines at spaces, each at most what
        /// <paramref name="host"/>'s line leaves after <paramref name="reserved"/> characters, so that a wrapping
        /// column never splits a word (PowerShell's own wrapping cuts at the column width, mid-word).
        /// </summary>
        public static string Wrap(string text, PSHost host, int reserved)
        {
            text = Engine.TerminalText.Safe(text ?? "");
            int room = Math.Max(12, TerminalInfo.Width(host) - 1 - reserved);
            var sb = new StringBuilder(text.Length + 8);
            int lineLength = 0;
            foreach (string word in text.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                string w = word.Length > room ? CellText.KeepEnd(word, room) : word;
                if (lineLength > 0 && lineLength + 1 + w.Length > room)
                {
                    sb.Append('\n');
                    lineLength = 0;
                }
                else if (lineLength > 0)
                {
                    sb.Append(' ');
                    lineLength++;
                }
                sb.Append(w);
                lineLength += w.Length;
            }
            return sb.ToString();
        }
    }
}
