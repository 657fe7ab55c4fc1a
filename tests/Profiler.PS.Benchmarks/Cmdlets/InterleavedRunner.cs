using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;

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
        public const int Rounds = 21;

        public static string Run(IEnumerable<Comparison> comparisons)
        {
            var table = new StringBuilder();
            table.AppendLine($"Per call; {Rounds} interleaved rounds of {Comparison.Calls:N0} calls per variant, after {WarmupRounds} warm-up rounds.");
            table.AppendLine();
            table.AppendLine("| Comparison | Variant | us per call (median) | us per call (min - max) | Bytes per call | Ratio to baseline (median) | Ratio (min - max) |");
            table.AppendLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (Comparison comparison in comparisons)
            {
                Console.WriteLine("// Comparing: " + comparison.Title);
                foreach (string row in Measure(comparison)) table.AppendLine(row);
            }
            return table.ToString();
        }

        private static IEnumerable<string> Measure(Comparison comparison)
        {
            Variant[] variants = new[] { comparison.Baseline }.Concat(comparison.Variants).ToArray();
            var perCall = variants.Select(_ => new List<double>()).ToArray();
            var bytes = variants.Select(_ => new List<double>()).ToArray();
            long recordingCalls = 0;
            using (var host = new PowerShellHost())
            {
                host.Run(comparison.Setup);
                for (int round = 0; round < WarmupRounds + Rounds; round++)
                {
                    for (int k = 0; k < variants.Length; k++)
                    {
                        int v = (k + round) % variants.Length;
                        (double us, double b) = Time(host, variants[v].Script);
                        if (variants[v].Records) recordingCalls += Comparison.Calls;
                        if (round < WarmupRounds) continue;
                        perCall[v].Add(us);
                        bytes[v].Add(b);
                    }
                }
                Verify(host, recordingCalls);
            }
            for (int v = 0; v < variants.Length; v++)
            {
                double[] ratios = perCall[v].Select((us, round) => us / perCall[0][round]).ToArray();
                yield return string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2:N2} | {3:N2} - {4:N2} | {5:N0} | {6:N3} | {7:N3} - {8:N3} |",
                    v == 0 ? comparison.Title : "", v == 0 ? variants[v].Name + " (baseline)" : variants[v].Name,
                    Median(perCall[v]), perCall[v].Min(), perCall[v].Max(), Median(bytes[v]), Median(ratios), ratios.Min(), ratios.Max());
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
