using System;
using System.Collections.Generic;
using System.Linq;
using Profiler.PS.Statistics;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>
    /// Mann-Kendall and Theil-Sen against two independent implementations: reference values from a Python
    /// version written from the textbook definitions (math.erfc, statistics.median; scipy is not installed here),
    /// and a brute-force oracle below that counts pairs, ties and the normal tail its own way.
    /// </summary>
    public class TrendTestTests
    {
        // (series, S, Var(S), Z, p, slope, intercept) printed by the Python oracle (see the class summary).
        public static IEnumerable<object[]> Reference() => new[]
        {
            new object[] { new double[] { 10, 12, 11, 15, 14, 18, 17, 21, 20, 24 }, 37L, 125.0, 3.219937887599697, 0.0012821837418053074, 1.5, 9.25 },
            new object[] { new double[] { 5, 5, 6, 5, 7, 7, 8, 7, 9, 9, 9, 10 }, 53L, 201.66666666666666, 3.661729709141558, 0.0002505180938216826, 0.5, 4.25 },
            new object[] { new double[] { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5 }, 16L, 159.33333333333334, 1.188332399294654, 0.2347024779551607, 0.25, 2.75 },
            new object[] { Enumerable.Range(0, 20).Select(i => 1000 * Math.Pow(1.02, i)).ToArray(), 190L, 950.0, 6.131969718742824, 8.67976276337787e-10, 23.940925067721025, 979.6047061651846 },
        };

        [Theory]
        [MemberData(nameof(Reference))]
        public void Matches_the_python_oracle(double[] series, long s, double variance, double z, double p, double slope, double intercept)
        {
            TrendResult r = TrendTest.Test(series);
            Assert.Equal(s, r.S);
            Assert.Equal(variance, r.Variance, 9);
            Assert.Equal(z, r.Z, 9);
            Assert.True(Math.Abs(r.PValue - p) <= 2e-7 * p + 1e-15, $"p {r.PValue:R} vs {p:R}");   // erfc fit: 1.2e-7 relative
            Assert.Equal(slope, r.Slope, 9);
            Assert.Equal(intercept, r.Intercept, 9);
        }

        [Fact]
        public void Matches_a_brute_force_oracle_on_random_series_with_ties()
        {
            var random = new Random(17);
            for (int round = 0; round < 200; round++)
            {
                int n = 2 + random.Next(30);
                double[] x = Enumerable.Range(0, n).Select(i => (double)random.Next(8) + (round % 2 == 0 ? 0.5 * i : 0)).ToArray();
                TrendResult r = TrendTest.Test(x);
                Oracle(x, out long s, out double variance, out double z, out double p, out double slope);
                Assert.Equal(s, r.S);
                Assert.Equal(variance, r.Variance, 9);
                Assert.Equal(z, r.Z, 9);
                Assert.True(Math.Abs(r.PValue - p) <= 1e-6, $"n {n}: p {r.PValue:R} vs {p:R}");
                Assert.Equal(slope, r.Slope, 9);
            }
        }

        [Fact]
        public void A_constant_series_has_no_trend_and_no_nan()
        {
            TrendResult r = TrendTest.Test(new double[] { 4, 4, 4, 4, 4 });
            Assert.Equal(0, r.S);
            Assert.Equal(0, r.Z);
            Assert.Equal(1, r.PValue);
            Assert.Equal(0, r.Slope);
            Assert.Equal(4, r.Intercept);
        }

        [Fact]
        public void Too_short_or_not_finite_series_are_refused()
        {
            Assert.Throws<ArgumentException>(() => TrendTest.Test(new double[] { 1 }));
            Assert.Throws<ArgumentException>(() => TrendTest.Test(new[] { 1, double.NaN }));
        }

        /// <summary>From the definitions, by other means: concordant minus discordant pairs; tie groups by sorting;
        /// the normal tail by Simpson integration of the density; the median slope by LINQ ordering.</summary>
        private static void Oracle(double[] x, out long s, out double variance, out double z, out double p, out double slope)
        {
            int n = x.Length;
            long concordant = 0, discordant = 0;
            var slopes = new List<double>();
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    if (x[j] > x[i]) concordant++;
                    else if (x[j] < x[i]) discordant++;
                    slopes.Add((x[j] - x[i]) / (j - i));
                }
            s = concordant - discordant;
            double ties = 0;
            double[] sorted = x.OrderBy(v => v).ToArray();
            for (int i = 0; i < n;)
            {
                int k = i;
                while (k < n && sorted[k] == sorted[i]) k++;
                double t = k - i;
                ties += t * (t - 1) * (2 * t + 5);
                i = k;
            }
            variance = (n * (n - 1.0) * (2 * n + 5) - ties) / 18;
            z = s > 0 ? (s - 1) / Math.Sqrt(variance) : s < 0 ? (s + 1) / Math.Sqrt(variance) : 0;
            double a = Math.Abs(z), area = 0;
            const int steps = 20000;
            double h = a / steps;
            for (int k = 0; k <= steps; k++)
            {
                double w = k == 0 || k == steps ? 1 : k % 2 == 1 ? 4 : 2;
                area += w * Math.Exp(-(k * h) * (k * h) / 2);
            }
            area *= h / 3 / Math.Sqrt(2 * Math.PI);
            p = Math.Min(1, 2 * (0.5 - area));
            double[] ordered = slopes.OrderBy(v => v).ToArray();
            int m = ordered.Length;
            slope = m % 2 == 1 ? ordered[m / 2] : (ordered[m / 2 - 1] + ordered[m / 2]) / 2;
        }
    }
}
