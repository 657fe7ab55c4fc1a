using System;
using System.Globalization;

namespace Profiler.PS.Statistics
{
    /// <summary>
    /// The one policy that decides whether durations are slower (or faster) than a baseline. Every consumer uses
    /// it: the live -OnBottleneck alert, the run's alerts (heatmap "!", Get-Bottleneck, HTML and Markdown reports),
    /// Complete-WorkflowProfile's Comparison, Compare-WorkflowRun, the Outliers flags and IsFirstRunSlow.
    /// <para>A change counts only when its medians differ by at least both thresholds: a relative one (10% of the
    /// baseline median by default) and an absolute one (5 ms by default). Then: with at least
    /// <see cref="MinimumTestSamples"/> samples on each side the two-sided Mann-Whitney U test decides (p below
    /// <see cref="SignificanceLevel"/>); otherwise the baseline needs at least <see cref="MinimumBaselineSamples"/>
    /// samples (3 by default) and the judged median must lie outside the baseline's noise: its modified z-score
    /// 0.6745 (x - median) / MAD against the baseline above <see cref="SampleStatistics.OutlierThreshold"/> (3.5).</para>
    /// <para>MAD = 0 (more than half the baseline equal): as hyperfine's outlier_detection.rs, the MAD is replaced by
    /// the machine epsilon, so a constant baseline has no noise and any value away from it lies outside it. The same
    /// two tests (thresholds, then the modified z-score) flag outliers (<see cref="Outliers"/>): in 10, 10, 10, 10, 10,
    /// 10, 10, 100 the 100 is an outlier; in 50, 50, 50, 50, 50.2 the 50.2 is not (0.2 ms is within the thresholds).</para>
    /// </summary>
    public sealed class RegressionRule
    {
        /// <summary>Default relative threshold: 10% of the baseline median.</summary>
        public const double DefaultRelativeThreshold = 0.10;
        /// <summary>Default absolute threshold, in milliseconds.</summary>
        public const double DefaultAbsoluteThreshold = 5.0;
        /// <summary>Default fewest baseline samples a single value is judged against; fewer is Inconclusive.</summary>
        public const int DefaultMinimumBaselineSamples = 3;
        /// <summary>Fewest samples on each side for the Mann-Whitney U test to decide.</summary>
        public const int MinimumTestSamples = 5;
        /// <summary>p-value below which the Mann-Whitney test calls a change significant.</summary>
        public const double SignificanceLevel = 0.05;

        /// <summary>The rule with default settings.</summary>
        public static readonly RegressionRule Default = new RegressionRule(DefaultRelativeThreshold, DefaultAbsoluteThreshold, DefaultMinimumBaselineSamples);

        /// <summary>A rule with the given thresholds (a fraction, 0.1 is 10%; milliseconds) and minimum baseline.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A threshold is negative or not finite, or the minimum is below 1.</exception>
        public RegressionRule(double relativeThreshold, double absoluteThreshold, int minimumBaselineSamples)
        {
            if (!(relativeThreshold >= 0) || double.IsInfinity(relativeThreshold))
                throw new ArgumentOutOfRangeException(nameof(relativeThreshold), relativeThreshold, "A relative threshold is a finite fraction of 0 or more.");
            if (!(absoluteThreshold >= 0) || double.IsInfinity(absoluteThreshold))
                throw new ArgumentOutOfRangeException(nameof(absoluteThreshold), absoluteThreshold, "An absolute threshold is a finite number of milliseconds of 0 or more.");
            if (minimumBaselineSamples < 1)
                throw new ArgumentOutOfRangeException(nameof(minimumBaselineSamples), minimumBaselineSamples, "At least 1 baseline sample is needed.");
            RelativeThreshold = relativeThreshold;
            AbsoluteThreshold = absoluteThreshold;
            MinimumBaselineSamples = minimumBaselineSamples;
        }

        /// <summary>Relative threshold, a fraction of the baseline median (0.1 is 10%).</summary>
        public double RelativeThreshold { get; }
        /// <summary>Absolute threshold, in milliseconds.</summary>
        public double AbsoluteThreshold { get; }
        /// <summary>Fewest baseline samples a judgement without the Mann-Whitney test needs.</summary>
        public int MinimumBaselineSamples { get; }

        /// <summary>A copy with other thresholds (per-call overrides); null keeps this rule's value.</summary>
        public RegressionRule With(double? relativeThreshold, double? absoluteThreshold) =>
            relativeThreshold == null && absoluteThreshold == null ? this
                : new RegressionRule(relativeThreshold ?? RelativeThreshold, absoluteThreshold ?? AbsoluteThreshold, MinimumBaselineSamples);

        /// <summary>The MAD the noise test divides by: the MAD, or the machine epsilon when it is 0 (hyperfine's convention).</summary>
        public static double EffectiveMad(double mad) => mad > 0 ? mad : DoubleEpsilon;

        /// <summary>2^-52, Rust's f64::EPSILON (not .NET's double.Epsilon, the smallest subnormal).</summary>
        public const double DoubleEpsilon = 2.220446049250313e-16;

        /// <summary>True when <paramref name="x"/> lies outside the noise of a sample with <paramref name="median"/> and
        /// <paramref name="mad"/>: its modified z-score exceeds 3.5 in absolute value. Only half of the outlier test
        /// (<see cref="Outliers"/> also needs the thresholds).</summary>
        public static bool IsOutsideNoise(double x, double median, double mad)
            => Math.Abs(SampleStatistics.ModifiedZScore(x, median, EffectiveMad(mad))) > SampleStatistics.OutlierThreshold;

        /// <summary>True when a change of <paramref name="delta"/> from <paramref name="baselineMedian"/> passes both thresholds.</summary>
        public bool PassesThresholds(double delta, double baselineMedian)
        {
            double size = Math.Abs(delta);
            return size > 0 && size >= AbsoluteThreshold && size >= RelativeThreshold * Math.Abs(baselineMedian);
        }

        /// <summary>
        /// True when one value is Slower than a baseline summarised by <paramref name="baseline"/>: the exact test the
        /// single-run path of <see cref="Judge"/> applies, so the live alert (which summarises its baseline once per
        /// run) and the comparison agree bit for bit.
        /// </summary>
        public bool IsSlower(double value, BaselineSummary baseline)
            => baseline.Count >= MinimumBaselineSamples && value > baseline.Median
               && PassesThresholds(value - baseline.Median, baseline.Median) && IsOutsideNoise(value, baseline.Median, baseline.Mad);

        /// <summary>True when <paramref name="value"/> is Slower than <paramref name="baseline"/> by this rule.</summary>
        public bool IsSlower(double value, double[] baseline) => Judge(new[] { value }, baseline).Verdict == ComparisonVerdict.Slower;

        /// <summary>
        /// Judges <paramref name="current"/> against <paramref name="baseline"/> (both non-empty, milliseconds): Same,
        /// Slower, Faster or Inconclusive, with the p-value (Mann-Whitney only), the method and the reason in words.
        /// </summary>
        public RuleOutcome Judge(double[] current, double[] baseline)
        {
            if (current == null || current.Length == 0 || baseline == null || baseline.Length == 0)
                throw new ArgumentException("Both sides need at least one sample.");
            double cur = SampleStatistics.Median(current);
            BaselineSummary b = BaselineSummary.Of(baseline);
            ComparisonVerdict direction = cur > b.Median ? ComparisonVerdict.Slower : ComparisonVerdict.Faster;
            bool passes = PassesThresholds(cur - b.Median, b.Median);
            string thresholds = string.Format(CultureInfo.InvariantCulture, "{0:0.##}% and {1:0.###} ms", RelativeThreshold * 100, AbsoluteThreshold);
            if (current.Length >= MinimumTestSamples && baseline.Length >= MinimumTestSamples)
            {
                MannWhitneyResult test = MannWhitney.Test(current, baseline);
                string method = test.IsExact ? "Mann-Whitney U (exact)" : "Mann-Whitney U (normal approximation)";
                string p = PValueText.Format(test.PValue);
                if (!passes) return new RuleOutcome(ComparisonVerdict.Same, cur, b.Median, test.PValue, method, "the change is within the thresholds (" + thresholds + ")");
                if (test.PValue < SignificanceLevel)
                    return new RuleOutcome(direction, cur, b.Median, test.PValue, method, "past the thresholds and significant (" + p + ")");
                return new RuleOutcome(ComparisonVerdict.Inconclusive, cur, b.Median, test.PValue, method,
                    "past the thresholds but not significant (" + p + ", needs p < 0.05)");
            }
            const string rule = "thresholds and baseline noise";
            if (baseline.Length < MinimumBaselineSamples)
                return new RuleOutcome(ComparisonVerdict.Inconclusive, cur, b.Median, null, rule, string.Format(CultureInfo.InvariantCulture,
                    "only {0} baseline run{1}: at least {2} are needed to judge", baseline.Length, baseline.Length == 1 ? "" : "s", MinimumBaselineSamples));
            if (!passes) return new RuleOutcome(ComparisonVerdict.Same, cur, b.Median, null, rule, "the change is within the thresholds (" + thresholds + ")");
            if (IsOutsideNoise(cur, b.Median, b.Mad))
                return new RuleOutcome(direction, cur, b.Median, null, rule, "past the thresholds and outside the baseline's noise");
            return new RuleOutcome(ComparisonVerdict.Inconclusive, cur, b.Median, null, rule,
                "past the thresholds but within the baseline's noise (modified z-score 3.5 or less)");
        }

        /// <summary>
        /// One flag per sample (same order): true when the sample is an outlier of the whole sample by this rule, the
        /// test that decides Slower for a single run: its distance from the sample's median passes both thresholds (by
        /// default 10% of the median and 5 ms) and its modified z-score 0.6745 (x - median) / MAD exceeds 3.5 in absolute
        /// value (Iglewicz and Hoaglin; hyperfine's score). A MAD of 0 (more than half the samples equal) is replaced by
        /// the machine epsilon, as hyperfine does, so a sample that passes the thresholds away from a constant majority is
        /// an outlier (in 10, 10, 10, 10, 10, 10, 10, 100 the 100 is one) and jitter below them never is.
        /// </summary>
        public bool[] Outliers(double[] samples)
        {
            var flags = new bool[samples?.Length ?? 0];
            if (flags.Length == 0) return flags;
            BaselineSummary s = BaselineSummary.Of(samples);
            for (int i = 0; i < flags.Length; i++)
                flags[i] = PassesThresholds(samples[i] - s.Median, s.Median) && IsOutsideNoise(samples[i], s.Median, s.Mad);
            return flags;
        }

        /// <summary>How many of <see cref="Outliers"/> are true.</summary>
        public int OutlierCount(double[] samples)
        {
            int count = 0;
            foreach (bool o in Outliers(samples)) if (o) count++;
            return count;
        }
    }

    /// <summary>A baseline's size, median and MAD (unscaled), as the rule reads it.</summary>
    public readonly struct BaselineSummary
    {
        /// <summary>Creates a summary.</summary>
        public BaselineSummary(int count, double median, double mad)
        {
            Count = count;
            Median = median;
            Mad = mad;
        }

        /// <summary>Baseline samples.</summary>
        public int Count { get; }
        /// <summary>Median of the baseline, in milliseconds (type 7; NaN when empty).</summary>
        public double Median { get; }
        /// <summary>Median absolute deviation from the median, unscaled, in milliseconds.</summary>
        public double Mad { get; }

        /// <summary>The summary of <paramref name="samples"/> (an empty sample gives Count 0).</summary>
        public static BaselineSummary Of(double[] samples)
        {
            if (samples == null || samples.Length == 0) return new BaselineSummary(0, double.NaN, double.NaN);
            double[] sorted = SampleStatistics.Sorted(samples);
            return new BaselineSummary(samples.Length, SampleStatistics.PercentileOfSorted(sorted, 0.5),
                SampleStatistics.MedianAbsoluteDeviationOfSorted(sorted, new double[sorted.Length]));
        }
    }

    /// <summary>What <see cref="RegressionRule.Judge"/> concluded.</summary>
    public readonly struct RuleOutcome
    {
        internal RuleOutcome(ComparisonVerdict verdict, double current, double baseline, double? pValue, string method, string reason)
        {
            Verdict = verdict;
            Current = current;
            Baseline = baseline;
            PValue = pValue;
            Method = method;
            Reason = reason;
        }

        /// <summary>Same, Slower, Faster or Inconclusive.</summary>
        public ComparisonVerdict Verdict { get; }
        /// <summary>Median of the judged samples, in milliseconds.</summary>
        public double Current { get; }
        /// <summary>Median of the baseline, in milliseconds.</summary>
        public double Baseline { get; }
        /// <summary>The Mann-Whitney p-value, or null when the test was not used.</summary>
        public double? PValue { get; }
        /// <summary>How the verdict was reached.</summary>
        public string Method { get; }
        /// <summary>Why, in words.</summary>
        public string Reason { get; }
    }

    /// <summary>Formats p-values and ratios so that no rounding changes what they say.</summary>
    public static class PValueText
    {
        /// <summary>
        /// "p = 0.0499", "p = 0.3", "p &lt; 0.001": four significant digits at most, and never rounded onto or across
        /// the 0.05 significance level (0.04999 prints as 0.04999, not 0.05).
        /// </summary>
        public static string Format(double p)
        {
            if (double.IsNaN(p)) return "p = n/a";
            if (p < 0.001) return "p < 0.001";
            string text = p.ToString("0.####", CultureInfo.InvariantCulture);
            // Rounding must not move p across the significance level: add digits until the printed value is on p's side.
            for (int digits = 5; digits <= 17 && (p < RegressionRule.SignificanceLevel) != (Parse(text) < RegressionRule.SignificanceLevel); digits++)
                text = p.ToString("0." + new string('#', digits), CultureInfo.InvariantCulture);
            return "p = " + text;
        }

        /// <summary>A ratio such as "2.0x"; "&gt;99x" when it is above 99 or the baseline is 0 (and the value is not).</summary>
        public static string Ratio(double value, double baseline)
        {
            if (!(baseline > 0)) return value > 0 ? ">99x" : "1.0x";
            double r = value / baseline;
            return r > 99 ? ">99x" : r.ToString("F1", CultureInfo.InvariantCulture) + "x";
        }

        private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    }
}
