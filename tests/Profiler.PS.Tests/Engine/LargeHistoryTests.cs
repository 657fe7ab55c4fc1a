using System;
using System.IO;
using System.Linq;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Persistence;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    [CollectionDefinition("Memory", DisableParallelization = true)]
    public class MemoryCollection { }

    /// <summary>
    /// A history of 10,000 runs of 100 nodes loads correctly into the window, and what stays in memory afterwards
    /// is the window, not the history (the file is about 85 MB). Timing is the benchmark suite's job, not this test's.
    /// </summary>
    [Collection("Memory")]
    public class LargeHistoryTests
    {
        private const int Runs = 10_000, Nodes = 100;

        private static double Duration(int run, int node) => 10 + node + (run % 7) * 0.5;

        [Fact]
        [Trait("Category", "Slow")]   // skipped by build.ps1 -Task Test -Fast; CI runs it
        public void Ten_thousand_runs_of_a_hundred_nodes_fold_into_the_window()
        {
            using var dir = new TempFolder();
            string file = HistoryFileName.PathIn(dir.Path, "big");
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
            {
                var nodes = new HistoryNode[Nodes];
                for (int r = 1; r <= Runs; r++)
                {
                    for (int k = 0; k < Nodes; k++)
                        nodes[k] = new HistoryNode { NodeId = "node-" + k.ToString("000"), NodeType = k % 2 == 0 ? "script" : null, Duration = Duration(r, k), Executions = 1 };
                    var record = new HistoryRecord
                    {
                        RunId = Guid.NewGuid(), StartTime = start.AddMinutes(r), EndTime = start.AddMinutes(r).AddSeconds(30),
                        TotalDuration = 1000 + r % 13, ExecutionCount = Nodes, Nodes = nodes,
                    };
                    writer.Write(record.ToLine("big"));
                }
            }
            Assert.True(new FileInfo(file).Length > 50_000_000);

            long before = GC.GetTotalMemory(forceFullCollection: true);
            var session = new ProfilerSession();
            WorkflowRun run = session.StartRun("big", new WorkflowSettings { HistoryPath = dir.Path }, false, out _, out string[] warnings);
            long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(session);

            Assert.Empty(warnings);
            Assert.Equal(Runs + 1, run.RunNumber);
            Assert.True(retained < 16_000_000, $"{retained:N0} bytes stayed in memory after loading");
            WorkflowPerformanceProfile p = session.GetWorkflow("big").GetProfile();
            Assert.Equal(Runs, p.RunCount);
            Assert.Equal(Enumerable.Range(Runs - 19, 20), p.Runs.Select(r => r.RunNumber));
            Assert.Equal(1000 + Runs % 13, p.TotalDuration);
            Assert.Equal(start.AddMinutes(Runs).AddSeconds(30), p.Timestamp);
            Assert.Equal(Nodes, p.NodeData.Length);
            for (int k = 0; k < Nodes; k++)
            {
                NodePerformanceData n = p.NodeData[k];
                Assert.Equal("node-" + k.ToString("000"), n.NodeId);
                Assert.Equal(Enumerable.Range(Runs - 19, 20), n.RunNumbers);
                Assert.Equal(Enumerable.Range(Runs - 19, 20).Select(r => Duration(r, k)), n.Durations);
                Assert.Equal(Runs, n.RunCount);
                Assert.Equal(Runs, n.ExecutionCount);
                Assert.Equal(Enumerable.Range(1, Runs).Average(r => Duration(r, k)), n.AllTimeAvgDuration.Value, 9);
                Assert.Equal(10 + k, n.AllTimeMinDuration);
                Assert.Equal(13 + k, n.AllTimeMaxDuration);
            }
            Assert.Equal(ComparisonVerdict.Same, p.Comparison.VerdictValue);
        }
    }
}
