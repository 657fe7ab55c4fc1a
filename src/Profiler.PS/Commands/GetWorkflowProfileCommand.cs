using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Get-WorkflowProfile: the profiles of this session's workflows.</summary>
    [Cmdlet(VerbsCommon.Get, "WorkflowProfile")]
    [OutputType(typeof(WorkflowPerformanceProfile))]
    public sealed class GetWorkflowProfileCommand : ProfilerCmdletBase
    {
        /// <summary>Workflows to show; wildcards allowed. Defaults to all of them.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (WorkflowProfiler wf in ResolveWorkflows(WorkflowId, allWhenNone: true))
                WriteObject(wf.GetProfile());
        }
    }
}
