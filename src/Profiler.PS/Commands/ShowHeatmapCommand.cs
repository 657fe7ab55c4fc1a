using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;

namespace Profiler.PS.Commands
{
    /// <summary>Show-Heatmap: the slowest nodes as colour-coded bars, one row object per node.</summary>
    [Cmdlet(VerbsCommon.Show, "Heatmap")]
    [OutputType(typeof(HeatmapRow))]
    public sealed class ShowHeatmapCommand : ProfilerCmdletBase
    {
        /// <summary>Workflows to draw; wildcards allowed. Defaults to the most recently started workflow.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <summary>How many of the slowest nodes to draw (default 5).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Top { get; set; } = 5;

        /// <summary>Plain text without colour, whatever the terminal supports.</summary>
        [Parameter]
        public SwitchParameter NoColor { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var options = new HeatmapOptions
            {
                Top = Top,
                Ansi = !NoColor && TerminalInfo.UseAnsi(this),
                Width = TerminalInfo.Width(this),
            };
            foreach (WorkflowProfiler wf in ResolveWorkflows(WorkflowId, allWhenNone: false))
            {
                WorkflowPerformanceProfile profile = wf.GetProfile();
                if (profile.NodeData.Length == 0)
                {
                    WriteWarning($"Workflow '{profile.WorkflowId}' has no completed run to draw yet: record timings and call Complete-WorkflowProfile first.");
                    continue;
                }
                WriteObject(HeatmapRenderer.Render(profile, options), enumerateCollection: true);
            }
        }
    }
}
