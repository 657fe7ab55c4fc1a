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
}
