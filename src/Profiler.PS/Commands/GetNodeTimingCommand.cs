using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Gets the node timings recorded so far in a run in flight.</summary>
    /// <remarks>
    /// <para>Get-NodeTiming writes one NodeTiming object per execution recorded in a run that has not been completed
    /// yet, in the order they were recorded, with the time since the run started at which each was recorded. It is
    /// the way to look at a run while it is going on; once the run completes, its timings are in the node
    /// statistics (Get-NodeStatistics) instead.</para>
    /// <para>By default it reads the most recently started run still in flight; -WorkflowId (wildcards allowed)
    /// names workflows, and -NodeId (wildcards allowed) filters the nodes. With no run in flight it writes nothing
    /// (-Verbose says so). A literal workflow id that matches no workflow writes an ObjectNotFound error
    /// (GetNodeTimingWorkflowNotFound); a session with nothing profiled writes GetNodeTimingNoWorkflow. An explicit
    /// empty filter (-NodeId $null, '', @() or an empty item) is an error, never "no filter" (GetNodeTimingInvalidNodeId,
    /// terminating).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId build
    /// Add-NodeTiming -NodeId restore -Duration 2500
    /// Add-NodeTiming -NodeId compile -Duration 4800
    /// Get-NodeTiming
    /// </code>
    /// <para>Shows the two timings of the run in progress.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId crawl
    /// 1..3 | ForEach-Object { Add-NodeTiming -NodeId "page$_" -Duration (100 * $_) }
    /// Get-NodeTiming -WorkflowId crawl -NodeId page* |
    ///     Where-Object Duration -gt 150 |
    ///     Select-Object -ExpandProperty NodeId
    /// </code>
    /// <para>Lists the pages recorded so far that took more than 150 ms.</para>
    /// </example>
    /// <seealso cref="AddNodeTimingCommand"/>
    [Cmdlet(VerbsCommon.Get, "NodeTiming")]
    [OutputType(typeof(NodeTiming))]
    public sealed class GetNodeTimingCommand : WorkflowsCmdletBase
    {
        /// <summary>The nodes to show; wildcards allowed. Defaults to every node of the run (leave it out); $null, an empty string or an empty list is an error (GetNodeTimingInvalidNodeId).</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string[] NodeId { get; set; }

        internal override WorkflowDefault Default => WorkflowDefault.RunInFlight;

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            var filter = NodeFilter.For(this, NodeId);
            foreach (WorkflowProfiler wf in workflows)
            {
                if (wf.CurrentRun is WorkflowRun run) Write(run, filter);
                else WriteVerbose($"Workflow '{wf.WorkflowId}' has no run in flight, so there are no timings to show: start one with " +
                    $"Start-WorkflowProfile -WorkflowId {wf.WorkflowId}, or use Get-NodeStatistics -WorkflowId {wf.WorkflowId} for its completed runs.");
            }
            filter.ReportInvalid(this);
        }

        private void Write(WorkflowRun run, NodeFilter filter)
        {
            foreach (NodeTiming timing in filter.Select(run.GetTimings(), t => t.NodeId)) WriteObject(timing);
        }
    }
}
