using System.Globalization;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>The statistic of a node's window a budget is checked against.</summary>
    public enum BudgetStatistic
    {
        /// <summary>The mean of the window (AvgDuration).</summary>
        Avg,
        /// <summary>The median of the window.</summary>
        Median,
        /// <summary>The 95th percentile of the window (type 7, see SampleStatistics).</summary>
        P95,
        /// <summary>The largest sample of the window (MaxDuration).</summary>
        Max,
        /// <summary>The node's sample in the workflow's latest completed run (its LastDuration when it succeeded there); a
        /// node that did not run in that run, or failed or was stopped in it, cannot be checked.</summary>
        Last,
    }

    /// <summary>One budget checked against one node (Test-WorkflowBudget): passed when the statistic is at most the maximum.</summary>
    public sealed class BudgetResult
    {
        /// <summary>Creates a result; Test-WorkflowBudget does this.</summary>
        public BudgetResult(string workflowId, string nodeId, BudgetStatistic statistic, double value, double maximum, int samples)
        {
            WorkflowId = workflowId;
            NodeId = nodeId;
            StatisticValue = statistic;
            Value = value;
            Maximum = maximum;
            Samples = samples;
            Passed = value <= maximum;
            Checked = true;
        }

        /// <summary>
        /// A budget that could not be checked (its entry names no node with completed runs or is not a valid pattern, or
        /// <see cref="Budgets.Check"/> cannot vouch for the node): a gate fails closed, so it is not passed. Value and
        /// Headroom are null and Samples 0; <see cref="Message"/> is <paramref name="reason"/>.
        /// </summary>
        public static BudgetResult NotChecked(string workflowId, string entry, BudgetStatistic statistic, double maximum, string reason)
            => new BudgetResult(workflowId, entry, statistic, maximum, reason);

        private BudgetResult(string workflowId, string nodeId, BudgetStatistic statistic, double maximum, string reason)
        {
            WorkflowId = workflowId;
            NodeId = nodeId;
            StatisticValue = statistic;
            Maximum = maximum;
            Passed = false;
            Checked = false;
            _reason = reason;
        }

        private readonly string _reason;

        /// <summary>False when nothing was compared, so the budget is not passed: no node matched the budget's entry, the
        /// node has no successful run, it failed or was stopped in the latest run it ran in, or (Last) it did not run in
        /// the workflow's latest completed run. <see cref="Message"/> says which.</summary>
        public bool Checked { get; }

        /// <summary>The workflow of the node.</summary>
        public string WorkflowId { get; }
        /// <summary>The node checked.</summary>
        public string NodeId { get; }
        /// <summary>Which statistic of the node's window was compared: a <see cref="BudgetStatistic"/> name (Avg, Median,
        /// P95, Max, Last). A string, so that ConvertTo-Json and Export-Csv write the name.</summary>
        public string Statistic => StatisticValue.ToString();
        /// <summary>The statistic compared, as the enum.</summary>
        internal BudgetStatistic StatisticValue { get; }
        /// <summary>The statistic's value, in milliseconds; null when the budget was not <see cref="Checked"/>.</summary>
        public double? Value { get; }
        /// <summary>The budget: the largest value that passes, in milliseconds.</summary>
        public double Maximum { get; }
        /// <summary>How many run samples (the window) the statistic is over.</summary>
        public int Samples { get; }
        /// <summary>True when <see cref="Value"/> is at most <see cref="Maximum"/>.</summary>
        public bool Passed { get; }
        /// <summary><see cref="Maximum"/> minus <see cref="Value"/>, in milliseconds: negative when over budget; null when not <see cref="Checked"/>.</summary>
        public double? Headroom => Maximum - Value;
        /// <summary>The verdict in words, for example <c>compile: P95 6,000.0 ms exceeds the budget of 5,000.0 ms by 1,000.0 ms (5 runs)</c>.</summary>
        public string Message
        {
            get
            {
                if (_reason != null) return _reason;
                // One decimal, or as many more (up to six) as it takes for a failed value and its budget to read apart
                // ("12.25 exceeds 12.24 by 0.01", never "12.2 exceeds 12.2 by 0.0").
                string format = "N1";
                for (int d = 2; !Passed && d <= 6 && Format(Value, format) == Format(Maximum, format); d++) format = "N" + d.ToString(CultureInfo.InvariantCulture);
                if (!Passed && Format(-Headroom, format) == Format(0.0, format)) format = format == "N1" ? "N2" : format;
                return string.Format(CultureInfo.InvariantCulture,
                    Passed ? "{0}: {1} {2} ms is within the budget of {3} ms ({5} run{6})"
                           : "{0}: {1} {2} ms exceeds the budget of {3} ms by {4} ms ({5} run{6})",
                    NodeId, Statistic, Format(Value, format), Format(Maximum, format), Format(-Headroom, format), Samples, Samples == 1 ? "" : "s");
            }
        }

        private static string Format(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";

        /// <summary>PASS or FAIL followed by <see cref="Message"/>.</summary>
        public override string ToString() => (Passed ? "PASS " : "FAIL ") + Message;
    }
}
