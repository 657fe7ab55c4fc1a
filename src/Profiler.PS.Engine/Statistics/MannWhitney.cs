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
        private const double TwoOverSqrtPi = 1.1283791670955126, SqrtPi = 1.7724538509055160;

        /// <summary>
        /// Complementary error function to about 1e-15 relative (where its value is a normal double): below 2, 1 - erf(x)
        /// from erf's series of positive terms, 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (1 3 5 ... (2n+1)) (Abramowitz and
        /// Stegun 7.1.6), which loses at most log10(1/erfc(2)), about 2.3 digits, to the subtraction; from 2 on, Laplace's
        /// continued fraction exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))) (A and S 7.1.14), evaluated
        /// backwards from 300 terms, which converges for x at or above 2 to the last bit.
        /// </summary>
        public static double Erfc(double x)
        {
            if (double.IsNaN(x)) return x;
            if (x < 0) return 2 - Erfc(-x);
            if (x < 2)
            {
                double x2 = x * x, term = x, sum = x;
                for (int n = 1; n < 200 && term > sum * 1e-17; n++)
                {
                    term *= 2 * x2 / (2 * n + 1);
                    sum += term;
                }
                return 1 - TwoOverSqrtPi * Math.Exp(-x2) * sum;
            }
            if (x > 27) return 0;   // below the smallest double
            double t = x;
            for (int k = 300; k >= 1; k--) t = x + k * 0.5 / t;
            return Math.Exp(-x * x) / (SqrtPi * t);
        }
    }
}
