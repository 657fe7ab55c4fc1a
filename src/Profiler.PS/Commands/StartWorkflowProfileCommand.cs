using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Starts a run of a workflow, creating the workflow's profile on first use.</summary>
    /// <remarks>
    /// <para>Start-WorkflowProfile opens a run of the workflow named by -WorkflowId. Add-NodeTiming then records how
    /// long each node (step) takes, and Complete-WorkflowProfile ends the run and folds its timings into each node's
    /// history. The first start of an id creates the workflow's profile; later starts of the same id add runs to it,
    /// so the statistics build up run after run.</para>
    /// <para>The settings given here (-WorkflowName, -WindowSize, -RelativeThreshold, -AbsoluteThreshold, -MinimumSamples,
    /// -OnBottleneck) stay with the workflow, and a later start that omits them keeps them. Defaults: a window of 20
    /// runs and the regression rule's 10 percent, 5 ms and 3 earlier successful runs (see about_Profiler.PS). That one
    /// rule decides "slower than usual" everywhere: the -OnBottleneck alert, the heatmap's "!", Get-Bottleneck, the
    /// reports, Complete-WorkflowProfile's Comparison, Compare-WorkflowRun, Outliers and IsFirstRunSlow.</para>
    /// <para>A workflow has at most one run in flight. Starting it again before Complete-WorkflowProfile writes a
    /// StartWorkflowProfileRunInProgress error and leaves that run untouched; -Force abandons it instead (its timings
    /// are discarded, with a warning). An empty id or a setting out of range writes an error
    /// (StartWorkflowProfileInvalidWorkflowId, StartWorkflowProfileInvalidSetting) and changes nothing.</para>
    /// <para>Profiles live in the memory of the current runspace; with -HistoryPath each completed run is also appended to
    /// the workflow's history file. Complete the run in a finally block (try { ... } finally { Complete-WorkflowProfile })
    /// so a script that stops at an error still saves it; a run still in flight when the runspace closes is completed
    /// then, with its open steps Stopped, appended to its history and announced by a warning on the host.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId build -WorkflowName 'Nightly build'
    /// Add-NodeTiming -NodeId restore -Duration 2500
    /// Add-NodeTiming -NodeId compile -Duration ([TimeSpan]::FromSeconds(5))
    /// Complete-WorkflowProfile
    /// </code>
    /// <para>Profiles one run of a two-step workflow and writes the workflow's profile.</para>
    /// </example>
    /// <example>
    /// <code>
    /// foreach ($ms in 100, 110, 400) {
    ///     Start-WorkflowProfile -WorkflowId deploy -RelativeThreshold 50 -MinimumSamples 2 -OnBottleneck {
    ///         param($NodeId, $Duration)
    ///         "slow step: $NodeId took $Duration ms"
    ///     }
    ///     Add-NodeTiming -NodeId upload -Duration $ms
    ///     $null = Complete-WorkflowProfile
    /// }
    /// </code>
    /// <para>Runs a workflow three times. In the third run 'upload' is more than 50 percent and 5 ms above the median of
    /// its two earlier runs and outside their noise, so the rule judges it Slower: the -OnBottleneck script block is
    /// called and prints "slow step: upload took 400 ms".</para>
    /// </example>
    /// <example>
    /// <code>
    /// $run = Start-WorkflowProfile -WorkflowId tests -PassThru
    /// $run | Add-NodeTiming -NodeId unit -Duration 1200
    /// $run.State
    /// Complete-WorkflowProfile -Run $run -TotalDuration 1500
    /// </code>
    /// <para>Keeps the run object and records into it by pipeline; the same object can be passed to other runspaces
    /// (for example $using:run in ForEach-Object -Parallel, after importing the module there).</para>
    /// </example>
    /// <seealso cref="AddNodeTimingCommand"/>
    /// <seealso cref="CompleteWorkflowProfileCommand"/>
    [Cmdlet(VerbsLifecycle.Start, "WorkflowProfile")]
    [OutputType(typeof(WorkflowRun))]
    public sealed class StartWorkflowProfileCommand : ProfilerCmdletBase
    {
        /// <summary>The workflow's id, unique in the session and compared case-insensitively; the other cmdlets take it as -WorkflowId.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string WorkflowId { get; set; }

        internal override bool WorkflowIdIsMandatory => true;

        /// <summary>A display name; defaults to the id, and is kept by later starts that omit it.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        public string WorkflowName { get; set; }

        /// <summary>How many runs each node's window keeps for AvgDuration, MinDuration and MaxDuration (1 to 100000; default 20).</summary>
        [Parameter]
        public int WindowSize { get; set; }

        /// <summary>
        /// A script block called with the node id and its time in the run (ms) when the regression rule's provisional verdict on the node turns Slower during the run, in
        /// the runspace that called Start-WorkflowProfile. When the record that tripped it was made in that runspace, it
        /// runs at once and its output goes to the pipeline of that Add-NodeTiming or Measure-WorkflowNode call. When it was
        /// made in another runspace (a ForEach-Object -Parallel branch recording with -Run), the alert waits, in order, and
        /// the callback runs at this runspace's next Profiler.PS command (Complete-WorkflowProfile at the latest), its
        /// output going to that command's pipeline.
        /// </summary>
        [Parameter]
        public ScriptBlock OnBottleneck { get; set; }

        /// <summary>The regression rule's relative threshold: the smallest change, in percent of the baseline median, that counts (0 or more; default 10). Compare-WorkflowRun -RelativeThreshold overrides it for one call.</summary>
        [Parameter]
        public double RelativeThreshold { get; set; }

        /// <summary>The regression rule's absolute threshold: the smallest change in milliseconds (or a TimeSpan) that counts (0 or more; default 5). Compare-WorkflowRun -AbsoluteThreshold overrides it for one call.</summary>
        [Parameter]
        [DurationTransformation]
        public double AbsoluteThreshold { get; set; }

        /// <summary>How many earlier successful runs of a node the regression rule needs before it judges one run of the node; at least 1 (default 3).</summary>
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
            if (MyInvocation.BoundParameters.ContainsKey(nameof(RelativeThreshold))) settings.RelativeThreshold = RelativeThreshold / 100;
            if (MyInvocation.BoundParameters.ContainsKey(nameof(AbsoluteThreshold))) settings.AbsoluteThreshold = AbsoluteThreshold;
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
                // Unusable call: the script must not go on recording into a run it did not start.
                ThrowTerminatingError(ToErrorRecord(ex, WorkflowId));
                return;
            }
            if (abandoned != null)
                WriteWarning($"Abandoned run {abandoned.RunNumber} of workflow '{abandoned.WorkflowId}': its timings were discarded and no history changed.");
            State.Own(run);
            State.WatchClose(System.Management.Automation.Runspaces.Runspace.DefaultRunspace, Host);
            if (OnBottleneck != null) State.Callbacks[run.WorkflowId] = OnBottleneck;
            if (PassThru) WriteObject(run);
        }
    }
}
