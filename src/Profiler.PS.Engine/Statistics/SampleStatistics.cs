using System;

namespace Profiler.PS.Statistics
{
    /// <summary>
    /// Order statistics and spread of a sample of durations. Percentiles use linear interpolation between
    /// closest ranks (Hyndman and Fan type 7, as Excel's PERCENTILE.INC and numpy's default): with n sorted
    /// samples x[0..n-1], percentile p is x at rank h = (n - 1) p, interpolated between x[floor h] and x[ceil h].
    /// So P95 of one sample is that sample, and of two samples is 95% of the way from the smaller to the larger.
    /// </summary>
    public static class SampleStatistics
    {
        /// <summary>Arithmetic mean; NaN for an empty sample.</summary>
        public static double Mean(double[] samples)
        {
            if (samples == null || samples.Length == 0) return double.NaN;
            double sum = 0;
            foreach (double s in samples) sum += s;
            return sum / samples.Length;
        }

        /// <summary>The <paramref name="p"/> quantile (0 to 1) of the sample, type 7; NaN for an empty sample.</summary>
        public static double Percentile(double[] samples, double p)
        {
            if (samples == null || samples.Length == 0) return double.NaN;
            if (p < 0 || p > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is between 0 and 1.");
            double[] sorted = (double[])samples.Clone();
            Array.Sort(sorted);
            return PercentileOfSorted(sorted, p);
        }

        /// <summary>As <see cref="Percentile"/>, for a sample already sorted ascending (no copy is made).</summary>
        public static double PercentileOfSorted(double[] sorted, double p)
        {
            if (sorted.Length == 0) return double.NaN;
            double h = (sorted.Length - 1) * p;
            int lo = (int)Math.Floor(h);
            int hi = Math.Min(lo + 1, sorted.Length - 1);
            return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }

        /// <summary>The median (the 0.5 quantile).</summary>
        public static double Median(double[] samples) => Percentile(samples, 0.5);

        /// <summary>Sample standard deviation (n - 1 denominator); 0 for one sample, NaN for none.</summary>
        public static double StandardDeviation(double[] samples)
        {
            if (samples == null || samples.Length == 0) return double.NaN;
            if (samples.Length == 1) return 0;
            double mean = Mean(samples), sum = 0;
            foreach (double s in samples) sum += (s - mean) * (s - mean);
            return Math.Sqrt(sum / (samples.Length - 1));
        }

        /// <summary>Median absolute deviation from the median (unscaled); NaN for an empty sample.</summary>
        public static double MedianAbsoluteDeviation(double[] samples)
        {
            if (samples == null || samples.Length == 0) return double.NaN;
            return MedianAbsoluteDeviationOfSorted(Sorted(samples), new double[samples.Length]);
        }

        /// <summary>
        /// As <see cref="MedianAbsoluteDeviation"/>, for a non-empty sample already sorted ascending, using
        /// <paramref name="scratch"/> (at least as long) for the deviations, so callers that hold a sorted copy sort once.
        /// </summary>
        internal static double MedianAbsoluteDeviationOfSorted(double[] sorted, double[] scratch)
        {
            double median = PercentileOfSorted(sorted, 0.5);
            for (int i = 0; i < sorted.Length; i++) scratch[i] = Math.Abs(sorted[i] - median);
            Array.Sort(scratch, 0, sorted.Length);
            double h = (sorted.Length - 1) * 0.5;
            int lo = (int)Math.Floor(h), hi = Math.Min(lo + 1, sorted.Length - 1);
            return scratch[lo] + (h - lo) * (scratch[hi] - scratch[lo]);
        }

        /// <summary>A sorted copy of <paramref name="samples"/>.</summary>
        internal static double[] Sorted(double[] samples)
        {
            double[] sorted = (double[])samples.Clone();
            Array.Sort(sorted);
            return sorted;
        }

        /// <summary>
        /// Iglewicz and Hoaglin's modified z-score of each sample: 0.6745 (x - median) / MAD. When the MAD is 0
        /// (more than half the samples are equal) it is replaced by the machine epsilon, as hyperfine does (see
        /// <see cref="RegressionRule.EffectiveMad"/>): a sample away from the constant majority scores far out.
        /// An empty sample gives an empty array.
        /// </summary>
        public static double[] ModifiedZScores(double[] samples)
        {
            if (samples == null || samples.Length == 0) return Array.Empty<double>();
            double median = Median(samples), mad = MedianAbsoluteDeviation(samples);
            var scores = new double[samples.Length];
            mad = RegressionRule.EffectiveMad(mad);
            for (int i = 0; i < samples.Length; i++) scores[i] = ModifiedZScore(samples[i], median, mad);
            return scores;
        }

        /// <summary>0.6745 (x - median) / mad: about how many standard deviations x is from the median.</summary>
        public static double ModifiedZScore(double x, double median, double mad) => ModifiedZScoreFactor * (x - median) / mad;

        /// <summary>0.6745, the 0.75 quantile of the standard normal: it scales the MAD to a standard deviation.</summary>
        public const double ModifiedZScoreFactor = 0.6745;

        /// <summary>Absolute modified z-score above which a sample is an outlier (Iglewicz and Hoaglin).</summary>
        public const double OutlierThreshold = 3.5;
    }
}
