using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Profiler.PS.Rendering;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>The "Where to look first" section of the HTML report and the Markdown summary.</summary>
    public class RecommendationSectionTests
    {
        private const string Hostile = "<img src=x onerror=alert(1)>|*x*";

        private static WorkflowPerformanceProfile Regressed() => RecommenderTests.Profile(12, new List<(string, Func<int, double>)>
        {
            ("restore", r => 1000), ("compile", r => 1100), ("lint", r => 900), (Hostile, r => r >= 9 ? 2000 : 1000 + r % 3),
        });

        [Fact]
        public void The_html_report_lists_the_top_recommendations_with_user_text_escaped()
        {
            string html = HtmlReportRenderer.Render(new[] { Regressed() });
            int at = html.IndexOf("<h3>Where to look first</h3>", StringComparison.Ordinal);
            Assert.True(at > 0);
            string section = html.Substring(at, html.IndexOf("</table>", at, StringComparison.Ordinal) - at);
            Assert.Contains("<td>Regression</td><td>&lt;img src=x onerror=alert(1)&gt;|*x*</td>", section);
            Assert.DoesNotContain("<img", section);
        }

        [Fact]
        public void The_html_report_says_why_nothing_is_recommended()
        {
            string html = HtmlReportRenderer.Render(new[] { RecommenderTests.Profile(2, new List<(string, Func<int, double>)> { ("a", r => 10), ("b", r => 20) }) });
            Assert.Contains("<h3>Where to look first</h3><p class=\"muted\">Nothing to recommend: workflow &#39;wf&#39; has 2 completed runs", html.Replace("&#x27;", "&#39;"));
        }

        [Fact]
        public void The_markdown_summary_has_a_table_row_per_recommendation_with_cells_escaped()
        {
            var sb = new StringBuilder();
            RecommendationSection.Markdown(sb, Regressed());
            string[] lines = sb.ToString().Split('\n');
            Assert.Equal("### Where to look first", lines[0]);
            Assert.Equal("| Rank | Kind | Node | Saving (ms) | Evidence | What to do |", lines[2]);
            Assert.StartsWith(@"| 1 | Regression | \<img src=x onerror=alert(1)\>\|\*x\* | ", lines[4]);
            Assert.Equal(7, lines[4].Replace(@"\|", "").Count(c => c == '|'));   // six cells: the escaped pipe splits none
        }
    }
}
