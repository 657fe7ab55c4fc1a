using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Lists the nodes of a workflow that take the most time of their own (window average self time), slowest first, with their share.</summary>
    /// <remarks>
    /// <para>Get-Bottleneck ranks the nodes of a workflow by their average self time over the window (the last
    /// -WindowSize completed runs): the time spent in the node itself, not in the nodes nested in it, so a wrapper
    /// that only calls other steps does not top the list. Slowest first, ties broken by NodeId; it writes the top
    /// -Top of them (5 by default). Each result carries its rank, the node's average self time, its average
    /// inclusive time (with nested nodes), maximum and last durations, its share, and the alert when the node tripped
    /// the bottleneck rule in the latest completed run.</para>
    /// <para>Share: by default the node's average self time over the sum of every node's average self time (the
    /// shares add up to 100%). With -Inclusive the ranking is by average inclusive time, and Share is the node's
    /// average inclusive time over the mean wall time (total duration) of the window's runs: the part of a run the
    /// node and everything nested in it take. A node that wraps the whole run is near 100%; nested nodes' shares
    /// overlap, so they do not add up to 100%, and nodes run in parallel can add up to more. One node's share is at most
    /// 100%: a hand-given child longer than the run (Add-NodeTiming inside Measure-WorkflowNode) takes the whole run, no more.</para>
    /// <para>By default it ranks the most recently started workflow; -WorkflowId (wildcards allowed) names others.
    /// A literal id that matches no workflow writes an ObjectNotFound error (GetBottleneckWorkflowNotFound). A
    /// workflow with no completed run has nothing to rank: it writes no object, and a warning says so and what to do.</para>
    /// <para>The default table fits 80 columns and shows both averages, so the ranked value is always on screen:
    /// Self(ms) = AvgSelfDuration (what the default ranking uses; Share is then of self time), Avg(ms) = AvgDuration
    /// (inclusive of nested nodes: what -Inclusive ranks by, Share then of the runs' wall time), Max(ms) = MaxDuration; IsAlert shows "slow" when the
    /// node tripped the rule in the latest run; Fail = WindowFailedCount + WindowStoppedCount (failed or stopped runs
    /// in the window, blank when none); NodeId last, in an interactive terminal shortened for its width (an ellipsis, then the id's end), elsewhere whole.
    /// A node with no successful run (RunCount 0) shows '-', not 0 ms; its AvgDuration, AvgSelfDuration, MaxDuration
    /// and LastDuration are $null. NodeLabel and LastDuration are in Format-List *.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// foreach ($i in 1..3) {
    ///     Start-WorkflowProfile -WorkflowId build
    ///     Add-NodeTiming -NodeId restore -Duration 2400
    ///     Add-NodeTiming -NodeId compile -Duration (5000 + 100 * $i)
    ///     Add-NodeTiming -NodeId test -Duration 3000
    ///     $null = Complete-WorkflowProfile
    /// }
    /// Get-Bottleneck -Top 2
    /// </code>
    /// <para>Profiles three runs, then shows the two slowest nodes: compile, then test.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId api
    /// Add-NodeTiming -NodeId query -Duration 120
    /// Add-NodeTiming -NodeId render -Duration 30
    /// $null = Complete-WorkflowProfile
    /// Get-Bottleneck -WorkflowId api |
    ///     Where-Object Share -gt 0.5 |
    ///     ForEach-Object { "$($_.NodeId) takes most of the time" }
    /// </code>
    /// <para>Filters the ranking: only nodes that take more than half of the workflow's time.</para>
    /// </example>
    /// <seealso cref="ShowHeatmapCommand"/>
    /// <seealso cref="GetNodeStatisticsCommand"/>
    [Cmdlet(VerbsCommon.Get, "Bottleneck")]
    [OutputType(typeof(BottleneckInfo))]
    public sealed class GetBottleneckCommand : WorkflowsCmdletBase
    {
        /// <summary>The workflows to rank, each ranked on its own; wildcards allowed. Defaults to the most recently started workflow that is not a one-off (about_Profiler.PS, DEFAULT TARGET).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string[] WorkflowId { get; set; }

        /// <summary>How many of the slowest nodes to write per workflow; at least 1 (default 5).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Top { get; set; } = 5;

        /// <summary>Ranks by average inclusive time (a node with the nodes nested in it) instead of average self time; Share is then the node's average inclusive time over the window runs' mean wall time.</summary>
        [Parameter]
        public SwitchParameter Inclusive { get; set; }

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            foreach (WorkflowProfiler wf in workflows)
            {
                BottleneckInfo[] ranked = wf.GetBottlenecks(Top, Inclusive ? RankBy.Inclusive : RankBy.Self);
                if (ranked.Length == 0) WarnNoCompletedRun(wf, "to rank");
                WriteObject(ranked, enumerateCollection: true);
            }
        }
    }
}
