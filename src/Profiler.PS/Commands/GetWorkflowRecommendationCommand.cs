using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Says where to look first in a workflow: ranked advice with the time it could win and the evidence behind it.</summary>
    /// <remarks>
    /// <para>Reads the workflow's history (the node windows and recent runs) and writes WorkflowRecommendation objects,
    /// Failing first (a failing step must be fixed before times can be judged), then ranked by EstimatedSaving: the
    /// milliseconds one affected run's wall time would lose if the cause went away.
    /// Savings are taken through each run's critical path, so a node off the path of a parallel run saves nothing, and
    /// a nested node counts on the path for no more than the top-level step it lies in took: no saving exceeds what the
    /// run took, even with a hand-given child longer than its parent.
    /// Each has a Kind (its name, a string), the NodeId, the Evidence (the numbers behind it) and a Message saying what to
    /// do next. EstimatedSaving is rounded to 0.1 ms. The default table's Evidence column is broken at spaces for the
    /// line's width, and NodeId is shortened to 12 characters (an ellipsis, then its end).</para>
    /// <para>Kinds and thresholds: Regression, the workflow's own rule (as Compare-WorkflowRun) says the node is Slower
    /// since a change point (SinceRun); Trend, a Mann-Kendall p below 0.05 with a Theil-Sen slope whose drift over the
    /// window passes the rule's thresholds (10% and 5 ms), in ms per run (8 samples or more); CriticalPath, the node's self
    /// time is at least 30% of the critical path on the runs it is on, and it is on it in at least half its runs
    /// (saving: the node halved); ParallelHeadroom, wall time at least 20% above what the critical path and the lanes
    /// need (runs measured with real clocks only, without failed or stopped executions); Noisy, a coefficient of
    /// variation of 0.25 or more, or at least 2 outliers (as OutlierCount counts them: 10% and 5 ms from the median and
    /// a modified z-score above 3.5) making 10% of the window, within one level: a node that got faster (a step the same rule calls Faster,
    /// or a significant downward trend) is an improvement, not noise, and only its runs since the step are judged; ColdStart, the first run is slow by the rule of IsFirstRunSlow (not when that is only because the node got faster later: then it must be slower than the runs before that improvement); Failing, a
    /// node that failed or was stopped in at least 10% of its last WindowSize runs (for histories without node
    /// statuses, runs with failed executions, reported with no NodeId); BudgetRisk, a node at 90% of its budget or over
    /// it (with -BudgetPath). Regression and Trend exclude each other and Noisy on the same node.</para>
    /// <para>Nothing is recommended with fewer than 5 completed runs: the output is then empty and a warning (shown
    /// without -Verbose) says how many runs the workflow has, how many are needed and how many more to complete. Nothing is
    /// recommended either when every duration is 0 or every node failed (failing nodes excepted), or when nothing passes
    /// a threshold: the output is then empty and -Verbose says why. An unknown workflow is
    /// GetWorkflowRecommendationWorkflowNotFound; a missing or malformed budgets file is
    /// GetWorkflowRecommendationFileNotFound or GetWorkflowRecommendationInvalidFile. A budget's node id names a node
    /// literally even with '[', '*' or '?' in it, else it is a wildcard pattern; one that is neither writes
    /// GetWorkflowRecommendationInvalidPattern.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// foreach ($i in 1..12) {
    ///     Start-WorkflowProfile -WorkflowId build
    ///     Add-NodeTiming -NodeId restore -Duration (1000 + 7 * ($i % 3))
    ///     Add-NodeTiming -NodeId compile -Duration (1500 + 9 * ($i % 4))
    ///     $testMs = 1200 + 11 * ($i % 3)
    ///     if ($i -ge 9) { $testMs *= 2 }
    ///     Add-NodeTiming -NodeId test -Duration $testMs
    ///     $null = Complete-WorkflowProfile
    /// }
    /// Get-WorkflowRecommendation -WorkflowId build
    /// </code>
    /// <para>The test step doubled from run 9 on: the first recommendation is a Regression of test since run 9, with
    /// the time it would win back.</para>
    /// </example>
    /// <example>
    /// <code>
    /// foreach ($i in 1..8) {
    ///     Start-WorkflowProfile -WorkflowId nightly
    ///     Add-NodeTiming -NodeId fetch -Duration (400 + 3 * ($i % 2))
    ///     Add-NodeTiming -NodeId build -Duration (900 + 5 * ($i % 3) + 800 * [int]($i -eq 8))
    ///     $null = Complete-WorkflowProfile
    /// }
    /// Get-WorkflowRecommendation nightly | Where-Object Kind -eq Regression |
    ///     ForEach-Object { '{0} is slower since run {1}: about {2:N0} ms to win back' -f $_.NodeId, $_.SinceRun, $_.EstimatedSaving }
    /// </code>
    /// <para>Keeps only the regressions, here build since run 8, and says what each would win back.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId tiny
    /// Add-NodeTiming -NodeId only -Duration 100
    /// $null = Complete-WorkflowProfile
    /// Get-WorkflowRecommendation tiny
    /// </code>
    /// <para>Writes no recommendation, and a warning says the workflow has 1 completed run, recommendations need at least
    /// 5, and 4 more runs are to be completed.</para>
    /// </example>
    /// <seealso cref="CompareWorkflowRunCommand"/>
    /// <seealso cref="GetBottleneckCommand"/>
    /// <seealso cref="TestWorkflowBudgetCommand"/>
    [Cmdlet(VerbsCommon.Get, "WorkflowRecommendation")]
    [OutputType(typeof(WorkflowRecommendation))]
    public sealed class GetWorkflowRecommendationCommand : WorkflowsCmdletBase
    {
        /// <summary>The workflows to advise on, each on its own; wildcards allowed. Defaults to the most recently started workflow that is not a one-off (about_Profiler.PS, DEFAULT TARGET).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string[] WorkflowId { get; set; }

        /// <summary>How many recommendations to write per workflow, best first; at least 1 (default: all).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Top { get; set; } = int.MaxValue;

        /// <summary>A budgets file (.psd1, as Test-WorkflowBudget -Path reads it) whose budgets are watched for BudgetRisk.</summary>
        [Parameter]
        public string BudgetPath { get; set; }

        private List<BudgetEntry> _budgets;
        private readonly HashSet<string> _invalidReported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (BudgetPath == null) return;
            string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(BudgetPath);
            try
            {
                _budgets = BudgetFile.Load(path, BudgetStatistic.Avg, out _);
            }
            catch (FileNotFoundException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorId("FileNotFound"), ErrorCategory.ObjectNotFound, BudgetPath));
            }
            catch (InvalidDataException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorId("InvalidFile"), ErrorCategory.InvalidData, BudgetPath));
            }
            foreach (BudgetEntry entry in _budgets)
                if (entry.Problem != null)
                    WriteError(new ErrorRecord(new ArgumentException(entry.Message), ErrorId(entry.Problem), ErrorCategory.InvalidData, entry.NodeId));
        }

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            foreach (WorkflowProfiler wf in workflows)
            {
                var input = new RecommendationInput(wf.GetProfile());
                AddBudgets(input);
                WorkflowRecommendation[] found = Recommender.Analyze(input, out string reason);
                if (reason != null) WriteVerbose($"Nothing more to recommend for '{wf.WorkflowId}': {reason}.");
                // Too little history is no answer at all: say so without -Verbose (a warning), the output stays empty.
                string tooFew = found.Length == 0 && wf != EmptyDefault ? Recommender.TooFewRuns(input.Profile) : null;
                if (tooFew != null)
                    WriteWarning($"Nothing to recommend yet: {tooFew}, then run Get-WorkflowRecommendation again (Get-NodeStatistics and Compare-WorkflowRun work from the first run).");
                for (int i = 0; i < found.Length && i < Top; i++) WriteObject(found[i]);
            }
        }

        private void AddBudgets(RecommendationInput input)
        {
            if (_budgets == null) return;
            foreach (BudgetEntry entry in _budgets)
            {
                if (entry.Problem != null) continue;
                // The one id rule: an entry naming a node is literal ('shard[1]'), else a pattern; an invalid one is said once.
                List<NodePerformanceData> named = IdPattern.Select(entry.NodeId, input.Profile.NodeData, n => n.NodeId, out string invalid);
                foreach (NodePerformanceData node in named)
                    input.Budgets.Add(new NodeBudget(node.NodeId, entry.Maximum, entry.Statistic));
                if (invalid != null && _invalidReported.Add(entry.NodeId))
                    WriteError(new ErrorRecord(new ArgumentException(invalid + "."), ErrorId("InvalidPattern"), ErrorCategory.InvalidArgument, entry.NodeId));
            }
        }
    }
}
