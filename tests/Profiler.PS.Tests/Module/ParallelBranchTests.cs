using System;
using System.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Branches in ForEach-Object -Parallel record into one run passed with $using:, without losing a sample.</summary>
    public class ParallelBranchTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();

        public void Dispose() => _ps.Dispose();

        [Fact]
        [Trait("Category", "Slow")]   // skipped by build.ps1 -Task Test -Fast; CI runs it
        public void Four_parallel_branches_of_ten_thousand_measured_nodes_keep_exact_counts()
        {
            _ps.Runspace.SessionStateProxy.SetVariable("manifest", PsSession.ManifestPath);
            PsResult r = _ps.RunClean(@"
                $run = Start-WorkflowProfile -WorkflowId par -PassThru
                1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                    Import-Module $using:manifest
                    $r = $using:run
                    $lane = $_
                    Measure-WorkflowNode ""branch$lane"" -Run $r {
                        foreach ($i in 1..10000) { Measure-WorkflowNode ""step$lane"" -Run $r { } }
                    }
                }
                Get-NodeTiming -WorkflowId par");
            NodeTiming[] timings = r.Objects<NodeTiming>();
            Assert.Equal(40_004, timings.Length);
            Assert.Equal(Enumerable.Range(1, 40_004).Select(i => (long)i), timings.Select(t => t.Sequence).OrderBy(s => s));
            for (int lane = 1; lane <= 4; lane++)
            {
                NodeTiming branch = Assert.Single(timings, t => t.NodeId == "branch" + lane);
                NodeTiming[] steps = timings.Where(t => t.NodeId == "step" + lane).ToArray();
                Assert.Equal(10_000, steps.Length);
                Assert.All(steps, s => Assert.Equal("branch" + lane, s.ParentId));
                Assert.All(steps, s => Assert.Equal(branch.Sequence, s.ParentSequence));
                Assert.All(steps, s => Assert.Equal(branch.Lane, s.Lane));   // a branch runs on one thread
                Assert.Null(branch.ParentId);   // parallel branches are not children of anything in the caller's runspace
                Assert.Equal(branch.Duration, branch.SelfDuration + steps.Sum(s => s.Duration), 6);
            }

            var profile = (WorkflowPerformanceProfile)_ps.RunClean("Complete-WorkflowProfile -WorkflowId par").Single();
            Assert.Equal(8, profile.NodeData.Length);
            Assert.All(profile.NodeData.Where(n => n.NodeId.StartsWith("step")), n => Assert.Equal(10_000, n.ExecutionCount));
            WorkflowRunSummary run = Assert.Single(profile.Runs);
            Assert.Equal(40_004, run.ExecutionCount);
            Assert.InRange(run.LaneCount, 1, 4);
            double branches = timings.Where(t => t.ParentId == null).Sum(t => t.Duration);
            Assert.Equal(branches, run.NodeTimeSum, 6);
            Assert.True(run.CriticalPath <= run.WallTime + 1e-6, $"critical path {run.CriticalPath} > wall {run.WallTime}");
            Assert.True(run.CriticalPath <= run.NodeTimeSum + 1e-6);
            Assert.Subset(new[] { "branch1", "branch2", "branch3", "branch4" }.ToHashSet(), run.CriticalPathNodes.ToHashSet());
        }
    }
}
