using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Start-WorkflowProfile: starts a run of a workflow, creating the workflow's profile on first use.</summary>
    [Cmdlet(VerbsLifecycle.Start, "WorkflowProfile")]
    [OutputType(typeof(WorkflowRun))]
    public sealed class StartWorkflowProfileCommand : ProfilerCmdletBase
    {
        /// <summary>The workflow's id; later cmdlets use it with -WorkflowId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string WorkflowId { get; set; }

        /// <summary>A display name; defaults to the id, and is kept by later starts that omit it.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public string WorkflowName { get; set; }

        /// <summary>How many runs each node's window keeps (default 20).</summary>
        [Parameter]
        public int WindowSize { get; set; }

        /// <summary>Called as (NodeId, DurationMs) when a node trips the bottleneck rule during a run.</summary>
        [Parameter]
        public ScriptBlock OnBottleneck { get; set; }

        /// <summary>Ratio over a node's earlier average that trips the rule (default 1.5).</summary>
        [Parameter]
        public double BottleneckFactor { get; set; }

        /// <summary>Earlier samples a node needs before the rule judges it (default 3).</summary>
        [Parameter]
        public int MinimumSamples { get; set; }

        /// <summary>Abandons a run of the workflow still in flight, discarding its timings, instead of failing.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the run object, which other runspaces can pass to Add-NodeTiming -Run.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// A history folder: when the workflow is created, its runs are loaded from the folder's file for it
        /// (&lt;id&gt;.jsonl), and every completed run is appended there. Defaults to Set-ProfilerOption -HistoryPath.
        /// </summary>
        [Parameter]
        public string HistoryPath { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var settings = new WorkflowSettings { WorkflowName = WorkflowName };
            if (HistoryPath != null)
                settings.HistoryPath = string.IsNullOrWhiteSpace(HistoryPath) ? HistoryPath : SessionState.Path.GetUnresolvedProviderPathFromPSPath(HistoryPath);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(WindowSize))) settings.WindowSize = WindowSize;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(BottleneckFactor))) settings.BottleneckFactor = BottleneckFactor;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(MinimumSamples))) settings.MinimumSamples = MinimumSamples;
            WorkflowRun run;
            WorkflowRun abandoned;
            try
            {
                run = Session.StartRun(WorkflowId, settings, Force, out abandoned, out string[] warnings);
                foreach (string warning in warnings) WriteWarning(warning);
            }
            catch (ProfilerException ex)
            {
                WriteError(ToErrorRecord(ex, WorkflowId));
                return;
            }
            if (abandoned != null)
                WriteWarning($"Abandoned run {abandoned.RunNumber} of workflow '{abandoned.WorkflowId}': its timings were discarded and no history changed.");
            if (OnBottleneck != null) State.Callbacks[run.WorkflowId] = OnBottleneck;
            if (PassThru) WriteObject(run);
        }
    }
}
