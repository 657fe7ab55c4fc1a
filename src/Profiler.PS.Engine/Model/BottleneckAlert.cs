using System;
using System.Globalization;

namespace Profiler.PS
{
    /// <summary>
    /// A node that tripped the bottleneck rule in a run: its time in the run exceeded
    /// <see cref="Factor"/> times its average over earlier runs (the judged run is never in its own baseline).
    /// </summary>
    public sealed class BottleneckAlert
    {
        /// <summary>Creates an alert.</summary>
        public BottleneckAlert(string workflowId, int runNumber, string nodeId, string nodeLabel, double duration,
            double baselineAverage, int baselineSamples, double factor, DateTimeOffset timestamp)
        {
            WorkflowId = workflowId;
            RunNumber = runNumber;
            NodeId = nodeId;
            NodeLabel = nodeLabel;
            Duration = duration;
            BaselineAverage = baselineAverage;
            BaselineSamples = baselineSamples;
            Factor = factor;
            Timestamp = timestamp;
        }

        /// <summary>The workflow of the run.</summary>
        public string WorkflowId { get; }
        /// <summary>The run in which the rule fired.</summary>
        public int RunNumber { get; }
        /// <summary>The node that tripped the rule.</summary>
        public string NodeId { get; }
        /// <summary>The node's display label.</summary>
        public string NodeLabel { get; }
        /// <summary>The node's time in the run when the rule fired, in milliseconds.</summary>
        public double Duration { get; }
        /// <summary>The node's average over earlier runs (its window before this run), in milliseconds.</summary>
        public double BaselineAverage { get; }
        /// <summary>How many earlier samples the baseline average is over.</summary>
        public int BaselineSamples { get; }
        /// <summary>The ratio the rule used.</summary>
        public double Factor { get; }
        /// <summary><see cref="Duration"/> divided by <see cref="BaselineAverage"/>.</summary>
        public double Ratio => BaselineAverage > 0 ? Duration / BaselineAverage : double.PositiveInfinity;
        /// <summary>When the rule fired.</summary>
        public DateTimeOffset Timestamp { get; }
        /// <summary>Why the rule fired, in words.</summary>
        public string Reason => string.Format(CultureInfo.InvariantCulture,
            "{0:N1} ms is {1:0.0}x the average of {2:N1} ms over {3} earlier run{4} (threshold {5:0.##}x)",
            Duration, Ratio, BaselineAverage, BaselineSamples, BaselineSamples == 1 ? "" : "s", Factor);

        /// <summary>For example <c>compile: 3,000.0 ms is 2.0x the average ...</c>.</summary>
        public override string ToString() => NodeId + ": " + Reason;
    }
}
