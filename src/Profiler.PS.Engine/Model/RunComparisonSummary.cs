using System;
using System.Globalization;
using Profiler.PS.Rendering;

namespace Profiler.PS
{
    /// <summary>
    /// A short verdict on one completed run against the runs before it (up to the window), as carried by the
    /// profile Complete-WorkflowProfile returns. Compare-WorkflowRun gives the full per-node lines.
    /// </summary>
    public sealed class RunComparisonSummary
    {
        /// <summary>Counts the verdicts of <paramref name="lines"/>; the engine does this.</summary>
        public RunComparisonSummary(int runNumber, RunComparison[] lines)
        {
            RunNumber = runNumber;
            lines = lines ?? Array.Empty<RunComparison>();
            var slower = new System.Collections.Generic.List<string>();
            var faster = new System.Collections.Generic.List<string>();
            foreach (RunComparison line in lines)
            {
                if (line.ScopeValue == ComparisonScope.Workflow)
                {
                    VerdictValue = line.VerdictValue;
                    DeltaPercent = line.DeltaPercent;
                    BaselineRunCount = line.BaselineRunNumbers.Length;
                    continue;
                }
                switch (line.VerdictValue)
                {
                    case ComparisonVerdict.Slower: slower.Add(line.NodeId); break;
                    case ComparisonVerdict.Faster: faster.Add(line.NodeId); break;
                    case ComparisonVerdict.Same: SameCount++; break;
                    case ComparisonVerdict.Inconclusive: InconclusiveCount++; break;
                    case ComparisonVerdict.New: NewCount++; break;
                    case ComparisonVerdict.Missing: MissingCount++; break;
                }
            }
            SlowerNodes = slower.ToArray();
            FasterNodes = faster.ToArray();
        }

        /// <summary>The run judged.</summary>
        public int RunNumber { get; }
        /// <summary>How many earlier runs it was compared with.</summary>
        public int BaselineRunCount { get; }
        /// <summary>The verdict on the workflow's total duration: a <see cref="ComparisonVerdict"/> name (a string, so that
        /// ConvertTo-Json and Export-Csv write the name); Failed or Stopped when the run had a failed or stopped execution.</summary>
        public string Verdict => VerdictValue.ToString();
        /// <summary>The verdict on the workflow's total duration, as the enum.</summary>
        internal ComparisonVerdict VerdictValue { get; }
        /// <summary>Change of the total duration in percent of the baseline median; null when there is no baseline.</summary>
        public double? DeltaPercent { get; }
        /// <summary>Nodes judged Slower.</summary>
        public int SlowerCount => SlowerNodes.Length;
        /// <summary>Nodes judged Faster.</summary>
        public int FasterCount => FasterNodes.Length;
        /// <summary>Nodes judged Same.</summary>
        public int SameCount { get; }
        /// <summary>Nodes judged Inconclusive.</summary>
        public int InconclusiveCount { get; }
        /// <summary>Nodes that ran for the first time within the baseline.</summary>
        public int NewCount { get; }
        /// <summary>Baseline nodes that did not run.</summary>
        public int MissingCount { get; }
        /// <summary>Ids of the nodes judged Slower.</summary>
        public string[] SlowerNodes { get; }
        /// <summary>Ids of the nodes judged Faster.</summary>
        public string[] FasterNodes { get; }

        /// <summary>For example <c>run 7 vs 6 earlier runs: Slower (+12.0%); slower: compile; 1 faster, 3 same</c>.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "run {0} vs {1} earlier run{2}: {3}{4}; {5} slower{6}, {7} faster, {8} same, {9} inconclusive",
            RunNumber, BaselineRunCount, BaselineRunCount == 1 ? "" : "s", Verdict,
            DeltaPercent is double p ? " (" + DurationFormat.SignedPercent(p) + ")" : "",
            SlowerCount, SlowerCount > 0 ? " (" + string.Join(", ", SlowerNodes) + ")" : "", FasterCount, SameCount, InconclusiveCount);
    }
}
