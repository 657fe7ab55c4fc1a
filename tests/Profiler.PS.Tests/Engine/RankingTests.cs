using System;
using System.Linq;
using Profiler.PS.Engine;

namespace Profiler.PS.Tests.Engine
{
    public class RankingTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(5)]
        [InlineData(40)]
        public void Picking_the_top_few_matches_sorting_everything(int top)
        {
            var random = new Random(11);
            // Many ties, so the NodeId tie-break is exercised.
            NodePerformanceData[] nodes = Enumerable.Range(0, 500)
                .Select(i => new NodePerformanceData("w", "n" + random.Next(100_000) + "_" + i, null, null,
                    new double[] { random.Next(20) }, new[] { 1 }, 0, 1, 1))
                .ToArray();
            NodePerformanceData[] expected = Ranking.SlowestFirst(nodes).Take(top).ToArray();
            Assert.Equal(expected.Select(n => n.NodeId), Ranking.Slowest(nodes, top).Select(n => n.NodeId));
            Assert.Equal(expected.Select(n => n.NodeId), Ranking.Bottlenecks(nodes, Array.Empty<BottleneckAlert>(), top).Select(b => b.NodeId));
        }
    }
}
