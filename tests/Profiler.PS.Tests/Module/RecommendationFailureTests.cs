using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// Get-WorkflowRecommendation, the HTML report and the Markdown summary read node statuses recorded through the
    /// real cmdlets (Add-NodeTiming -Status, Measure-WorkflowNode throwing), and the issue's bad inputs.
    /// </summary>
    public class RecommendationFailureTests
    {
        /// <summary>Ten hand-timed runs of three steady steps; deploy fails in runs 3, 6 and 9.</summary>
        private const string FlakyDeploy = @"
foreach ($i in 1..10) {
    $null = Start-WorkflowProfile -WorkflowId ship
    Add-NodeTiming -NodeId restore -Duration (1000 + 4 * ($i % 3))
    Add-NodeTiming -NodeId compile -Duration (1100 + 5 * ($i % 4))
    $status = if ($i % 3 -eq 0) { 'Failed' } else { 'Succeeded' }
    Add-NodeTiming -NodeId deploy -Duration (900 + 3 * ($i % 5)) -Status $status
    $null = Complete-WorkflowProfile
}";

        private static void AssertFinite(WorkflowRecommendation[] found)
        {
            foreach (WorkflowRecommendation r in found)
            {
                Assert.DoesNotMatch("NaN|Infinity|∞", r.Evidence);
                Assert.True(double.IsFinite(r.EstimatedSaving) && r.EstimatedSaving >= 0, r.Evidence);
            }
        }

        [Fact]
        public void A_node_failing_with_Add_NodeTiming_Status_Failed_is_recommended_first_by_NodeId()
        {
            using var ps = new PsSession();
            ps.RunClean(FlakyDeploy);
            WorkflowRecommendation[] found = ps.RunClean("Get-WorkflowRecommendation ship").Objects<WorkflowRecommendation>();
            // Failing is first even though restore and compile are each a third of the critical path (saving > 0).
            WorkflowRecommendation first = found[0];
            Assert.Equal((1, RecommendationKind.Failing, "deploy"), (first.Rank, first.KindValue, first.NodeId));
            Assert.Equal("failed in 3 of its last 10 runs (30%)", first.Evidence);
            Assert.Single(found, r => r.KindValue == RecommendationKind.Failing);
            Assert.Contains(found, r => r.KindValue == RecommendationKind.CriticalPath && r.EstimatedSaving > 0);
            AssertFinite(found);
        }

        [Fact]
        public void A_node_whose_Measure_WorkflowNode_block_throws_is_recommended_first_by_NodeId()
        {
            using var ps = new PsSession();
            ps.RunClean(@"
foreach ($i in 1..6) {
    $null = Start-WorkflowProfile -WorkflowId flaky
    Add-NodeTiming -NodeId build -Duration 500
    try { Measure-WorkflowNode -NodeId deploy { if ($i % 3 -eq 0) { throw 'deploy failed' } } } catch { }
    $null = Complete-WorkflowProfile
}");
            WorkflowRecommendation[] found = ps.RunClean("Get-WorkflowRecommendation flaky").Objects<WorkflowRecommendation>();
            Assert.Equal((RecommendationKind.Failing, "deploy"), (found[0].KindValue, found[0].NodeId));
            Assert.Equal("failed in 2 of its last 6 runs (33%)", found[0].Evidence);
            Assert.DoesNotContain(found, r => r.KindValue == RecommendationKind.Failing && r.NodeId == null);
            AssertFinite(found);
        }

        [Fact]
        public void The_HTML_report_and_the_Markdown_summary_name_the_failing_node()
        {
            using var ps = new PsSession();
            using var folder = new TempFolder();
            ps.RunClean(FlakyDeploy);
            string html = folder.File("r.html").Replace("'", "''"), md = folder.File("s.md").Replace("'", "''");
            ps.RunClean($"Export-WorkflowReport -WorkflowId ship -Path '{html}'; Export-WorkflowProfile -WorkflowId ship -Format Markdown -Path '{md}'");
            Assert.Contains("<td>Failing</td><td>deploy</td>", System.IO.File.ReadAllText(folder.File("r.html")));
            Assert.Contains("| 1 | Failing | deploy | 0 | failed in 3 of its last 10 runs (30%) |", System.IO.File.ReadAllText(folder.File("s.md")));
        }

        [Fact]
        public void Only_failed_runs_name_every_failing_node_and_say_no_time_is_judged()
        {
            using var ps = new PsSession();
            PsResult r = ps.Run(@"
foreach ($i in 1..5) {
    $null = Start-WorkflowProfile -WorkflowId broken
    Add-NodeTiming -NodeId a -Duration 100 -Status Failed
    Add-NodeTiming -NodeId b -Duration 200 -Status Failed
    $null = Complete-WorkflowProfile
}
Get-WorkflowRecommendation broken -Verbose");
            Assert.Empty(r.Errors);
            WorkflowRecommendation[] found = r.Objects<WorkflowRecommendation>();
            Assert.Equal(new[] { ("a", "failed in 5 of its last 5 runs (100%)"), ("b", "failed in 5 of its last 5 runs (100%)") },
                found.Select(f => (f.NodeId, f.Evidence)));
            Assert.All(found, f => Assert.Equal(RecommendationKind.Failing, f.KindValue));
            Assert.Contains(r.Verbose, v => v.Contains("no node of workflow 'broken' has a successful run"));
        }

        [Theory]
        [InlineData("$null = Start-WorkflowProfile -WorkflowId w; Add-NodeTiming -NodeId a -Duration 5", "has 0 completed runs; recommendations need at least 5")]
        [InlineData("$null = Start-WorkflowProfile -WorkflowId w; Add-NodeTiming -NodeId a -Duration 5; $null = Complete-WorkflowProfile", "has 1 completed run; recommendations need at least 5: complete 4 more")]
        [InlineData("foreach ($i in 1..6) { $null = Start-WorkflowProfile -WorkflowId w; Add-NodeTiming -NodeId a -Duration 0; Add-NodeTiming -NodeId b -Duration 0; $null = Complete-WorkflowProfile }", "every duration recorded for workflow 'w' is 0 ms")]
        [InlineData("foreach ($i in 1..6) { $null = Start-WorkflowProfile -WorkflowId w; Add-NodeTiming -NodeId a -Duration (100 + $i % 2); $null = Complete-WorkflowProfile }", "the workflow has a single node")]
        public void Bad_input_writes_nothing_and_a_verbose_reason(string history, string reason)
        {
            using var ps = new PsSession();
            PsResult r = ps.Run(history + "\nGet-WorkflowRecommendation w -Verbose");
            Assert.Empty(r.Errors);
            Assert.Null(r.Terminating);
            Assert.Empty(r.Objects<WorkflowRecommendation>());
            Assert.Contains(r.Verbose, v => v.Contains(reason));
        }

        [Fact]
        public void A_single_node_that_doubles_is_a_regression_with_finite_evidence()
        {
            using var ps = new PsSession();
            PsResult r = ps.RunClean(@"
foreach ($i in 1..12) { $null = Start-WorkflowProfile -WorkflowId one; Add-NodeTiming -NodeId a -Duration ($(if ($i -ge 9) { 200 } else { 100 }) + $i % 2); $null = Complete-WorkflowProfile }
Get-WorkflowRecommendation one");
            WorkflowRecommendation[] found = r.Objects<WorkflowRecommendation>();
            Assert.Equal((RecommendationKind.Regression, "a", (int?)9), (found[0].KindValue, found[0].NodeId, found[0].SinceRun));
            AssertFinite(found);
        }

        [Fact]
        public void Failures_count_among_the_last_WindowSize_runs_the_node_took_part_in()
        {
            var clock = new ManualClock();
            var session = new ProfilerSession(clock);
            var settings = new WorkflowSettings { WindowSize = 5 };
            void Run(NodeStatus status)
            {
                WorkflowRun run = session.StartRun("w", settings, false, out _);
                clock.Advance(100);
                new NodeScopeStack().Record(run, "a", 100, status: status);
                new NodeScopeStack().Record(run, "b", 100);
                run.Complete();
            }
            Run(NodeStatus.Failed);
            Run(NodeStatus.Stopped);
            for (int i = 0; i < 6; i++) Run(NodeStatus.Succeeded);
            // Runs 1 and 2 rolled out of a's last 5 runs: nothing fails any more.
            var input = new RecommendationInput(session.GetWorkflow("w").GetProfile());
            Assert.Equal(new[] { 1, 2 }, input.FailedRuns["a"]);
            Assert.DoesNotContain(Recommender.Analyze(input, out _), r => r.KindValue == RecommendationKind.Failing);
            Run(NodeStatus.Stopped);
            WorkflowRecommendation first = Recommender.Analyze(new RecommendationInput(session.GetWorkflow("w").GetProfile()), out _)[0];
            // Run 9 stopped it, and no run in its window failed: the evidence says stopped.
            Assert.Equal((RecommendationKind.Failing, "a", "stopped in 1 of its last 5 runs (20%)"), (first.KindValue, first.NodeId, first.Evidence));
        }

        [Fact]
        public void An_unknown_workflow_is_a_stable_error()
        {
            using var ps = new PsSession();
            PsResult r = ps.Run("Get-WorkflowRecommendation nosuch");
            Assert.StartsWith("GetWorkflowRecommendationWorkflowNotFound,", Assert.Single(r.Errors).FullyQualifiedErrorId);
        }
    }
}
