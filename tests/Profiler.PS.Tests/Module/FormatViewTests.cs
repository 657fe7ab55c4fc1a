using System;
using System.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// What a person sees: default views rendered through Out-String -Width. Tests that change
    /// NO_COLOR (process-wide) share this collection so they never run beside each other.
    /// </summary>
    [Collection("Terminal")]
    public class FormatViewTests : IDisposable
    {
        // 120: the width Show-Heatmap renders its lines at when the host has no UI (until issue 14 renders at display time).
        private readonly PsSession _ps = new PsSession(width: 120);

        public FormatViewTests() => _ps.RunClean(@"
            foreach ($i in 1..4) {
                Start-WorkflowProfile demo -WorkflowName 'Demo flow'
                Add-NodeTiming restore 1000 -NodeType dotnet -NodeLabel 'Restore packages'
                Add-NodeTiming compile (3000 * [math]::Max(1, $i - 2)) -NodeType dotnet
                Add-NodeTiming test 500 -NodeType pester
                $null = Complete-WorkflowProfile -TotalDuration 4500
            }");

        public void Dispose() => _ps.Dispose();

        private string Show(string command) => _ps.ShowPlain(command);

        [Fact]
        public void Statistics_show_as_a_table_in_milliseconds()
        {
            string text = Show("Get-NodeStatistics");
            Assert.Contains("Workflow: demo", text);
            Assert.Contains("Avg(ms)", text);
            Assert.Contains("Executions", text);
            Assert.Contains("restore dotnet", text);
            Assert.Contains("1,000.0", text);
        }

        [Fact]
        public void Profiles_bottlenecks_timings_runs_and_alerts_have_table_views()
        {
            Assert.Contains("Bottlenecks", Show("Get-WorkflowProfile"));
            Assert.Contains("compile, restore, test", _ps.HostText);
            Assert.Contains("Share", Show("Get-Bottleneck"));
            Assert.Contains("slow in last run", _ps.HostText);
            Assert.Contains("Duration(ms)", Show("Start-WorkflowProfile demo; Add-NodeTiming x 1; Get-NodeTiming"));
            Assert.Contains("Total(ms)", Show("(Get-WorkflowProfile).Runs"));
            Assert.Contains("Baseline(ms)", Show("(Get-WorkflowProfile).Alerts"));
            Assert.Contains("Running", Show("Start-WorkflowProfile other -PassThru"));
        }

        [Fact]
        public void The_heatmap_view_prints_the_rendered_lines()
        {
            string text = Show("Show-Heatmap");
            Assert.Contains("Heatmap: Demo flow", text);
            string[] lines = text.Split('\n').Where(l => l.Contains('█')).ToArray();
            Assert.Equal(3, lines.Length);
            Assert.StartsWith(" 1  compile", lines[0]);
            Assert.Contains("! 2.0x baseline", lines[0]);
            Assert.False(text.Contains('\u001b'), "plain text has no escape codes");
        }

        [Fact]
        public void Ansi_rendering_colours_bars_and_PlainText_or_NO_COLOR_removes_them()
        {
            var ansi = _ps.RunClean("$PSStyle.OutputRendering = 'Ansi'; Show-Heatmap").Objects<HeatmapRow>();
            Assert.All(ansi, r => Assert.True(r.Line.Contains("\u001b[38;2;", StringComparison.Ordinal)));
            var plain = _ps.RunClean("$PSStyle.OutputRendering = 'PlainText'; Show-Heatmap").Objects<HeatmapRow>();
            Assert.All(plain, r => Assert.False(r.Line.Contains('\u001b')));
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
            try
            {
                var noColor = _ps.RunClean("$PSStyle.OutputRendering = 'Ansi'; Show-Heatmap").Objects<HeatmapRow>();
                Assert.All(noColor, r => Assert.False(r.Line.Contains('\u001b')));
            }
            finally
            {
                Environment.SetEnvironmentVariable("NO_COLOR", null);
            }
            var forced = _ps.RunClean("$PSStyle.OutputRendering = 'Ansi'; Show-Heatmap -NoColor").Objects<HeatmapRow>();
            Assert.All(forced, r => Assert.False(r.Line.Contains('\u001b')));
        }

        // The hosted SDK runspace has no host UI, so no width to fit: Show-Heatmap falls back to 120 columns.
        // Issue 14 renders the heatmap at display time, where Out-String -Width gives the width; re-enable then.
        [Fact(Skip = "issue 14: heatmap width comes from the host, which a hosted runspace does not have")]
        public void Heatmap_lines_fit_the_host_width()
        {
            using var narrow = new PsSession(width: 60);
            narrow.RunClean("Start-WorkflowProfile n; Add-NodeTiming 'a rather long node label for a narrow terminal' 10; Add-NodeTiming b 5; $null = Complete-WorkflowProfile");
            var rows = narrow.RunClean("Show-Heatmap -NoColor").Objects<HeatmapRow>();
            Assert.All(rows, r => Assert.True(r.Line.Length < 60, r.Line));
        }
    }
}
