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
        // 120: the width the heatmap view draws for when the host has no UI (PowerShell's own default).
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

        /// <summary>The lines the heatmap view draws for the rows <paramref name="command"/> returns, through the view's own function.</summary>
        private string[] Drawn(string command)
            => _ps.RunClean(command + " | ForEach-Object { [Profiler.PS.HeatmapView]::Format($_, $Host, $PSStyle) }").Objects<string>();

        [Fact]
        public void Statistics_show_as_a_table_in_milliseconds()
        {
            string text = Show("Get-NodeStatistics");
            Assert.Contains("Workflow: demo", text);
            Assert.Contains("Avg(ms)", text);
            Assert.Contains("Runs", text);
            Assert.Matches(@"\s4\s+1,000\.0\s.*\srestore", text);   // numbers first, the id last
            Assert.Contains("1,000.0", text);
        }

        [Fact]
        public void Profiles_bottlenecks_timings_runs_and_alerts_have_table_views()
        {
            Assert.Contains("Bottlenecks", Show("Get-WorkflowProfile"));
            Assert.Contains("compile, restore, test", _ps.HostText);
            Assert.Contains("Share", Show("Get-Bottleneck"));
            Assert.Matches(@"\bslow\s+compile\b", _ps.HostText);
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
            Assert.Contains("! 2.0x", lines[0]);
            Assert.Contains("hot", lines[0]);
            Assert.False(text.Contains('\u001b'), "plain text has no escape codes");
        }

        [Fact]
        public void Ansi_rendering_colours_bars_and_PlainText_or_NO_COLOR_removes_them()
        {
            // Rows made once, drawn under each setting: colour is decided when a row is displayed.
            _ps.RunClean("$rows = Show-Heatmap");
            string[] ansi = Drawn("$PSStyle.OutputRendering = 'Ansi'; $rows");
            Assert.All(ansi, l => Assert.True(l.Contains("\u001b[38;2;", StringComparison.Ordinal)));
            string[] plain = Drawn("$PSStyle.OutputRendering = 'PlainText'; $rows");
            Assert.All(plain, l => Assert.False(l.Contains('\u001b')));
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
            try
            {
                string[] noColor = Drawn("$PSStyle.OutputRendering = 'Ansi'; $rows");
                Assert.All(noColor, l => Assert.False(l.Contains('\u001b')));
            }
            finally
            {
                Environment.SetEnvironmentVariable("NO_COLOR", null);
            }
            string[] forced = Drawn("$PSStyle.OutputRendering = 'Ansi'; Show-Heatmap -NoColor");
            Assert.All(forced, l => Assert.False(l.Contains('\u001b')));
        }

        // A runspace without a host UI has no width to fit: the view draws for PowerShell's own default, 120
        // columns (a real terminal's width is checked by tests/Pester/EverydayUse.Tests.ps1 at 80 columns).
        [Fact]
        public void Heatmap_lines_fit_the_default_width_of_a_host_without_UI()
        {
            _ps.RunClean("Start-WorkflowProfile n; Add-NodeTiming 'a rather long node label that a narrow line must cut short' 10; Add-NodeTiming b 5; $null = Complete-WorkflowProfile");
            string[] lines = _ps.ShowPlain("Show-Heatmap").Split('\n').Where(l => l.Contains('█')).ToArray();
            Assert.Equal(2, lines.Length);
            Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length < 120, l));
            Assert.Contains("…", lines[0]);
        }
    }
}
