using System;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>The terminal heatmap as a person reads it: rows, Others, bars, colours, scales, sparklines, width.</summary>
    public class HeatmapTerminalTests
    {
        /// <summary>Runs <paramref name="runs"/> runs; <paramref name="ms"/>(node, run) gives a duration, or null to skip the node.</summary>
        private static WorkflowPerformanceProfile Profile(int runs, string[] nodes, Func<string, int, double?> ms)
        {
            var session = new ProfilerSession(new ManualClock());
            for (int r = 1; r <= runs; r++)
            {
                WorkflowRun run = session.StartRun("t");
                foreach (string n in nodes)
                    if (ms(n, r) is double d) run.Record(n, d);
                run.Complete();
            }
            return session.GetWorkflow("t").GetProfile();
        }

        private static WorkflowPerformanceProfile Flat(params (string Node, double Ms)[] nodes)
            => Profile(3, nodes.Select(n => n.Node).ToArray(), (n, r) => nodes.Single(x => x.Node == n).Ms);

        [Fact]
        public void Nodes_below_the_top_fold_into_an_Others_row_with_their_share()
        {
            WorkflowPerformanceProfile p = Flat(("a", 500), ("b", 300), ("c", 100), ("d", 60), ("e", 40));
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { Top = 2, Width = 120 });
            Assert.Equal(new[] { "a", "b", null }, rows.Select(r => r.NodeId));
            HeatmapRow others = rows[2];
            Assert.True(others.IsOthers);
            Assert.Equal(3, others.NodeCount);
            Assert.Equal(3, others.Rank);
            Assert.Equal("Others (3 nodes)", others.NodeLabel);
            Assert.Equal(200, others.AvgDuration, 6);
            Assert.Equal(0.2, others.Share, 6);
            Assert.Equal(1.0, rows.Sum(r => r.Share), 6);
            Assert.Contains("Others (3 nodes)", others.Line);
            Assert.Contains("20%", others.Line);
            Assert.StartsWith("    Others", others.Line);   // no rank: it is not one node
            Assert.Equal("#8c8c8c", others.Color);

            Assert.Equal(5, HeatmapRenderer.Render(p, new HeatmapOptions { All = true }).Length);
            Assert.DoesNotContain(HeatmapRenderer.Render(p, new HeatmapOptions { Top = 5 }), r => r.IsOthers);
        }

        [Fact]
        public void Bars_are_proportional_to_the_rows_values_Others_included()
        {
            // Ten small nodes add up to more than the slowest one: Others gets the full bar.
            string[] nodes = new[] { "big" }.Concat(Enumerable.Range(1, 10).Select(i => "s" + i)).ToArray();
            WorkflowPerformanceProfile p = Profile(3, nodes, (n, r) => n == "big" ? 400 : 80);
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { Top = 3, Width = 160 });
            double[] eighths = rows.Select(r => (double)HeatmapRenderer.FilledEighths(r.Bar)).ToArray();
            double perMs = eighths.Max() / rows.Max(r => r.AvgDuration);
            for (int i = 0; i < rows.Length; i++)
                Assert.InRange(eighths[i], rows[i].AvgDuration * perMs - 1, rows[i].AvgDuration * perMs + 1);
            Assert.True(rows.Last().IsOthers);
            Assert.Equal(eighths.Max(), eighths.Last());
        }

        [Fact]
        public void Ansi_colours_run_from_red_to_green_as_rows_get_faster()
        {
            WorkflowPerformanceProfile p = Flat(("a", 100), ("b", 900), ("c", 500), ("d", 300), ("e", 700));
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { Ansi = true, Width = 120 });
            double[] heat = rows.Select(r => Ansi.Heat(Ansi.Colours(r.Line)[0])).ToArray();   // the bar's colour
            Assert.Equal(new[] { "b", "e", "c", "d", "a" }, rows.Select(r => r.NodeId));
            for (int i = 1; i < heat.Length; i++) Assert.True(heat[i - 1] > heat[i], string.Join(", ", heat));
            Assert.True(heat[0] > 0.9 && heat[^1] < 0.3, string.Join(", ", heat));
        }

        [Fact]
        public void The_absolute_scale_keeps_fast_workflows_green()
        {
            WorkflowPerformanceProfile p = Flat(("a", 10), ("b", 8), ("c", 4));
            HeatmapRow[] relative = HeatmapRenderer.Render(p, new HeatmapOptions { Ansi = true });
            Assert.True(Ansi.Heat(Ansi.Colours(relative[0].Line)[0]) > 0.9, "relative: the slowest is red");

            HeatmapRow[] absolute = HeatmapRenderer.Render(p, new HeatmapOptions { Ansi = true, Scale = HeatmapScale.Absolute, GoodBelow = 100, BadAbove = 1000 });
            Assert.All(absolute, r => Assert.Equal(0, r.Intensity));
            Assert.All(absolute, r => Assert.True(Ansi.Heat(Ansi.Colours(r.Line)[0]) < 0.1, r.Color));
            Assert.All(absolute, r => Assert.Equal("Absolute", r.Scale));

            WorkflowPerformanceProfile mixed = Flat(("fast", 50), ("mid", 550), ("slow", 5000));
            HeatmapRow[] m = HeatmapRenderer.Render(mixed, new HeatmapOptions { Scale = HeatmapScale.Absolute, GoodBelow = 100, BadAbove = 1000 });
            Assert.Equal(new[] { 1.0, 0.5, 0.0 }, m.Select(r => r.Intensity));
        }

        [Fact]
        public void Unusable_thresholds_are_refused()
        {
            WorkflowPerformanceProfile p = Flat(("a", 10));
            var ex = Assert.Throws<ProfilerException>(() => HeatmapRenderer.Render(p, new HeatmapOptions { Scale = HeatmapScale.Absolute, GoodBelow = 500, BadAbove = 500 }));
            Assert.Equal(ProfilerErrorKind.InvalidSetting, ex.Kind);
            Assert.Contains("-GoodBelow", ex.Message);
            Assert.Throws<ProfilerException>(() => HeatmapRenderer.Render(p, new HeatmapOptions { GoodBelow = double.NaN }));
        }

        [Fact]
        public void Sparklines_line_samples_up_by_run_with_gaps_where_a_node_did_not_run()
        {
            // "b" skips run 3; both lines have one column per run.
            WorkflowPerformanceProfile p = Profile(5, new[] { "a", "b" },
                (n, r) => n == "a" ? 100 * r : r == 3 ? (double?)null : 800);
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { Width = 150 });
            HeatmapRow a = rows.Single(r => r.NodeId == "a"), b = rows.Single(r => r.NodeId == "b");
            Assert.Equal("▂▄▅▇█", a.Sparkline);   // 100..500 on a zero-based scale
            Assert.Equal("██ ██", b.Sparkline);
            Assert.EndsWith("██ ██", b.Line.TrimEnd());
            Assert.Contains("▂▄▅▇█", a.Line);
        }

        [Fact]
        public void Lines_show_average_and_last_in_human_units_and_the_alert_reason()
        {
            WorkflowPerformanceProfile p = Profile(4, new[] { "slow", "ok" }, (n, r) => n == "ok" ? 850 : r == 4 ? 7200 : 2400);
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { Width = 130 });
            HeatmapRow slow = rows[0];
            Assert.Matches(@"avg\s+3\.60 s\s+last\s+7\.20 s", slow.Line);
            Assert.Matches(@"avg\s+850 ms\s+last\s+850 ms", rows[1].Line);
            Assert.True(slow.IsAlert);
            Assert.Contains("! 3.0x baseline", slow.Line);
            Assert.Contains("3.0x the median", slow.AlertReason);
            Assert.Null(rows[1].AlertReason);
        }

        [Fact]
        public void Plain_text_has_no_escapes_and_names_the_heat_in_words()
        {
            WorkflowPerformanceProfile p = Profile(4, new[] { "slow", "mid", "fast" }, (n, r) => n == "fast" ? 100 : n == "mid" ? 600 : r == 4 ? 3000 : 1000);
            HeatmapRow[] plain = HeatmapRenderer.Render(p, new HeatmapOptions { Width = 120 });
            HeatmapRow[] ansi = HeatmapRenderer.Render(p, new HeatmapOptions { Width = 120, Ansi = true });
            Assert.All(plain, r => Assert.DoesNotContain("\u001b", r.Line, StringComparison.Ordinal));
            Assert.Equal(new[] { "hot", "warm", "cool" }, plain.Select(r => r.Line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]));
            Assert.Contains("! ", plain[0].Line);
            Assert.All(ansi, r => Assert.Contains("\u001b[38;2;", r.Line, StringComparison.Ordinal));
            // Same figures either way: the colour line minus its escapes is the plain line minus the words.
            Assert.Equal(plain.Select(r => r.Bar), ansi.Select(r => r.Bar));
            Assert.Contains(plain[0].Sparkline, Ansi.Strip(ansi[0].Line));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Lines_fit_every_width(bool colour)
        {
            string[] nodes = { "restore packages from the internal feed", "compile", "unit tests with coverage", "publish", "x", "y", "z" };
            WorkflowPerformanceProfile p = Profile(20, nodes, (n, r) => n.Length * 100 * (r == 20 && n == "compile" ? 4 : 1));
            foreach (int width in new[] { 40, 60, 80, 100, 120, 160, 220 })
            {
                HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { Width = width, Ansi = colour });
                Assert.All(rows, r => Assert.True(Ansi.Strip(r.Line).Length < width, $"{width}: {Ansi.Strip(r.Line)}"));
                Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Bar)));
            }
            HeatmapRow[] wide = HeatmapRenderer.Render(p, new HeatmapOptions { Width = 220, Ansi = colour });
            Assert.Contains(wide, r => r.Line.Contains("restore packages from the i…", StringComparison.Ordinal));
            Assert.Contains(wide, r => Ansi.Strip(r.Line).Contains(r.Sparkline, StringComparison.Ordinal) && r.Sparkline.Length == 20);
        }

        [Fact]
        public void Control_characters_in_labels_never_reach_the_terminal()
        {
            var session = new ProfilerSession(new ManualClock());
            WorkflowRun run = session.StartRun("t");
            run.Record("evil", 10, nodeLabel: "\u001b[2Jgone\r\nnext");
            run.Complete();
            HeatmapRow row = HeatmapRenderer.Render(session.GetWorkflow("t").GetProfile(), new HeatmapOptions()).Single();
            Assert.DoesNotContain("\u001b", row.Line, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", row.Line, StringComparison.Ordinal);
            Assert.Contains("?[2Jgone??next", row.Line);
        }
    }
}
