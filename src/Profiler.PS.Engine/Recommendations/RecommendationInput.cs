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
        /// <summary>
        /// Creates the input for <paramref name="profile"/>, with <see cref="FailedRuns"/> filled from the nodes'
        /// statuses (the runs each node failed or was stopped in) when any node has one recorded; left null otherwise,
        /// as for histories written before node statuses were kept, whose failures only the runs' counts show.
        /// </summary>
        public RecommendationInput(WorkflowPerformanceProfile profile)
        {
            Profile = profile ?? throw new ArgumentNullException(nameof(profile));
            foreach (NodePerformanceData node in profile.NodeData)
            {
                if (node.UnsuccessfulRunNumbers.Length == 0) continue;
                if (FailedRuns == null) FailedRuns = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
                FailedRuns[node.NodeId] = node.UnsuccessfulRunNumbers;
            }
        }

        /// <summary>The workflow's profile: node windows and recent runs.</summary>
        public WorkflowPerformanceProfile Profile { get; }
        /// <summary>Budgets to watch (BudgetRisk); none by default.</summary>
        public IList<NodeBudget> Budgets { get; } = new List<NodeBudget>();
        /// <summary>
        /// Run numbers each node failed (or was stopped) in, by node id, when node statuses are known (a node with no
        /// entry never failed). Null when only run-level failure counts are (WorkflowRunSummary.FailedCount): Failing
        /// is then judged for the workflow, with a null NodeId.
        /// </summary>
        public IDictionary<string, int[]> FailedRuns { get; set; }
    }
}
