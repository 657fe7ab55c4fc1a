using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Lists the slowest nodes of a workflow by window average, slowest first, with their share.</summary>
    /// <remarks>
    /// <para>Get-Bottleneck ranks the nodes of a workflow by their average over the window (the last -WindowSize
    /// completed runs), slowest first, ties broken by NodeId, and writes the top -Top of them (5 by default). Each
    /// result carries its rank, the node's average, maximum and last durations, its share of the summed averages,
    /// and the alert when the node tripped the bottleneck rule in the latest completed run.</para>
    /// <para>By default it ranks the most recently started workflow; -WorkflowId (wildcards allowed) names others.
    /// A literal id that matches no workflow writes an ObjectNotFound error (GetBottleneckWorkflowNotFound). A
    /// workflow with no completed run has nothing to rank, and writes nothing.</para>
    /// <para>The default table fits 80 columns and shows both averages, so the ranked value is always on screen:
    /// Self(ms) = AvgSelfDuration (what the default ranking uses; Share is of self time), Avg(ms) = AvgDuration
    /// (inclusive of nested nodes: what -Inclusive ranks by), Max(ms) = MaxDuration; IsAlert shows "slow" when the
    /// node tripped the rule in the latest run; Fail = WindowFailedCount + WindowStoppedCount (failed or stopped runs
    /// in the window, blank when none); NodeId last, shortened for the line's width (an ellipsis, then the id's end).
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

        /// <summary>Ranks by average inclusive time (a node with the nodes nested in it) instead of average self time.</summary>
        [Parameter]
        public SwitchParameter Inclusive { get; set; }

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            foreach (WorkflowProfiler wf in workflows)
                WriteObject(wf.GetBottlenecks(Top, Inclusive ? RankBy.Inclusive : RankBy.Self), enumerateCollection: true);
        }
    }
}
