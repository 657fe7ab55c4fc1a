using System.Linq;
using System.Text.RegularExpressions;
using Profiler.PS.Engine;
using Profiler.PS.Export;
using Profiler.PS.Rendering;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>
    /// Failures visible in every rendering (issue 14): 'test' fails in runs 2, 4 and 6 of six (stopped in run 4),
    /// so its window holds two failures and one stop; 'build' always succeeds.
    /// </summary>
    public class FailureViewTests
    {
        public static WorkflowPerformanceProfile Profile() => Workflow().GetProfile();

        public static WorkflowProfiler Workflow()
        {
            var session = new ProfilerSession(new ManualClock());
            for (int r = 1; r <= 6; r++)
            {
                WorkflowRun run = session.StartRun("wf", new WorkflowSettings { WorkflowName = "Nightly" }, false, out _);
                var stack = new NodeScopeStack();
                stack.Record(run, "build", 500 + r);
                NodeStatus status = r == 4 ? NodeStatus.Stopped : r % 2 == 0 ? NodeStatus.Failed : NodeStatus.Succeeded;
                stack.Record(run, "test", 200 + r, status: status);
                run.Complete(1000.0 * r);
            }
            return session.GetWorkflow("wf");
        }

        [Fact]
        public void Node_statistics_and_bottlenecks_carry_the_window_failures_and_stops()
        {
            WorkflowPerformanceProfile p = Profile();
            NodePerformanceData test = p.NodeData.Single(n => n.NodeId == "test");
            Assert.Equal((2, 1, 2L, 1L, NodeStatus.Failed),
                (test.WindowFailedCount, test.WindowStoppedCount, test.AllTimeFailedCount, test.AllTimeStoppedCount, test.LastStatusValue));
            BottleneckInfo[] ranked = Ranking.Bottlenecks(p.NodeData, p.Alerts, 5);
            BottleneckInfo b = ranked.Single(x => x.NodeId == "test");
            Assert.Equal((2, 1, NodeStatus.Failed), (b.WindowFailedCount, b.WindowStoppedCount, b.LastStatusValue));
            Assert.Equal((0, 0), (ranked.Single(x => x.NodeId == "build").WindowFailedCount, ranked.Single(x => x.NodeId == "build").WindowStoppedCount));
        }

        [Theory]
        [InlineData(120)]
        [InlineData(80)]
        [InlineData(40)]
        public void The_heatmap_line_marks_failures_as_a_word_in_plain_text_and_a_cross_in_colour(int width)
        {
            HeatmapRow[] rows = HeatmapRenderer.Render(Profile(), new HeatmapOptions());
            HeatmapRow test = rows.Single(r => r.NodeId == "test"), build = rows.Single(r => r.NodeId == "build");
            Assert.Equal((2, 1), (test.WindowFailedCount, test.WindowStoppedCount));
            string plain = HeatmapRenderer.Format(test, width, false);
            Assert.Matches(@"\bfail 3\b", plain);
            Assert.True(plain.Length <= width - 1 || width < 60, plain);
            Assert.DoesNotMatch("fail|\u2717", HeatmapRenderer.Format(build, width, false));
            string colour = HeatmapRenderer.Format(test, width, true);
            Assert.Contains("\u2717" + "3", Regex.Replace(colour, "\u001b\\[[0-9;]*m", ""));
        }

        [Fact]
        public void The_others_row_sums_the_failures_of_the_nodes_it_folds()
        {
            HeatmapRow others = HeatmapRenderer.Render(Profile(), new HeatmapOptions { Top = 1 }).Single(r => r.IsOthers);
            Assert.Equal((2, 1), (others.WindowFailedCount, others.WindowStoppedCount));
            Assert.Contains("fail 3", HeatmapRenderer.Format(others, 120, false));
        }

        [Fact]
        public void The_html_report_marks_each_failed_cell_has_a_failures_column_and_a_legend_entry()
        {
            string html = HtmlReportRenderer.Render(new[] { Profile() });
            Assert.Equal(2, Regex.Matches(html, "<td class=\"fail\" title=\"failed\">\u2717").Count);
            Assert.Equal(1, Regex.Matches(html, "<td class=\"fail\" title=\"stopped\">\u2717").Count);
            Assert.Equal(0, Regex.Matches(html, "<td class=\"gap\"").Count);   // a failed run is not a gap
            Assert.Contains("<span class=\"key fail\">\u2717</span><span>failed or stopped</span>", html);
            Assert.Contains(">Failures</th>", html);
            Assert.Contains("<td class=\"n failures\">3</td>", html);
        }

        [Fact]
        public void The_html_report_shows_a_dash_not_0_percent_as_the_share_of_a_node_that_never_succeeded()
        {
            var session = new ProfilerSession(new ManualClock());
            for (int r = 1; r <= 2; r++)
            {
                WorkflowRun run = session.StartRun("never", null, false, out _);
                var stack = new NodeScopeStack();
                stack.Record(run, "build", 500);
                stack.Record(run, "deploy", 300, status: NodeStatus.Failed);
                run.Complete(800);
            }
            string html = HtmlReportRenderer.Render(new[] { session.GetWorkflow("never").GetProfile() });
            string deployRow = Regex.Match(html, "<tr><td class=\"n\">\\d+</td><td>deploy</td>.*?</tr>").Value;
            Assert.NotEmpty(deployRow);
            Assert.Contains("<td class=\"n\">-</td>", deployRow);
            Assert.DoesNotContain("0%", deployRow);
        }

        [Fact]
        public void The_markdown_summary_has_a_failures_column_in_both_tables()
        {
            string[] lines = MarkdownExport.Write(new[] { new ExportSource(Workflow()) }).Split('\n');
            int[] headers = Enumerable.Range(0, lines.Length).Where(i => lines[i].StartsWith("| ") && lines[i].Contains("| Failures |")).ToArray();
            Assert.Equal(2, headers.Length);   // the bottlenecks and the node statistics
            foreach (int h in headers)
            {
                string[] names = lines[h].Split('|').Select(c => c.Trim()).ToArray();
                string row = lines.Skip(h + 2).TakeWhile(l => l.StartsWith("| ")).Single(l => l.Split('|').Select(c => c.Trim()).Contains("test"));
                Assert.Equal("3", row.Split('|')[System.Array.IndexOf(names, "Failures")].Trim());
            }
            // Run 6 failed 'test': its comparison row has no time, shown '-' as in the console view.
            string failed = lines.Single(l => l.StartsWith("| test | Failed |"));
            Assert.Equal("-", failed.Split('|')[3].Trim());
        }
    }
}
