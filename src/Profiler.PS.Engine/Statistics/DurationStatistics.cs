using System;

namespace Profiler.PS.Statistics
{
    /// <summary>
    /// The robust statistics of a node's window and its all-time aggregates, computed once per snapshot and
    /// handed to <see cref="NodePerformanceData"/> as one object. Percentiles are type 7 (see
    /// <see cref="SampleStatistics"/>); outliers are the samples the workflow's rule flags (<see cref="RegressionRule.Outliers"/>:
    /// past both thresholds from the median and a modified z-score above 3.5).
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
        /// Computes the statistics of <paramref name="window"/> (oldest first) by <paramref name="rule"/> (null: the
        /// default rule). <paramref name="windowHoldsFirstRun"/> says the window's first sample is the node's first-ever
        /// one; it is then a cold start when the rule judges it Slower than the later samples.
        /// </summary>
        public static DurationStatistics Compute(double[] window, bool windowHoldsFirstRun, RunningStatistics allTime, RegressionRule rule = null)
        {
            rule = rule ?? RegressionRule.Default;
            window = window ?? Array.Empty<double>();
            if (window.Length == 0) return new DurationStatistics(0, 0, 0, 0, new bool[0], false, allTime);
            double[] sorted = SampleStatistics.Sorted(window);
            bool[] outliers = rule.Outliers(window);
            double mean = SampleStatistics.Mean(window);
            double stdDev = SampleStatistics.StandardDeviation(window);
            bool coldStart = false;
            if (windowHoldsFirstRun && window.Length > 1)
            {
                var later = new double[window.Length - 1];
                Array.Copy(window, 1, later, 0, later.Length);
                coldStart = rule.IsSlower(window[0], later);
            }
            return new DurationStatistics(SampleStatistics.PercentileOfSorted(sorted, 0.5), SampleStatistics.PercentileOfSorted(sorted, 0.95),
                stdDev, mean > 0 ? stdDev / mean : 0, outliers, coldStart, allTime);
        }
    }
}
