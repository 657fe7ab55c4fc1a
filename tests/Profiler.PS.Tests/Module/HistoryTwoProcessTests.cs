using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// Two processes append to one workflow's history at the same time: a child pwsh (the tool from the manifest,
    /// running the built module) and this one (the engine directly). Every record must survive whole.
    /// </summary>
    public class HistoryTwoProcessTests
    {
        private const int Runs = 150;

        [SkippableFact]
        public void A_second_process_appending_at_the_same_time_corrupts_nothing()
        {
            Pwsh.Require();
            using var dir = new TempFolder();
            string file = HistoryFileName.PathIn(dir.Path, "shared");
            string script = $"Import-Module '{PsSession.ManifestPath.Replace("'", "''")}' -ErrorAction Stop; foreach ($i in 1..{Runs}) {{ Start-WorkflowProfile shared -HistoryPath '{dir.Path.Replace("'", "''")}'; Add-NodeTiming child $i -NodeLabel ('c' * 300); $null = Complete-WorkflowProfile }}";
            using Process child = Pwsh.Start(script);
            var stderr = child.StandardError.ReadToEndAsync();
            var stdout = child.StandardOutput.ReadToEndAsync();

            DateTime deadline = DateTime.UtcNow.AddSeconds(60);
            while (!(File.Exists(file) && File.ReadAllText(file).Contains("\"child\"")) && !child.HasExited && DateTime.UtcNow < deadline)
                Thread.Sleep(50);   // start appending once the child is appending too
            var session = new ProfilerSession();
            for (int i = 1; i <= Runs; i++)
            {
                WorkflowRun run = session.StartRun("shared", new WorkflowSettings { HistoryPath = dir.Path }, false, out _, out _);
                run.Record("parent", i, null, new string('p', 300));
                Assert.Null(run.Complete().HistoryError);
            }
            Assert.True(child.WaitForExit(120_000), "the child process did not finish");
            Assert.True(child.ExitCode == 0, "child failed: " + stderr.Result + stdout.Result);

            string[] lines = File.ReadAllLines(file);
            Assert.Equal(2 * Runs, lines.Length);
            var loaded = new ProfilerSession();
            loaded.StartRun("shared", new WorkflowSettings { HistoryPath = dir.Path }, false, out _, out string[] warnings);
            Assert.Empty(warnings);
            NodePerformanceData[] nodes = loaded.GetWorkflow("shared").GetNodeStatistics();
            Assert.Equal(Runs, nodes.Single(n => n.NodeId == "child").RunCount);
            Assert.Equal(Runs, nodes.Single(n => n.NodeId == "parent").RunCount);
            Assert.Equal(Enumerable.Range(1, Runs).Sum(), nodes.Single(n => n.NodeId == "child").AllTimeAvgDuration.Value * Runs, 6);
        }
    }
}
