using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Get-NodeTiming: the executions recorded so far in the run in flight.</summary>
    [Cmdlet(VerbsCommon.Get, "NodeTiming")]
    [OutputType(typeof(NodeTiming))]
    public sealed class GetNodeTimingCommand : ProfilerCmdletBase
    {
        /// <summary>Node ids to show; wildcards allowed.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string[] NodeId { get; set; }

        /// <summary>Workflows whose runs in flight to show; wildcards allowed. Defaults to the latest run in flight.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var filter = new NodeFilter(NodeId);
            if (WorkflowId == null)
            {
                if (Session.DefaultRun is WorkflowRun latest) Write(latest, filter);
            }
            else
            {
                foreach (WorkflowProfiler wf in ResolveWorkflows(WorkflowId, allWhenNone: false))
                    if (wf.CurrentRun is WorkflowRun run) Write(run, filter);
            }
        }

        private void Write(WorkflowRun run, NodeFilter filter)
        {
            foreach (NodeTiming timing in run.GetTimings())
                if (filter.IsMatch(timing.NodeId)) WriteObject(timing);
        }
    }
}
