using System;
using System.Collections.Generic;

namespace Profiler.PS.Engine
{
    /// <summary>A budget for one node, as Test-WorkflowBudget checks it: a maximum in milliseconds for one statistic.</summary>
    public sealed class NodeBudget
    {
        /// <summary>Creates a budget.</summary>
        /// <exception cref="ProfilerException">The maximum is not a positive finite number of milliseconds.</exception>
        public NodeBudget(string nodeId, double maximum, BudgetStatistic statistic)
        {
            Budgets.ValidateMaximum(maximum);
            NodeId = nodeId ?? throw new ArgumentNullException(nameof(nodeId));
            Maximum = maximum;
            Statistic = statistic;
        }

        /// <summary>The node's id (exact, compared case-insensitively).</summary>
        public string NodeId { get; }
        /// <summary>The largest value that passes, in milliseconds.</summary>
        public double Maximum { get; }
        /// <summary>The statistic of the node's window compared with <see cref="Maximum"/>.</summary>
        public BudgetStatistic Statistic { get; }
    }

    /// <summary>What the recommender reads beside the profile: budgets, and which runs each node failed in.</summary>
    public sealed class RecommendationInput
    {
        /// <summary>Creates the input for <paramref name="profile"/>.</summary>
        public RecommendationInput(WorkflowPerformanceProfile profile)
        {
            Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        }

        /// <summary>The workflow's profile: node windows and recent runs.</summary>
        public WorkflowPerformanceProfile Profile { get; }
        /// <summary>Budgets to watch (BudgetRisk); none by default.</summary>
        public IList<NodeBudget> Budgets { get; } = new List<NodeBudget>();
        /// <summary>
        /// Run numbers each node failed (or was stopped) in, by node id, when node statuses are known. Null when only
        /// run-level failure counts are (WorkflowRunSummary.FailedCount): Failing is then judged for the workflow.
        /// </summary>
        public IDictionary<string, int[]> FailedRuns { get; set; }
    }
}
