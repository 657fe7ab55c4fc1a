using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;

namespace Profiler.PS.Commands
{
    /// <summary>Draws the slowest nodes of a workflow as colour-coded bars, one row object per node.</summary>
    /// <remarks>
    /// <para>Show-Heatmap ranks the nodes like Get-Bottleneck and writes one HeatmapRow per node for the top -Top
    /// (5 by default): a bar as long as the node's average relative to the slowest node, its average, its share of
    /// the workflow's time and the mark of an alert when it tripped the bottleneck rule in the latest run. The
    /// default view prints the rendered lines; the other properties are there to filter, sort and export.</para>
    /// <para>Bars are coloured on a green-yellow-red scale when the terminal shows colour. The lines are plain text
    /// with -NoColor, when $PSStyle.OutputRendering is PlainText, when the NO_COLOR environment variable is set, or
    /// when output is redirected. Lines fit the host's width.</para>
    /// <para>By default it draws the most recently started workflow; -WorkflowId (wildcards allowed) names others.
    /// A workflow with no completed run writes a warning instead of rows; a literal id that matches no workflow
    /// writes an ObjectNotFound error (ShowHeatmapWorkflowNotFound).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// foreach ($i in 1..4) {
    ///     Start-WorkflowProfile -WorkflowId nightly -WorkflowName 'Nightly build'
    ///     Add-NodeTiming -NodeId restore -Duration 2500 -NodeLabel 'Restore packages'
    ///     Add-NodeTiming -NodeId compile -Duration 5100 -NodeLabel 'Compile'
    ///     Add-NodeTiming -NodeId test -Duration (3000 * [math]::Max(1, $i - 2)) -NodeLabel 'Unit tests'
    ///     $null = Complete-WorkflowProfile
    /// }
    /// Show-Heatmap
    /// </code>
    /// <para>Draws the heatmap of four runs; in the last run the tests took twice their usual time, so their row
    /// carries the bottleneck mark.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId ci
    /// 'lint', 'build', 'test', 'pack' | ForEach-Object { Add-NodeTiming -NodeId $_ -Duration (100 * $_.Length) }
    /// $null = Complete-WorkflowProfile
    /// Show-Heatmap -WorkflowId ci -Top 3 -NoColor | ForEach-Object Line
    /// </code>
    /// <para>Draws the three slowest nodes without colour and takes the rendered lines as text, for a log or a
    /// CI job summary.</para>
    /// </example>
    /// <seealso cref="GetBottleneckCommand"/>
    [Cmdlet(VerbsCommon.Show, "Heatmap")]
    [OutputType(typeof(HeatmapRow))]
    public sealed class ShowHeatmapCommand : ProfilerCmdletBase
    {
        /// <summary>The workflows to draw, each on its own; wildcards allowed. Defaults to the most recently started workflow.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <summary>How many of the slowest nodes to draw per workflow; at least 1 (default 5).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Top { get; set; } = 5;

        /// <summary>Draws plain text without colour escape codes, whatever the terminal supports.</summary>
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
