using System;
using Profiler.PS.Statistics;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>
    /// p-values checked against published or independently computed values: scipy.stats.mannwhitneyu's documented
    /// example (exact 0.1111, asymptotic 0.11134688653314041) and a brute-force enumeration of every split.
    /// </summary>
    public class MannWhitneyTests
    {
        private static readonly double[] Males = { 19, 22, 16, 29, 24 };
        private static readonly double[] Females = { 20, 11, 17, 12 };

        /// <summary>The normal approximation goes through an erfc accurate to 1.2e-7 relative.</summary>
        private static void AssertClose(double expected, double actual)
            => Assert.True(Math.Abs(actual - expected) <= 1e-6 * expected, $"expected {expected:R}, got {actual:R}");

        [Fact]
        public void The_scipy_documentation_example_exact()
        {
            MannWhitneyResult r = MannWhitney.Test(Males, Females);
            Assert.Equal(17, r.U);
            Assert.True(r.IsExact);
            Assert.Equal(0.1111111111111111, r.PValue, 12);
        }

        [Fact]
        public void The_scipy_documentation_example_asymptotic()
        {
            MannWhitneyResult r = MannWhitney.Test(Males, Females, allowExact: false);
            Assert.False(r.IsExact);
            AssertClose(0.11134688653314041, r.PValue);
        }

        [Fact]
        public void Completely_separated_samples_of_five()
        {
            MannWhitneyResult r = MannWhitney.Test(new double[] { 1, 2, 3, 4, 5 }, new double[] { 6, 7, 8, 9, 10 });
            Assert.Equal(0, r.U);
            Assert.Equal(2.0 / 252, r.PValue, 12);              // 2 of the C(10,5) splits are this extreme
            AssertClose(0.012185780355344818, MannWhitney.Test(new double[] { 1, 2, 3, 4, 5 }, new double[] { 6, 7, 8, 9, 10 }, false).PValue);
        }

        [Fact]
        public void Interleaved_samples_are_not_different()
        {
            MannWhitneyResult r = MannWhitney.Test(new double[] { 1, 3, 5, 7, 9 }, new double[] { 2, 4, 6, 8, 10 });
            Assert.Equal(10, r.U);
            Assert.Equal(0.6904761904761905, r.PValue, 12);
        }

        [Fact]
        public void Ties_use_the_normal_approximation_with_tie_correction()
        {
            MannWhitneyResult r = MannWhitney.Test(new double[] { 10, 10, 11, 12, 13, 14 }, new double[] { 12, 13, 13, 15, 16, 16, 17 });
            Assert.False(r.IsExact);
            Assert.Equal(5.5, r.U);
            AssertClose(0.030482500039001447, r.PValue);
        }

        [Fact]
        public void Larger_samples_use_the_normal_approximation()
        {
            double[] x = { 104.721, 102.063, 107.921, 103.099, 101.33, 108.032, 118.359, 116.009, 115.303, 104.439, 110.734, 105.534, 103.453, 102.124, 104.288, 118.55, 116.578, 116.133, 116.009, 103.869, 106.197, 112.54, 114.638, 117.093, 117.601, 101.734, 112.117, 113.434, 110.119, 103.556 };
            double[] y = { 117.472, 109.787, 126.692, 125.31, 118.953, 114.005, 126.177, 119.447, 125.646, 124.961, 118.167, 116.279, 119.978, 116.621, 111.226, 114.102, 124.252, 108.865, 108.926, 120.527, 113.609, 118.692, 117.425, 114.857, 127.946, 111.911, 116.256, 112.053, 120.653, 113.526 };
            MannWhitneyResult r = MannWhitney.Test(x, y);
            Assert.Equal(155, r.U);
            AssertClose(1.3363070121051952e-05, r.PValue);
        }

        [Fact]
        public void All_values_tied_give_p_one_and_empty_samples_are_refused()
        {
            Assert.Equal(1, MannWhitney.Test(new double[] { 5, 5, 5, 5, 5 }, new double[] { 5, 5, 5, 5, 5 }).PValue);
            Assert.Throws<ArgumentException>(() => MannWhitney.Test(new double[0], new double[] { 1 }));
        }

        [Fact]
        public void The_test_is_symmetric()
        {
            Assert.Equal(MannWhitney.Test(Males, Females).PValue, MannWhitney.Test(Females, Males).PValue, 12);
            Assert.Equal(20 - 17, MannWhitney.Test(Females, Males).U);
        }
    }
}
