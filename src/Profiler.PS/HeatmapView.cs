using System;
using System.Management.Automation.Host;
using Profiler.PS.Rendering;

namespace Profiler.PS
{
    /// <summary>
    /// The display of <see cref="HeatmapRow"/> objects: the module's format view calls <see cref="Format"/> for
    /// every row when it is shown, so colour and width follow the place the row is displayed in, not the place
    /// it was made in.
    /// </summary>
    public static class HeatmapView
    {
        /// <summary>
        /// The text of <paramref name="row"/> for <paramref name="host"/> (may be null or have no UI: 120 columns)
        /// and <paramref name="psStyle"/> ($PSStyle, null in Windows PowerShell: plain text). The first row of a
        /// heatmap (rank 1) starts with a "Heatmap: name" heading, since the view is out of band and has no group.
        /// Never throws: a formatting error would otherwise print an empty line.
        /// </summary>
        public static string Format(HeatmapRow row, PSHost host, object psStyle)
        {
            if (row == null) return "";
            try
            {
                string line = HeatmapRenderer.Format(row, TerminalInfo.Width(host), TerminalInfo.UseAnsi(host, psStyle));
                if (row.Rank != 1) return line;
                return Environment.NewLine + HeatmapRenderer.Heading(row) + Environment.NewLine + Environment.NewLine + line;
            }
            catch (Exception e)
            {
                return row.NodeLabel + ": cannot draw this heatmap row (" + e.Message + ")";
            }
        }
    }
}
