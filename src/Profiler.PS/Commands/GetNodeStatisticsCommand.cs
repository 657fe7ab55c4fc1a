using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Gets per-node statistics of a workflow over its completed runs.</summary>
    /// <remarks>
    /// <para>Get-NodeStatistics writes one NodePerformanceData object per node, in the order the nodes first ran.
    /// Durations holds the node's samples of the last -WindowSize completed runs (one per run: the sum of its
    /// executions in that run), oldest first; AvgDuration, MinDuration and MaxDuration are over that window, in
    /// milliseconds, as are MedianDuration, P95Duration (type-7 percentile), StdDevDuration, CoefficientOfVariation,
    /// the per-sample Outliers flags (the regression rule's test against the window: 10% and 5 ms from its median and a
    /// modified z-score above 3.5) and IsFirstRunSlow (a cold first run still in the window).
    /// SelfDurations, AvgSelfDuration and LastSelfDuration give the time not spent in nested nodes. ExecutionCount,
    /// RunCount and the AllTime* aggregates are all-time. Statistics change only when a run completes.</para>
    /// <para>By default it reads the most recently started workflow; -WorkflowId (wildcards allowed) names others,
    /// and -NodeId (wildcards allowed) filters the nodes. A literal node or workflow id that matches nothing writes
    /// an ObjectNotFound error (GetNodeStatisticsNodeNotFound, GetNodeStatisticsWorkflowNotFound); a wildcard that
    /// matches nothing writes nothing. A workflow with no completed run has no statistics yet: a warning says so and
    /// what to do. An explicit empty filter (-NodeId $null, '', @() or an empty item) is an error, never "no filter"
    /// (GetNodeStatisticsInvalidNodeId, terminating).</para>
    /// <para>Nodes come in tree order: in the order they first ran, each nested node (Measure-WorkflowNode inside
    /// another, a test inside its Describe) right after its parent, with ParentId and Depth (0 at the top level) set
    /// from the kept runs' timelines; the default table indents NodeId by Depth.</para>
    /// <para>The default table fits 80 columns: numbers first in fixed widths (never cut), NodeId last. Under its
    /// parent an id that is the parent's id, " > " and more (an imported test under its file or block) shows "… > "
    /// and the rest; any other id is shown as it is. In an interactive terminal a long id is shortened for the
    /// terminal's width (an ellipsis, then the id's end, kept apart from the other ids; a Measure-WorkflowScript
    /// statement keeps its leading line, L14 …); elsewhere (redirected to a file or CI log, another host) the whole
    /// id is written and PowerShell lays the table out. A node with no successful run (RunCount 0) shows '-' for every
    /// duration, never 0 ms, and its failures in Fail; its duration properties are $null (null in ConvertTo-Json, blank
    /// in Export-Csv). LastStatus is the NodeStatus name (Succeeded, Failed, Stopped), a string. Headers are short forms of the properties: Runs = RunCount,
    /// Fail = WindowFailedCount + WindowStoppedCount (failed or stopped runs in the window, blank when none; they are
    /// not in Runs or any duration statistic; AllTimeFailedCount, AllTimeStoppedCount and LastStatus say more),
    /// Avg(ms), Median(ms), P95(ms), Last(ms) = AvgDuration, MedianDuration, P95Duration, LastDuration, and
    /// Self(ms) = AvgSelfDuration. Format-List * shows every property; list properties (Durations, RunNumbers,
    /// Outliers, SelfDurations) export to CSV as their items joined with ';'.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// foreach ($ms in 900, 1100, 1000) {
    ///     Start-WorkflowProfile -WorkflowId build
    ///     Add-NodeTiming -NodeId compile -Duration $ms -NodeType dotnet
    ///     Add-NodeTiming -NodeId lint -Duration 200 -NodeType script
    ///     $null = Complete-WorkflowProfile
    /// }
    /// Get-NodeStatistics
    /// </code>
    /// <para>Shows a table of every node's window statistics after three runs (compile: average 1,000 ms, minimum
    /// 900, maximum 1,100).</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId build
    /// 'compile-core', 'compile-cli', 'test' | ForEach-Object { Add-NodeTiming -NodeId $_ -Duration 500 }
    /// $null = Complete-WorkflowProfile
    /// Get-NodeStatistics -NodeId compile* |
    ///     Where-Object AvgDuration -ge 500 |
    ///     Select-Object -ExpandProperty NodeId
    /// </code>
    /// <para>Selects nodes with a wildcard and filters them on their average.</para>
    /// </example>
    /// <seealso cref="GetBottleneckCommand"/>
    /// <seealso cref="GetNodeTimingCommand"/>
    [Cmdlet(VerbsCommon.Get, "NodeStatistics")]
    [OutputType(typeof(NodePerformanceData))]
    public sealed class GetNodeStatisticsCommand : WorkflowsCmdletBase
    {
        private NodeFilter _filter;

        /// <summary>The nodes to show; wildcards allowed. Defaults to every node. A literal id that matches no node writes an ObjectNotFound error; $null, an empty string or an empty list is an error (GetNodeStatisticsInvalidNodeId), not "every node".</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string[] NodeId { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _filter = NodeFilter.For(this, NodeId);
        }

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            foreach (WorkflowProfiler wf in workflows)
            {
                NodePerformanceData[] nodes = wf.GetNodeStatistics();
                if (nodes.Length == 0) WarnNoCompletedRun(wf, "to summarise");
                foreach (NodePerformanceData node in _filter.Select(nodes, n => n.NodeId)) WriteObject(node);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing() => _filter.ReportUnmatched(this);
    }
}
