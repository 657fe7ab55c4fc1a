using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;

namespace Profiler.PS.Export
{
    /// <summary>
    /// A Markdown summary for a CI job summary (GitHub's $GITHUB_STEP_SUMMARY, Azure DevOps' task.uploadsummary):
    /// per workflow, the latest run's comparison verdicts, where to look first, the bottlenecks and the node statistics, as
    /// GitHub-flavoured tables. Text from node ids and labels is escaped, so it cannot break a table or add markup.
    /// </summary>
    internal static class MarkdownExport
    {
        public static string Write(IReadOnlyList<ExportSource> sources)
        {
            var sb = new StringBuilder();
            foreach (ExportSource s in sources)
            {
                if (sb.Length > 0) sb.Append('\n');
                Workflow(sb, s);
            }
            return sb.ToString();
        }

        private static void Workflow(StringBuilder sb, ExportSource s)
        {
            WorkflowPerformanceProfile p = s.Profile;
            sb.Append("## Profiler.PS: ").Append(Escape(p.WorkflowName));
            if (p.WorkflowName != p.WorkflowId) sb.Append(" (").Append(Escape(p.WorkflowId)).Append(')');
            sb.Append("\n\n");
            sb.Append(string.Format(CultureInfo.InvariantCulture, "{0} completed run{1}, window of {2} runs, last run {3} ms.",
                p.RunCount, p.RunCount == 1 ? "" : "s", p.WindowSize, Ms(p.TotalDuration)));
            if (s.InFlightRunNumber > 0)
                sb.Append(string.Format(CultureInfo.InvariantCulture, " Run {0} is in flight and not included.", s.InFlightRunNumber));
            sb.Append("\n\n");
            if (s.Comparison != null) Comparison(sb, p, s.Comparison);
            if (p.RunCount > 0) RecommendationSection.Markdown(sb, p);
            Bottlenecks(sb, p);
            Statistics(sb, p);
        }

        private static void Comparison(StringBuilder sb, WorkflowPerformanceProfile p, RunComparison[] lines)
        {
            RunComparison total = lines[lines.Length - 1];
            sb.Append(string.Format(CultureInfo.InvariantCulture, "### Run {0} against {1} earlier run{2}: **{3}**",
                string.Join(", ", total.RunNumbers), total.BaselineRunNumbers.Length, total.BaselineRunNumbers.Length == 1 ? "" : "s", total.Verdict));
            if (total.DeltaPercent is double d) sb.Append(" (").Append(DurationFormat.SignedPercent(d)).Append(')');
            sb.Append("\n\n");
            Header(sb, "Node", "Verdict", "Run (ms)", "Baseline (ms)", "Delta (ms)", "Delta", "p", "Reason");
            sb.Append("|---|---|---:|---:|---:|---:|---:|---|\n");
            foreach (RunComparison c in lines)
            {
                string name = c.ScopeValue == ComparisonScope.Workflow ? "**Workflow total**" : Escape(c.NodeId);
                string verdict = c.VerdictValue == ComparisonVerdict.Slower ? "**Slower**" : c.Verdict;
                // No value (a failed run's time, no baseline) is '-', as in the console view and the other tables.
                Row(sb, name, verdict, MsOrDash(c.CurrentDuration), MsOrDash(c.BaselineDuration),
                    c.Delta is double delta ? (delta > 0 ? "+" : "") + Ms(delta) : "",
                    c.DeltaPercent is double pct ? DurationFormat.SignedPercent(pct) : "",
                    c.PValue is double pv ? Profiler.PS.Statistics.PValueText.Format(pv).Substring(2) : "", Escape(c.Reason));
            }
            sb.Append('\n');
        }

        private static void Bottlenecks(StringBuilder sb, WorkflowPerformanceProfile p)
        {
            BottleneckInfo[] top = Ranking.Bottlenecks(p.NodeData, p.Alerts, WorkflowProfiler.ProfileBottleneckCount);
            if (top.Length == 0) return;
            sb.Append("### Bottlenecks\n\n");
            // Ranked by self time (what Share is of), so Self comes first; Avg is inclusive of nested nodes.
            Header(sb, "Rank", "Node", "Self (ms)", "Avg (ms)", "Max (ms)", "Last (ms)", "Share", "Failures", "Alert");
            sb.Append("|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
            foreach (BottleneckInfo b in top)
                Row(sb, b.Rank.ToString(CultureInfo.InvariantCulture), Escape(b.NodeLabel == b.NodeId ? b.NodeId : b.NodeLabel + " (" + b.NodeId + ")"),
                    MsOrDash(b.AvgSelfDuration), MsOrDash(b.AvgDuration), MsOrDash(b.MaxDuration), MsOrDash(b.LastDuration), b.RunCount > 0 ? DurationFormat.Percent(b.Share) : "-",
                    Count(b.WindowFailedCount + b.WindowStoppedCount), Escape(b.AlertReason ?? ""));
            sb.Append('\n');
        }

        private static void Statistics(StringBuilder sb, WorkflowPerformanceProfile p)
        {
            if (p.NodeData.Length == 0) return;
            sb.Append("### Node statistics\n\n");
            Header(sb, "Node", "Type", "Runs", "Avg (ms)", "Median (ms)", "P95 (ms)", "Min (ms)", "Max (ms)", "CV", "Last (ms)", "Outliers", "Cold start", "Failures");
            sb.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
            foreach (NodePerformanceData n in p.NodeData)
                Row(sb, Escape(n.NodeId), Escape(n.NodeType ?? ""), n.Durations.Length.ToString(CultureInfo.InvariantCulture), MsOrDash(n.AvgDuration),
                    MsOrDash(n.MedianDuration), MsOrDash(n.P95Duration), MsOrDash(n.MinDuration), MsOrDash(n.MaxDuration),
                    n.CoefficientOfVariation?.ToString("F2", CultureInfo.InvariantCulture) ?? "-", MsOrDash(n.LastDuration),
                    n.OutlierCount.ToString(CultureInfo.InvariantCulture), n.IsFirstRunSlow ? "yes" : "",
                    Count(n.WindowFailedCount + n.WindowStoppedCount));
        }

        /// <summary>A failure count (failed plus stopped runs in the window), blank when there were none so failures stand out.</summary>
        private static string Count(int failures) => failures > 0 ? failures.ToString(CultureInfo.InvariantCulture) : "";

        private static string Ms(double? value) => value is double v ? v.ToString("N1", CultureInfo.InvariantCulture) : "";

        /// <summary>A statistic of a node, '-' when the node has none (no successful run), as the views show it.</summary>
        private static string MsOrDash(double? value) => value is double ? Ms(value) : "-";

        private static void Header(StringBuilder sb, params string[] cells) => Row(sb, cells);

        private static void Row(StringBuilder sb, params string[] cells) => sb.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");

        /// <summary>Backslash-escapes the characters that would end a table cell or start a link, emphasis, code, an entity or HTML; line breaks become spaces.</summary>
        public static string Escape(string text)
        {
            var sb = new StringBuilder(text.Length + 8);
            foreach (char c in text)
            {
                if (c == '\r' || c == '\n') { sb.Append(' '); continue; }
                if ("\\`*_[]<>|~&".IndexOf(c) >= 0) sb.Append('\\');
                sb.Append(c);
            }
            return sb.ToString();
        }
    }
}
