using System.Globalization;

namespace Profiler.PS
{
    /// <summary>What a recommendation is about; each kind's threshold is in <see cref="Engine.RecommendationThresholds"/>.</summary>
    public enum RecommendationKind
    {
        /// <summary>The node fails (Failed or Stopped) in a share of the window's runs.</summary>
        Failing,
        /// <summary>The workflow's regression rule (Compare-WorkflowRun) says the node is Slower since a run.</summary>
        Regression,
        /// <summary>A significant monotonic drift over the window (Mann-Kendall), with a Theil-Sen slope in ms per run.</summary>
        Trend,
        /// <summary>The node's self time is a large share of the run's critical path.</summary>
        CriticalPath,
        /// <summary>The run's wall time is far above what its critical path and lanes need.</summary>
        ParallelHeadroom,
        /// <summary>
        /// The node's time swings within one level: a high coefficient of variation or many outliers. A node that got
        /// slower is a Regression or Trend, and one that got faster (a step the regression rule calls Faster, or a
        /// significant downward trend) is an improvement: neither is noise, and after a faster step only the runs since
        /// it are judged.
        /// </summary>
        Noisy,
        /// <summary>The node's first run was much slower than the later ones.</summary>
        ColdStart,
        /// <summary>The node is within 10% of its budget, or over it.</summary>
        BudgetRisk,
    }

    /// <summary>
    /// One piece of advice from Get-WorkflowRecommendation: where to look, what the wall time could win, the
    /// numbers behind it and what to do next. A value never changes once created.
    /// </summary>
    public sealed class WorkflowRecommendation
    {
        /// <summary>Creates a recommendation; the engine does this.</summary>
        public WorkflowRecommendation(string workflowId, int rank, RecommendationKind kind, string nodeId, string nodeLabel,
            double estimatedSaving, int sinceRun, string evidence, string message)
        {
            WorkflowId = workflowId;
            Rank = rank;
            KindValue = kind;
            Kind = kind.ToString();
            NodeId = nodeId;
            NodeLabel = nodeLabel;
            // Rounded to 0.1 ms, the precision the views print (N1), so exports carry no floating-point noise.
            EstimatedSaving = System.Math.Round(estimatedSaving, 1, System.MidpointRounding.AwayFromZero);
            SinceRun = sinceRun > 0 ? sinceRun : (int?)null;
            Evidence = evidence;
            Message = message;
        }

        /// <summary>The workflow the advice is about.</summary>
        public string WorkflowId { get; }
        /// <summary>1 for the first place to look: ranked by <see cref="EstimatedSaving"/>, ties by kind then NodeId.</summary>
        public int Rank { get; }
        /// <summary>What was found: a <see cref="RecommendationKind"/> name (Regression, Trend, CriticalPath, ...). A
        /// string, so that ConvertTo-Json and Export-Csv write the name (an enum is written as its number).</summary>
        public string Kind { get; }
        /// <summary>What was found, as the enum the ranking orders by.</summary>
        internal RecommendationKind KindValue { get; }
        /// <summary>The node concerned, or null for advice about the whole workflow (ParallelHeadroom).</summary>
        public string NodeId { get; }
        /// <summary>The node's label, or the workflow's name for workflow-wide advice.</summary>
        public string NodeLabel { get; }
        /// <summary>
        /// Milliseconds of wall time one affected run would lose if the cause went away: the node back at its
        /// baseline (Regression), its drift undone (Trend), halved (CriticalPath), at its median (Noisy), warm
        /// (ColdStart), the run as short as its critical path allows (ParallelHeadroom). Taken through the
        /// critical path: 0 for a node off the path. 0 for Failing and BudgetRisk, which are not about time won.
        /// Rounded to 0.1 ms.
        /// </summary>
        public double EstimatedSaving { get; }
        /// <summary>The first run of a Regression (the change point); null for the other kinds (no run number applies).</summary>
        public int? SinceRun { get; }
        /// <summary>The numbers behind the advice, in words.</summary>
        public string Evidence { get; }
        /// <summary>What to do next.</summary>
        public string Message { get; }

        /// <summary>For example <c>1 Regression test: median 6,195 ms in the last 3 runs vs 3,114 ms before</c>.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}: {3}",
            Rank, Kind, NodeId ?? "(workflow)", Evidence);

        internal WorkflowRecommendation WithRank(int rank)
            => new WorkflowRecommendation(WorkflowId, rank, KindValue, NodeId, NodeLabel, EstimatedSaving, SinceRun ?? 0, Evidence, Message);
    }
}
