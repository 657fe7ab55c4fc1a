using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;

namespace Profiler.PS.Commands
{
    /// <summary>Draws the slowest nodes of a workflow as colour-coded bars, one row object per node.</summary>
    /// <remarks>
    /// <para>Each row shows the node's label, its heat in a word (cool, warm, hot), a bar proportional to its
    /// window average self time (time in the node itself, not in nodes nested in it; -Inclusive uses inclusive time;
    /// eighth-cell precision, the slowest node fills it), that average and the last run's, its share of the summed
    /// self times (shares add up to 100%), a sparkline of its recent runs lined up by run (scaled from the series'
    /// minimum to its maximum, a gap where it did not run), and "!" with the ratio when the workflow's regression rule
    /// judged it Slower in the latest run, exactly as Compare-WorkflowRun does (the reason is in the row's
    /// AlertReason). The 5 slowest nodes get rows (-Top, -All); the rest are folded into one "Others (n nodes)" row
    /// that shows their total, its bar on the same scale ("+" when it is longer than the slowest node's).</para>
    /// <para>Colours run green-yellow-red in 24-bit colour. With -Scale Relative (the default) the slowest node
    /// is red; with -Scale Absolute, or when -GoodBelow or -BadAbove is given, a node is green up to GoodBelow
    /// (default 1 s), red from BadAbove (default 10 s), and in between by linear interpolation, so a workflow
    /// whose steps all take 10 ms shows no red.</para>
    /// <para>Rows are HeatmapRow objects that hold data only (Bar and Sparkline as plain characters, Heat, Color,
    /// Share...). Colour and width are decided when a row is displayed, by the module's format view: lines fit the
    /// host's width (120 columns in a runspace without a host UI), and colour is left out when
    /// $PSStyle.OutputRendering is PlainText, when NO_COLOR is set, for rows made with -NoColor, in Windows
    /// PowerShell, and when output is redirected (PowerShell strips it). The view is out of band, so the rows
    /// read as a heatmap after a table on the same line or in a script, through Out-String and in a file. An
    /// out-of-band view is also used whatever formatter is asked for: Format-Table and Format-List still draw the
    /// heatmap. To read the rows' properties as data, use Select-Object (Show-Heatmap | Select-Object Rank, NodeId,
    /// Share), Sort-Object, Export-Csv or ConvertTo-Json.</para>
    /// <para>A workflow with no completed run writes a warning. An unknown literal -WorkflowId writes an
    /// ObjectNotFound error (ShowHeatmapWorkflowNotFound); a negative or infinite threshold, or a GoodBelow that is
    /// not below BadAbove, stops the command (ShowHeatmapInvalidThreshold).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// foreach ($i in 1..4) {
    ///     Start-WorkflowProfile -WorkflowId build
    ///     Add-NodeTiming -NodeId restore -Duration 2500
    ///     Add-NodeTiming -NodeId compile -Duration (5000 * $i)
    ///     Add-NodeTiming -NodeId test -Duration 3000
    ///     $null = Complete-WorkflowProfile
    /// }
    /// Show-Heatmap -WorkflowId build
    /// </code>
    /// <para>Profiles four runs in which compile gets slower and draws the heatmap: compile is red, with a rising sparkline and an alert mark.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId unit
    /// 1..8 | ForEach-Object { Add-NodeTiming -NodeId "case$_" -Duration (2 * $_) }
    /// $null = Complete-WorkflowProfile
    /// Show-Heatmap -Top 3 -GoodBelow 50 -BadAbove 500
    /// </code>
    /// <para>Draws the three slowest of eight fast test cases and an Others row. On the absolute scale every case stays green, because none comes near 50 ms.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId deploy
    /// Add-NodeTiming -NodeId upload -Duration 4000
    /// Add-NodeTiming -NodeId verify -Duration 900
    /// $null = Complete-WorkflowProfile
    /// Show-Heatmap -WorkflowId deploy -All |
    ///     Where-Object Share -gt 0.5 |
    ///     Select-Object -ExpandProperty NodeId
    /// </code>
    /// <para>Rows are objects: lists the nodes that take more than half of the run.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Show, "Heatmap", DefaultParameterSetName = TopSet)]
    [OutputType(typeof(HeatmapRow))]
    public sealed class ShowHeatmapCommand : WorkflowsCmdletBase
    {
        private const string TopSet = "Top";
        private const string AllSet = "All";

        /// <summary>Workflows to draw; wildcards allowed. Defaults to the most recently started workflow that is not a one-off (about_Profiler.PS, DEFAULT TARGET).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string[] WorkflowId { get; set; }

        /// <summary>How many of the slowest nodes get a row (default 5); the rest share an "Others (n nodes)" row.</summary>
        [Parameter(ParameterSetName = TopSet)]
        [ValidateRange(1, int.MaxValue)]
        public int Top { get; set; } = 5;

        /// <summary>Draws every node, with no Others row.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>What colours are measured against: Relative (the slowest node is red, the default) or Absolute (-GoodBelow and -BadAbove).</summary>
        [Parameter]
        public HeatmapScale Scale { get; set; }

        /// <summary>Absolute scale: a node whose average is at or below this is green; milliseconds or a TimeSpan (default 1 s). Implies -Scale Absolute.</summary>
        [Parameter]
        [DurationTransformation]
        public double GoodBelow { get; set; } = HeatmapOptions.DefaultGoodBelow;

        /// <summary>Absolute scale: a node whose average is at or above this is red; milliseconds or a TimeSpan (default 10 s). Implies -Scale Absolute.</summary>
        [Parameter]
        [DurationTransformation]
        public double BadAbove { get; set; } = HeatmapOptions.DefaultBadAbove;

        /// <summary>Ranks, draws and labels rows by average inclusive time (with nested nodes) instead of average self time.</summary>
        [Parameter]
        public SwitchParameter Inclusive { get; set; }

                /// <summary>Rows that are always drawn as plain text without colour, wherever they are displayed.</summary>
        [Parameter]
        public SwitchParameter NoColor { get; set; }

        private HeatmapOptions _options;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            bool thresholds = MyInvocation.BoundParameters.ContainsKey(nameof(GoodBelow)) || MyInvocation.BoundParameters.ContainsKey(nameof(BadAbove));
            _options = new HeatmapOptions
            {
                Top = Top,
                All = All,
                RankBy = Inclusive ? RankBy.Inclusive : RankBy.Self,
                NoColor = NoColor,
                Scale = MyInvocation.BoundParameters.ContainsKey(nameof(Scale)) || !thresholds ? Scale : HeatmapScale.Absolute,
                GoodBelow = GoodBelow,
                BadAbove = BadAbove,
            };
            try
            {
                _options.Validate();
            }
            catch (ProfilerException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorId("InvalidThreshold"), ErrorCategory.InvalidArgument, null));
            }
        }

        internal override void ProcessWorkflows(List<WorkflowProfiler> workflows)
        {
            foreach (WorkflowProfiler wf in workflows)
            {
                WorkflowPerformanceProfile profile = wf.GetProfile();
                if (profile.NodeData.Length == 0)
                {
                    WarnNoCompletedRun(wf, "to draw");
                    continue;
                }
                WriteObject(HeatmapRenderer.Render(profile, _options), enumerateCollection: true);
            }
        }
    }
}
