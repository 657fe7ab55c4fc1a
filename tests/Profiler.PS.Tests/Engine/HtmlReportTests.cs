using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>The HTML report as text: structure, escaping, self-containment and size. The browser test looks at it rendered.</summary>
    public class HtmlReportTests
    {
        public const string Hostile = "<img src=x onerror=alert(1)>";

        /// <summary>A workflow of <paramref name="nodes"/> nodes over <paramref name="runs"/> runs; node i takes (i + 1) * 10 ms * (1 + run / 10).</summary>
        public static WorkflowPerformanceProfile Profile(int nodes, int runs, string id = "wf", string name = null,
            Func<int, string> label = null, Func<int, int, bool> skip = null)
        {
            var session = new ProfilerSession(new ManualClock());
            for (int r = 1; r <= runs; r++)
            {
                WorkflowRun run = session.StartRun(id, new WorkflowSettings { WorkflowName = name, WindowSize = Math.Max(20, runs) }, false, out _);
                for (int i = 0; i < nodes; i++)
                    if (skip == null || !skip(i, r)) run.Record("node" + i, (i + 1) * 10.0 * (1 + r / 10.0), "type" + i % 3, label?.Invoke(i));
                run.Complete(1000.0 * r);
            }
            return session.GetWorkflow(id).GetProfile();
        }

        private static int Count(string html, string what) => Regex.Matches(html, Regex.Escape(what)).Count;

        [Fact]
        public void One_cell_per_node_and_run_and_gaps_where_a_node_did_not_run()
        {
            string html = HtmlReportRenderer.Render(new[] { Profile(7, 5, skip: (i, r) => i == 2 && r == 3) });
            Assert.Equal(7 * 5 - 1, Count(html, "<td style=\"background:#"));
            Assert.Equal(1, Count(html, "<td class=\"gap\""));
            Assert.Equal(7, Count(html, "<th scope=\"row\""));
            foreach (int run in Enumerable.Range(1, 5)) Assert.Contains($"<th>#{run}</th>", html);
        }

        [Fact]
        public void Cells_carry_their_value_on_hover_and_colours_follow_duration()
        {
            string html = HtmlReportRenderer.Render(new[] { Profile(1, 6) });   // one node, slower every run
            MatchCollection cells = Regex.Matches(html, "<td style=\"background:#(..)(..)(..)\" title=\"([^\"]+)\">");
            Assert.Equal(6, cells.Count);
            Assert.Equal(new[] { "11 ms", "12 ms", "13 ms", "14 ms", "15 ms", "16 ms" }, cells.Select(m => m.Groups[4].Value));
            double[] heat = cells.Select(m => Ansi.Heat((Hex(m.Groups[1].Value), Hex(m.Groups[2].Value), Hex(m.Groups[3].Value)))).ToArray();
            for (int i = 1; i < heat.Length; i++) Assert.True(heat[i] > heat[i - 1], string.Join(", ", heat));
        }

        private static int Hex(string h) => Convert.ToInt32(h, 16);

        [Fact]
        public void Every_colour_has_a_legend_and_a_label_equal_to_its_id_is_shown_once()
        {
            string html = HtmlReportRenderer.Render(new[] { Profile(3, 4, label: i => i == 0 ? "Zero step" : null) });
            foreach (string key in new[] { "did not run", "run with a bottleneck alert", "node time per run", "min to max", "average" })
                Assert.Contains(key, html);
            Assert.Contains("Zero step <small>node0</small>", html);   // a label of its own: the id follows
            Assert.DoesNotContain("node1 <small>node1</small>", html); // a label that is the id: once
            Assert.Contains("<td>node1</td>", html);
        }

        [Fact]
        public void User_text_is_escaped_everywhere()
        {
            WorkflowPerformanceProfile p = Profile(3, 4, id: "id\"'<u>", name: "</title><script>alert(2)</script>", label: i => i == 0 ? Hostile : "n&" + i);
            string html = HtmlReportRenderer.Render(new[] { p, Profile(1, 1, id: "other") }, new HtmlReportOptions { Title = "<i>t</i>" });
            Assert.DoesNotContain(Hostile, html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<u>", html);
            Assert.DoesNotContain("<i>", html);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
            Assert.Contains("&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;", html);
            Assert.Contains("id&quot;&#39;&lt;u&gt;", html);
            Assert.Contains("n&amp;1", html);
            Assert.Equal(1, Count(html, "<script>"));   // only the report's own
            Assert.Equal("&lt;a href=&quot;x&quot;&gt; &amp; &#39;\uFFFD", HtmlText.Escape("<a href=\"x\"> & '\u0007"));
        }

        [Fact]
        public void The_page_is_self_contained_and_its_policy_allows_only_its_own_script()
        {
            string html = HtmlReportRenderer.Render(new[] { Profile(4, 4) });
            foreach (string external in new[] { "http:", "https:", "//", "<link", "@import", "url(", " src=" })
                Assert.DoesNotContain(external, html.Replace("<!DOCTYPE", ""), StringComparison.OrdinalIgnoreCase);
            string script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
            string hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
            Assert.Contains($"script-src 'sha256-{hash}'", html);
            Assert.Contains("default-src 'none'", html);
        }

        [Fact]
        public void Each_workflow_shows_totals_alerts_bottlenecks_and_trends()
        {
            var session = new ProfilerSession(new ManualClock());
            for (int r = 1; r <= 5; r++)
            {
                WorkflowRun run = session.StartRun("ci");
                run.Record("build", r == 5 ? 9000 : 3000, "dotnet", "Build");
                run.Record("test", 1000, "pester", "Tests");
                run.Complete(4000.0 + r);
            }
            string html = HtmlReportRenderer.Render(new[] { session.GetWorkflow("ci").GetProfile(), Profile(2, 2, id: "b") },
                new HtmlReportOptions { GeneratedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) });
            Assert.Contains("generated 2026-01-02 03:04:05 +00:00", html);
            Assert.Contains("<a href=\"#wf-1\">ci</a><a href=\"#wf-2\">b</a>", html);
            Assert.Contains("Total duration per run", html);
            // 4,005 ms: the nearest double to 4.005 s lies below the midpoint, so 4.00, as printf and numpy print it.
            Assert.Contains("<title>run 5: 4.00 s, 1 alert</title>", html);
            Assert.Contains("Alerts in the latest run", html);
            Assert.Contains("9,000.0 ms is 3.0x the median", html);
            Assert.Matches("<table class=\"grid bottlenecks\">.*Build.*Tests", html);
            Assert.Matches("<table class=\"grid bottlenecks\"><thead><tr><th>#</th><th>Node</th><th>Type</th><th title=\"[^\"]*\">Self</th><th title=\"[^\"]*\">Average</th>", html);
            Assert.Equal(4, Count(html, "<figure>"));
            Assert.Equal(4, Count(html, "<rect class=\"band\""));
            Assert.Equal(4, Count(html, "<line class=\"avg\""));
            Assert.Contains("<b>Build</b> <small>avg 4.20 s · min 3.00 s · max 9.00 s</small>", html);
        }

        [Fact]
        public void Workflows_without_runs_and_deterministic_output()
        {
            var session = new ProfilerSession(new ManualClock());
            session.StartRun("empty");
            string html = HtmlReportRenderer.Render(new[] { session.GetWorkflow("empty").GetProfile() });
            Assert.Contains("No completed run yet", html);
            Assert.Contains("a run is in flight", html);
            WorkflowPerformanceProfile p = Profile(5, 5);
            Assert.Equal(HtmlReportRenderer.Render(new[] { p }), HtmlReportRenderer.Render(new[] { p }));
            Assert.DoesNotContain("generated", HtmlReportRenderer.Render(new[] { p }));
        }

        [Fact]
        public void A_thousand_nodes_by_twenty_runs_stay_under_two_megabytes()
        {
            // Size only: the time goal (under a second) is measured in the benchmark suite, never in a unit test.
            WorkflowPerformanceProfile p = Profile(1000, 20, label: i => "Step number " + i + " of the big pipeline");
            string html = HtmlReportRenderer.Render(new[] { p });
            int bytes = Encoding.UTF8.GetByteCount(html);
            Assert.True(bytes < 2 * 1024 * 1024, $"{bytes:N0} bytes");
            Console.WriteLine($"1,000 x 20 report: {bytes:N0} bytes");
            Assert.Equal(20_000, Count(html, "<td style=\"background:#"));
            Assert.Equal(1000, Count(html, "<figure>"));
        }
    }
}
