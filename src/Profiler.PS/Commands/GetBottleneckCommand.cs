using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Get-Bottleneck: the slowest nodes by window average, slowest first.</summary>
    [Cmdlet(VerbsCommon.Get, "Bottleneck")]
    [OutputType(typeof(BottleneckInfo))]
    public sealed class GetBottleneckCommand : ProfilerCmdletBase
    {
        /// <summary>Workflows to rank; wildcards allowed. Defaults to the most recently started workflow.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <summary>How many nodes to return (default 5).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Top { get; set; } = 5;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (WorkflowProfiler wf in ResolveWorkflows(WorkflowId, allWhenNone: false))
                WriteObject(wf.GetBottlenecks(Top), enumerateCollection: true);
        }
    }
}
