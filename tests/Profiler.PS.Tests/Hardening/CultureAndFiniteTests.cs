using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Hardening
{
    /// <summary>Issue 13, fault 6 (culture-proof durations) and fault 4 (finite numbers only).</summary>
    public class CultureAndFiniteTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        private double Recorded(string culture, string text)
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                _ps.RunClean($"[System.Threading.Thread]::CurrentThread.CurrentCulture = '{culture}'; Start-WorkflowProfile c -Force; Add-NodeTiming n '{text}'");
                return ((NodeTiming)_ps.RunClean("Get-NodeTiming n").Output.Last().BaseObject).Duration;
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        [Theory]
        [InlineData("1.500", 1.5)]
        [InlineData("2500", 2500)]
        [InlineData("00:00:02.5", 2500)]
        [InlineData("1e3", 1000)]
        public void Duration_text_means_the_same_under_every_culture(string text, double expected)
        {
            Assert.Equal(expected, Recorded("en-US", text));
            Assert.Equal(expected, Recorded("de-DE", text));
        }

        [Theory]
        [InlineData("1,500")]
        [InlineData("2,5")]
        [InlineData("00:00:02,5")]
        public void Ambiguous_duration_text_is_a_clear_error_naming_the_value_and_the_forms(string text)
        {
            PsResult r = _ps.Run($"Start-WorkflowProfile c -Force; Add-NodeTiming n '{text}'");
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Contains($"'{text}' is not a duration", e.Exception.Message);
            Assert.Contains("'.' as the decimal point", e.Exception.Message);
            Assert.Contains("TimeSpan", e.Exception.Message);
        }

        [Fact]
        public void A_record_that_would_overflow_a_total_is_refused_and_everything_stays_exportable()
        {
            string dir = _dir.Path.Replace("'", "''");
            PsResult r = _ps.Run($"Start-WorkflowProfile big -HistoryPath '{dir}'; Add-NodeTiming a 1e308; Add-NodeTiming a 9e14; Add-NodeTiming a 9e14; Add-NodeTiming b 5");
            Assert.Equal(new[] { "AddNodeTimingInvalidDuration", "AddNodeTimingInvalidDuration" }, r.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Contains("longest duration", r.Errors[0].Exception.Message);
            Assert.Contains("would pass the largest total", r.Errors[1].Exception.Message);
            PsResult done = _ps.RunClean("$p = Complete-WorkflowProfile; $p.RunCount");
            Assert.Equal(1, done.Single());
            Assert.Single(File.ReadAllLines(Path.Combine(_dir.Path, "big.jsonl")));
            foreach (string format in new[] { "Json", "Csv", "SamplesCsv", "ChromeTrace", "Speedscope", "Markdown" })
                _ps.RunClean($"Export-WorkflowProfile -Path '{dir}/out.{format}' -Format {format}");
            var node = (NodePerformanceData)_ps.RunClean("Get-NodeStatistics a").Single();
            Assert.Equal(9e14, node.AvgDuration);
            Assert.False(double.IsNaN(node.MedianDuration.Value) || double.IsNaN(node.P95Duration.Value));
        }

        [Fact]
        public void A_record_that_would_take_the_run_total_past_TimeSpan_MaxValue_is_refused_and_leaves_the_run_as_it_was()
        {
            PsResult r = _ps.Run("Start-WorkflowProfile big; Add-NodeTiming big 922337203685477; Add-NodeTiming big2 922337203685477; Get-NodeTiming");
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.StartsWith("AddNodeTimingInvalidDuration,", e.FullyQualifiedErrorId);
            Assert.Contains("would pass the largest run total", e.Exception.Message);
            Assert.Equal(new[] { "big" }, r.Objects<NodeTiming>().Select(t => t.NodeId));
            var run = (WorkflowRunSummary)_ps.RunClean("(Complete-WorkflowProfile).Runs[-1]").Single();
            Assert.Equal((TimeSpan.MaxValue.TotalMilliseconds, 1), (run.TotalDuration, run.NodeCount));
        }

        [Fact]
        public void A_total_duration_over_the_limit_is_refused()
        {
            PsResult r = _ps.Run("Start-WorkflowProfile t; Add-NodeTiming a 1; Complete-WorkflowProfile -TotalDuration 1e300");
            Assert.StartsWith("CompleteWorkflowProfileInvalidDuration,", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }
    }
}
