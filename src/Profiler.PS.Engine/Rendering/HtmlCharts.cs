using System;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>The report's inline SVG charts: a node's trend and a workflow's total per run.</summary>
    internal static class HtmlCharts
    {
        private const double TrendWidth = 200, TrendHeight = 56, Pad = 3;

        /// <summary>
        /// A node's samples by run (NaN gaps break the line), its window's min-max band and its average as a
        /// dashed line, on a zero-based scale like the terminal sparkline: a 10% wobble looks like 10%, a doubling
        /// like a doubling, and a narrow band means a steady node.
        /// </summary>
        public static void Trend(StringBuilder sb, double[] samples, NodePerformanceData node)
        {
            double max = Math.Max(Sparkline.Max(samples), node.MaxDuration ?? 0);
            const double low = 0;
            // The figure's caption names the node and its figures; the chart itself stays lean (1,000 of them fit in a report).
            sb.Append("<svg viewBox=\"0 0 200 56\" preserveAspectRatio=\"none\" aria-hidden=\"true\">");
            if (max > 0 && samples.Length > 0)
            {
                double top = Y(node.MaxDuration ?? 0, low, max), bottom = Y(node.MinDuration ?? 0, low, max);
                sb.Append("<rect class=\"band\" width=\"200\" y=\"");
                HtmlText.Number(sb, top).Append("\" height=\"");
                HtmlText.Number(sb, Math.Max(1, bottom - top)).Append("\"/>");
                sb.Append("<line class=\"avg\" x2=\"200\" y1=\"");
                double avg = Y(node.AvgDuration ?? 0, low, max);
                HtmlText.Number(sb, avg).Append("\" y2=\"");
                HtmlText.Number(sb, avg).Append("\"/>");
                Polylines(sb, samples, low, max);
            }
            sb.Append("</svg>");
        }

        /// <summary>Bars of each run's total duration, runs with alerts in red, with the run numbers below.</summary>
        public static void Totals(StringBuilder sb, WorkflowRunSummary[] runs)
        {
            const double width = 900, height = 150, axis = 16, label = 44;
            double max = 0;
            foreach (WorkflowRunSummary r in runs) max = Math.Max(max, r.TotalDuration);
            sb.Append("<svg class=\"totals\" viewBox=\"0 0 900 150\" role=\"img\" aria-label=\"Total duration per run\">");
            sb.Append("<text x=\"0\" y=\"10\">").Append(DurationFormat.Human(max)).Append("</text>");
            sb.Append("<text x=\"0\" y=\"").Append(height - axis - 2).Append("\">0</text>");
            double slot = Math.Min(60, (width - label) / Math.Max(1, runs.Length));   // a few runs stay bars, not slabs
            for (int i = 0; i < runs.Length; i++)
            {
                WorkflowRunSummary r = runs[i];
                double h = max > 0 ? (height - axis - 14) * r.TotalDuration / max : 0;
                double x = label + i * slot + slot * 0.15;
                sb.Append("<rect").Append(r.AlertCount > 0 ? " class=\"hot\"" : "").Append(" x=\"");
                HtmlText.Number(sb, x).Append("\" width=\"");
                HtmlText.Number(sb, Math.Max(1, slot * 0.7)).Append("\" y=\"");
                HtmlText.Number(sb, height - axis - h).Append("\" height=\"");
                HtmlText.Number(sb, Math.Max(0.5, h)).Append("\"><title>run ")
                    .Append(r.RunNumber.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(DurationFormat.Human(r.TotalDuration));
                if (r.AlertCount > 0) sb.Append(", ").Append(r.AlertCount.ToString(CultureInfo.InvariantCulture)).Append(r.AlertCount == 1 ? " alert" : " alerts");
                sb.Append("</title></rect>");
                if (runs.Length <= 30 || i % (runs.Length / 15 + 1) == 0 || i == runs.Length - 1)
                {
                    sb.Append("<text text-anchor=\"middle\" x=\"");
                    HtmlText.Number(sb, x + slot * 0.35).Append("\" y=\"").Append(height - 3).Append("\">#")
                        .Append(r.RunNumber.ToString(CultureInfo.InvariantCulture)).Append("</text>");
                }
            }
            sb.Append("</svg>");
        }

        private static void Polylines(StringBuilder sb, double[] samples, double low, double max)
        {
            double step = samples.Length > 1 ? TrendWidth / (samples.Length - 1) : 0;
            bool open = false;
            int lastIndex = -1;
            for (int i = 0; i < samples.Length; i++)
            {
                if (double.IsNaN(samples[i]))
                {
                    if (open) sb.Append("\"/>");
                    open = false;
                    continue;
                }
                sb.Append(open ? " " : "<polyline class=\"line\" points=\"");
                open = true;
                HtmlText.Number(sb, samples.Length > 1 ? Math.Round(i * step) : TrendWidth / 2).Append(',');
                HtmlText.Number(sb, Y(samples[i], low, max));
                lastIndex = i;
            }
            if (open) sb.Append("\"/>");
            if (lastIndex < 0) return;
            sb.Append("<circle class=\"dot\" r=\"2.5\" cx=\"");
            HtmlText.Number(sb, samples.Length > 1 ? lastIndex * step : TrendWidth / 2).Append("\" cy=\"");
            HtmlText.Number(sb, Y(samples[lastIndex], low, max)).Append("\"/>");
        }

        private static double Y(double value, double low, double max)
            => Math.Round(Pad + (TrendHeight - 2 * Pad) * (1 - Math.Max(0, Math.Min(1, (value - low) / (max - low)))));
    }
}
