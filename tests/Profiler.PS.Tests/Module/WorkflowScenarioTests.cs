using System;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>The issue's walk-through, cmdlet by cmdlet, in a real runspace.</summary>
    public class WorkflowScenarioTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();

        public void Dispose() => _ps.Dispose();

        private void ThreeRuns(string workflow = "build")
        {
            _ps.RunClean($@"
                foreach ($i in 1..3) {{
                    Start-WorkflowProfile -WorkflowId {workflow} -WorkflowName 'Nightly build'
                    Add-NodeTiming -NodeId restore -Duration 1000 -NodeType dotnet -NodeLabel 'Restore packages'
                    Add-NodeTiming -NodeId compile -Duration 3000 -NodeType dotnet
                    Add-NodeTiming -NodeId test -Duration 2000
                    $null = Complete-WorkflowProfile -TotalDuration 6000
                }}");
        }

        [Fact]
        public void Start_record_complete_and_query()
        {
            ThreeRuns();
            WorkflowPerformanceProfile profile = (WorkflowPerformanceProfile)_ps.RunClean("Get-WorkflowProfile").Single();
            Assert.Equal("build", profile.WorkflowId);
            Assert.Equal("Nightly build", profile.WorkflowName);
            Assert.Equal(3, profile.RunCount);
            Assert.Equal(6000, profile.TotalDuration);
            Assert.Equal(new[] { "compile", "test", "restore" }, profile.Bottlenecks);

            NodePerformanceData[] slow = _ps.RunClean("Get-NodeStatistics | Where-Object AvgDuration -gt 1500").Objects<NodePerformanceData>();
            Assert.Equal(new[] { "compile", "test" }, slow.Select(n => n.NodeId));
            NodePerformanceData compile = (NodePerformanceData)_ps.RunClean("Get-NodeStatistics -NodeId comp*").Single();
            Assert.Equal(new[] { 3000.0, 3000.0, 3000.0 }, compile.Durations);
            Assert.Equal("compile", compile.NodeLabel);
            Assert.Equal("Restore packages", ((NodePerformanceData)_ps.RunClean("Get-NodeStatistics restore").Single()).NodeLabel);
        }

        [Fact]
        public void Start_with_PassThru_returns_the_run_and_complete_returns_the_profile()
        {
            WorkflowRun run = (WorkflowRun)_ps.RunClean("Start-WorkflowProfile deploy -PassThru").Single();
            Assert.Equal("deploy", run.WorkflowId);
            Assert.Equal(1, run.RunNumber);
            Assert.Empty(_ps.RunClean("Start-WorkflowProfile other").Output);
            var profile = (WorkflowPerformanceProfile)_ps.RunClean(
                "Add-NodeTiming -NodeId a -Duration 5 -WorkflowId deploy; Complete-WorkflowProfile -WorkflowId deploy").Single();
            Assert.Equal(1, profile.RunCount);
            Assert.Equal(WorkflowRunState.Completed, run.StateValue);
            Assert.True(profile.TotalDuration >= 0);
        }

        [Fact]
        public void Get_NodeTiming_lists_the_run_in_progress()
        {
            PsResult r = _ps.RunClean(@"
                Start-WorkflowProfile w
                Add-NodeTiming a 10 -NodeType t
                Add-NodeTiming b 20
                Add-NodeTiming a 5
                Get-NodeTiming");
            NodeTiming[] timings = r.Objects<NodeTiming>();
            Assert.Equal(new[] { "a", "b", "a" }, timings.Select(t => t.NodeId));
            Assert.Equal(new[] { 10.0, 20.0, 5.0 }, timings.Select(t => t.Duration));
            Assert.Equal(2, _ps.RunClean("Get-NodeTiming -NodeId a").Output.Count);
            Assert.Empty(_ps.RunClean("$null = Complete-WorkflowProfile; Get-NodeTiming").Output);
        }

        [Fact]
        public void Get_Bottleneck_returns_the_top_five_by_default_and_Top_n()
        {
            _ps.RunClean("Start-WorkflowProfile b; 1..7 | ForEach-Object { Add-NodeTiming -NodeId \"n$_\" -Duration ($_ * 10) }; $null = Complete-WorkflowProfile");
            BottleneckInfo[] top = _ps.RunClean("Get-Bottleneck").Objects<BottleneckInfo>();
            Assert.Equal(new[] { "n7", "n6", "n5", "n4", "n3" }, top.Select(b => b.NodeId));
            Assert.Equal(2, _ps.RunClean("Get-Bottleneck -Top 2").Output.Count);
            Assert.Equal(7, _ps.RunClean("Get-Bottleneck -Top 10").Output.Count);
        }

        [Fact]
        public void Several_workflows_in_flight_and_the_default_target()
        {
            PsResult r = _ps.RunClean(@"
                Start-WorkflowProfile first
                Start-WorkflowProfile second
                Add-NodeTiming -NodeId x -Duration 1
                Add-NodeTiming -NodeId y -Duration 2 -WorkflowId first
                $null = Complete-WorkflowProfile
                Add-NodeTiming -NodeId z -Duration 3
                $null = Complete-WorkflowProfile
                Get-WorkflowProfile");
            WorkflowPerformanceProfile[] all = r.Objects<WorkflowPerformanceProfile>();
            Assert.Equal(new[] { "first", "second" }, all.Select(p => p.WorkflowId));
            Assert.Equal(new[] { "y", "z" }, all[0].NodeData.Select(n => n.NodeId));
            Assert.Equal(new[] { "x" }, all[1].NodeData.Select(n => n.NodeId));
            Assert.Equal(new[] { "second" }, _ps.RunClean("Get-WorkflowProfile s*").Objects<WorkflowPerformanceProfile>().Select(p => p.WorkflowId));
            Assert.Equal("x", ((NodePerformanceData)_ps.RunClean("Get-NodeStatistics").Single()).NodeId);   // latest started: second
            Assert.Equal(3, _ps.RunClean("Get-NodeStatistics -WorkflowId *").Output.Count);
        }

        [Fact]
        public void The_bottleneck_callback_fires_once_with_node_id_and_duration()
        {
            PsResult r = _ps.RunClean(@"
                $sb = { param($NodeId, $Duration) ""slow: $NodeId took $Duration ms"" }
                foreach ($i in 1..3) { Start-WorkflowProfile cb -OnBottleneck $sb; Add-NodeTiming n 100; $null = Complete-WorkflowProfile }
                Start-WorkflowProfile cb
                Add-NodeTiming n 100
                Add-NodeTiming n 60
                Add-NodeTiming n 500
                $null = Complete-WorkflowProfile");
            Assert.Equal(new[] { "slow: n took 160 ms" }, r.Output.Select(o => o.ToString()));
            var profile = (WorkflowPerformanceProfile)_ps.RunClean("Get-WorkflowProfile cb").Single();
            Assert.Equal("n", Assert.Single(profile.Alerts).NodeId);
        }

        [Fact]
        public void Thresholds_and_minimum_samples_are_parameters()
        {
            PsResult r = _ps.RunClean(@"
                Start-WorkflowProfile f -RelativeThreshold 200 -MinimumSamples 1 -OnBottleneck { param($n, $d) ""$n $d"" }
                Add-NodeTiming n 100; $null = Complete-WorkflowProfile
                Start-WorkflowProfile f
                Add-NodeTiming n 250
                Add-NodeTiming n 100");
            Assert.Equal(new[] { "n 350" }, r.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void Window_size_is_set_per_workflow()
        {
            _ps.RunClean("foreach ($i in 1..5) { Start-WorkflowProfile w -WindowSize 3; Add-NodeTiming n $i; $null = Complete-WorkflowProfile }");
            var n = (NodePerformanceData)_ps.RunClean("Get-NodeStatistics").Single();
            Assert.Equal(new[] { 3.0, 4.0, 5.0 }, n.Durations);
            Assert.Equal(5, n.ExecutionCount);
        }

        [Fact]
        public void Clear_forgets_a_workflow_and_honours_WhatIf()
        {
            ThreeRuns("keep");
            ThreeRuns("drop");
            _ps.RunClean("Clear-WorkflowProfile -WorkflowId drop -WhatIf");
            Assert.Equal(2, _ps.RunClean("Get-WorkflowProfile").Output.Count);
            _ps.RunClean("Clear-WorkflowProfile -WorkflowId drop -Confirm:$false");
            Assert.Equal(new[] { "keep" }, _ps.RunClean("Get-WorkflowProfile").Objects<WorkflowPerformanceProfile>().Select(p => p.WorkflowId));
            _ps.RunClean("Get-WorkflowProfile | Clear-WorkflowProfile");
            Assert.Empty(_ps.RunClean("Get-WorkflowProfile").Output);
        }

        [Fact]
        public void Show_Heatmap_returns_row_objects_top_five_by_default()
        {
            _ps.RunClean("Start-WorkflowProfile h; 1..8 | ForEach-Object { Add-NodeTiming -NodeId \"n$_\" -Duration ($_ * 10) }; $null = Complete-WorkflowProfile");
            HeatmapRow[] rows = _ps.RunClean("Show-Heatmap -NoColor").Objects<HeatmapRow>();
            Assert.Equal(new[] { "n8", "n7", "n6", "n5", "n4", null }, rows.Select(r => r.NodeId));
            Assert.Equal("Others (3 nodes)", rows[5].NodeLabel);
            Assert.Equal(1.0, rows[0].Intensity);
            Assert.Equal(3, _ps.RunClean("Show-Heatmap -Top 3 | Where-Object { -not $_.IsOthers }").Output.Count);
            Assert.Equal(8, _ps.RunClean("Show-Heatmap -All").Output.Count);
        }

        [Fact]
        public void Show_Heatmap_warns_when_there_is_nothing_to_draw()
        {
            PsResult r = _ps.RunClean("Start-WorkflowProfile empty; Show-Heatmap");
            Assert.Empty(r.Output);
            Assert.Contains("no completed run", Assert.Single(r.Warnings));
        }

        [Fact]
        public void A_run_object_takes_timings_from_other_runspaces()
        {
            PsResult r = _ps.RunClean(@"
                $run = Start-WorkflowProfile par -PassThru
                $manifest = (Get-Module Profiler.PS).ModuleBase + '/Profiler.PS.psd1'
                1..4 | ForEach-Object -Parallel { Import-Module $using:manifest; $lane = $_; $r = $using:run; 1..250 | ForEach-Object { $r | Add-NodeTiming -NodeId ""lane$lane"" -Duration 1 } } -ThrottleLimit 4
                Complete-WorkflowProfile -WorkflowId par");
            var profile = (WorkflowPerformanceProfile)r.Single();
            Assert.Equal(4, profile.NodeData.Length);
            Assert.All(profile.NodeData, n => Assert.Equal(250, n.ExecutionCount));
        }
    }
}
