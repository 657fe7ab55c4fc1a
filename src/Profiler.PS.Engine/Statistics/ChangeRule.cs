using System;

namespace Profiler.PS.Statistics
{
    /// <summary>
    /// When a duration counts as changed. A change must pass both thresholds: a relative one (a 10% change
    /// of a 10-minute step matters, of a 5 ms step it is noise) and an absolute one (a 50% change of 2 ms is
    /// timer jitter). One value judged against a set of earlier ones must also lie outside their noise: its
    /// modified z-score against them (see <see cref="SampleStatistics.ModifiedZScore"/>) must exceed 3.5,
    /// the same bar that makes a sample an outlier.
    /// </summary>
    public static class ChangeRule
    {
        /// <summary>Default relative threshold: 10% of the baseline.</summary>
        public const double DefaultRelativeThreshold = 0.10;
        /// <summary>Default absolute threshold, in milliseconds.</summary>
        public const double DefaultAbsoluteThreshold = 5.0;
        /// <summary>Fewest baseline samples a single value is judged against; fewer is Inconclusive.</summary>
        public const int MinimumBaselineSamples = 3;
        /// <summary>Fewest samples on each side for the Mann-Whitney U test to decide.</summary>
        public const int MinimumTestSamples = 5;
        /// <summary>p-value below which the Mann-Whitney test calls a change significant.</summary>
        public const double SignificanceLevel = 0.05;

        /// <summary>True when <paramref name="current"/> differs from <paramref name="baseline"/> by at least both thresholds.</summary>
        public static bool PassesThresholds(double current, double baseline, double relativeThreshold, double absoluteThreshold)
        {
            double delta = Math.Abs(current - baseline);
            return delta >= absoluteThreshold && delta >= relativeThreshold * Math.Abs(baseline) && delta > 0;
        }

        /// <summary>
        /// True when <paramref name="value"/> lies outside the noise of <paramref name="baseline"/>: its modified
        /// z-score against the baseline's median and MAD is above 3.5. A baseline without spread (MAD 0) has no
        /// noise, so any value other than its median lies outside it.
        /// </summary>
        public static bool OutsideNoise(double value, double[] baseline)
        {
            if (baseline == null || baseline.Length == 0) return false;
            return OutsideNoiseOfSorted(value, SampleStatistics.Sorted(baseline), new double[baseline.Length]);
        }

        /// <summary>As <see cref="OutsideNoise"/>, for a non-empty baseline sorted ascending (see MedianAbsoluteDeviationOfSorted).</summary>
        internal static bool OutsideNoiseOfSorted(double value, double[] sortedBaseline, double[] scratch)
        {
            double median = SampleStatistics.PercentileOfSorted(sortedBaseline, 0.5);
            double mad = SampleStatistics.MedianAbsoluteDeviationOfSorted(sortedBaseline, scratch);
            if (!(mad > 0)) return value != median;
            return Math.Abs(SampleStatistics.ModifiedZScore(value, median, mad)) > SampleStatistics.OutlierThreshold;
        }

        /// <summary>
        /// True when one <paramref name="value"/> is slower than <paramref name="baseline"/> by the default rule:
        /// at least <see cref="MinimumBaselineSamples"/> baseline samples, both default thresholds passed
        /// upwards from the baseline median, and outside the baseline's noise.
        /// </summary>
        public static bool IsSlower(double value, double[] baseline)
        {
            if (baseline == null || baseline.Length < MinimumBaselineSamples) return false;
            return IsSlowerThanSorted(value, SampleStatistics.Sorted(baseline), new double[baseline.Length]);
        }

        /// <summary>As <see cref="IsSlower"/>, for a baseline of at least <see cref="MinimumBaselineSamples"/> sorted ascending.</summary>
        internal static bool IsSlowerThanSorted(double value, double[] sortedBaseline, double[] scratch)
        {
            double median = SampleStatistics.PercentileOfSorted(sortedBaseline, 0.5);
            return value > median && PassesThresholds(value, median, DefaultRelativeThreshold, DefaultAbsoluteThreshold)
                && OutsideNoiseOfSorted(value, sortedBaseline, scratch);
        }
    }
}
