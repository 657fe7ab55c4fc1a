using System;
using System.Collections.Generic;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// Where to look first in a workflow: reads its profile (node windows, recent runs) and returns ranked,
    /// evidence-backed recommendations (see <see cref="RecommendationKind"/> and <see cref="RecommendationThresholds"/>).
    /// Ranked Failing first (fix failures before judging times), then by EstimatedSaving, largest first; ties by
    /// kind (in the enum's order), then NodeId.
    /// </summary>
    public static class Recommender
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        /// <summary>
        /// The recommendations for <paramref name="input"/>'s workflow, ranked from 1; empty when there is too little
        /// to judge, and then <paramref name="reason"/> says why (and what is needed); otherwise reason is null.
        /// </summary>
        public static WorkflowRecommendation[] Analyze(RecommendationInput input, out string reason)
        {
            if (input == null) throw new ArgumentNullException(nameof(input));
            WorkflowPerformanceProfile profile = input.Profile;
            var found = new List<WorkflowRecommendation>();
            reason = TooFewRuns(profile);
            if (reason != null) return found.ToArray();
            // Failures first: a workflow whose every run failed has no time to judge, but its failing nodes are news.
            bool allFailed = Failing(input, found);
            if (allFailed)
            {
                reason = "every run in the window had failed executions, so their times are not compared: fix the failures first";
                return Ranked(found);
            }
            reason = NoTime(profile);
            if (reason != null) return Ranked(found);
            var paths = new RunPaths(profile);
            var advice = new NodeAdvice(profile, paths, found);
            int nodesWithSamples = 0;
            foreach (NodePerformanceData node in profile.NodeData) if (node.Durations.Length > 0) nodesWithSamples++;
            foreach (NodePerformanceData node in profile.NodeData)
                if (node.Durations.Length > 0) advice.Check(node, nodesWithSamples > 1);
            // A regression inside a nested node makes every enclosing node slower too: point at the node whose own time
            // grew, not also at each step around it (their savings would count the same milliseconds again).
            found.RemoveAll(outer => outer.KindValue == RecommendationKind.Regression && outer.NodeId != null
                && found.Exists(inner => inner.KindValue == RecommendationKind.Regression && inner.NodeId != null && inner.SinceRun == outer.SinceRun
                    && inner.EstimatedSaving >= 0.5 * outer.EstimatedSaving && paths.IsAncestor(outer.NodeId, inner.NodeId)));
            ParallelHeadroom(profile, paths, found);
            BudgetRisk(input, found);
            if (found.Count == 0)
                reason = nodesWithSamples == 1
                    ? "the workflow has a single node and nothing about it passes a threshold"
                    : "nothing passes a threshold: no regression, trend, dominant node, idle time, noise, cold start, failure or budget at risk";
            return Ranked(found);
        }

        /// <summary>
        /// Why <paramref name="profile"/>'s workflow has too little history for any recommendation (fewer than
        /// <see cref="RecommendationThresholds.MinimumRuns"/> completed runs), naming how many it has, how many are needed
        /// and how many more to complete; null when it has enough.
        /// </summary>
        public static string TooFewRuns(WorkflowPerformanceProfile profile)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            if (profile.RunCount >= RecommendationThresholds.MinimumRuns) return null;
            int more = RecommendationThresholds.MinimumRuns - profile.RunCount;
            return string.Format(Inv, "workflow '{0}' has {1} completed run{2}; recommendations need at least {3}: complete {4} more run{5}",
                profile.WorkflowId, profile.RunCount, profile.RunCount == 1 ? "" : "s", RecommendationThresholds.MinimumRuns, more, more == 1 ? "" : "s");
        }

        /// <summary>Why no time can be judged (no successful sample, or every one 0 ms), or null.</summary>
        private static string NoTime(WorkflowPerformanceProfile profile)
        {
            bool anySample = false;
            foreach (NodePerformanceData node in profile.NodeData)
                foreach (double d in node.Durations)
                {
                    anySample = true;
                    if (d > 0) return null;
                }
            return anySample
                ? string.Format(Inv, "every duration recorded for workflow '{0}' is 0 ms: there is no time to win", profile.WorkflowId)
                : string.Format(Inv, "no node of workflow '{0}' has a successful run in the window (failed and stopped runs are not timed): fix the failures first", profile.WorkflowId);
        }

        /// <summary>Failing nodes when node statuses are known, else failing runs; true when every run of the window failed.</summary>
        private static bool Failing(RecommendationInput input, List<WorkflowRecommendation> found)
        {
            WorkflowPerformanceProfile profile = input.Profile;
            if (input.FailedRuns != null)
            {
                foreach (NodePerformanceData node in profile.NodeData)
                {
                    if (!input.FailedRuns.TryGetValue(node.NodeId, out int[] failed) || failed == null || failed.Length == 0) continue;
                    int count = FailedInWindow(node.RunNumbers, failed, profile.WindowSize, out int window);
                    if (count == 0 || count < RecommendationThresholds.FailingShare * window) continue;
                    // Stopped, never failed (Ctrl+C, or a downstream Select-Object -First every run) is said as it is.
                    bool onlyStopped = node.WindowFailedCount == 0 && node.WindowStoppedCount > 0;
                    found.Add(new WorkflowRecommendation(profile.WorkflowId, 0, RecommendationKind.Failing, node.NodeId, node.NodeLabel, 0, 0,
                        string.Format(Inv, "{0} in {1} of its last {2} runs ({3:F0}%)", onlyStopped ? "stopped" : "failed", count, window, 100.0 * count / window),
                        onlyStopped
                            ? "It was stopped before it ended (Ctrl+C, or a downstream Select-Object -First), so its times are partial and not compared; if a command after it stops it on purpose, time the whole pipeline instead."
                            : "It fails: fix it first, since the times of failed runs are not comparable with the others."));
                }
                return false;
            }
            WorkflowRunSummary[] runs = profile.Runs;
            int failedRuns = 0;
            foreach (WorkflowRunSummary r in runs) if (r.FailedCount > 0) failedRuns++;
            if (failedRuns == 0 || failedRuns < RecommendationThresholds.FailingShare * runs.Length) return false;
            found.Add(new WorkflowRecommendation(profile.WorkflowId, 0, RecommendationKind.Failing, null, profile.WorkflowName, 0, 0,
                string.Format(Inv, "{0} of the last {1} runs had failed or stopped executions ({2:F0}%)", failedRuns, runs.Length, 100.0 * failedRuns / runs.Length),
                "Runs fail: find the failing step (Get-NodeTiming during a run shows each execution's Status) and fix it first."));
            return failedRuns == runs.Length;
        }

        /// <summary>
        /// How many of <paramref name="failed"/> lie among the last <paramref name="windowSize"/> runs the node took part
        /// in (its successful runs <paramref name="succeeded"/> and its failed ones together; all of them when the size
        /// is not positive); <paramref name="window"/> is how many runs that is (at least 1 when any failed).
        /// </summary>
        private static int FailedInWindow(int[] succeeded, int[] failed, int windowSize, out int window)
        {
            var runs = new List<KeyValuePair<int, bool>>(succeeded.Length + failed.Length);
            var seen = new HashSet<int>();
            foreach (int r in failed) if (seen.Add(r)) runs.Add(new KeyValuePair<int, bool>(r, true));
            foreach (int r in succeeded) if (seen.Add(r)) runs.Add(new KeyValuePair<int, bool>(r, false));
            runs.Sort((a, b) => a.Key.CompareTo(b.Key));
            int start = windowSize > 0 ? Math.Max(0, runs.Count - windowSize) : 0, count = 0;
            for (int i = start; i < runs.Count; i++) if (runs[i].Value) count++;
            window = runs.Count - start;
            return count;
        }

        /// <summary>Runs with a trusted shape whose wall time exceeds what the critical path and the lanes need.</summary>
        private static void ParallelHeadroom(WorkflowPerformanceProfile profile, RunPaths paths, List<WorkflowRecommendation> found)
        {
            List<WorkflowRunSummary> runs = paths.TrustedRuns();
            if (runs.Count < RecommendationThresholds.MinimumRuns) return;
            var headroom = new double[runs.Count];
            var walls = new double[runs.Count];
            var busy = new double[runs.Count];
            for (int i = 0; i < runs.Count; i++)
            {
                WorkflowRunSummary r = runs[i];
                int lanes = Math.Max(1, r.LaneCount);
                double need = Math.Max(r.CriticalPath, r.NodeTimeSum / lanes);
                walls[i] = r.WallTime;
                headroom[i] = Math.Max(0, r.WallTime - need);
                busy[i] = r.WallTime > 0 ? Math.Min(1, r.NodeTimeSum / (lanes * r.WallTime)) : 0;
            }
            double saving = SampleStatistics.Median(headroom), wall = SampleStatistics.Median(walls);
            if (!(wall > 0) || !(saving >= RecommendationThresholds.MinimumMilliseconds) || !(saving >= RecommendationThresholds.HeadroomShare * wall)) return;
            WorkflowRunSummary last = runs[runs.Count - 1];
            found.Add(new WorkflowRecommendation(profile.WorkflowId, 0, RecommendationKind.ParallelHeadroom, null, profile.WorkflowName, saving, 0,
                string.Format(Inv, "wall time {0:N0} ms, {1:N0} ms ({2:F0}%) above what its critical path and lanes need (median of {3} runs); lanes busy {4:F0}% of the time, critical path {5:N0} ms in the last run",
                    wall, saving, 100 * saving / wall, runs.Count, 100 * SampleStatistics.Median(busy), last.CriticalPath),
                "The run waits beyond its steps: start independent steps sooner or in parallel, and time the unprofiled work between steps."));
        }

        private static void BudgetRisk(RecommendationInput input, List<WorkflowRecommendation> found)
        {
            WorkflowPerformanceProfile profile = input.Profile;
            foreach (NodeBudget budget in input.Budgets)
                foreach (NodePerformanceData node in profile.NodeData)
                {
                    if (node.Durations.Length == 0 || !string.Equals(node.NodeId, budget.NodeId, StringComparison.OrdinalIgnoreCase)) continue;
                    double value = Budgets.ValueOf(node, budget.Statistic) ?? 0;   // not null: the node has samples
                    if (!(value >= RecommendationThresholds.BudgetRiskShare * budget.Maximum)) continue;
                    bool over = value > budget.Maximum;
                    found.Add(new WorkflowRecommendation(profile.WorkflowId, 0, RecommendationKind.BudgetRisk, node.NodeId, node.NodeLabel, 0, 0,
                        string.Format(Inv, "{0} {1:N0} ms is {2:F0}% of its budget of {3:N0} ms ({4} runs)", budget.Statistic, value,
                            100 * value / budget.Maximum, budget.Maximum, node.Durations.Length),
                        over ? "It is over its budget: Test-WorkflowBudget fails; speed it up or revise the budget."
                             : "It is close to its budget: speed it up before it breaks the gate (Test-WorkflowBudget)."));
                }
        }

        private static WorkflowRecommendation[] Ranked(List<WorkflowRecommendation> found)
        {
            found.Sort((a, b) =>
            {
                // Failing comes first whatever the savings: the times of failed runs are not comparable with the others.
                int c = (b.KindValue == RecommendationKind.Failing).CompareTo(a.KindValue == RecommendationKind.Failing);
                if (c == 0) c = b.EstimatedSaving.CompareTo(a.EstimatedSaving);
                if (c == 0) c = a.KindValue.CompareTo(b.KindValue);
                return c != 0 ? c : string.Compare(a.NodeId, b.NodeId, StringComparison.OrdinalIgnoreCase);
            });
            var ranked = new WorkflowRecommendation[found.Count];
            for (int i = 0; i < ranked.Length; i++) ranked[i] = found[i].WithRank(i + 1);
            return ranked;
        }
    }
}
