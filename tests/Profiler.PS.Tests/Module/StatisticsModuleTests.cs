using System;
using System.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>The robust statistics as a user sees them: properties to filter on and columns in the default view.</summary>
    public class StatisticsModuleTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession(width: 120);

        public StatisticsModuleTests() => _ps.RunClean(@"
            foreach ($ms in 900, 100, 102, 98, 100, 400) {
                Start-WorkflowProfile s; Add-NodeTiming warm $ms; Add-NodeTiming steady 50; $null = Complete-WorkflowProfile
            }");

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Statistics_carry_median_p95_outliers_cold_start_and_all_time_values()
        {
            var warm = (NodePerformanceData)_ps.RunClean("Get-NodeStatistics warm").Single();
            Assert.Equal(101, warm.MedianDuration);
            Assert.Equal(new[] { true, false, false, false, false, true }, warm.Outliers);
            Assert.True(warm.IsFirstRunSlow);
            Assert.Equal(1700 / 6.0, warm.AllTimeAvgDuration.Value, 9);
            Assert.Equal(900, warm.AllTimeMaxDuration);
            string[] cold = _ps.RunClean("Get-NodeStatistics | Where-Object IsFirstRunSlow | ForEach-Object NodeId").Output.Select(o => o.ToString()).ToArray();
            Assert.Equal(new[] { "warm" }, cold);
            Assert.Empty(_ps.RunClean("Get-NodeStatistics steady | Where-Object OutlierCount -gt 0").Output);
        }

        [Fact]
        public void The_default_view_shows_median_and_p95()
        {
            string text = _ps.ShowPlain("Get-NodeStatistics");
            Assert.Contains("Median(ms)", text);
            Assert.Contains("P95(ms)", text);
            Assert.Contains("101.0", text);
        }
    }
}
