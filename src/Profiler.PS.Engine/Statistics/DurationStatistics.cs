using System;

namespace Profiler.PS.Statistics
{
    /// <summary>
    /// The robust statistics of a node's window and its all-time aggregates, computed once per snapshot and
    /// handed to <see cref="NodePerformanceData"/> as one object. Percentiles are type 7 (see
    /// <see cref="SampleStatistics"/>); outliers are samples whose modified z-score is above 3.5 in absolute value.
    /// </summary>
    public sealed class DurationStatistics
    {
        private DurationStatistics(double median, double p95, double stdDev, double cv, bool[] outliers, bool firstRunSlow,
            RunningStatistics allTime)
        {
            Median = median;
            P95 = p95;
            StandardDeviation = stdDev;
            CoefficientOfVariation = cv;
            Outliers = outliers;
            IsFirstRunSlow = firstRunSlow;
            AllTime = allTime;
        }

        /// <summary>Median of the window; 0 when empty.</summary>
        public double Median { get; }
        /// <summary>95th percentile of the window (type 7); 0 when empty.</summary>
        public double P95 { get; }
        /// <summary>Sample standard deviation of the window; 0 for fewer than two samples.</summary>
        public double StandardDeviation { get; }
        /// <summary>Standard deviation over mean; 0 when the mean is 0.</summary>
        public double CoefficientOfVariation { get; }
        /// <summary>One flag per window sample, same order: true for an outlier.</summary>
        public bool[] Outliers { get; }
        /// <summary>True when the node's first-ever run is in the window and was slow compared with the later ones.</summary>
        public bool IsFirstRunSlow { get; }
        /// <summary>Every sample ever, folded by Welford's algorithm.</summary>
        public RunningStatistics AllTime { get; }

        /// <summary>
        /// Computes the statistics of <paramref name="window"/> (oldest first). <paramref name="windowHoldsFirstRun"/>
        /// says the window's first sample is the node's first-ever one; it is then a cold start when, against the
        /// later samples (at least 3), it is slower by the default <see cref="ChangeRule"/>.
        /// </summary>
        public static DurationStatistics Compute(double[] window, bool windowHoldsFirstRun, RunningStatistics allTime)
        {
            window = window ?? Array.Empty<double>();
            var outliers = new bool[window.Length];
            if (window.Length == 0) return new DurationStatistics(0, 0, 0, 0, outliers, false, allTime);
            // One sort serves the median, the P95, the median absolute deviation and the cold-start rule, through
            // the same sorted-sample helpers SampleStatistics and ChangeRule use for their one-off calls.
            double[] sorted = SampleStatistics.Sorted(window);
            var scratch = new double[window.Length];
            double median = SampleStatistics.PercentileOfSorted(sorted, 0.5);
            double mad = SampleStatistics.MedianAbsoluteDeviationOfSorted(sorted, scratch);
            if (mad > 0)
                for (int i = 0; i < window.Length; i++)
                    outliers[i] = Math.Abs(SampleStatistics.ModifiedZScore(window[i], median, mad)) > SampleStatistics.OutlierThreshold;
            double mean = SampleStatistics.Mean(window);
            double stdDev = SampleStatistics.StandardDeviation(window);
            bool coldStart = windowHoldsFirstRun && window.Length > ChangeRule.MinimumBaselineSamples
                && ChangeRule.IsSlowerThanSorted(window[0], WithoutOne(sorted, window[0]), scratch);
            return new DurationStatistics(median, SampleStatistics.PercentileOfSorted(sorted, 0.95),
                stdDev, mean > 0 ? stdDev / mean : 0, outliers, coldStart, allTime);
        }

        /// <summary>The later samples of the window, sorted: the sorted window without one occurrence of the first.</summary>
        private static double[] WithoutOne(double[] sorted, double value)
        {
            var rest = new double[sorted.Length - 1];
            int skip = Array.IndexOf(sorted, value), k = 0;
            for (int i = 0; i < sorted.Length; i++) if (i != skip) rest[k++] = sorted[i];
            return rest;
        }
    }
}
