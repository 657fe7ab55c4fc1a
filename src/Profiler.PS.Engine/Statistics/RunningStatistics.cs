using System;

namespace Profiler.PS.Statistics
{
    /// <summary>
    /// Count, mean, spread, minimum and maximum of every sample ever added, in constant memory: Welford's
    /// online algorithm, whose running sum of squared deviations (<see cref="M2"/>) does not lose precision the
    /// way a sum of squares does. The samples are shifted by the first one (or by the restored mean) before they
    /// are folded: "1 day plus or minus 1 ms" samples become values near 0, whose differences are exact, so the mean
    /// of the shifted values does not carry the rounding of an 8.64e7 mean into every squared deviation (unshifted,
    /// Welford's update loses about 5 digits of the standard deviation on such data). An immutable value:
    /// <see cref="Add"/> and <see cref="Combine"/> return new ones.
    /// </summary>
    public readonly struct RunningStatistics : IEquatable<RunningStatistics>
    {
        /// <summary>Restores a value from its parts (as persisted); <see cref="Add"/> is how one grows.</summary>
        public RunningStatistics(long count, double mean, double m2, double min, double max)
            : this(count, mean, 0, m2, min, max)
        {
        }

        private RunningStatistics(long count, double shift, double shiftedMean, double m2, double min, double max)
        {
            Count = count;
            _shift = shift;
            _shiftedMean = shiftedMean;
            M2 = m2;
            Min = min;
            Max = max;
        }

        /// <summary>The value every sample is shifted by before it is folded, and the mean of the shifted samples.</summary>
        private readonly double _shift, _shiftedMean;

        /// <summary>Samples added.</summary>
        public long Count { get; }
        /// <summary>Mean of the samples; 0 when there is none.</summary>
        public double Mean => _shift + _shiftedMean;
        /// <summary>Sum of squared deviations from the mean.</summary>
        public double M2 { get; }
        /// <summary>Smallest sample; 0 when there is none.</summary>
        public double Min { get; }
        /// <summary>Largest sample; 0 when there is none.</summary>
        public double Max { get; }
        /// <summary>Sample standard deviation (n - 1 denominator); 0 for fewer than two samples.</summary>
        public double StandardDeviation => Count > 1 ? Math.Sqrt(Math.Max(0, M2) / (Count - 1)) : 0;

        /// <summary>The statistics with <paramref name="x"/> added.</summary>
        public RunningStatistics Add(double x)
        {
            if (Count == 0) return new RunningStatistics(1, x, 0, 0, x, x);
            long n = Count + 1;
            double shifted = x - _shift;
            double delta = shifted - _shiftedMean;
            double mean = _shiftedMean + delta / n;
            return new RunningStatistics(n, _shift, mean, M2 + delta * (shifted - mean), Math.Min(Min, x), Math.Max(Max, x));
        }

        /// <summary>The statistics of both sets of samples together (Chan et al.'s pairwise update).</summary>
        public RunningStatistics Combine(RunningStatistics other)
        {
            if (other.Count == 0) return this;
            if (Count == 0) return other;
            long n = Count + other.Count;
            double otherMean = (other._shift - _shift) + other._shiftedMean;   // the other's mean on this shift
            double delta = otherMean - _shiftedMean;
            double mean = _shiftedMean + delta * other.Count / n;
            double m2 = M2 + other.M2 + delta * delta * ((double)Count * other.Count / n);
            return new RunningStatistics(n, _shift, mean, m2, Math.Min(Min, other.Min), Math.Max(Max, other.Max));
        }

        /// <summary>The statistics of <paramref name="samples"/> added in order.</summary>
        public static RunningStatistics Of(double[] samples)
        {
            var s = default(RunningStatistics);
            if (samples != null) foreach (double x in samples) s = s.Add(x);
            return s;
        }

        /// <inheritdoc />
        public bool Equals(RunningStatistics other) => Count == other.Count && Mean.Equals(other.Mean) && M2.Equals(other.M2)
            && Min.Equals(other.Min) && Max.Equals(other.Max);

        /// <inheritdoc />
        public override bool Equals(object obj) => obj is RunningStatistics other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => Count.GetHashCode() ^ Mean.GetHashCode() ^ M2.GetHashCode();

        /// <summary>For example <c>n=3 mean=20 min=10 max=30</c>.</summary>
        public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "n={0} mean={1} min={2} max={3}", Count, Mean, Min, Max);
    }
}
