using System.Management.Automation;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>
    /// The cheapest cmdlet a user could write to take timing rows from the pipeline: two mandatory parameters that
    /// bind by property name only, plain types, no attributes beyond [Parameter], nothing else to try. The floor for
    /// `$rows | Add-NodeTiming` (tests/Profiler.PS.Benchmarks/pwsh/CmdletCost.ps1). Self-contained (no Profiler.PS
    /// types), so the script compiles it with Add-Type.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "NoOpRow")]
    public sealed class AddNoOpRowCommand : PSCmdlet
    {
        /// <summary>The row's NodeId.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string NodeId { get; set; }

        /// <summary>The row's Duration.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public double Duration { get; set; }

        /// <summary>Nothing: this is the floor.</summary>
        protected override void ProcessRecord() { }
    }

    /// <summary>
    /// The cheapest cmdlet a user could write to take Add-NodeTiming's rows with all their columns (NodeId, Duration,
    /// NodeType, NodeLabel, WorkflowId) from the pipeline: plain parameters bound by property name only.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "NoOpFullRow")]
    public sealed class AddNoOpFullRowCommand : PSCmdlet
    {
        /// <summary>The row's NodeId.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string NodeId { get; set; }

        /// <summary>The row's Duration.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public double Duration { get; set; }

        /// <summary>The row's NodeType, if any.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NodeType { get; set; }

        /// <summary>The row's NodeLabel, if any.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string NodeLabel { get; set; }

        /// <summary>The row's WorkflowId, if any.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string WorkflowId { get; set; }

        /// <summary>Nothing: this is the floor.</summary>
        protected override void ProcessRecord() { }
    }

    /// <summary>
    /// The cheapest cmdlet a user could write to take a node id and a duration as parameters: two positional
    /// parameters, plain types, no pipeline binding. The floor for `Add-NodeTiming -NodeId x -Duration 5`.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "NoOpPair")]
    public sealed class AddNoOpPairCommand : PSCmdlet
    {
        /// <summary>A node id.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string NodeId { get; set; }

        /// <summary>A duration in milliseconds.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        public double Duration { get; set; }

        /// <summary>Nothing: this is the floor.</summary>
        protected override void ProcessRecord() { }
    }

    /// <summary>
    /// A cmdlet with Measure-Command's parameters (a script block at position 0, an input object from the pipeline)
    /// that does nothing: against <see cref="MeasureNoOpNodeCommand"/> it isolates what binding Measure-WorkflowNode's
    /// interface costs, which no implementation of that interface can avoid.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "NoOpCommand")]
    public sealed class MeasureNoOpCommandCommand : PSCmdlet
    {
        /// <summary>An object for the block, from the pipeline.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; } = System.Management.Automation.Internal.AutomationNull.Value;

        /// <summary>The block (not run).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public ScriptBlock Expression { get; set; }

        /// <summary>Nothing: this is the floor.</summary>
        protected override void ProcessRecord() { }
    }

    /// <summary>
    /// Measure-WorkflowNode's parameters (a node id at position 0, a script block at position 1, an input object from
    /// the pipeline and six named parameters), shared by the floors that bind them: Measure-NoOpNode here and
    /// Measure-BareNode / Measure-BareDotNode (BareNode.cs).
    /// </summary>
    public abstract class NodeParametersCommandBase : PSCmdlet
    {
        /// <summary>A node id.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        public string NodeId { get; set; }

        /// <summary>The block.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowNull]
        public ScriptBlock ScriptBlock { get; set; }

        /// <summary>An object for the block, from the pipeline.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; } = System.Management.Automation.Internal.AutomationNull.Value;

        /// <summary>Unused.</summary>
        [Parameter]
        public string NodeType { get; set; }

        /// <summary>Unused.</summary>
        [Parameter]
        public string NodeLabel { get; set; }

        /// <summary>Unused.</summary>
        [Parameter]
        public string WorkflowId { get; set; }

        /// <summary>Unused (Measure-WorkflowNode takes a WorkflowRun).</summary>
        [Parameter]
        public object Run { get; set; }

        /// <summary>Unused (bound switches cost binding; the bare floors choose the scope by cmdlet instead).</summary>
        [Parameter]
        public SwitchParameter DotSource { get; set; }

        /// <summary>Unused.</summary>
        [Parameter]
        public SwitchParameter IgnoreExitCode { get; set; }
    }

    /// <summary>A cmdlet with Measure-WorkflowNode's parameters that does nothing.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "NoOpNode")]
    public sealed class MeasureNoOpNodeCommand : NodeParametersCommandBase
    {
        /// <summary>Nothing: this is the floor.</summary>
        protected override void ProcessRecord() { }
    }
}
