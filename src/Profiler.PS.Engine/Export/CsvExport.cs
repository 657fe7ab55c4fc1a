using System.Collections.Generic;
using System.Text;
using Profiler.PS.Json;

namespace Profiler.PS.Export
{
    /// <summary>
    /// CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line break)
    /// of node statistics or of raw samples. Numbers use the invariant culture and their shortest exact form.
    /// Text cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
    /// get a leading apostrophe, so opening the file never runs anything.
    /// </summary>
    internal static class CsvExport
    {
        private static readonly string[] StatisticsHeader =
        {
            "WorkflowId", "NodeId", "NodeType", "NodeLabel", "Runs", "AvgDuration", "MedianDuration", "P95Duration", "MinDuration",
            "MaxDuration", "StdDevDuration", "CoefficientOfVariation", "LastDuration", "OutlierCount", "IsFirstRunSlow", "ExecutionCount",
            "RunCount", "AllTimeAvgDuration", "AllTimeMinDuration", "AllTimeMaxDuration", "AllTimeStdDevDuration",
            "AvgSelfDuration", "WindowFailedCount", "WindowStoppedCount", "AllTimeFailedCount", "AllTimeStoppedCount",
        };

        private static readonly string[] SamplesHeader = { "WorkflowId", "RunNumber", "NodeId", "NodeType", "NodeLabel", "Duration", "IsOutlier" };

        public static string Statistics(IEnumerable<ExportSource> sources)
        {
            var sb = new StringBuilder();
            Row(sb, StatisticsHeader);
            foreach (ExportSource s in sources)
                foreach (NodePerformanceData n in s.Profile.NodeData)
                    Row(sb, Text(n.WorkflowId), Text(n.NodeId), Text(n.NodeType), Text(n.NodeLabel), n.Durations.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Number(n.AvgDuration), Number(n.MedianDuration), Number(n.P95Duration), Number(n.MinDuration), Number(n.MaxDuration),
                        Number(n.StdDevDuration), Number(n.CoefficientOfVariation), Number(n.LastDuration), Whole(n.OutlierCount),
                        n.IsFirstRunSlow ? "True" : "False", Whole(n.ExecutionCount), Whole(n.RunCount), Number(n.AllTimeAvgDuration),
                        Number(n.AllTimeMinDuration), Number(n.AllTimeMaxDuration), Number(n.AllTimeStdDevDuration),
                        // A node that never succeeded has blank durations: these say why (its failures are not samples).
                        Number(n.AvgSelfDuration), Whole(n.WindowFailedCount), Whole(n.WindowStoppedCount), Whole(n.AllTimeFailedCount),
                        Whole(n.AllTimeStoppedCount));
            return sb.ToString();
        }

        public static string Samples(IEnumerable<ExportSource> sources)
        {
            var sb = new StringBuilder();
            Row(sb, SamplesHeader);
            foreach (ExportSource s in sources)
                foreach (NodePerformanceData n in s.Profile.NodeData)
                    for (int i = 0; i < n.Durations.Length; i++)
                        Row(sb, Text(n.WorkflowId), Whole(n.RunNumbers[i]), Text(n.NodeId), Text(n.NodeType), Text(n.NodeLabel),
                            Number(n.Durations[i]), n.Outliers[i] ? "True" : "False");
            return sb.ToString();
        }

        /// <summary>A text cell: formula-looking text neutralised, then quoted as RFC 4180 requires.</summary>
        public static string Text(string value)
        {
            if (string.IsNullOrEmpty(value)) return string.Empty;
            // Spreadsheets skip leading blanks before reading a formula (' =1+1' is live in LibreOffice), so look past them.
            int i = 0;
            while (i < value.Length && (value[i] == ' ' || value[i] == '\u00A0' || value[i] == '\u3000')) i++;
            char first = i < value.Length ? value[i] : ' ';
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' || first == '\n') value = "'" + value;
            if (value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0) return value;
            return "\"" + value.Replace("\"", "\"\"") + "\"";
        }

        private static string Number(double value) => JsonWriter.FormatDouble(value);

        /// <summary>A blank cell for a statistic the node does not have (no successful run), never 0.</summary>
        private static string Number(double? value) => value is double v ? JsonWriter.FormatDouble(v) : "";

        private static string Whole(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static void Row(StringBuilder sb, params string[] cells) => sb.Append(string.Join(",", cells)).Append("\r\n");
    }
}
