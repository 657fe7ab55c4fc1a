using System.Management.Automation;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>
    /// The floor for any cmdlet: Add-NodeTiming's exact parameters and attributes (DurationTransformation,
    /// ValueFromPipeline/ByPropertyName, completers) on a cmdlet whose ProcessRecord does nothing. What
    /// PowerShell charges to bind and invoke a compiled cmdlet this shape, before it does any work.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "NoOpTiming")]
    [OutputType(typeof(NodeTiming))]
    public sealed class AddNoOpTimingCommand : PSCmdlet
    {
        /// <summary>As Add-NodeTiming -NodeId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string NodeId { get; set; }

        /// <summary>As Add-NodeTiming -Duration.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [DurationTransformation]
        public double Duration { get; set; }

        /// <summary>As Add-NodeTiming -NodeType.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NodeType { get; set; }

        /// <summary>As Add-NodeTiming -NodeLabel.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NodeLabel { get; set; }

        /// <summary>As Add-NodeTiming -WorkflowId.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string WorkflowId { get; set; }

        /// <summary>As Add-NodeTiming -Run.</summary>
        [Parameter]
        public WorkflowRun Run { get; set; }

        /// <summary>As Add-NodeTiming -InputObject.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>As Add-NodeTiming -PassThru.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Nothing: this is the floor.</summary>
        protected override void ProcessRecord() { }
    }
}
