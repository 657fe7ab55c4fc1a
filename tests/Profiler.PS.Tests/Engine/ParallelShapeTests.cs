using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Parallel branches in one run: exact counts under contention, lanes, and wall time vs node time vs critical path.</summary>
    public class ParallelShapeTests
    {
        [Fact]
        public void Four_branches_of_ten_thousand_nested_executions_lose_nothing()
        {
            var session = new ProfilerSession();
            WorkflowRun run = session.StartRun("par");
            const int Branches = 4, PerBranch = 10_000;
            using var start = new Barrier(Branches);
            var threads = Enumerable.Range(0, Branches).Select(b => new Thread(() =>
            {
                var stack = new NodeScopeStack();   // one per thread, as one per runspace in the module
                start.SignalAndWait();
                for (int i = 0; i < PerBranch; i++)
                {
                    NodeScope branch = stack.Begin(run, "branch" + b);
                    stack.End(stack.Begin(run, "child" + b), NodeStatus.Succeeded);
                    stack.End(branch, NodeStatus.Succeeded);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            NodeTiming[] timings = run.GetTimings();
            Assert.Equal(Branches * PerBranch * 2, timings.Length);
            Assert.Equal(Enumerable.Range(1, timings.Length).Select(i => (long)i), timings.Select(t => t.Sequence));
            for (int b = 0; b < Branches; b++)
            {
                NodeTiming[] mine = timings.Where(t => t.NodeId == "branch" + b).ToArray();
                NodeTiming[] children = timings.Where(t => t.NodeId == "child" + b).ToArray();
                Assert.Equal(PerBranch, mine.Length);
                Assert.Equal(PerBranch, children.Length);
                Assert.Single(mine.Concat(children).Select(t => t.Lane).Distinct());
                Assert.All(children, c => Assert.Equal("branch" + b, c.ParentId));
                var parents = new HashSet<long>(mine.Select(t => t.Sequence));
                Assert.All(children, c => Assert.Contains(c.ParentSequence, parents));
            }
            Assert.Equal(new[] { 1, 2, 3, 4 }, timings.Select(t => t.Lane).Distinct().OrderBy(l => l));

            RunCompletion done = run.Complete();
            Assert.All(done.Profile.NodeData, n => Assert.Equal(PerBranch, n.ExecutionCount));
            Assert.Equal(Branches * PerBranch * 2L, done.Run.ExecutionCount);
            Assert.Equal(4, done.Run.LaneCount);
            double topLevel = timings.Where(t => t.ParentId == null).Sum(t => t.Duration);
            Assert.Equal(topLevel, done.Run.NodeTimeSum, 6);
            Assert.True(done.Run.CriticalPath <= done.Run.WallTime + 1e-6);
            Assert.True(done.Run.CriticalPath <= done.Run.NodeTimeSum + 1e-6);
        }

        [Fact]
        public void Overlapping_lanes_add_up_in_node_time_but_not_in_the_critical_path()
        {
            var clock = new ManualClock();
            var session = new ProfilerSession(clock);
            WorkflowRun run = session.StartRun("lanes");
            clock.Advance(100);
            // Two threads each report a 100 ms branch that just ended: they overlap completely.
            foreach (string id in new[] { "left", "right" })
            {
                var thread = new Thread(() => new NodeScopeStack().Record(run, id, 100));
                thread.Start();
                thread.Join();
            }
            clock.Advance(50);
            run.Record("tail", 50);
            WorkflowRunSummary s = run.Complete().Run;
            Assert.Equal(150.0, s.WallTime);
            Assert.Equal(250.0, s.NodeTimeSum);
            Assert.Equal(150.0, s.CriticalPath);
            Assert.Equal(2, s.CriticalPathNodes.Length);
            Assert.Equal("tail", s.CriticalPathNodes[1]);
            Assert.Equal(3, s.LaneCount);
        }

        [Fact]
        public void The_critical_path_is_the_longest_chain_of_intervals_that_do_not_overlap()
        {
            // A [0,100], B [50,140], C [100,200], D [150,420]: A then D (370) beats B then D (360) and A then C (200).
            double total = CriticalPath.Longest(new[] { 0.0, 50, 100, 150 }, new[] { 100.0, 140, 200, 420 }, out int[] chain);
            Assert.Equal(370.0, total);
            Assert.Equal(new[] { 0, 3 }, chain);
            Assert.Equal(100.0, CriticalPath.Longest(new[] { 0.0, 0, 0, 0 }, new[] { 100.0, 100, 100, 100 }, out chain));
            Assert.Single(chain);
            Assert.Equal(300.0, CriticalPath.Longest(new[] { 200.0, 0, 100 }, new[] { 300.0, 100, 200 }, out chain));
            Assert.Equal(new[] { 1, 2, 0 }, chain);
            Assert.Equal(0.0, CriticalPath.Longest(new double[0], new double[0], out chain));
            Assert.Empty(chain);
        }
    }
}
