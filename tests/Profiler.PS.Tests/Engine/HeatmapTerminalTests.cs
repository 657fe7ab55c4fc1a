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

        /// <summary>The row as the format view draws it.</summary>
        private static string Line(HeatmapRow row, int width = 120, bool ansi = false) => HeatmapRenderer.Format(row, width, ansi);

        private static WorkflowPerformanceProfile Flat(params (string Node, double Ms)[] nodes)
            => Profile(3, nodes.Select(n => n.Node).ToArray(), (n, r) => nodes.Single(x => x.Node == n).Ms);

        [Fact]
        public void Nodes_below_the_top_fold_into_an_Others_row_with_their_share()
        {
            WorkflowPerformanceProfile p = Flat(("a", 500), ("b", 300), ("c", 100), ("d", 60), ("e", 40));
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { Top = 2 });
            Assert.Equal(new[] { "a", "b", null }, rows.Select(r => r.NodeId));
            HeatmapRow others = rows[2];
            Assert.True(others.IsOthers);
            Assert.Equal(3, others.NodeCount);
            Assert.Equal(3, others.Rank);
            Assert.Equal("Others (3 nodes)", others.NodeLabel);
            Assert.Equal(200, others.AvgDuration.Value, 6);
            Assert.Equal(0.2, others.Share, 6);
            Assert.Equal(1.0, rows.Sum(r => r.Share), 6);
            Assert.Contains("Others (3 nodes)", Line(others));
            Assert.Contains("20%", Line(others));
            Assert.Contains("total", Line(others));   // a sum, labelled as one
            Assert.StartsWith("    Others", Line(others));   // no rank: it is not one node
            Assert.Equal("#8c8c8c", others.Color);

            Assert.Equal(5, HeatmapRenderer.Render(p, new HeatmapOptions { All = true }).Length);
            Assert.DoesNotContain(HeatmapRenderer.Render(p, new HeatmapOptions { Top = 5 }), r => r.IsOthers);
        }

        [Fact]
        public void Bars_share_the_slowest_nodes_scale_and_Others_is_capped_at_it()
        {
            // Ten small nodes add up to twice the slowest one: Others is drawn full and marked as beyond the scale.
            string[] nodes = new[] { "big", "mid" }.Concat(Enumerable.Range(1, 10).Select(i => "s" + i)).ToArray();
            WorkflowPerformanceProfile p = Profile(3, nodes, (n, r) => n == "big" ? 400 : n == "mid" ? 100 : 80);
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { Top = 2 });
            int full = HeatmapRenderer.StoredBarWidth * 8;
            Assert.Equal(full, HeatmapRenderer.FilledEighths(rows[0].Bar));
            Assert.Equal(full / 4, HeatmapRenderer.FilledEighths(rows[1].Bar));
            Assert.True(rows[2].IsOthers);
            Assert.Equal(full, HeatmapRenderer.FilledEighths(rows[2].Bar));
            Assert.Contains("+ total", Line(rows[2], 160));
            Assert.DoesNotContain("+", Line(rows[0], 160));
        }

        [Fact]
        public void Ansi_colours_run_from_red_to_green_as_rows_get_faster()
        {
            WorkflowPerformanceProfile p = Flat(("a", 100), ("b", 900), ("c", 500), ("d", 300), ("e", 700));
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions());
            double[] heat = rows.Select(r => Ansi.Heat(Ansi.Colours(Line(r, ansi: true))[0])).ToArray();   // the bar's colour
            Assert.Equal(new[] { "b", "e", "c", "d", "a" }, rows.Select(r => r.NodeId));
            for (int i = 1; i < heat.Length; i++) Assert.True(heat[i - 1] > heat[i], string.Join(", ", heat));
            Assert.True(heat[0] > 0.9 && heat[^1] < 0.3, string.Join(", ", heat));
        }

        [Fact]
        public void The_absolute_scale_keeps_fast_workflows_green()
        {
            WorkflowPerformanceProfile p = Flat(("a", 10), ("b", 8), ("c", 4));
            HeatmapRow[] relative = HeatmapRenderer.Render(p, new HeatmapOptions());
            Assert.True(Ansi.Heat(Ansi.Colours(Line(relative[0], ansi: true))[0]) > 0.9, "relative: the slowest is red");

            HeatmapRow[] absolute = HeatmapRenderer.Render(p, new HeatmapOptions { Scale = HeatmapScale.Absolute, GoodBelow = 100, BadAbove = 1000 });
            Assert.All(absolute, r => Assert.Equal(0, r.Intensity));
            Assert.All(absolute, r => Assert.True(Ansi.Heat(Ansi.Colours(Line(r, ansi: true))[0]) < 0.1, r.Color));
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
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions());
            HeatmapRow a = rows.Single(r => r.NodeId == "a"), b = rows.Single(r => r.NodeId == "b");
            Assert.Equal("▁▃▅▆█", a.Sparkline);   // 100..500 from the series' minimum to its maximum
            Assert.Equal("▄▄ ▄▄", b.Sparkline);   // no spread: the middle level
            Assert.EndsWith("▄▄ ▄▄", Line(b, 150).TrimEnd());
            Assert.Contains("▁▃▅▆█", Line(a, 150));
        }

        [Fact]
        public void Lines_show_average_and_last_in_human_units_and_the_alert_reason()
        {
            WorkflowPerformanceProfile p = Profile(4, new[] { "slow", "ok" }, (n, r) => n == "ok" ? 850 : r == 4 ? 7200 : 2400);
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions());
            HeatmapRow slow = rows[0];
            Assert.Matches(@"avg\s+3\.60 s\s+last\s+7\.20 s", Line(slow, 130));
            Assert.Matches(@"avg\s+850 ms\s+last\s+850 ms", Line(rows[1], 130));
            Assert.True(slow.IsAlert);
            Assert.Contains("! 3.0x baseline", Line(slow, 130));
            Assert.Contains("3.0x the median", slow.AlertReason);
            Assert.Null(rows[1].AlertReason);
        }

        [Fact]
        public void Plain_text_has_no_escapes_and_both_name_the_heat_in_words()
        {
            WorkflowPerformanceProfile p = Profile(4, new[] { "slow", "mid", "fast" }, (n, r) => n == "fast" ? 100 : n == "mid" ? 600 : r == 4 ? 3000 : 1000);
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions());
            string[] plain = rows.Select(r => Line(r)).ToArray(), ansi = rows.Select(r => Line(r, ansi: true)).ToArray();
            Assert.All(plain, l => Assert.DoesNotContain("\u001b", l, StringComparison.Ordinal));
            Assert.Equal(new[] { "hot", "warm", "cool" }, plain.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]));
            Assert.Equal(new[] { "hot", "warm", "cool" }, rows.Select(r => r.Heat));
            Assert.Contains("! ", plain[0]);
            Assert.All(ansi, l => Assert.Contains("\u001b[38;2;", l, StringComparison.Ordinal));
            // Same text either way: colour stripped (a redirected file) still has the words.
            Assert.Equal(plain, ansi.Select(Ansi.Strip));
        }

        [Fact]
        public void NoColor_rows_stay_plain_wherever_they_are_shown()
        {
            WorkflowPerformanceProfile p = Flat(("a", 100), ("b", 50));
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { NoColor = true });
            Assert.All(rows, r => Assert.DoesNotContain("\u001b", Line(r, ansi: true), StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Lines_fit_every_width(bool colour)
        {
            string[] nodes = { "restore packages from the internal feed", "compile", "unit tests with coverage", "publish", "x", "y", "z" };
            WorkflowPerformanceProfile p = Profile(20, nodes, (n, r) => n.Length * 100 * (r == 20 && n == "compile" ? 4 : 1));
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions());
            foreach (int width in new[] { 40, 60, 80, 100, 120, 160, 220 })
                Assert.All(rows, r => Assert.True(Ansi.Strip(Line(r, width, colour)).Length < width, $"{width}: {Ansi.Strip(Line(r, width, colour))}"));
            Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.Bar)));
            // A long label keeps its end (where ids differ) behind an ellipsis.
            Assert.Contains(rows, r => Line(r, 220, colour).Contains("…ages from the internal feed", StringComparison.Ordinal));
            Assert.Contains(rows, r => Ansi.Strip(Line(r, 220, colour)).Contains(r.Sparkline, StringComparison.Ordinal) && r.Sparkline.Length == 20);
        }

        [Fact]
        public void Control_characters_in_labels_never_reach_the_terminal()
        {
            var session = new ProfilerSession(new ManualClock());
            WorkflowRun run = session.StartRun("t");
            run.Record("evil", 10, nodeLabel: "\u001b[2Jgone\r\nnext");
            run.Complete();
            HeatmapRow row = HeatmapRenderer.Render(session.GetWorkflow("t").GetProfile(), new HeatmapOptions()).Single();
            Assert.DoesNotContain("\u001b", Line(row), StringComparison.Ordinal);
            Assert.DoesNotContain("\n", Line(row), StringComparison.Ordinal);
            Assert.Contains("?[2Jgone??next", Line(row));
        }
    }
}
