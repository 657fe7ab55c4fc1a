using System;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>Checks nodes against performance budgets: a maximum for one statistic of the node's window.</summary>
    public static class Budgets
    {
        /// <summary>The value of <paramref name="statistic"/> over <paramref name="node"/>'s window, in milliseconds; null
        /// when the node has no successful sample (every run of it failed or was stopped). Last is the latest successful
        /// sample: <see cref="Check"/> also requires it to be from the workflow's latest completed run.</summary>
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
        /// Checks <paramref name="node"/> against a budget of <paramref name="maximumMs"/>. The gate fails closed: a budget
        /// it cannot vouch for is not passed but not checked (<see cref="BudgetResult.Checked"/> false, Value null), with a
        /// message that says why:
        /// <list type="bullet">
        /// <item>the node has no successful sample (the message gives the window's failed and stopped runs);</item>
        /// <item>the node failed or was stopped in the latest run it ran in, whatever the statistic: its successful samples
        /// are older than its current state (a node that failed only in older runs is judged on its successful samples);</item>
        /// <item>the statistic is Last and the node did not run in the workflow's latest completed run
        /// (<paramref name="latestRunNumber"/>): Last is that run's value, and an older one would pass stale data.</item>
        /// </list>
        /// </summary>
        /// <param name="node">The node's statistics.</param>
        /// <param name="statistic">The statistic of the window to compare.</param>
        /// <param name="maximumMs">The budget, in milliseconds.</param>
        /// <param name="latestRunNumber">The number of the workflow's latest completed run, taken with the node's statistics.</param>
        /// <exception cref="ProfilerException">The maximum is not a positive finite number of milliseconds.</exception>
        public static BudgetResult Check(NodePerformanceData node, BudgetStatistic statistic, double maximumMs, int latestRunNumber)
        {
            ValidateMaximum(maximumMs);
            double? value = ValueOf(node, statistic);
            string why = value == null ? NoSuccessfulRun(node) : NotVouchedFor(node, statistic, latestRunNumber);
            return why == null
                ? new BudgetResult(node.WorkflowId, node.NodeId, statistic, value.Value, maximumMs, node.Durations.Length)
                : BudgetResult.NotChecked(node.WorkflowId, node.NodeId, statistic, maximumMs, why);
        }

        /// <summary>Why a node with successful samples still cannot be judged by <paramref name="statistic"/>, or null when it can.</summary>
        private static string NotVouchedFor(NodePerformanceData node, BudgetStatistic statistic, int latestRunNumber)
        {
            int nodeRun = node.LastRunNumber;
            if (node.LastStatusValue != NodeStatus.Succeeded)
            {
                string which = nodeRun == latestRunNumber
                    ? string.Format(CultureInfo.InvariantCulture, "the latest run {0}", nodeRun)
                    : string.Format(CultureInfo.InvariantCulture, "run {0}, the latest run it ran in (the workflow's latest is run {1})", nodeRun, latestRunNumber);
                return string.Format(CultureInfo.InvariantCulture,
                    "{0}: not checked: node '{0}' of workflow '{1}' {2} in {3}, so its {4} budget fails: its successful times are older " +
                    "than that run and the gate cannot vouch for it. Fix the node so that it succeeds, then judge its time.",
                    node.NodeId, node.WorkflowId, node.LastStatusValue == NodeStatus.Failed ? "failed" : "was stopped", which, statistic);
            }
            if (statistic == BudgetStatistic.Last && nodeRun < latestRunNumber)
                return string.Format(CultureInfo.InvariantCulture,
                    "{0}: not checked: node '{0}' of workflow '{1}' did not run in the latest run {2} (it last ran in run {3}), so its Last " +
                    "budget fails: Last is the latest run's time. For a step that does not run every time, budget a window statistic " +
                    "(-Statistic Avg, Median, P95 or Max).",
                    node.NodeId, node.WorkflowId, latestRunNumber, nodeRun);
            return null;
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
