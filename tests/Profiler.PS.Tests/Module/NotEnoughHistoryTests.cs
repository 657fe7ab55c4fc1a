using System;
using System.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// A query that has too little history to answer writes no object and a warning (shown without -Verbose) that says
    /// how much history there is, how much is needed and what to do; a script piping the result still gets nothing.
    /// </summary>
    public class NotEnoughHistoryTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();

        public void Dispose() => _ps.Dispose();

        private void Runs(string id, int count)
            => _ps.RunClean($"foreach ($i in 1..{count}) {{ $null = Start-WorkflowProfile -WorkflowId {id}; Add-NodeTiming -NodeId a -Duration 100; Add-NodeTiming -NodeId b -Duration 50; $null = Complete-WorkflowProfile }}");

        [Theory]
        [InlineData(1, "workflow 'w' has 1 completed run; recommendations need at least 5: complete 4 more runs, then run Get-WorkflowRecommendation again")]
        [InlineData(4, "workflow 'w' has 4 completed runs; recommendations need at least 5: complete 1 more run, then run Get-WorkflowRecommendation again")]
        public void Get_WorkflowRecommendation_with_too_few_runs_warns_how_many_and_writes_nothing(int runs, string expected)
        {
            Runs("w", runs);
            PsResult r = _ps.RunClean("Get-WorkflowRecommendation -WorkflowId w");
            Assert.Empty(r.Output);
            Assert.Equal("Nothing to recommend yet: " + expected + " (Get-NodeStatistics and Compare-WorkflowRun work from the first run).", Assert.Single(r.Warnings));
            // Piped on, the result is still nothing.
            Assert.Equal(0, (int)_ps.RunClean("@(Get-WorkflowRecommendation -WorkflowId w -WarningAction SilentlyContinue).Count").Single());
        }

        [Fact]
        public void Get_WorkflowRecommendation_with_enough_runs_does_not_warn()
        {
            Runs("w", 5);
            PsResult r = _ps.RunClean("Get-WorkflowRecommendation -WorkflowId w");
            Assert.Empty(r.Warnings);
        }

        [Theory]
        [InlineData("Get-WorkflowRecommendation", "Nothing to recommend yet: workflow 'w' has 0 completed runs; recommendations need at least 5: complete 5 more runs")]
        [InlineData("Get-Bottleneck", "Workflow 'w' has no completed run to rank yet: record timings and call Complete-WorkflowProfile first (Get-NodeTiming shows the run in flight).")]
        [InlineData("Get-NodeStatistics", "Workflow 'w' has no completed run to summarise yet: record timings and call Complete-WorkflowProfile first (Get-NodeTiming shows the run in flight).")]
        [InlineData("Show-Heatmap", "Workflow 'w' has no completed run to draw yet: record timings and call Complete-WorkflowProfile first (Get-NodeTiming shows the run in flight).")]
        public void Queries_of_a_workflow_with_only_a_run_in_flight_warn_instead_of_writing_nothing(string command, string warning)
        {
            _ps.RunClean("Start-WorkflowProfile -WorkflowId w; Add-NodeTiming -NodeId a -Duration 100");
            PsResult r = _ps.RunClean(command + " -WorkflowId w");
            Assert.Empty(r.Output);
            Assert.StartsWith(warning, Assert.Single(r.Warnings));
        }

        [Theory]
        [InlineData("Get-WorkflowRecommendation")]
        [InlineData("Get-Bottleneck")]
        [InlineData("Get-NodeStatistics")]
        public void An_empty_default_workflow_gets_the_default_rule_warning_only(string command)
        {
            Runs("old", 2);
            _ps.RunClean("Start-WorkflowProfile -WorkflowId new");
            PsResult r = _ps.RunClean(command);
            Assert.Empty(r.Output);
            Assert.StartsWith("Workflow 'new' (the default, the most recently started workflow) has no completed run yet, but 'old' has", Assert.Single(r.Warnings));
        }
    }
}
