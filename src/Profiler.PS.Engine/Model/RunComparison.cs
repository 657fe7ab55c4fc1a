using System;
using System.Globalization;
using Profiler.PS.Rendering;

namespace Profiler.PS
{
    /// <summary>
    /// One line of Compare-WorkflowRun: a node's (or the workflow total's) time in the judged runs against the
    /// baseline runs, the change in milliseconds and percent, and the verdict with its reason.
    /// </summary>
    public sealed class RunComparison
    {
        /// <summary>Creates a comparison line; the engine does this.</summary>
        public RunComparison(string workflowId, ComparisonScope scope, string nodeId, string nodeLabel, int[] runNumbers,
            int[] baselineRunNumbers, int currentSamples, int baselineSamples, double? currentDuration, double? baselineDuration,
            ComparisonVerdict verdict, double? pValue, string method, string reason)
        {
            WorkflowId = workflowId;
            ScopeValue = scope;
            NodeId = nodeId;
            NodeLabel = nodeLabel;
            RunNumbers = runNumbers ?? Array.Empty<int>();
            BaselineRunNumbers = baselineRunNumbers ?? Array.Empty<int>();
            CurrentSamples = currentSamples;
            BaselineSamples = baselineSamples;
            CurrentDuration = currentDuration;
            BaselineDuration = baselineDuration;
            if (currentDuration is double c && baselineDuration is double b)
            {
                Delta = c - b;
                if (b > 0) DeltaPercent = (c - b) / b * 100;
                else if (c == b) DeltaPercent = 0;
            }
            VerdictValue = verdict;
            PValue = pValue;
            Method = method;
            Reason = reason;
        }

        /// <summary>The ids shown with this one (the same command's output) and this one's place among them, so a view can keep shortened ids apart.</summary>
        internal Rendering.IdSet Ids { get; set; }
        /// <summary>This row's index in <see cref="Ids"/>.</summary>
        internal int IdIndex { get; set; }

        /// <summary>The workflow compared.</summary>
        public string WorkflowId { get; }
        /// <summary>Node for a node's line, Workflow for the line of the workflow's total duration: a
        /// <see cref="ComparisonScope"/> name (a string, so that ConvertTo-Json and Export-Csv write the name).</summary>
        public string Scope => ScopeValue.ToString();
        /// <summary>What the line is about, as the enum.</summary>
        internal ComparisonScope ScopeValue { get; }
        /// <summary>The node's id; null on the workflow line.</summary>
        public string NodeId { get; }
        /// <summary>The node's display label; the workflow's name on the workflow line.</summary>
        public string NodeLabel { get; }
        /// <summary>The judged runs.</summary>
        public int[] RunNumbers { get; }
        /// <summary>The baseline runs (never including a judged run).</summary>
        public int[] BaselineRunNumbers { get; }
        /// <summary>How many of the judged runs have a sample for this line.</summary>
        public int CurrentSamples { get; }
        /// <summary>How many of the baseline runs have a sample for this line.</summary>
        public int BaselineSamples { get; }
        /// <summary>Median of the judged runs' samples (the sample itself for one run), in milliseconds; null when Missing.</summary>
        public double? CurrentDuration { get; }
        /// <summary>Median of the baseline samples, in milliseconds; null when New.</summary>
        public double? BaselineDuration { get; }
        /// <summary>CurrentDuration minus BaselineDuration, in milliseconds (positive is slower); null for New or Missing.</summary>
        public double? Delta { get; }
        /// <summary>Delta as a percentage of BaselineDuration; null when either is missing or the baseline is 0 ms.</summary>
        public double? DeltaPercent { get; }
        /// <summary>Same, Faster, Slower, Inconclusive, New, Missing, Failed or Stopped: a <see cref="ComparisonVerdict"/>
        /// name. A string, so that ConvertTo-Json and Export-Csv write the name; <c>Where-Object Verdict -eq Slower</c> works.</summary>
        public string Verdict => VerdictValue.ToString();
        /// <summary>The verdict, as the enum the engine counts and orders by.</summary>
        internal ComparisonVerdict VerdictValue { get; }
        /// <summary>The Mann-Whitney U test's two-sided p-value when both sides had at least 5 samples; else null.</summary>
        public double? PValue { get; }
        /// <summary>How the verdict was reached: the Mann-Whitney test (exact or normal approximation) or the single-run rule.</summary>
        public string Method { get; }
        /// <summary>Why the verdict, in words.</summary>
        public string Reason { get; }

        /// <summary>For example <c>compile: Slower, 3,000.0 ms vs 2,000.0 ms (+50.0%)</c>.</summary>
        public override string ToString()
        {
            string name = ScopeValue == ComparisonScope.Workflow ? "(workflow total)" : NodeId;
            if (Delta is double d)
                return string.Format(CultureInfo.InvariantCulture, "{0}: {1}, {2:N1} ms vs {3:N1} ms ({4})", name, Verdict,
                    CurrentDuration, BaselineDuration, DeltaPercent is double p ? DurationFormat.SignedPercent(p) : (d > 0 ? "+" : "") + d.ToString("F1", CultureInfo.InvariantCulture) + " ms");
            return name + ": " + Verdict;
        }
    }
}
