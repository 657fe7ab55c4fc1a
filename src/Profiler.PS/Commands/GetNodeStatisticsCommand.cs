using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Get-NodeStatistics: per-node statistics over completed runs (window Avg/Median/P95/Min/Max, outliers, all-time aggregates).</summary>
    [Cmdlet(VerbsCommon.Get, "NodeStatistics")]
    [OutputType(typeof(NodePerformanceData))]
    public sealed class GetNodeStatisticsCommand : ProfilerCmdletBase
    {
        private NodeFilter _filter;

        /// <summary>Node ids to show; wildcards allowed. A literal id that matches no node is an ObjectNotFound error.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string[] NodeId { get; set; }

        /// <summary>Workflows to show; wildcards allowed. Defaults to the most recently started workflow.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing() => _filter = new NodeFilter(NodeId);

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (WorkflowProfiler wf in ResolveWorkflows(WorkflowId, allWhenNone: false))
                foreach (NodePerformanceData node in wf.GetNodeStatistics())
                    if (_filter.IsMatch(node.NodeId)) WriteObject(node);
        }

        /// <inheritdoc />
        protected override void EndProcessing() => _filter.ReportUnmatched(this);
    }
}
