using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    public class RenderingTests
    {
        private static WorkflowPerformanceProfile Profile(params (string Node, double Ms)[] nodes)
        {
            var session = new ProfilerSession(new ManualClock());
            for (int r = 0; r < 4; r++)
            {
                WorkflowRun run = session.StartRun("h");
                foreach (var (node, ms) in nodes) run.Record(node, r == 3 && node == "slow" ? ms * 3 : ms);
                run.Complete();
            }
            return session.GetWorkflow("h").GetProfile();
        }

        [Theory]
        [InlineData(0, "0 ms")]
        [InlineData(0.25, "0.25 ms")]
        [InlineData(4.56, "4.6 ms")]
        [InlineData(850, "850 ms")]
        [InlineData(2400, "2.40 s")]
        [InlineData(12_340, "12.3 s")]
        [InlineData(72_000, "1 m 12 s")]
        [InlineData(7_500_000, "2 h 05 m")]
        public void Durations_read_in_human_units(double ms, string expected) => Assert.Equal(expected, DurationFormat.Human(ms));

        [Theory]
        [InlineData(1.0, 10, "██████████")]
        [InlineData(0.5, 10, "█████")]
        [InlineData(0.0125, 10, "▏")]
        [InlineData(0.1875, 4, "▊")]
        [InlineData(0, 10, "")]
        public void Bars_have_eighth_cell_precision(double fraction, int width, string expected)
            => Assert.Equal(expected, HeatmapRenderer.Bar(fraction, width));

        [Fact]
        public void Rows_are_slowest_first_with_bars_proportional_to_the_average()
        {
            HeatmapRow[] rows = HeatmapRenderer.Render(Profile(("a", 100), ("b", 400), ("c", 200)), new HeatmapOptions());
            Assert.Equal(new[] { "b", "c", "a" }, rows.Select(r => r.NodeId));
            Assert.Equal(new[] { 1.0, 0.5, 0.25 }, rows.Select(r => r.Intensity));
            int full = HeatmapRenderer.FilledEighths(rows[0].Bar);
            Assert.InRange(HeatmapRenderer.FilledEighths(rows[1].Bar), full / 2 - 1, full / 2 + 1);
            Assert.InRange(HeatmapRenderer.FilledEighths(rows[2].Bar), full / 4 - 1, full / 4 + 1);
        }

        [Fact]
        public void Plain_text_has_no_escape_codes_and_ansi_colours_run_green_to_red()
        {
            WorkflowPerformanceProfile p = Profile(("a", 100), ("b", 400), ("c", 200));
            HeatmapRow[] ansi = HeatmapRenderer.Render(p, new HeatmapOptions());
            Assert.All(ansi, r => Assert.False(HeatmapRenderer.Format(r, 100, false).Contains('\u001b'))); // ordinal: xunit compares strings by culture
            Assert.All(ansi, r => Assert.True(HeatmapRenderer.Format(r, 100, true).Contains("\u001b[38;2;", System.StringComparison.Ordinal)));
            int[] reds = ansi.Select(r => System.Convert.ToInt32(r.Color.Substring(1, 2), 16)).ToArray();
            int[] greens = ansi.Select(r => System.Convert.ToInt32(r.Color.Substring(3, 2), 16)).ToArray();
            // Slowest first: the hue runs from red through yellow to green, so green rises and red ends lowest.
            Assert.True(greens[0] < greens[1] && greens[1] < greens[2], string.Join(",", greens));
            Assert.True(reds[0] > reds[2], string.Join(",", reds));
        }

        [Fact]
        public void Top_limits_rows_and_alerts_are_marked()
        {
            WorkflowPerformanceProfile p = Profile(("slow", 100), ("b", 20), ("c", 30), ("d", 40), ("e", 50), ("f", 60));
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions { Top = 3 });
            Assert.Equal(4, rows.Length);   // the three slowest and "Others (3 nodes)"
            Assert.True(rows[3].IsOthers);
            rows = rows.Take(3).ToArray();
            HeatmapRow slow = rows.Single(r => r.NodeId == "slow");
            Assert.True(slow.IsAlert);
            Assert.Contains("!", HeatmapRenderer.Format(slow, 100, false));
            Assert.Contains("3.0x", HeatmapRenderer.Format(slow, 100, false));
            Assert.All(rows.Where(r => r != slow), r => Assert.False(r.IsAlert));
        }

        [Fact]
        public void Lines_fit_the_width()
        {
            WorkflowPerformanceProfile p = Profile(("a-very-long-node-label-that-goes-on-and-on", 100), ("b", 50));
            HeatmapRow[] rows = HeatmapRenderer.Render(p, new HeatmapOptions());
            Assert.All(rows, r => Assert.True(HeatmapRenderer.Format(r, 70, false).Length < 70, HeatmapRenderer.Format(r, 70, false)));
            Assert.Contains("…", HeatmapRenderer.Format(rows[0], 70, false));
        }
    }
}
