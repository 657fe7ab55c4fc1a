using System.Globalization;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Export;

namespace Profiler.PS.Rendering
{
    /// <summary>The "Where to look first" section of the HTML report and the Markdown summary: the top recommendations.</summary>
    internal static class RecommendationSection
    {
        /// <summary>How many recommendations a report shows; Get-WorkflowRecommendation lists them all.</summary>
        public const int Rows = 5;

        public static void Html(StringBuilder sb, WorkflowPerformanceProfile p)
        {
            WorkflowRecommendation[] found = Recommender.Analyze(new RecommendationInput(p), out string reason);
            sb.Append("<h3>Where to look first</h3>");
            if (found.Length == 0)
            {
                sb.Append("<p class=\"muted\">Nothing to recommend: ");
                HtmlText.Escape(sb, reason).Append(".</p>\n");
                return;
            }
            sb.Append("<div class=\"scroll\"><table class=\"grid recommendations\"><thead><tr><th>#</th><th>Kind</th><th>Node</th>")
              .Append("<th>Saving</th><th>Evidence</th><th>What to do</th></tr></thead><tbody>");
            for (int i = 0; i < found.Length && i < Rows; i++)
            {
                WorkflowRecommendation r = found[i];
                sb.Append("<tr><td class=\"n\">").Append(r.Rank.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                  .Append(r.Kind.ToString()).Append("</td><td>");
                HtmlText.Escape(sb, r.NodeId ?? "(workflow)").Append("</td><td class=\"n\">").Append(DurationFormat.Human(r.EstimatedSaving)).Append("</td><td>");
                HtmlText.Escape(sb, r.Evidence).Append("</td><td>");
                HtmlText.Escape(sb, r.Message).Append("</td></tr>");
            }
            sb.Append("</tbody></table></div>\n");
        }

        public static void Markdown(StringBuilder sb, WorkflowPerformanceProfile p)
        {
            WorkflowRecommendation[] found = Recommender.Analyze(new RecommendationInput(p), out string reason);
            sb.Append("### Where to look first\n\n");
            if (found.Length == 0)
            {
                sb.Append("Nothing to recommend: ").Append(MarkdownExport.Escape(reason)).Append(".\n\n");
                return;
            }
            sb.Append("| Rank | Kind | Node | Saving (ms) | Evidence | What to do |\n|---:|---|---|---:|---|---|\n");
            for (int i = 0; i < found.Length && i < Rows; i++)
            {
                WorkflowRecommendation r = found[i];
                sb.Append("| ").Append(r.Rank.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(r.Kind.ToString()).Append(" | ")
                  .Append(MarkdownExport.Escape(r.NodeId ?? "(workflow)")).Append(" | ")
                  .Append(r.EstimatedSaving.ToString("N0", CultureInfo.InvariantCulture)).Append(" | ")
                  .Append(MarkdownExport.Escape(r.Evidence)).Append(" | ").Append(MarkdownExport.Escape(r.Message)).Append(" |\n");
            }
            sb.Append('\n');
        }
    }
}
