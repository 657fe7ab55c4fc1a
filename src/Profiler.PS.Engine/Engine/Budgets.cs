using System;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>Checks nodes against performance budgets: a maximum for one statistic of the node's window.</summary>
    public static class Budgets
    {
        /// <summary>The value of <paramref name="statistic"/> over <paramref name="node"/>'s window, in milliseconds.</summary>
        public static double ValueOf(NodePerformanceData node, BudgetStatistic statistic)
        {
            if (node == null) throw new ArgumentNullException(nameof(node));
            switch (statistic)
            {
                case BudgetStatistic.Avg: return node.AvgDuration;
                case BudgetStatistic.Median: return SampleStatistics.Median(node.Durations);
                case BudgetStatistic.P95: return SampleStatistics.Percentile(node.Durations, 0.95);
                case BudgetStatistic.Max: return node.MaxDuration;
                case BudgetStatistic.Last: return node.LastDuration;
                default: throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "Give Avg, Median, P95, Max or Last.");
            }
        }

        /// <summary>Checks <paramref name="node"/> against a budget of <paramref name="maximumMs"/>.</summary>
        /// <exception cref="ProfilerException">The maximum is not a positive finite number of milliseconds.</exception>
        public static BudgetResult Check(NodePerformanceData node, BudgetStatistic statistic, double maximumMs)
        {
            ValidateMaximum(maximumMs);
            return new BudgetResult(node.WorkflowId, node.NodeId, statistic, ValueOf(node, statistic), maximumMs, node.Durations.Length);
        }

        /// <summary>Throws unless <paramref name="maximumMs"/> is a positive finite number of milliseconds.</summary>
        /// <exception cref="ProfilerException">Kind InvalidSetting.</exception>
        public static void ValidateMaximum(double maximumMs)
        {
            if (double.IsNaN(maximumMs) || double.IsInfinity(maximumMs) || maximumMs <= 0)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, string.Format(CultureInfo.InvariantCulture,
                    "A budget's maximum must be more than 0 ms, but it is {0}: give milliseconds (5000) or a TimeSpan (00:00:05).", maximumMs));
        }

        /// <summary>Parses a statistic's name (Avg, Median, P95, Max, Last; any case); false for anything else.</summary>
        public static bool TryParseStatistic(string text, out BudgetStatistic statistic)
        {
            statistic = BudgetStatistic.Avg;
            if (string.IsNullOrWhiteSpace(text)) return false;
            foreach (BudgetStatistic s in (BudgetStatistic[])Enum.GetValues(typeof(BudgetStatistic)))
            {
                if (!string.Equals(s.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
                statistic = s;
                return true;
            }
            return false;
        }
    }
}
