namespace Profiler.PS.Engine
{
    /// <summary>
    /// When each kind of recommendation is made (Get-WorkflowRecommendation and about_Profiler.PS document the
    /// same numbers). Regression and ColdStart use the workflow's own rules (RegressionRule, RunComparer,
    /// NodePerformanceData.IsFirstRunSlow), not thresholds of their own.
    /// </summary>
    public static class RecommendationThresholds
    {
        /// <summary>Fewest completed runs before anything is recommended: fewer say nothing about a workflow's habits.</summary>
        public const int MinimumRuns = 5;
        /// <summary>Fewest samples of a node for the Mann-Kendall trend test (its normal approximation is poor below).</summary>
        public const int MinimumTrendSamples = 8;
        /// <summary>Trend: the Mann-Kendall p-value must be below this (two-sided).</summary>
        public const double TrendSignificance = 0.05;
        /// <summary>CriticalPath: the node's self time must be at least this share of the critical path (median over the runs it was on it).</summary>
        public const double CriticalPathShare = 0.30;
        /// <summary>CriticalPath: the node must be on the critical path in at least this share of its runs.</summary>
        public const double CriticalPathPresence = 0.5;
        /// <summary>ParallelHeadroom: wall time above what the critical path and the lanes need must be at least this share of the wall time.</summary>
        public const double HeadroomShare = 0.20;
        /// <summary>Noisy: a coefficient of variation (standard deviation over mean) at or above this.</summary>
        public const double NoisyCoefficientOfVariation = 0.25;
        /// <summary>Noisy, alternatively: at least this share of the samples are outliers (modified z-score above 3.5)...</summary>
        public const double NoisyOutlierShare = 0.10;
        /// <summary>...and at least this many.</summary>
        public const int NoisyMinimumOutliers = 2;
        /// <summary>Failing: the node (or, without node statuses, the run) failed in at least this share of the window's runs.</summary>
        public const double FailingShare = 0.10;
        /// <summary>BudgetRisk: the budget's statistic is at least this share of its maximum.</summary>
        public const double BudgetRiskShare = 0.90;
        /// <summary>Smallest time, in milliseconds, a saving or a spread must reach to count (the regression rule's absolute threshold).</summary>
        public const double MinimumMilliseconds = Profiler.PS.Statistics.RegressionRule.DefaultAbsoluteThreshold;
    }
}
