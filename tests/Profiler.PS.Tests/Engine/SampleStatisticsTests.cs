using Profiler.PS.Statistics;

namespace Profiler.PS.Tests.Engine
{
    public class SampleStatisticsTests
    {
        [Fact]
        public void Percentiles_interpolate_between_closest_ranks()
        {
            double[] s = { 40, 10, 30, 20 };
            Assert.Equal(25, SampleStatistics.Median(s));
            Assert.Equal(38.5, SampleStatistics.Percentile(s, 0.95), 9);
            Assert.Equal(10, SampleStatistics.Percentile(s, 0));
            Assert.Equal(40, SampleStatistics.Percentile(s, 1));
            Assert.Equal(7, SampleStatistics.Percentile(new double[] { 7 }, 0.95));
            Assert.Equal(new double[] { 40, 10, 30, 20 }, s);   // the input is not reordered
            Assert.True(double.IsNaN(SampleStatistics.Median(new double[0])));
        }

        [Fact]
        public void Mean_and_standard_deviation()
        {
            double[] s = { 2, 4, 4, 4, 5, 5, 7, 9 };
            Assert.Equal(5, SampleStatistics.Mean(s));
            Assert.Equal(2.138089935, SampleStatistics.StandardDeviation(s), 6);
            Assert.Equal(0, SampleStatistics.StandardDeviation(new double[] { 3 }));
        }
    }
}
