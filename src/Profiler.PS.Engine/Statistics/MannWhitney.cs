using System;

namespace Profiler.PS.Statistics
{
    /// <summary>The outcome of a two-sided Mann-Whitney U test.</summary>
    public readonly struct MannWhitneyResult
    {
        internal MannWhitneyResult(double u, double pValue, bool exact)
        {
            U = u;
            PValue = pValue;
            IsExact = exact;
        }

        /// <summary>U of the first sample: pairs in which its value is larger, ties counting one half.</summary>
        public double U { get; }
        /// <summary>Two-sided p-value: the chance of a U at least this far from the middle if both samples came from one distribution.</summary>
        public double PValue { get; }
        /// <summary>True when the p-value is exact (the permutation distribution), false for the normal approximation.</summary>
        public bool IsExact { get; }
    }

    /// <summary>
    /// The Mann-Whitney U (Wilcoxon rank-sum) test: do two samples come from one distribution? It uses ranks,
    /// so one outlier cannot swing it, and assumes nothing about the shape of the durations. Without ties and
    /// with both samples of at most <see cref="ExactLimit"/> values, the p-value is exact, from the permutation
    /// distribution of U; otherwise it is the normal approximation with the tie correction of the variance and
    /// a continuity correction of 0.5 (as scipy.stats.mannwhitneyu and R's wilcox.test do).
    /// </summary>
    public static class MannWhitney
    {
        /// <summary>Largest sample size for which the exact distribution is used (when there are no ties).</summary>
        public const int ExactLimit = 20;

        /// <summary>Tests <paramref name="x"/> against <paramref name="y"/> (each non-empty).</summary>
        public static MannWhitneyResult Test(double[] x, double[] y) => Test(x, y, allowExact: true);

        internal static MannWhitneyResult Test(double[] x, double[] y, bool allowExact)
        {
            if (x == null || y == null || x.Length == 0 || y.Length == 0)
                throw new ArgumentException("Both samples need at least one value.");
            int n1 = x.Length, n2 = y.Length, n = n1 + n2;
            var all = new double[n];
            var fromX = new bool[n];
            Array.Copy(x, all, n1);
            Array.Copy(y, 0, all, n1, n2);
            for (int i = 0; i < n1; i++) fromX[i] = true;
            Array.Sort(all, fromX);
            double rankSumX = 0, tieTerm = 0;
            for (int i = 0; i < n;)
            {
                int j = i;
                while (j + 1 < n && all[j + 1] == all[i]) j++;
                double rank = (i + j) / 2.0 + 1;   // average rank of the tied run i..j
                for (int k = i; k <= j; k++) if (fromX[k]) rankSumX += rank;
                double t = j - i + 1;
                tieTerm += t * t * t - t;
                i = j + 1;
            }
            double u = rankSumX - n1 * (n1 + 1) / 2.0;
            if (allowExact && tieTerm == 0 && n1 <= ExactLimit && n2 <= ExactLimit)
                return new MannWhitneyResult(u, ExactPValue(u, n1, n2), true);
            double mean = n1 * (double)n2 / 2;
            double variance = n1 * (double)n2 / 12 * ((n + 1) - tieTerm / ((double)n * (n - 1)));
            if (!(variance > 0)) return new MannWhitneyResult(u, 1, false);   // every value tied: no evidence of a difference
            double z = (Math.Abs(u - mean) - 0.5) / Math.Sqrt(variance);
            return new MannWhitneyResult(u, Math.Min(1, SpecialFunctions.Erfc(Math.Max(0, z) / Math.Sqrt(2))), false);
        }

        /// <summary>2 P(U &lt;= min(u, n1 n2 - u)) under the permutation distribution, capped at 1.</summary>
        private static double ExactPValue(double u, int n1, int n2)
        {
            int maxU = n1 * n2;
            // counts[j, v]: arrangements of i x-values and j y-values with U = v, built up over i (the largest
            // value is either an x, beating all j y-values, or a y, adding nothing).
            var previous = new double[n2 + 1, maxU + 1];
            var current = new double[n2 + 1, maxU + 1];
            for (int j = 0; j <= n2; j++) previous[j, 0] = 1;
            for (int i = 1; i <= n1; i++)
            {
                Array.Clear(current, 0, current.Length);
                current[0, 0] = 1;
                for (int j = 1; j <= n2; j++)
                    for (int v = 0; v <= i * j; v++)
                        current[j, v] = (v >= j ? previous[j, v - j] : 0) + current[j - 1, v];
                var swap = previous;
                previous = current;
                current = swap;
            }
            double lower = Math.Min(u, maxU - u), tail = 0, total = 0;
            for (int v = 0; v <= maxU; v++)
            {
                total += previous[n2, v];
                if (v <= lower + 1e-9) tail += previous[n2, v];
            }
            return Math.Min(1, 2 * tail / total);
        }
    }

    /// <summary>Special functions the tests need; netstandard2.0 has no Math.Erf.</summary>
    internal static class SpecialFunctions
    {
        /// <summary>Complementary error function, Chebyshev fit with relative error below 1.2e-7 (Numerical Recipes' erfcc).</summary>
        public static double Erfc(double x)
        {
            double z = Math.Abs(x);
            double t = 1 / (1 + 0.5 * z);
            double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
            return x >= 0 ? r : 2 - r;
        }
    }
}
