using System;
using System.Collections.Generic;

namespace Profiler.PS.Statistics
{
    /// <summary>The Mann-Kendall trend test and the Theil-Sen slope of one series (see <see cref="TrendTest"/>).</summary>
    public sealed class TrendResult
    {
        internal TrendResult(int n, long s, double variance, double z, double pValue, double slope, double intercept)
        {
            Count = n;
            S = s;
            Variance = variance;
            Z = z;
            PValue = pValue;
            Slope = slope;
            Intercept = intercept;
        }

        /// <summary>Number of samples in the series.</summary>
        public int Count { get; }
        /// <summary>Mann-Kendall S: the number of later-larger pairs minus later-smaller pairs.</summary>
        public long S { get; }
        /// <summary>Variance of S under no trend, with the tie correction.</summary>
        public double Variance { get; }
        /// <summary>Standard normal score of S with the continuity correction; 0 when S is 0 or the variance is 0.</summary>
        public double Z { get; }
        /// <summary>Two-sided p-value of <see cref="Z"/>: 2 (1 - Phi(|Z|)).</summary>
        public double PValue { get; }
        /// <summary>Theil-Sen slope: the median of the pairwise slopes (x[j] - x[i]) / (j - i), in the series' unit per step.</summary>
        public double Slope { get; }
        /// <summary>Intercept at index 0: median(x) - Slope * median(index), as pyMannKendall's sens_slope.</summary>
        public double Intercept { get; }
    }

    /// <summary>
    /// Trend of an evenly spaced series: the Mann-Kendall test (Mann 1945, Kendall 1975) with the tie-corrected
    /// variance and the normal approximation with continuity correction, and the Theil-Sen slope (Theil 1950,
    /// Sen 1968), computed as pyMannKendall's original_test and sens_slope (Hussain and Mahmud 2019):
    /// S = sum over i &lt; j of sign(x[j] - x[i]); Var(S) = (n(n-1)(2n+5) - sum over tie groups t of t(t-1)(2t+5)) / 18;
    /// Z = (S - 1) / sqrt(Var) for S &gt; 0, (S + 1) / sqrt(Var) for S &lt; 0, else 0; p = 2 (1 - Phi(|Z|)).
    /// O(n^2) in time and memory for the slopes: meant for a window of runs, not for long series.
    /// </summary>
    public static class TrendTest
    {
        /// <summary>Tests <paramref name="series"/> (oldest first, at least 2 finite samples).</summary>
        /// <exception cref="ArgumentException">Fewer than 2 samples, or a sample that is not finite.</exception>
        public static TrendResult Test(double[] series)
        {
            if (series == null || series.Length < 2) throw new ArgumentException("A trend needs at least 2 samples.", nameof(series));
            foreach (double x in series)
                if (double.IsNaN(x) || double.IsInfinity(x)) throw new ArgumentException("Every sample must be a finite number.", nameof(series));
            int n = series.Length;
            long s = 0;
            var slopes = new double[n * (n - 1) / 2];
            int k = 0;
            for (int i = 0; i < n - 1; i++)
                for (int j = i + 1; j < n; j++)
                {
                    double d = series[j] - series[i];
                    s += d > 0 ? 1 : d < 0 ? -1 : 0;
                    slopes[k++] = d / (j - i);
                }
            double variance = (n * (n - 1.0) * (2.0 * n + 5) - TieTerm(series)) / 18.0;
            double z = s == 0 || !(variance > 0) ? 0 : (s > 0 ? s - 1 : s + 1) / Math.Sqrt(variance);
            double p = Math.Min(1, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));
            double slope = SampleStatistics.Median(slopes);
            double intercept = SampleStatistics.Median(series) - (n - 1) / 2.0 * slope;
            return new TrendResult(n, s, variance, z, p, slope, intercept);
        }

        /// <summary>Sum over groups of equal values (size t) of t(t-1)(2t+5): the variance's tie correction.</summary>
        private static double TieTerm(double[] series)
        {
            var groups = new Dictionary<double, int>();
            foreach (double x in series) groups[x] = groups.TryGetValue(x, out int c) ? c + 1 : 1;
            double term = 0;
            foreach (int t in groups.Values) term += t * (t - 1.0) * (2.0 * t + 5);
            return term;
        }
    }
}
