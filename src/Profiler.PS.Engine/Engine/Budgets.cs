using System;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>Checks nodes against performance budgets: a maximum for one statistic of the node's window.</summary>
    public static class Budgets
    {
        /// <summary>The value of <paramref name="statistic"/> over <paramref name="node"/>'s window, in milliseconds; null
        /// when the node has no successful sample (every run of it failed or was stopped).</summary>
        public static double? ValueOf(NodePerformanceData node, BudgetStatistic statistic)
        {
            if (node == null) throw new ArgumentNullException(nameof(node));
            if (node.Durations.Length == 0) return null;
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

        /// <summary>
        /// Checks <paramref name="node"/> against a budget of <paramref name="maximumMs"/>. A node without a successful
        /// sample has no time to compare: the budget fails closed, not checked (<see cref="BudgetResult.Checked"/> false,
        /// Value null), and the message gives the window's failed and stopped runs.
        /// </summary>
        /// <exception cref="ProfilerException">The maximum is not a positive finite number of milliseconds.</exception>
        public static BudgetResult Check(NodePerformanceData node, BudgetStatistic statistic, double maximumMs)
        {
            ValidateMaximum(maximumMs);
            if (ValueOf(node, statistic) is double value)
                return new BudgetResult(node.WorkflowId, node.NodeId, statistic, value, maximumMs, node.Durations.Length);
            return BudgetResult.NotChecked(node.WorkflowId, node.NodeId, statistic, maximumMs, NoSuccessfulRun(node));
        }

        /// <summary>Why a node without a successful sample cannot be checked, with its failed and stopped runs.</summary>
        internal static string NoSuccessfulRun(NodePerformanceData node) => string.Format(CultureInfo.InvariantCulture,
            "{0}: not checked: node '{0}' of workflow '{1}' has no successful run in the window (Failed {2}, Stopped {3}), " +
            "so the budget fails. Fix the node so that it succeeds, or remove its budget.",
            node.NodeId, node.WorkflowId, node.WindowFailedCount, node.WindowStoppedCount);

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
