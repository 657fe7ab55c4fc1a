using System;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS
{
    /// <summary>
    /// A node that the workflow's regression rule judged Slower in a run: its time in the run against its
    /// baseline, the successful samples of up to WindowSize earlier runs (the judged run is never in its own
    /// baseline). The rule is the one Compare-WorkflowRun applies, so with the same settings an alert exists for
    /// a node of a run of the window exactly when Compare-WorkflowRun -Run calls the node Slower (the workflow keeps
    /// the baselines of its window's runs, <see cref="Engine.WorkflowSettings.KeptRuns"/>). During a run the alert is
    /// provisional (<see cref="IsProvisional"/>): the run's final alerts are judged again on its completed samples,
    /// so a node that later failed, or whose alert was raised mid-run, keeps an alert only if it is still Slower.
    /// </summary>
    public sealed class BottleneckAlert
    {
        /// <summary>Creates an alert.</summary>
        public BottleneckAlert(string workflowId, int runNumber, string nodeId, string nodeLabel, double duration,
            double baselineMedian, int baselineSamples, DateTimeOffset timestamp, bool isProvisional = false)
        {
            WorkflowId = workflowId;
            RunNumber = runNumber;
            NodeId = nodeId;
            NodeLabel = nodeLabel;
            Duration = duration;
            BaselineMedian = baselineMedian;
            BaselineSamples = baselineSamples;
            Timestamp = timestamp;
            IsProvisional = isProvisional;
        }

        /// <summary>The workflow of the run.</summary>
        public string WorkflowId { get; }
        /// <summary>The run in which the rule fired.</summary>
        public int RunNumber { get; }
        /// <summary>The node judged Slower.</summary>
        public string NodeId { get; }
        /// <summary>The node's display label.</summary>
        public string NodeLabel { get; }
        /// <summary>The node's time in the run when judged, in milliseconds.</summary>
        public double Duration { get; }
        /// <summary>The median of the node's baseline (successful samples of earlier runs), in milliseconds.</summary>
        public double BaselineMedian { get; }
        /// <summary>How many earlier samples the baseline holds.</summary>
        public int BaselineSamples { get; }
        /// <summary>Always Slower: the verdict of the regression rule that raised the alert (a <see cref="ComparisonVerdict"/>
        /// name, as a string so that ConvertTo-Json and Export-Csv write the name).</summary>
        public string Verdict => nameof(ComparisonVerdict.Slower);
        /// <summary>True for an alert raised while the run was still recording (delivered to -OnBottleneck); false for the run's final alerts.</summary>
        public bool IsProvisional { get; }
        /// <summary><see cref="Duration"/> over <see cref="BaselineMedian"/> (2.0 is twice the usual time), a number so that
        /// Sort-Object, Export-Csv and ConvertTo-Json treat it as one; null against a zero baseline. The table shows it as
        /// "2.0x" ("&gt;99x" above 99 or against a zero baseline).</summary>
        public double? Ratio => BaselineMedian > 0 ? Duration / BaselineMedian : (double?)null;
        /// <summary><see cref="Ratio"/> as the table and <see cref="Reason"/> show it: "2.0x", "&gt;99x".</summary>
        internal string RatioText => PValueText.Ratio(Duration, BaselineMedian);
        /// <summary>When the rule fired.</summary>
        public DateTimeOffset Timestamp { get; }
        /// <summary>Why the rule fired, in words.</summary>
        public string Reason => string.Format(CultureInfo.InvariantCulture,
            "{0:N1} ms is {1} the median of {2:N1} ms over {3} earlier run{4}: Slower{5}",
            Duration, RatioText, BaselineMedian, BaselineSamples, BaselineSamples == 1 ? "" : "s", IsProvisional ? " (provisional: the run is still recording)" : "");

        /// <summary>The same alert, final (not provisional).</summary>
        /// <summary>The same alert of run <paramref name="runNumber"/> (the number its history record got).</summary>
        internal BottleneckAlert WithRunNumber(int runNumber) => new BottleneckAlert(WorkflowId, runNumber, NodeId, NodeLabel, Duration,
            BaselineMedian, BaselineSamples, Timestamp, IsProvisional);

        internal BottleneckAlert AsFinal(double duration) => new BottleneckAlert(WorkflowId, RunNumber, NodeId, NodeLabel, duration,
            BaselineMedian, BaselineSamples, Timestamp);

        /// <summary>For example <c>compile: 3,000.0 ms is 2.0x the median ...</c>.</summary>
        public override string ToString() => NodeId + ": " + Reason;
    }
}
