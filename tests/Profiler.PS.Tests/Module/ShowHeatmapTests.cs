using System;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Show-Heatmap's parameters through the real engine: -Top/-All, scales, thresholds, terminals.</summary>
    [Collection("Terminal")]   // sets $PSStyle.OutputRendering, which is process-wide
    public class ShowHeatmapTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession(width: 120);

        public ShowHeatmapTests() => _ps.RunClean(@"
            foreach ($i in 1..4) {
                Start-WorkflowProfile fast
                1..7 | ForEach-Object { Add-NodeTiming -NodeId ""n$_"" -Duration (2 * $_) }
                $null = Complete-WorkflowProfile
            }");

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Top_folds_the_rest_and_All_shows_every_node()
        {
            HeatmapRow[] rows = _ps.RunClean("Show-Heatmap -Top 2 -NoColor").Objects<HeatmapRow>();
            Assert.Equal(new[] { "n7", "n6", null }, rows.Select(r => r.NodeId));
            Assert.Equal(5, rows[2].NodeCount);
            Assert.Equal(7, _ps.RunClean("Show-Heatmap -All").Objects<HeatmapRow>().Length);
            PsResult both = _ps.Run("Show-Heatmap -Top 2 -All");
            Assert.Contains("AmbiguousParameterSet", Assert.Single(both.Errors).FullyQualifiedErrorId);
            Assert.Contains("Others (5 nodes)", _ps.ShowPlain("Show-Heatmap -Top 2"));
        }

        [Fact]
        public void Thresholds_take_milliseconds_or_TimeSpans_and_imply_the_absolute_scale()
        {
            HeatmapRow[] relative = _ps.RunClean("Show-Heatmap").Objects<HeatmapRow>();
            Assert.Equal(1.0, relative[0].Intensity);
            Assert.Equal("Relative", relative[0].Scale);

            HeatmapRow[] absolute = _ps.RunClean("Show-Heatmap -GoodBelow ([TimeSpan]::FromMilliseconds(50)) -BadAbove 500").Objects<HeatmapRow>();
            Assert.All(absolute, r => Assert.Equal("Absolute", r.Scale));
            Assert.All(absolute, r => Assert.Equal(0, r.Intensity));   // 14 ms at most: nothing is red

            HeatmapRow[] defaults = _ps.RunClean("Show-Heatmap -Scale Absolute").Objects<HeatmapRow>();
            Assert.All(defaults, r => Assert.Equal(0, r.Intensity));   // default: green up to 1 s
            HeatmapRow[] low = _ps.RunClean("Show-Heatmap -GoodBelow 4 -BadAbove '00:00:00.0120'").Objects<HeatmapRow>();
            Assert.Equal(new[] { 1.0, 1.0, 0.75, 0.5, 0.25 }, low.Where(r => !r.IsOthers).Select(r => r.Intensity));
        }

        [Fact]
        public void Unusable_thresholds_stop_the_command_with_a_stable_id()
        {
            var e = (ErrorRecord)_ps.Run("try { Show-Heatmap -GoodBelow 500 -BadAbove 100; 'not reached' } catch { $_ }").Single();
            Assert.StartsWith("ShowHeatmapInvalidThreshold,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
            Assert.Contains("GoodBelow", e.Exception.Message);
        }

        [Fact]
        public void With_Host_rendering_colour_follows_the_hosts_virtual_terminal_support()
        {
            // The rule Windows PowerShell 5.1 (no $PSStyle) also follows: a host without VT support gets plain text with words.
            // A hosted runspace's default host has no UI, so no virtual-terminal support.
            using var legacy = new PsSession(width: 100);
            legacy.RunClean("Start-WorkflowProfile w; Add-NodeTiming a 10; Add-NodeTiming b 5; $null = Complete-WorkflowProfile");
            const string draw = " | ForEach-Object { [Profiler.PS.HeatmapView]::Format($_, $Host, $PSStyle) }";
            string[] lines = legacy.RunClean("$PSStyle.OutputRendering = 'Host'; Show-Heatmap" + draw).Objects<string>();
            Assert.All(lines, l => Assert.DoesNotContain("\u001b", l, StringComparison.Ordinal));
            Assert.Contains("hot", lines[0]);
            lines = legacy.RunClean("$PSStyle.OutputRendering = 'Ansi'; Show-Heatmap" + draw).Objects<string>();
            Assert.All(lines, l => Assert.Contains("\u001b[38;2;", l, StringComparison.Ordinal));
            lines = legacy.RunClean("Show-Heatmap | ForEach-Object { [Profiler.PS.HeatmapView]::Format($_, $Host, $null) }").Objects<string>();
            Assert.All(lines, l => Assert.DoesNotContain("\u001b", l, StringComparison.Ordinal));   // Windows PowerShell: no $PSStyle, plain text
        }
    }
}
