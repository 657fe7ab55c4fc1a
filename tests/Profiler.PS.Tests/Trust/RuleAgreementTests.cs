using System;
using System.Collections.Generic;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;
using Profiler.PS.Statistics;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// The invariant of issue 11 over thousands of generated histories: with default settings, an alert exists for
    /// node X in run N if and only if Compare-WorkflowRun -Run N calls X Slower, and every consumer of "slower than
    /// usual" (live -OnBottleneck alert, final alerts, heatmap "!", Get-Bottleneck, Complete's Comparison,
    /// IsFirstRunSlow) agrees with it.
    /// </summary>
    public class RuleAgreementTests
    {
        /// <summary>One generated history: a window size, node count and run count, durations drawn to hit every edge
        /// (constant baselines with MAD 0, zeros, spikes, noise, loops, failed and stopped executions, absent nodes).</summary>
        private static void RunHistory(int seed, Action<string> fail, int[] seen)
        {
            var rng = new Random(seed);
            var clock = new ManualClock();
            var session = new ProfilerSession(clock);
            int window = rng.Next(4) == 0 ? rng.Next(1, 6) : WorkflowSettings.DefaultWindowSize;
            int nodes = rng.Next(1, 5), runs = rng.Next(2, 16);
            var level = Enumerable.Range(0, nodes).Select(_ => new[] { 0.0, 1, 10, 50, 100, 1000 }[rng.Next(6)]).ToArray();
            var style = Enumerable.Range(0, nodes).Select(_ => rng.Next(4)).ToArray();
            var settings = new WorkflowSettings { WindowSize = window };
            for (int r = 0; r < runs; r++)
            {
                WorkflowRun run = session.StartRun("h", r == 0 ? settings : null, false, out _);
                var stack = new NodeScopeStack();
                var live = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var failedHere = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                for (int n = 0; n < nodes; n++)
                {
                    if (rng.Next(8) == 0) continue;   // the node does not run this time
                    int executions = rng.Next(5) == 0 ? rng.Next(2, 4) : 1;
                    for (int e = 0; e < executions; e++)
                    {
                        double ms = Draw(rng, level[n], style[n]) / executions;
                        NodeStatus status = rng.Next(12) == 0 ? NodeStatus.Failed : rng.Next(25) == 0 ? NodeStatus.Stopped : NodeStatus.Succeeded;
                        if (status != NodeStatus.Succeeded) failedHere.Add("n" + n);
                        clock.Advance(ms);
                        RecordResult result = stack.Record(run, "n" + n, ms, status: status);
                        if (result.Alert != null && !live.Add(result.Alert.NodeId)) fail($"seed {seed}: two live alerts for {result.Alert.NodeId}");
                    }
                }
                RunCompletion done = run.Complete();
                if (done.RecordedNothing) continue;
                WorkflowProfiler wf = session.GetWorkflow("h");
                int number = done.Run.RunNumber;
                var alerts = new HashSet<string>(done.Alerts.Select(a => a.NodeId), StringComparer.OrdinalIgnoreCase);
                RunComparison[] compared = wf.Compare(new[] { number }, null, null, null, null, out _);
                var slower = Set(compared.Where(c => c.ScopeValue == ComparisonScope.Node && c.VerdictValue == ComparisonVerdict.Slower).Select(c => c.NodeId));
                string where = $"seed {seed}, run {number}, window {window}";
                seen[0] += alerts.Count;
                seen[1] += failedHere.Count;
                Same(where + " (final alerts vs Compare-WorkflowRun)", alerts, slower, fail);
                Same(where + " (Complete's Comparison)", Set(done.Profile.Comparison.SlowerNodes), slower, fail);
                live.ExceptWith(failedHere);
                Same(where + " (live -OnBottleneck alerts of nodes that succeeded)", live, slower, fail);
                Same(where + " (heatmap !)", Set(HeatmapRenderer.Render(done.Profile, new HeatmapOptions { All = true })
                    .Where(h => h.IsAlert).Select(h => h.NodeId)), slower, fail);
                Same(where + " (Get-Bottleneck)", Set(wf.GetBottlenecks(100).Where(b => b.IsAlert).Select(b => b.NodeId)), slower, fail);
                foreach (RunComparison c in compared.Where(c => c.ScopeValue == ComparisonScope.Node && failedHere.Contains(c.NodeId)))
                    if (c.VerdictValue != ComparisonVerdict.Failed && c.VerdictValue != ComparisonVerdict.Stopped)
                        fail($"{where}: {c.NodeId} failed in the run but its verdict is {c.Verdict}");
                foreach (NodePerformanceData node in done.Profile.NodeData) CheckColdStart(wf, node, where, fail);
            }
        }

        /// <summary>IsFirstRunSlow is Compare-WorkflowRun of the first run against the later window runs, Slower.</summary>
        private static void CheckColdStart(WorkflowProfiler wf, NodePerformanceData node, string where, Action<string> fail)
        {
            bool holdsFirst = node.Durations.Length == node.RunCount && node.Durations.Length > 0
                && node.UnsuccessfulRunNumbers.Length == node.AllTimeFailedCount + node.AllTimeStoppedCount
                && node.UnsuccessfulRunNumbers.All(r => r > node.RunNumbers[0]);
            if (!holdsFirst || node.Durations.Length < 2) { if (node.IsFirstRunSlow && !holdsFirst) fail($"{where}: {node.NodeId} cold start without its first run"); return; }
            // The node's window may reach before the workflow's (a node that skipped runs), where -Run does not go: the
            // rule is asked directly, as Compare-WorkflowRun would judge the node's runs.
            RunComparison line = RunComparer.Compare(wf.WorkflowId, wf.WorkflowName, new[] { node }, wf.GetProfile().Runs, new[] { node.RunNumbers[0] },
                node.RunNumbers.Skip(1).ToArray(), 0, wf.Rule)[0];
            if (node.IsFirstRunSlow != (line.VerdictValue == ComparisonVerdict.Slower))
                fail($"{where}: {node.NodeId} IsFirstRunSlow {node.IsFirstRunSlow} but the first run is {line.Verdict}");
        }

        private static double Draw(Random rng, double level, int style)
        {
            switch (style)
            {
                case 0: return level;                                                         // constant: MAD 0
                case 1: return rng.Next(6) == 0 ? level * rng.Next(2, 12) + rng.Next(0, 30) : level;   // constant with spikes
                case 2: return Math.Round(level * (0.8 + 0.4 * rng.NextDouble()) + rng.NextDouble() * 10, 3);  // noise
                default: return rng.Next(3) == 0 ? 0 : Math.Round(level + rng.Next(0, 200), 1);        // zeros and jumps
            }
        }

        private static HashSet<string> Set(IEnumerable<string> ids) => new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);

        private static void Same(string what, HashSet<string> actual, HashSet<string> expected, Action<string> fail)
        {
            if (!actual.SetEquals(expected))
                fail($"{what}: [{string.Join(",", actual.OrderBy(x => x))}] vs Slower [{string.Join(",", expected.OrderBy(x => x))}]");
        }

        [Fact]
        public void Every_consumer_agrees_with_Compare_WorkflowRun_over_3000_generated_histories()
        {
            var failures = new List<string>();
            var seen = new int[2];
            for (int seed = 1; seed <= 3000; seed++) RunHistory(seed, failures.Add, seen);
            Assert.True(failures.Count == 0, failures.Count + " disagreements, first: " + string.Join("\n", failures.Take(10)));
            // The generator must produce alerts and failures, or the agreement would say nothing.
            Assert.True(seen[0] > 1000, "only " + seen[0] + " alerts");
            Assert.True(seen[1] > 1000, "only " + seen[1] + " failed or stopped nodes");
        }
    }
}
