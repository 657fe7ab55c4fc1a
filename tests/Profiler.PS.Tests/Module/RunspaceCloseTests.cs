using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// A hosted runspace closed with a run still in flight (its script stopped at an error before Complete-WorkflowProfile)
    /// completes the run and appends it to its history: nothing recorded is lost.
    /// </summary>
    public class RunspaceCloseTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private string Dir => _dir.Path.Replace("'", "''");

        /// <summary>The workflow's history as a new session loads it.</summary>
        private WorkflowPerformanceProfile Saved(string workflowId)
        {
            using var reader = new PsSession();
            return (WorkflowPerformanceProfile)reader.RunClean($"Get-WorkflowProfile -HistoryPath '{Dir}' -WorkflowId {workflowId}").Single();
        }

        [Fact]
        public void Closing_the_runspace_completes_the_run_in_flight_and_writes_it_with_its_failed_step()
        {
            var ps = new PsSession();
            ps.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'; Measure-WorkflowNode restore {{ Start-Sleep -Milliseconds 20 }}");
            PsResult failed = ps.Run("Measure-WorkflowNode compile { throw 'compiler error' }; Complete-WorkflowProfile");
            Assert.Contains("compiler error", failed.Terminating?.Message);
            Assert.False(File.Exists(_dir.File("ci.jsonl")));
            ps.Runspace.Close();   // no host to warn: closing still completes and saves the run

            Assert.Single(File.ReadAllLines(_dir.File("ci.jsonl")));
            WorkflowPerformanceProfile saved = Saved("ci");
            WorkflowRunSummary run = Assert.Single(saved.Runs);
            Assert.Equal((1, 1L, 2), (run.RunNumber, run.FailedCount, run.NodeCount));
            Assert.Equal("Failed", saved.NodeData.Single(n => n.NodeId == "compile").LastStatus);
            Assert.True(saved.NodeData.Single(n => n.NodeId == "restore").LastDuration >= 20);
            ps.Dispose();
        }

        [Fact]
        public void A_step_still_running_when_the_runspace_closes_is_recorded_Stopped()
        {
            var ps = new PsSession();
            ps.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'; Add-NodeTiming restore 20");
            using PowerShell pipeline = PowerShell.Create(ps.Runspace);
            pipeline.AddScript("Measure-WorkflowNode test { Start-Sleep -Seconds 60 }");
            IAsyncResult running = pipeline.BeginInvoke();
            Thread.Sleep(500);
            ps.Runspace.Close();   // stops the pipeline, then completes the run
            Assert.True(running.IsCompleted);

            WorkflowPerformanceProfile saved = Saved("ci");
            WorkflowRunSummary run = Assert.Single(saved.Runs);
            Assert.Equal(1, run.FailedCount);
            Assert.Equal("Stopped", saved.NodeData.Single(n => n.NodeId == "test").LastStatus);
            Assert.Equal("Succeeded", saved.NodeData.Single(n => n.NodeId == "restore").LastStatus);
            ps.Dispose();
        }

        [Fact]
        public void A_completed_run_is_not_written_again_and_a_run_that_recorded_nothing_is_not_written()
        {
            var ps = new PsSession();
            ps.RunClean($"Start-WorkflowProfile ci -HistoryPath '{Dir}'; Add-NodeTiming build 10; $null = Complete-WorkflowProfile");
            ps.RunClean($"Start-WorkflowProfile empty -HistoryPath '{Dir}'; Start-WorkflowProfile ci");
            ps.Dispose();
            Assert.Single(File.ReadAllLines(_dir.File("ci.jsonl")));
            Assert.False(File.Exists(_dir.File("empty.jsonl")));
        }
    }
}
