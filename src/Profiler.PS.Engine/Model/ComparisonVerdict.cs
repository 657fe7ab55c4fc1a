namespace Profiler.PS
{
    /// <summary>What a comparison of runs concluded about one node or the workflow's total.</summary>
    public enum ComparisonVerdict
    {
        /// <summary>No change that passes both thresholds.</summary>
        Same,
        /// <summary>Faster than the baseline, past both thresholds and beyond the baseline's noise (or significant by Mann-Whitney).</summary>
        Faster,
        /// <summary>Slower than the baseline, past both thresholds and beyond the baseline's noise (or significant by Mann-Whitney).</summary>
        Slower,
        /// <summary>A change past the thresholds that the samples cannot confirm: too few baseline runs, or within the baseline's noise.</summary>
        Inconclusive,
        /// <summary>The node ran in the judged runs but in none of the baseline runs.</summary>
        New,
        /// <summary>The node ran in the baseline runs but in none of the judged runs.</summary>
        Missing,
        /// <summary>The node failed in a judged run (for the workflow's total: an execution of a judged run failed): its time
        /// there is kept out of every verdict and statistic.</summary>
        Failed,
        /// <summary>The node was stopped in a judged run (for the workflow's total: an execution of a judged run was stopped and
        /// none failed): its time there is kept out of every verdict and statistic.</summary>
        Stopped,
    }

    /// <summary>What a comparison line is about.</summary>
    public enum ComparisonScope
    {
        /// <summary>One node's time in the runs.</summary>
        Node,
        /// <summary>The workflow's total duration.</summary>
        Workflow,
    }
}
