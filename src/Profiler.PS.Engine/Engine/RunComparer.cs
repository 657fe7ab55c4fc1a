using System;
using System.Collections.Generic;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// Judges runs against a baseline, node by node and for the workflow's total, by the workflow's
    /// <see cref="RegressionRule"/> (the one rule every consumer uses). A node's default baseline is the successful
    /// samples of up to <c>count</c> completed runs before the first judged run in which it ran and succeeded (as the
    /// run's alerts were judged when it completed: its window then); a node that failed or was stopped in a judged run
    /// gets the verdict Failed or Stopped, never a timing verdict. The workflow's total follows the same rule by run: its
    /// default baseline is the <c>count</c> runs before the first judged one, less those cut short
    /// (WorkflowRunSummary.HasFailures); a judged run cut short makes the total's verdict Failed or Stopped.
    /// <para>A workflow keeps the data of its window and of the WindowSize runs before it
    /// (<see cref="WorkflowSettings.KeptRuns"/>), so a run of the window gets the same default baseline as when it
    /// completed. When less was kept (a window widened later, a profile file written before that, or a
    /// -BaselineCount beyond it), the data is not made up: the verdict is the rule's on what is kept, its Reason says
    /// the baseline is short and why, and a node that ran before its kept samples is never New.</para>
    /// </summary>
    internal static class RunComparer
    {
        /// <summary>How views name the line of the workflow's total (its NodeId is null).</summary>
        public const string WorkflowTotalLabel = "(workflow total)";

        /// <summary>
        /// Compares <paramref name="current"/> with <paramref name="explicitBaseline"/> (runs given by the caller) or,
        /// when it is null, with each line's last <paramref name="count"/> successful samples before the judged runs.
        /// </summary>
        public static RunComparison[] Compare(string workflowId, string workflowName, NodePerformanceData[] nodes,
            WorkflowRunSummary[] runs, int[] current, int[] explicitBaseline, int count, RegressionRule rule)
        {
            var currentSet = new HashSet<int>(current);
            HashSet<int> baselineSet = explicitBaseline == null ? null : new HashSet<int>(explicitBaseline);
            int first = current[0];
            var lines = new List<RunComparison>(nodes.Length + 1);
            foreach (NodePerformanceData node in nodes)
            {
                var cur = new List<double>();
                var bas = new List<double>();
                var basRuns = new List<int>();
                double[] kept = node.KeptDurations;
                int[] keptRuns = node.KeptRunNumbers;
                for (int i = 0; i < kept.Length; i++)
                    if (currentSet.Contains(keptRuns[i])) cur.Add(kept[i]);
                for (int i = kept.Length - 1; i >= 0; i--)
                {
                    bool take = baselineSet != null ? baselineSet.Contains(keptRuns[i]) && !currentSet.Contains(keptRuns[i])
                        : keptRuns[i] < first && bas.Count < count;
                    if (!take) continue;
                    bas.Insert(0, kept[i]);
                    basRuns.Insert(0, keptRuns[i]);
                }
                // Successful samples older than every kept one were dropped (they are older than any judged run): when the
                // baseline is short of count, the window took them, not the node's absence.
                bool dropped = node.RunCount > kept.Length;
                string shortBaseline = baselineSet == null && bas.Count < count && dropped
                    ? string.Format(CultureInfo.InvariantCulture, "this node's samples before {0} are no longer kept, so its baseline has {1} of {2} runs",
                        kept.Length > 0 ? "run " + keptRuns[0].ToString(CultureInfo.InvariantCulture) : "its kept runs", bas.Count, count)
                    : null;
                NodeStatus failure = NodeStatus.Succeeded;
                // Failures dropped from the kept list are older than any judged run: the node failed before it.
                bool unsuccessfulBefore = node.AllTimeFailedCount + node.AllTimeStoppedCount > node.UnsuccessfulRunNumbers.Length;
                for (int i = 0; i < node.UnsuccessfulRunNumbers.Length; i++)
                {
                    int r = node.UnsuccessfulRunNumbers[i];
                    if (currentSet.Contains(r)) { if (failure != NodeStatus.Stopped) failure = node.UnsuccessfulStatuses[i]; }
                    else if (r < first) unsuccessfulBefore = true;
                }
                if (cur.Count == 0 && bas.Count == 0 && failure == NodeStatus.Succeeded) continue;
                int[] baseRuns = baselineSet != null ? explicitBaseline : basRuns.ToArray();
                lines.Add(Judge(workflowId, ComparisonScope.Node, node.NodeId, node.NodeLabel, current, baseRuns, cur.ToArray(), bas.ToArray(),
                    rule, failure, unsuccessfulBefore, shortBaseline));
            }
            lines.Add(WorkflowLine(workflowId, workflowName, nodes, runs, current, currentSet, explicitBaseline, baselineSet, count, rule));
            var ids = new string[lines.Count];
            for (int i = 0; i < ids.Length; i++) ids[i] = lines[i].ScopeValue == ComparisonScope.Workflow ? WorkflowTotalLabel : lines[i].NodeId;
            var set = new Rendering.IdSet(ids);
            for (int i = 0; i < ids.Length; i++) { lines[i].Ids = set; lines[i].IdIndex = i; }
            return lines.ToArray();
        }

        /// <summary>
        /// The line of the workflow's total. A run with a failed or stopped execution (<see cref="WorkflowRunSummary.HasFailures"/>)
        /// has a total that measures work cut short: judged, the line's verdict is Failed (Stopped when every unsuccessful
        /// execution of the judged runs was stopped), never a timing verdict; as a baseline run, it is left out, as a failed
        /// node sample is left out of its node's baseline.
        /// </summary>
        private static RunComparison WorkflowLine(string workflowId, string workflowName, NodePerformanceData[] nodes, WorkflowRunSummary[] runs,
            int[] current, HashSet<int> currentSet, int[] explicitBaseline, HashSet<int> baselineSet, int count, RegressionRule rule)
        {
            int first = current[0];
            var curTotals = new List<double>();
            var baseTotals = new List<double>();
            var totalRuns = new List<int>();
            bool judgedFailed = false, failedBefore = false;
            int before = 0;   // kept runs before the first judged one, seen so far: the default baseline is the last count of them
            for (int i = runs.Length - 1; i >= 0; i--)
            {
                WorkflowRunSummary run = runs[i];
                if (currentSet.Contains(run.RunNumber))
                {
                    if (run.HasFailures) judgedFailed = true;
                    else curTotals.Insert(0, run.TotalDuration);
                }
                else if (baselineSet != null ? baselineSet.Contains(run.RunNumber) : run.RunNumber < first && before++ < count)
                {
                    if (run.HasFailures) { failedBefore = true; continue; }
                    baseTotals.Insert(0, run.TotalDuration);
                    totalRuns.Insert(0, run.RunNumber);
                }
            }
            NodeStatus failure = judgedFailed ? JudgedStatus(nodes, currentSet) : NodeStatus.Succeeded;
            // Runs were numbered before the oldest kept one, so a baseline shorter than count lost runs to the window.
            string shortBaseline = baselineSet == null && before < count && runs.Length > 0 && runs[0].RunNumber > 1
                ? string.Format(CultureInfo.InvariantCulture, "the workflow keeps no run before run {0}, so the total's baseline reaches back {1} of {2} runs",
                    runs[0].RunNumber, before, count)
                : null;
            // The baseline runs named are listed without those left out for their failures, as the default baseline is.
            int[] baselineRuns = baselineSet == null ? totalRuns.ToArray()
                : Array.FindAll(explicitBaseline, r => !Array.Exists(runs, s => s.RunNumber == r && s.HasFailures));
            return Judge(workflowId, ComparisonScope.Workflow, null, workflowName, current, baselineRuns,
                judgedFailed ? Array.Empty<double>() : curTotals.ToArray(), baseTotals.ToArray(), rule, failure, failedBefore, shortBaseline);
        }

        /// <summary>Failed when a node failed in a judged run; Stopped when the judged runs' only unsuccessful executions were
        /// stopped; Failed when the nodes no longer say (their windows moved on).</summary>
        private static NodeStatus JudgedStatus(NodePerformanceData[] nodes, HashSet<int> currentSet)
        {
            bool stopped = false;
            foreach (NodePerformanceData node in nodes)
                for (int i = 0; i < node.UnsuccessfulRunNumbers.Length; i++)
                {
                    if (!currentSet.Contains(node.UnsuccessfulRunNumbers[i])) continue;
                    if (node.UnsuccessfulStatuses[i] == NodeStatus.Failed) return NodeStatus.Failed;
                    stopped = true;
                }
            return stopped ? NodeStatus.Stopped : NodeStatus.Failed;
        }

        private static RunComparison Judge(string workflowId, ComparisonScope scope, string nodeId, string label, int[] current,
            int[] baseline, double[] cur, double[] bas, RegressionRule rule, NodeStatus failure, bool unsuccessfulBefore, string shortBaseline)
        {
            // A baseline cut short by the window keeps its verdict by the rule on what is kept; the reason says so.
            RunComparison Line(double? c, double? b, ComparisonVerdict verdict, double? p, string method, string reason)
                => new RunComparison(workflowId, scope, nodeId, label, current, baseline, cur.Length, bas.Length, c, b, verdict, p, method,
                    shortBaseline == null || failure != NodeStatus.Succeeded || cur.Length == 0 ? reason : reason + "; " + shortBaseline);

            string subject = scope == ComparisonScope.Workflow ? "the workflow's total" : "this node";
            if (failure != NodeStatus.Succeeded)
                return Line(Median(cur), Median(bas), failure == NodeStatus.Failed ? ComparisonVerdict.Failed : ComparisonVerdict.Stopped, null, "status",
                    scope == ComparisonScope.Workflow
                        ? string.Format(CultureInfo.InvariantCulture, "a judged run had {0} executions: its total is kept out of verdicts",
                            failure == NodeStatus.Failed ? "failed" : "stopped")
                        : string.Format(CultureInfo.InvariantCulture, "the node {0} in a judged run: its time there is kept out of verdicts",
                            failure == NodeStatus.Failed ? "failed" : "was stopped"));
            if (cur.Length == 0)
                return scope == ComparisonScope.Workflow
                    ? Line(null, Median(bas), ComparisonVerdict.Inconclusive, null, "none", "the judged runs' totals are no longer kept")
                    : Line(null, Median(bas), ComparisonVerdict.Missing, null, "none", "none of the judged runs has this node");
            if (bas.Length == 0 && unsuccessfulBefore)
                return Line(Median(cur), null, ComparisonVerdict.Inconclusive, null, "none", scope == ComparisonScope.Workflow
                    ? "every baseline run had failed or stopped executions, so no total is comparable"
                    : "the node ran before but never succeeded in a baseline run");
            if (bas.Length == 0 && shortBaseline != null)   // it ran before what is kept: never New (the reason says why)
            {
                shortBaseline = null;
                return Line(Median(cur), null, ComparisonVerdict.Inconclusive, null, "none", scope == ComparisonScope.Workflow
                    ? "earlier runs had totals, but no baseline run is still kept"
                    : "the node ran before, but in no baseline run still kept");
            }
            if (bas.Length == 0)
                return Line(Median(cur), null, ComparisonVerdict.New, null, "none", "no baseline run has " + subject);
            RuleOutcome outcome = rule.Judge(cur, bas);
            return Line(outcome.Current, outcome.Baseline, outcome.Verdict, outcome.PValue, outcome.Method, outcome.Reason);
        }

        private static double? Median(double[] samples) => samples.Length == 0 ? (double?)null : SampleStatistics.Median(samples);
    }
}
