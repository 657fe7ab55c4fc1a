using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Profiler.PS.Engine;

namespace Profiler.PS.Benchmarks.Engine
{
    /// <summary>
    /// The concurrency goal measured like the cmdlet costs: one thread against two threads doing the same
    /// 100,000 records into a fresh run, in interleaved rounds (the order rotates), so load from other processes
    /// drifts over both sides alike. Every round checks that no record was lost.
    /// </summary>
    public static class ConcurrencyRounds
    {
        private const int PerThread = 50_000;
        private const int WarmupRounds = 5;
        private const int Rounds = 61;

        public static string Run()
        {
            var session = new ProfilerSession();
            var variants = new (string Name, Action<WorkflowRun> Work)[]
            {
                ("one thread: lane0 then lane1 (baseline)", run => { Lane(run, "lane0"); Lane(run, "lane1"); }),
                ("two threads, each its own node", run => Parallel.Invoke(() => Lane(run, "lane0"), () => Lane(run, "lane1"))),
                ("two threads, one shared node", run => Parallel.Invoke(() => Lane(run, "shared"), () => Lane(run, "shared"))),
                // The two threads fully serialized by an outer lock around every record: the worst a run-wide lock can do.
                ("two threads, own nodes, behind one run-wide lock", run =>
                {
                    var gate = new object();
                    Parallel.Invoke(() => LockedLane(run, "lane0", gate), () => LockedLane(run, "lane1", gate));
                }),
            };
            var ns = variants.Select(_ => new List<double>()).ToArray();
            for (int round = 0; round < WarmupRounds + Rounds; round++)
                for (int k = 0; k < variants.Length; k++)
                {
                    int v = (k + round) % variants.Length;
                    WorkflowRun run = session.StartRun("concurrency", null, true, out _);
                    long start = Stopwatch.GetTimestamp();
                    variants[v].Work(run);
                    double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6 / (2 * PerThread);
                    if (run.Executions != 2 * PerThread || run.Nodes.Sum(n => n.Executions) != 2 * PerThread)
                        throw new InvalidOperationException("Records were lost.");
                    if (round >= WarmupRounds) ns[v].Add(elapsed);
                }
            var table = new StringBuilder();
            table.AppendLine($"{2 * PerThread:N0} records into a fresh run per round; {Rounds} interleaved rounds after {WarmupRounds} warm-up rounds; no record lost in any round.");
            table.AppendLine();
            table.AppendLine("| Variant | ns per record (median) | min - max | Total per round, ms (median) | Ratio to one thread (median) | Ratio (min - max) |");
            table.AppendLine("|---|---:|---:|---:|---:|---:|");
            for (int v = 0; v < variants.Length; v++)
            {
                double[] ratios = ns[v].Select((x, r) => x / ns[0][r]).ToArray();
                table.AppendLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:N1} | {2:N1} - {3:N1} | {4:N2} | {5:N3} | {6:N3} - {7:N3} |",
                    variants[v].Name, Median(ns[v]), ns[v].Min(), ns[v].Max(), Median(ns[v]) * 2 * PerThread / 1e6,
                    Median(ratios), ratios.Min(), ratios.Max()));
            }
            return table.ToString();
        }

        private static void Lane(WorkflowRun run, string node)
        {
            for (int i = 0; i < PerThread; i++) run.Record(node, 1);
        }

        private static void LockedLane(WorkflowRun run, string node, object gate)
        {
            for (int i = 0; i < PerThread; i++) lock (gate) run.Record(node, 1);
        }

        private static double Median(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(x => x).ToArray();
            int mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}
