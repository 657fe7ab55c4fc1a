using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>
    /// Runs each <see cref="Comparison"/> in its own runspace: warm-up rounds, then interleaved rounds (the order of
    /// the variants rotates every round so none always runs first), a full collection before each round. Reports
    /// the median time per call, the allocation per call, and the median of the per-round ratios to the baseline.
    /// </summary>
    public static class InterleavedRunner
    {
        public const int WarmupRounds = 5;
        public const int Rounds = 41;

        public static string Run(IEnumerable<Comparison> comparisons)
        {
            var table = new StringBuilder();
            table.AppendLine($"Per call; {Rounds} interleaved rounds of {Comparison.Calls:N0} calls per variant, after {WarmupRounds} warm-up rounds.");
            table.AppendLine();
            table.AppendLine("| Comparison | Variant | us per call (median) | us per call (min - max) | Bytes per call | Ratio: median of paired rounds | Ratio of the fastest rounds |");
            table.AppendLine("|---|---|---:|---:|---:|---:|---:|");
            Comparison[] all = comparisons.ToArray();
            // A first pass over everything, discarded: the engine's code paths are compiled process-wide, and the
            // pause lets the background tiered compiler finish, so no comparison runs on first-tier code.
            foreach (Comparison comparison in all) Measure(comparison, WarmupRounds, 0).ToArray();
            Thread.Sleep(1000);
            foreach (Comparison comparison in all)
            {
                Console.WriteLine("// Comparing: " + comparison.Title);
                foreach (string row in Measure(comparison, WarmupRounds, Rounds)) table.AppendLine(row);
            }
            return table.ToString();
        }

        private static IEnumerable<string> Measure(Comparison comparison, int warmupRounds, int rounds)
        {
            Variant[] variants = new[] { comparison.Baseline }.Concat(comparison.Variants).ToArray();
            var perCall = variants.Select(_ => new List<double>()).ToArray();
            var bytes = variants.Select(_ => new List<double>()).ToArray();
            long recordingCalls = 0;
            using (var host = new PowerShellHost())
            {
                host.Run(comparison.Setup);
                for (int round = 0; round < warmupRounds + rounds; round++)
                {
                    for (int k = 0; k < variants.Length; k++)
                    {
                        int v = (k + round) % variants.Length;
                        (double us, double b) = Time(host, variants[v].Script);
                        if (variants[v].Records) recordingCalls += Comparison.Calls;
                        if (round < warmupRounds) continue;
                        perCall[v].Add(us);
                        bytes[v].Add(b);
                    }
                }
                Verify(host, recordingCalls);
            }
            for (int v = 0; v < variants.Length && rounds > 0; v++)
            {
                double[] ratios = perCall[v].Select((us, round) => us / perCall[0][round]).ToArray();
                // Two estimates: the median of the per-round ratios (each round pairs the variants close in time) and
                // the ratio of the fastest rounds (the rounds least disturbed by other processes).
                yield return string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:N2} | {3:N2} - {4:N2} | {5:N0} | {6:N3} | {7:N3} |",
                    v == 0 ? comparison.Title : "", v == 0 ? variants[v].Name + " (baseline)" : variants[v].Name,
                    Median(perCall[v]), perCall[v].Min(), perCall[v].Max(), Median(bytes[v]), Median(ratios), perCall[v].Min() / perCall[0].Min());
            }
        }

        private static (double MicrosecondsPerCall, double BytesPerCall) Time(PowerShellHost host, string script)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long allocated = GC.GetTotalAllocatedBytes(true);
            long start = Stopwatch.GetTimestamp();
            host.Run(script);
            double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000;
            double bytes = GC.GetTotalAllocatedBytes(true) - allocated;
            return (elapsed / Comparison.Calls, bytes / Comparison.Calls);
        }

        /// <summary>Every call of a recording variant must have landed in the run: a fast error is not a result.</summary>
        private static void Verify(PowerShellHost host, long expected)
        {
            if (expected == 0) return;
            var run = (WorkflowRun)host.GetVariable("run");
            if (run.Executions != expected)
                throw new InvalidOperationException($"The run holds {run.Executions} executions, expected {expected}.");
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(x => x).ToArray();
            int mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}
