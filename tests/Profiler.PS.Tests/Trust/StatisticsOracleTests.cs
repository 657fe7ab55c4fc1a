using System;
using System.Linq;
using Perfolizer.Mathematics.QuantileEstimators;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Pragmastat;
using MannWhitneyResult = Profiler.PS.Statistics.MannWhitneyResult;
using Profiler.PS.Statistics;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// The statistics against independent implementations: Perfolizer 0.6.1 (quantiles, MAD, the exact Mann-Whitney
    /// distribution), and exact decimal arithmetic for the normal approximation's p-value and the standard deviation.
    /// </summary>
    public class StatisticsOracleTests
    {
        private static readonly HyndmanFanQuantileEstimator Type7 = new HyndmanFanQuantileEstimator(HyndmanFanType.Type7);

        private static double Quantile(double[] x, double p) => Type7.Quantile(new Sample(x), new Probability(p)).NominalValue;

        [Fact]
        public void Quantiles_and_MAD_match_Perfolizer_type_7()
        {
            var rng = new Random(11);
            for (int c = 0; c < 500; c++)
            {
                double[] x = Enumerable.Range(0, rng.Next(1, 40)).Select(_ => Math.Round(rng.NextDouble() * 1000, rng.Next(0, 3))).ToArray();
                foreach (double p in new[] { 0.0, 0.05, 0.25, 0.5, 0.95, 1.0 })
                    Assert.Equal(Quantile(x, p), SampleStatistics.Percentile(x, p), 9);
                double median = Quantile(x, 0.5);
                double mad = Quantile(x.Select(v => Math.Abs(v - median)).ToArray(), 0.5);
                Assert.Equal(mad, SampleStatistics.MedianAbsoluteDeviation(x), 9);
            }
        }

        [Fact]
        public void Exact_Mann_Whitney_p_values_match_Perfolizer_exact_distribution()
        {
            var rng = new Random(5);
            var cdf = new MannWhitneyClassicExactCdf();
            for (int c = 0; c < 300; c++)
            {
                int n1 = rng.Next(1, 12), n2 = rng.Next(1, 12);
                // Distinct values: the exact path is taken only without ties.
                double[] all = Enumerable.Range(0, n1 + n2).Select(i => i + rng.NextDouble() * 0.5).OrderBy(_ => rng.Next()).ToArray();
                double[] x = all.Take(n1).ToArray(), y = all.Skip(n1).ToArray();
                MannWhitneyResult ours = MannWhitney.Test(x, y);
                Assert.True(ours.IsExact);
                int u = (int)x.Sum(a => y.Count(b => a > b));   // U by pair counting, not by ranks
                Assert.Equal(u, ours.U);
                // Perfolizer's Cdf(n, m, u) is P(U < u): the lower tail P(U <= k) is Cdf(n, m, k + 1).
                double expected = Math.Min(1, 2 * cdf.Cdf(n1, n2, Math.Min(u, n1 * n2 - u) + 1));
                Assert.Equal(expected, ours.PValue, 12);
            }
        }

        [Fact]
        public void Normal_approximation_p_values_agree_with_an_exact_decimal_computation_to_1e_12()
        {
            var rng = new Random(3);
            int checkedCases = 0;
            for (int c = 0; c < 400; c++)
            {
                int n1 = rng.Next(5, 70), n2 = rng.Next(5, 70);
                double[] x = Enumerable.Range(0, n1).Select(_ => (double)rng.Next(0, 40)).ToArray();
                double[] y = Enumerable.Range(0, n2).Select(_ => (double)rng.Next(3, 45)).ToArray();
                MannWhitneyResult ours = MannWhitney.Test(x, y);
                Assert.False(ours.IsExact);   // ties: the normal approximation
                // scipy's asymptotic method: z = (|U - n1 n2 / 2| - 0.5) / sigma with the tie-corrected sigma, p = 2 sf(z).
                double u = x.Sum(a => y.Sum(b => a > b ? 1.0 : a == b ? 0.5 : 0));
                long n = n1 + n2;
                double ties = x.Concat(y).GroupBy(v => v).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
                double sigma = Math.Sqrt(n1 * (double)n2 / 12 * ((n + 1) - ties / (n * (n - 1.0))));
                double z = (Math.Abs(u - n1 * (double)n2 / 2) - 0.5) / sigma;
                if (z <= 0 || z > 4.9) continue;
                double expected = (double)DecimalErfc((decimal)(z / Math.Sqrt(2)));
                Assert.True(Math.Abs(ours.PValue - expected) <= 1e-12 * expected, $"case {c}: {ours.PValue:R} vs {expected:R}");
                checkedCases++;
            }
            Assert.True(checkedCases > 200);
            // Near the significance level, where a 4e-9 error used to flip verdicts.
            foreach (double z in new[] { 1.959963984540054, 1.95, 1.97, 0.5, 3.2, 4.5 })
            {
                double expected = (double)DecimalErfc((decimal)(z / Math.Sqrt(2)));
                double actual = SpecialFunctions.Erfc(z / Math.Sqrt(2));
                Assert.True(Math.Abs(actual - expected) <= 1e-13 * expected, $"z {z}: {actual:R} vs {expected:R}");
            }
        }

        /// <summary>erfc by erf's Maclaurin series in 28-digit decimal arithmetic (for x up to about 3.5).</summary>
        private static decimal DecimalErfc(decimal x)
        {
            decimal x2 = x * x, term = x, sum = x;
            for (int n = 1; n < 400; n++)
            {
                term = -term * x2 / n;                // (-1)^n x^(2n+1) / n!
                decimal add = term / (2 * n + 1);
                sum += add;
                if (Math.Abs(add) < 1e-27m) break;
            }
            const decimal TwoOverSqrtPi = 1.1283791670955125738961589031m;
            return 1 - TwoOverSqrtPi * sum;
        }

        [Fact]
        public void The_all_time_standard_deviation_of_one_day_plus_or_minus_one_ms_agrees_with_two_pass_to_1e_9()
        {
            var rng = new Random(9);
            double[] x = Enumerable.Range(0, 5000).Select(_ => 86_400_000 + Math.Round(rng.NextDouble() * 2 - 1, 3)).ToArray();
            decimal mean = x.Sum(v => (decimal)v) / x.Length;
            decimal squares = x.Sum(v => ((decimal)v - mean) * ((decimal)v - mean));
            double exact = Math.Sqrt((double)(squares / (x.Length - 1)));
            RunningStatistics folded = RunningStatistics.Of(x);
            Assert.True(Math.Abs(folded.StandardDeviation - exact) <= 1e-9 * exact, $"{folded.StandardDeviation:R} vs {exact:R}");
            RunningStatistics halves = RunningStatistics.Of(x.Take(2500).ToArray()).Combine(RunningStatistics.Of(x.Skip(2500).ToArray()));
            Assert.True(Math.Abs(halves.StandardDeviation - exact) <= 1e-9 * exact, $"combined {halves.StandardDeviation:R} vs {exact:R}");
            Assert.Equal((double)mean, folded.Mean, 6);
        }

        [Theory]
        [InlineData(0.04996, "p = 0.04996")]
        [InlineData(0.0499, "p = 0.0499")]
        [InlineData(0.049999999, "p = 0.049999999")]
        [InlineData(0.05, "p = 0.05")]
        [InlineData(0.3, "p = 0.3")]
        [InlineData(0.0009, "p < 0.001")]
        public void A_significant_p_never_prints_as_0_05(double p, string text) => Assert.Equal(text, PValueText.Format(p));

        [Fact]
        public void Ratios_against_a_zero_baseline_read_more_than_99x()
        {
            Assert.Equal(">99x", PValueText.Ratio(20, 0));
            Assert.Equal(">99x", PValueText.Ratio(1000, 10));
            Assert.Equal("2.0x", PValueText.Ratio(20, 10));
            var alert = new BottleneckAlert("w", 4, "n", "n", 20, 0, 3, DateTimeOffset.UnixEpoch);
            Assert.Contains(">99x", alert.Reason);
            Assert.DoesNotContain("Infinity", alert.Reason);
        }
    }
}
