using System;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    public class PipelineBindingTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();

        public PipelineBindingTests() => _ps.RunClean("Start-WorkflowProfile bind");

        public void Dispose() => _ps.Dispose();

        private NodeTiming[] Timings() => _ps.RunClean("Get-NodeTiming").Objects<NodeTiming>();

        [Fact]
        public void A_TimeSpan_binds_by_value()
        {
            _ps.RunClean("[TimeSpan]::FromMilliseconds(30.5) | Add-NodeTiming -NodeId compile");
            NodeTiming t = Assert.Single(Timings());
            Assert.Equal("compile", t.NodeId);
            Assert.Equal(30.5, t.Duration);
        }

        [Fact]
        public void A_TimeSpan_and_text_bind_to_the_Duration_parameter()
        {
            _ps.RunClean("Add-NodeTiming a ([TimeSpan]::FromSeconds(2)); Add-NodeTiming b '00:00:01.5'; Add-NodeTiming c '250.5'");
            Assert.Equal(new[] { 2000.0, 1500.0, 250.5 }, Timings().Select(t => t.Duration));
        }

        [Fact]
        public void A_number_binds_by_value_as_milliseconds()
        {
            _ps.RunClean("2500 | Add-NodeTiming -NodeId n");
            Assert.Equal(2500, Assert.Single(Timings()).Duration);
        }

        [Fact]
        public void Csv_rows_bind_by_property_name()
        {
            // What Import-Csv produces: every value a string.
            _ps.RunClean(@"
                @(
                    [pscustomobject]@{ NodeId = 'restore'; Duration = '2500'; NodeType = 'dotnet'; NodeLabel = 'Restore packages' }
                    [pscustomobject]@{ NodeId = 'compile'; Duration = '812.25'; NodeType = 'dotnet'; NodeLabel = 'Compile' }
                ) | Add-NodeTiming");
            NodeTiming[] t = Timings();
            Assert.Equal(new[] { "restore", "compile" }, t.Select(x => x.NodeId));
            Assert.Equal(new[] { 2500.0, 812.25 }, t.Select(x => x.Duration));
            Assert.Equal(new[] { "dotnet", "dotnet" }, t.Select(x => x.NodeType));
            Assert.Equal(new[] { "Restore packages", "Compile" }, t.Select(x => x.NodeLabel));
        }

        [Fact]
        public void NodeTiming_objects_pipe_back_in()
        {
            _ps.RunClean("Add-NodeTiming a 5 -NodeType t; Start-WorkflowProfile copy; Get-NodeTiming -WorkflowId bind | Add-NodeTiming -WorkflowId copy");
            NodeTiming copied = (NodeTiming)_ps.RunClean("Get-NodeTiming -WorkflowId copy").Single();
            Assert.Equal("a", copied.NodeId);
            Assert.Equal(5, copied.Duration);
        }

        [Fact]
        public void PassThru_writes_the_recorded_timing()
        {
            var t = (NodeTiming)_ps.RunClean("Add-NodeTiming a 7 -PassThru").Single();
            Assert.Equal(7, t.Duration);
            Assert.Equal("bind", t.WorkflowId);
            Assert.Equal(1, t.Sequence);
        }

        [Fact]
        public void TotalDuration_takes_a_TimeSpan()
        {
            var p = (WorkflowPerformanceProfile)_ps.RunClean("Add-NodeTiming a 1; Complete-WorkflowProfile -TotalDuration ([TimeSpan]::FromSeconds(5))").Single();
            Assert.Equal(5000, p.TotalDuration);
        }

        [Fact]
        public void A_piped_run_is_the_run_to_record_into()
        {
            _ps.RunClean("$other = Start-WorkflowProfile other -PassThru; $other | Add-NodeTiming viaRun 4; Start-WorkflowProfile third");
            PsResult r = _ps.RunClean("Get-NodeTiming -WorkflowId other | ForEach-Object { $_.NodeId + '=' + $_.Duration }");
            Assert.Equal(new[] { "viaRun=4" }, r.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void A_piped_row_without_a_duration_is_a_non_terminating_error_and_the_next_rows_are_kept()
        {
            PsResult r = _ps.Run("@([pscustomobject]@{ NodeId = 'none' }, [pscustomobject]@{ NodeId = 'ok'; Duration = 1 }) | Add-NodeTiming");
            Assert.Null(r.Terminating);
            Assert.Equal("AddNodeTimingMissingDuration,Profiler.PS.Commands.AddNodeTimingCommand", Assert.Single(r.Errors).FullyQualifiedErrorId);
            Assert.Equal(new[] { "ok" }, Timings().Select(t => t.NodeId));
        }

        [Fact]
        public void A_piped_row_without_a_NodeId_is_a_non_terminating_error_and_the_next_rows_are_kept()
        {
            PsResult r = _ps.Run("@([pscustomobject]@{ Duration = 5 }, [pscustomobject]@{ NodeId = 'ok'; Duration = 1 }) | Add-NodeTiming");
            Assert.Null(r.Terminating);
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.Equal("AddNodeTimingMissingNodeId,Profiler.PS.Commands.AddNodeTimingCommand", e.FullyQualifiedErrorId);
            Assert.Contains("-NodeId", e.Exception.Message);
            Assert.Equal(new[] { "ok" }, Timings().Select(t => t.NodeId));
        }

        [Fact]
        public void A_rows_Status_and_WorkflowId_columns_are_read_and_a_bad_Status_is_that_rows_error()
        {
            PsResult r = _ps.Run(@"
                Start-WorkflowProfile other
                @(
                    [pscustomobject]@{ NodeId = 'a'; Duration = 1; Status = 'failed'; WorkflowId = 'bind' }
                    [pscustomobject]@{ NodeId = 'b'; Duration = 2; Status = 'Crashed'; WorkflowId = 'bind' }
                    [pscustomobject]@{ NodeId = 'c'; Duration = 3; Status = 'Stopped' }
                ) | Add-NodeTiming");
            ErrorRecord e = Assert.Single(r.Errors);
            Assert.StartsWith("AddNodeTimingInvalidStatus,", e.FullyQualifiedErrorId);
            Assert.Contains("Succeeded, Failed or Stopped", e.Exception.Message);
            NodeTiming a = Assert.Single(_ps.RunClean("Get-NodeTiming -WorkflowId bind").Objects<NodeTiming>());
            Assert.Equal(("a", NodeStatus.Failed), (a.NodeId, a.StatusValue));
            NodeTiming c = Assert.Single(_ps.RunClean("Get-NodeTiming -WorkflowId other").Objects<NodeTiming>());
            Assert.Equal(("c", NodeStatus.Stopped), (c.NodeId, c.StatusValue));
        }

        [Fact]
        public void Parameters_given_on_the_command_line_win_over_a_rows_properties()
        {
            _ps.RunClean("[pscustomobject]@{ NodeId = 'row'; Duration = 1; NodeType = 'csv'; NodeLabel = 'From row' } | Add-NodeTiming -Duration 9 -NodeLabel 'Given'");
            NodeTiming t = Assert.Single(Timings());
            Assert.Equal(("row", 9.0, "csv", "Given"), (t.NodeId, t.Duration, t.NodeType, t.NodeLabel));
        }

        [Fact]
        public void Each_row_gives_its_own_columns_and_a_missing_column_is_not_carried_over_from_the_row_before()
        {
            _ps.RunClean("@([pscustomobject]@{ NodeId = 'a'; Duration = 1; NodeLabel = 'Alpha' }, [pscustomobject]@{ NodeId = 'b'; Duration = 2 }) | Add-NodeTiming");
            Assert.Equal(new[] { "Alpha", "b" }, Timings().Select(t => t.NodeLabel));
        }
    }
}
