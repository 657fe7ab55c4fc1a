using System;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>
    /// Writes one self-contained HTML page (inline CSS, SVG and script; nothing loaded from outside) for one or
    /// more workflows: a heatmap of nodes by run, each workflow's total per run, the bottleneck table and alerts,
    /// and per-node trend charts. Every user-supplied string is escaped. Sized for 1,000 nodes x 20 runs in
    /// well under 2 MB: one StringBuilder, one short cell per node and run.
    /// </summary>
    public static class HtmlReportRenderer
    {
        /// <summary>The report for <paramref name="profiles"/> as a complete HTML document.</summary>
        public static string Render(WorkflowPerformanceProfile[] profiles, HtmlReportOptions options = null)
        {
            if (profiles == null) throw new ArgumentNullException(nameof(profiles));
            options = options ?? new HtmlReportOptions();
            int cells = 0;
            foreach (WorkflowPerformanceProfile p in profiles) cells += (p?.NodeData.Length ?? 0) * Math.Max(1, p?.Runs.Length ?? 0);
            // About 80 characters of output per heatmap cell, trend charts included (1,000 x 20: 1.6 M): one buffer, no regrowth.
            var sb = new StringBuilder(16384 + cells * 84);
            string title = string.IsNullOrWhiteSpace(options.Title) ? "Profiler.PS report" : options.Title;

            sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
              .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlReportAssets.ContentSecurityPolicy).Append("\">")
              .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"generator\" content=\"Profiler.PS\"><title>");
            HtmlText.Escape(sb, title).Append("</title><style>").Append(HtmlReportAssets.Style).Append("</style></head>\n<body><header><h1>");
            HtmlText.Escape(sb, title).Append("</h1><div class=\"muted\">")
              .Append(profiles.Length.ToString(CultureInfo.InvariantCulture)).Append(profiles.Length == 1 ? " workflow" : " workflows");
            if (options.GeneratedAt is DateTimeOffset at)
                sb.Append(" · generated ").Append(at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
            sb.Append(" · Profiler.PS</div>");
            if (profiles.Length > 1)
            {
                sb.Append("<nav>");
                for (int i = 0; i < profiles.Length; i++)
                {
                    sb.Append("<a href=\"#wf-").Append(i + 1).Append("\">");
                    HtmlText.Escape(sb, profiles[i]?.WorkflowName).Append("</a>");
                }
                sb.Append("</nav>");
            }
            sb.Append("</header>\n");
            for (int i = 0; i < profiles.Length; i++)
                if (profiles[i] != null) Workflow(sb, profiles[i], i + 1, options);
            sb.Append("<script>").Append(HtmlReportAssets.Script).Append("</script></body></html>\n");
            return sb.ToString();
        }

        private static void Workflow(StringBuilder sb, WorkflowPerformanceProfile p, int index, HtmlReportOptions options)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            sb.Append("<section class=\"wf\" id=\"wf-").Append(index).Append("\"><h2>");
            HtmlText.Escape(sb, p.WorkflowName).Append(" <small>");
            HtmlText.Escape(sb, p.WorkflowId).Append("</small></h2><div class=\"muted\">")
              .Append(p.RunCount.ToString(c)).Append(p.RunCount == 1 ? " completed run" : " completed runs")
              .Append(" · ").Append(p.NodeData.Length.ToString(c)).Append(p.NodeData.Length == 1 ? " node" : " nodes")
              .Append(" · window ").Append(p.WindowSize.ToString(c)).Append(" runs");
            if (p.RunCount > 0) sb.Append(" · last run ").Append(DurationFormat.Human(p.TotalDuration));
            if (p.IsRunInProgress) sb.Append(" · a run is in flight (not shown)");
            sb.Append("</div>\n");
            if (p.NodeData.Length == 0)
            {
                sb.Append("<p>No completed run yet: record timings and call Complete-WorkflowProfile.</p></section>\n");
                return;
            }

            NodePerformanceData[] sorted = Engine.Ranking.SlowestFirst(p.NodeData);
            int[] columns = LastColumns(RunAlignment.Columns(p), options.MaxRuns);
            var samples = new double[sorted.Length][];
            for (int i = 0; i < sorted.Length; i++) samples[i] = RunAlignment.Align(sorted[i], columns);

            if (p.Alerts.Length > 0) Alerts(sb, p);
            RecommendationSection.Html(sb, p);
            if (p.Runs.Length > 0)
            {
                sb.Append("<h3>Total duration per run</h3>");
                HtmlCharts.Totals(sb, p.Runs);
                sb.Append("<div class=\"legend\"><span class=\"key run\"></span><span>run</span>")
                  .Append("<span class=\"key run hot\"></span><span>run with a bottleneck alert</span></div>");
            }
            HtmlHeatmapTable.Write(sb, sorted, samples, columns, index);
            Bottlenecks(sb, p, options.BottleneckRows);
            Trends(sb, sorted, samples, options.OpenTrends);
            sb.Append("</section>\n");
        }

        private static void Alerts(StringBuilder sb, WorkflowPerformanceProfile p)
        {
            sb.Append("<h3>Alerts in the latest run</h3><ul class=\"alerts\">");
            foreach (BottleneckAlert a in p.Alerts)
            {
                sb.Append("<li><b>");
                HtmlText.Escape(sb, a.NodeLabel).Append("</b> <small>");
                if (a.NodeLabel != a.NodeId) HtmlText.Escape(sb, a.NodeId).Append(" · ");
                sb.Append("run ").Append(a.RunNumber.ToString(CultureInfo.InvariantCulture)).Append("</small><br>");
                HtmlText.Escape(sb, a.Reason).Append("</li>");
            }
            sb.Append("</ul>\n");
        }

        private static void Bottlenecks(StringBuilder sb, WorkflowPerformanceProfile p, int rows)
        {
            BottleneckInfo[] ranked = Engine.Ranking.Bottlenecks(p.NodeData, p.Alerts, Math.Max(1, rows));
            sb.Append("<h3>Bottlenecks</h3><div class=\"scroll\"><table class=\"grid bottlenecks\"><thead><tr><th>#</th><th>Node</th><th>Type</th>")
              .Append("<th title=\"average self time, without nested nodes: what the ranking and Share are by\">Self</th>")
              .Append("<th title=\"average inclusive time, with nested nodes\">Average</th><th>Max</th><th>Last</th><th>Share</th><th title=\"failed or stopped runs in the window\">Failures</th><th>Alert</th></tr></thead><tbody>");
            foreach (BottleneckInfo b in ranked)
            {
                sb.Append("<tr><td class=\"n\">").Append(b.Rank.ToString(CultureInfo.InvariantCulture)).Append("</td><td>");
                HtmlText.Escape(sb, b.NodeLabel);
                // The id only when it says something the label does not: a label defaults to its id.
                if (b.NodeLabel != b.NodeId) HtmlText.Escape(sb.Append(" <small>"), b.NodeId).Append("</small>");
                sb.Append("</td><td>");
                HtmlText.Escape(sb, b.NodeType).Append("</td><td class=\"n\">").Append(DurationFormat.Human(b.AvgSelfDuration))
                  .Append("</td><td class=\"n\">").Append(DurationFormat.Human(b.AvgDuration))
                  .Append("</td><td class=\"n\">").Append(DurationFormat.Human(b.MaxDuration))
                  .Append("</td><td class=\"n\">").Append(DurationFormat.Human(b.LastDuration))
                  .Append("</td><td class=\"n\">");
                // A node with no successful run in the window has no time to share: a dash, as in the heatmap.
                if (b.AvgSelfDuration == null) sb.Append("-</td>");
                else
                    HtmlText.Number(sb.Append("<span class=\"share\" style=\"width:"), Math.Round(b.Share * 80, 1)).Append("px\"></span>")
                      .Append(DurationFormat.Percent(b.Share)).Append("</td>");
                int failures = b.WindowFailedCount + b.WindowStoppedCount;
                sb.Append(failures > 0 ? "<td class=\"n failures\">" : "<td class=\"n\">");
                if (failures > 0) sb.Append(failures.ToString(CultureInfo.InvariantCulture));
                sb.Append("</td><td>");
                if (b.IsAlert)
                {
                    sb.Append("<span class=\"alert\">! </span>");
                    HtmlText.Escape(sb, b.AlertReason);
                }
                sb.Append("</td></tr>");
            }
            sb.Append("</tbody></table></div>\n");
        }

        private static void Trends(StringBuilder sb, NodePerformanceData[] sorted, double[][] samples, int open)
        {
            sb.Append("<h3>Trends</h3><div class=\"legend\"><span class=\"key line\"></span><span>node time per run</span>")
              .Append("<span class=\"key band\"></span><span>min to max</span><span class=\"key avg\"></span><span>average</span></div>")
              .Append("<div class=\"trends\">");
            for (int i = 0; i < sorted.Length; i++)
            {
                // Past the first few, charts sit behind a click so a large workflow stays quick to scroll.
                if (i == Math.Max(0, open))
                    sb.Append("</div><details><summary>").Append((sorted.Length - i).ToString(CultureInfo.InvariantCulture))
                      .Append(" more nodes</summary><div class=\"trends\">");
                NodePerformanceData n = sorted[i];
                sb.Append("<figure><figcaption title=\"");
                HtmlText.Escape(sb, n.NodeId).Append("\"><b>");
                HtmlText.Escape(sb, n.NodeLabel).Append("</b> <small>avg ").Append(DurationFormat.Human(n.AvgDuration))
                  .Append(" · min ").Append(DurationFormat.Human(n.MinDuration)).Append(" · max ").Append(DurationFormat.Human(n.MaxDuration))
                  .Append("</small></figcaption>");
                HtmlCharts.Trend(sb, samples[i], n);
                sb.Append("</figure>");
            }
            sb.Append(sorted.Length > Math.Max(0, open) ? "</div></details>\n" : "</div>\n");
        }

        private static int[] LastColumns(int[] columns, int max)
        {
            if (max <= 0 || columns.Length <= max) return columns;
            var last = new int[max];
            Array.Copy(columns, columns.Length - max, last, 0, max);
            return last;
        }
    }
}
