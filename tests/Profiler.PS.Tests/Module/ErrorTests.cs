using System;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Bad input gets a stable ErrorId and category, and never loses what was recorded.</summary>
    public class ErrorTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();

        public void Dispose() => _ps.Dispose();

        private static void AssertError(ErrorRecord e, string id, ErrorCategory category)
        {
            Assert.StartsWith(id + ",", e.FullyQualifiedErrorId);
            Assert.Equal(category, e.CategoryInfo.Category);
        }

        private void OneCompletedRun() => _ps.RunClean("Start-WorkflowProfile e; Add-NodeTiming keep 10; $null = Complete-WorkflowProfile");

        private void AssertHistoryIntact()
        {
            var n = (NodePerformanceData)_ps.RunClean("Get-NodeStatistics -WorkflowId e").Single();
            Assert.Equal(new[] { 10.0 }, n.Durations);
        }

        [Fact]
        public void A_given_total_shorter_than_the_critical_path_is_kept_with_a_warning_naming_both()
        {
            PsResult r = _ps.Run("Start-WorkflowProfile t; Add-NodeTiming a 100; Add-NodeTiming b 200; (Complete-WorkflowProfile -TotalDuration 50).Runs[-1].TotalDuration");
            Assert.Equal(50.0, Convert.ToDouble(r.Output.Single().BaseObject));
            string warning = Assert.Single(r.Warnings);
            Assert.Contains("-TotalDuration 50 ms is shorter than run 1's critical path, 300 ms", warning);
            PsResult fine = _ps.Run("Start-WorkflowProfile t; Add-NodeTiming a 100; $null = Complete-WorkflowProfile -TotalDuration 150");
            Assert.Empty(fine.Warnings);
        }

        [Theory]
        [InlineData("-5")]
        [InlineData("[double]::NaN")]
        [InlineData("[double]::PositiveInfinity")]
        public void Bad_durations_are_non_terminating_and_the_other_records_land(string bad)
        {
            OneCompletedRun();
            PsResult r = _ps.Run($@"
                Start-WorkflowProfile e
                @([pscustomobject]@{{ NodeId = 'a'; Duration = 1 }}, [pscustomobject]@{{ NodeId = 'b'; Duration = {bad} }}, [pscustomobject]@{{ NodeId = 'c'; Duration = 3 }}) | Add-NodeTiming
                'after'");
            AssertError(Assert.Single(r.Errors), "AddNodeTimingInvalidDuration", ErrorCategory.InvalidArgument);
            Assert.Contains("TimeSpan", r.Errors[0].Exception.Message);
            Assert.Equal("after", r.Single());
            Assert.Equal(new[] { "a", "c" }, _ps.RunClean("Get-NodeTiming").Objects<NodeTiming>().Select(t => t.NodeId));
            AssertHistoryIntact();
        }

        [Theory]
        [InlineData("''")]
        [InlineData("'   '")]
        [InlineData("$null")]
        public void Empty_node_ids_are_non_terminating(string bad)
        {
            OneCompletedRun();
            PsResult r = _ps.Run($"Start-WorkflowProfile e; @([pscustomobject]@{{ NodeId = {bad}; Duration = 1 }}, [pscustomobject]@{{ NodeId = 'ok'; Duration = 2 }}) | Add-NodeTiming");
            AssertError(Assert.Single(r.Errors), "AddNodeTimingInvalidNodeId", ErrorCategory.InvalidArgument);
            Assert.Equal("ok", ((NodeTiming)_ps.RunClean("Get-NodeTiming").Single()).NodeId);
            AssertHistoryIntact();
        }

        [Fact]
        public void Recording_with_no_run_in_flight_is_terminating_and_says_to_start_one()
        {
            OneCompletedRun();
            PsResult r = _ps.Run("try { Add-NodeTiming x 5; 'not reached' } catch { $_ }");
            var e = (ErrorRecord)r.Single();
            AssertError(e, "AddNodeTimingNoRunInProgress", ErrorCategory.InvalidOperation);
            Assert.Contains("Start-WorkflowProfile", e.Exception.Message);
            AssertHistoryIntact();
        }

        [Fact]
        public void Completing_with_no_run_in_flight_is_terminating()
        {
            OneCompletedRun();
            var e = (ErrorRecord)_ps.Run("try { Complete-WorkflowProfile; 'not reached' } catch { $_ }").Single();
            AssertError(e, "CompleteWorkflowProfileNoRunInProgress", ErrorCategory.InvalidOperation);
            Assert.Contains("Start-WorkflowProfile", e.Exception.Message);
            AssertHistoryIntact();
        }

        [Fact]
        public void A_bad_total_duration_is_terminating_and_keeps_the_run()
        {
            OneCompletedRun();
            _ps.RunClean("Start-WorkflowProfile e; Add-NodeTiming keep 20");
            var e = (ErrorRecord)_ps.Run("try { Complete-WorkflowProfile -TotalDuration -1 } catch { $_ }").Single();
            AssertError(e, "CompleteWorkflowProfileInvalidDuration", ErrorCategory.InvalidArgument);
            Assert.Single(_ps.RunClean("Get-NodeTiming").Output);
            AssertHistoryIntact();
        }

        [Fact]
        public void Starting_a_run_in_flight_is_an_error_and_Force_abandons_it_with_a_warning()
        {
            OneCompletedRun();
            _ps.RunClean("Start-WorkflowProfile e; Add-NodeTiming pending 99");
            var e = (ErrorRecord)_ps.Run("try { Start-WorkflowProfile e; 'not reached' } catch { $_ }").Single();
            AssertError(e, "StartWorkflowProfileRunInProgress", ErrorCategory.InvalidOperation);
            Assert.Contains("-Force", e.Exception.Message);
            Assert.Single(_ps.RunClean("Get-NodeTiming").Output);

            PsResult r = _ps.RunClean("Start-WorkflowProfile e -Force");
            Assert.Contains("Abandoned run 2", Assert.Single(r.Warnings));
            Assert.Empty(_ps.RunClean("Get-NodeTiming").Output);
            AssertHistoryIntact();
        }

        [Fact]
        public void An_empty_run_warns_and_changes_no_history()
        {
            OneCompletedRun();
            PsResult r = _ps.RunClean("Start-WorkflowProfile e; Complete-WorkflowProfile");
            Assert.Contains("recorded no node timing", Assert.Single(r.Warnings));
            Assert.Equal(1, ((WorkflowPerformanceProfile)r.Single()).RunCount);
            AssertHistoryIntact();
        }

        [Theory]
        [InlineData("Get-NodeStatistics -WorkflowId nope", "GetNodeStatisticsWorkflowNotFound")]
        [InlineData("Get-Bottleneck -WorkflowId nope", "GetBottleneckWorkflowNotFound")]
        [InlineData("Get-WorkflowProfile -WorkflowId nope", "GetWorkflowProfileWorkflowNotFound")]
        [InlineData("Show-Heatmap -WorkflowId nope", "ShowHeatmapWorkflowNotFound")]
        [InlineData("Get-NodeTiming -WorkflowId nope", "GetNodeTimingWorkflowNotFound")]
        [InlineData("Clear-WorkflowProfile -WorkflowId nope", "ClearWorkflowProfileWorkflowNotFound")]
        [InlineData("Get-NodeStatistics -NodeId nope", "GetNodeStatisticsNodeNotFound")]
        public void Unknown_ids_are_ObjectNotFound(string command, string errorId)
        {
            OneCompletedRun();
            PsResult r = _ps.Run(command);
            Assert.Null(r.Terminating);
            AssertError(Assert.Single(r.Errors), errorId, ErrorCategory.ObjectNotFound);
            AssertHistoryIntact();
        }

        [Theory]
        [InlineData("Get-NodeStatistics -WorkflowId nope*")]
        [InlineData("Get-WorkflowProfile -WorkflowId nope*")]
        [InlineData("Get-NodeStatistics -NodeId nope*")]
        [InlineData("Clear-WorkflowProfile -WorkflowId nope*")]
        public void Wildcards_matching_nothing_return_nothing(string command)
        {
            OneCompletedRun();
            Assert.Empty(_ps.RunClean(command).Output);
        }

        [Theory]
        [InlineData("-WindowSize 0")]
        [InlineData("-RelativeThreshold -5")]
        [InlineData("-MinimumSamples 0")]
        public void Bad_settings_are_refused_and_change_nothing(string setting)
        {
            OneCompletedRun();
            var e = (ErrorRecord)_ps.Run($"try {{ Start-WorkflowProfile e {setting}; 'not reached' }} catch {{ $_ }}").Single();
            AssertError(e, "StartWorkflowProfileInvalidSetting", ErrorCategory.InvalidArgument);
            Assert.Empty(_ps.RunClean("Get-NodeTiming -WorkflowId e").Output);
            AssertHistoryIntact();
        }

        [Fact]
        public void A_failing_callback_is_reported_and_the_timing_is_kept()
        {
            PsResult r = _ps.Run(@"
                foreach ($i in 1..3) { Start-WorkflowProfile cb -OnBottleneck { throw 'callback broke' }; Add-NodeTiming n 10; $null = Complete-WorkflowProfile }
                Start-WorkflowProfile cb; Add-NodeTiming n 100");
            AssertError(Assert.Single(r.Errors), "AddNodeTimingCallbackFailed", ErrorCategory.NotSpecified);
            Assert.Equal(100, ((NodeTiming)_ps.RunClean("Get-NodeTiming").Single()).Duration);
        }
    }
}
