using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Records how long one node (step) took in the run in flight.</summary>
    /// <remarks>
    /// <para>Add-NodeTiming adds one execution of a node to a run started by Start-WorkflowProfile: by default the most
    /// recently started run still in flight, or the run of -WorkflowId, or the run object given to -Run (which works
    /// from any runspace or thread). The duration is in milliseconds, or a TimeSpan such as Measure-Command's output,
    /// or text such as '2500' or '00:00:02.5' from a CSV file.</para>
    /// <para>Recording the same NodeId again in one run adds to that node's time in the run and counts another
    /// execution: the run contributes one sample, their sum, to the node's history when it completes.</para>
    /// <para>When the node's time in the run trips the bottleneck rule (see about_Profiler.PS), the workflow's
    /// -OnBottleneck script block is called once for that run and a verbose message names the node.</para>
    /// <para>Piped rows (Import-Csv output, [pscustomobject] records, NodeTiming objects) give NodeId, Duration,
    /// NodeType, NodeLabel, WorkflowId and Status from their properties of those names, as by-property-name binding
    /// would (parameters given on the command line win). Any other piped object: a TimeSpan, number or duration text
    /// is the duration, a WorkflowRun is the run (see -InputObject).</para>
    /// <para>A bad record (no NodeId, or a $null or empty one; a negative, NaN or infinite duration; no duration at all,
    /// or a $null or empty one such as -Duration $null or an empty CSV cell; a Status other than Succeeded, Failed or
    /// Stopped) writes a non-terminating error (AddNodeTimingMissingNodeId, AddNodeTimingInvalidNodeId,
    /// AddNodeTimingInvalidDuration, AddNodeTimingMissingDuration, AddNodeTimingInvalidStatus) and records nothing, so
    /// the other records of a pipeline are still kept. Text given to -Duration that is no duration ('abc') is refused
    /// by parameter binding before the command runs, as for any typed parameter. No run in flight, or a run that is
    /// already completed, is a terminating error (AddNodeTimingNoRunInProgress, AddNodeTimingRunClosed).</para>
    /// <para>Inside a Measure-WorkflowNode block of the same run, the timing is a child of that node: its ParentId
    /// names the node, and the node's SelfDuration excludes it. Outside any block, a timing ends when it is recorded
    /// unless that would overlap the previous step of its thread; then it starts where that step ended. So steps recorded
    /// one after another lie end to end in record order: 100, 200 and 50 ms make a 350 ms critical path however long the
    /// script took between the calls. A timing that would take the run past TimeSpan.MaxValue is refused
    /// (AddNodeTimingInvalidDuration).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId build
    /// Add-NodeTiming -NodeId restore -Duration 2500 -NodeType dotnet -NodeLabel 'Restore packages'
    /// Measure-Command { Start-Sleep -Milliseconds 200 } | Add-NodeTiming -NodeId compile -PassThru
    /// </code>
    /// <para>Records two steps of a run: one in milliseconds, one timed by Measure-Command (its TimeSpan binds
    /// by pipeline); -PassThru writes the second timing.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId etl
    /// @(
    ///     [pscustomobject]@{ NodeId = 'extract'; Duration = 1800; NodeType = 'sql' }
    ///     [pscustomobject]@{ NodeId = 'transform'; Duration = '00:00:03.5' }
    ///     [pscustomobject]@{ NodeId = 'load'; Duration = 950; NodeLabel = 'Load warehouse' }
    /// ) | Add-NodeTiming
    /// Get-NodeTiming
    /// </code>
    /// <para>Binds the properties of piped objects by name, as Import-Csv rows would be, and shows the run so far.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId loop
    /// 1..3 | ForEach-Object { Add-NodeTiming -NodeId poll -Duration 250 }
    /// $result = Complete-WorkflowProfile
    /// $result.NodeData | Select-Object -Property NodeId, LastDuration, ExecutionCount
    /// </code>
    /// <para>A node recorded three times in one run: its sample for the run is the sum, 750 ms, from 3 executions.</para>
    /// </example>
    /// <example>
    /// <code>
    /// foreach ($i in 1..4) {
    ///     Start-WorkflowProfile -WorkflowId ci
    ///     Add-NodeTiming -NodeId test -Duration 300
    ///     $null = Complete-WorkflowProfile
    /// }
    /// Start-WorkflowProfile -WorkflowId ci
    /// Add-NodeTiming -NodeId test -Duration 10 -Status Failed
    /// $null = Complete-WorkflowProfile
    /// Compare-WorkflowRun -WorkflowId ci | Where-Object NodeId -eq test
    /// </code>
    /// <para>A step that threw after 10 ms is recorded as Failed: Compare-WorkflowRun gives it the verdict Failed, never
    /// Faster, and its 10 ms stays out of the node's window, so the window minimum is still 300 ms.</para>
    /// </example>
    /// <seealso cref="StartWorkflowProfileCommand"/>
    /// <seealso cref="GetNodeTimingCommand"/>
    [Cmdlet(VerbsCommon.Add, "NodeTiming")]
    [OutputType(typeof(NodeTiming))]
    public sealed partial class AddNodeTimingCommand : RunTargetCmdletBase
    {
        private GivenParameters _given;

        /// <summary>
        /// The node's id, unique in its workflow and compared case-insensitively. Recording the same id again in a run adds
        /// to that node's time in the run. Given by name or position, or read from the NodeId property of each piped row
        /// (see -InputObject); a record with neither is an error (AddNodeTimingMissingNodeId).
        /// </summary>
        [Parameter(Position = 0)]
        [AllowEmptyString]
        [AllowNull]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string NodeId { get; set; }

        /// <summary>
        /// How long the node took: milliseconds, a TimeSpan (such as the output of Measure-Command), or text such as
        /// '2500' or '00:00:02.5'. Must be 0 or more. Given by name or position, read from the Duration property of each
        /// piped row, or the piped object itself (see -InputObject); a record with none, or with $null, '' or blank text, is
        /// an error for that record only (AddNodeTimingMissingDuration), as a negative one is (AddNodeTimingInvalidDuration).
        /// </summary>
        [Parameter(Position = 1)]
        [DurationTransformation(EmptyIsMissing = true)]
        public double? Duration { get; set; }

        /// <summary>The node's kind, for example the tool or task that ran; shown in the statistics and kept from the latest record that gives it. Also read from a piped row's NodeType property.</summary>
        [Parameter]
        public string NodeType { get; set; }

        /// <summary>A display label for tables and the heatmap; defaults to the NodeId, as does an empty or blank label (an empty CSV cell). Also read from a piped row's NodeLabel property.</summary>
        [Parameter]
        public string NodeLabel { get; set; }

        /// <summary>The workflow whose run takes the timing; defaults to the most recently started run in flight. Also read from a piped row's WorkflowId property.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string WorkflowId { get; set; }

        /// <summary>The run to record into, from Start-WorkflowProfile -PassThru; works from any runspace or thread. A piped run works too (see -InputObject).</summary>
        [Parameter]
        public override WorkflowRun Run { get; set; }

        /// <summary>
        /// How the step ended: Succeeded (the default), Failed or Stopped. A node's run that includes a Failed or Stopped
        /// execution is kept out of its window statistics, budgets, outliers and verdicts (Compare-WorkflowRun says Failed
        /// or Stopped); the run's wall time still counts it. Any other value is an error before anything is recorded. Also
        /// read from a piped row's Status property (a name in any case; any other value is AddNodeTimingInvalidStatus for that row).
        /// </summary>
        [Parameter]
        public NodeStatus Status { get; set; } = NodeStatus.Succeeded;

        /// <summary>
        /// A piped object: a row, a duration or a run. A row (any object with a NodeId or Duration property, such as
        /// Import-Csv output, [pscustomobject] values or NodeTiming objects) gives its NodeId, Duration, NodeType,
        /// NodeLabel, WorkflowId and Status properties for the parameters not given on the command line, which win. A
        /// piped TimeSpan (Measure-Command's output), number or duration text is the duration; a WorkflowRun is the run
        /// to record into. Every piped object binds here as it is, and the cmdlet reads a row's properties itself:
        /// cheaper than PowerShell's by-property-name binding, which tries each parameter on each row.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; }

        /// <summary>Writes the recorded timing (a NodeTiming object); by default Add-NodeTiming writes nothing.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _given = GivenParameters.From(MyInvocation.BoundParameters);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            object piped = InputObject?.BaseObject;
            TimingRow row = piped == null || piped is WorkflowRun ? default : TimingRow.Read(InputObject, _given);
            string nodeId = _given.NodeId ? NodeId : row.NodeId;
            string nodeType = _given.NodeType ? NodeType : row.NodeType;
            string nodeLabel = _given.NodeLabel ? NodeLabel : row.NodeLabel;
            string workflowId = _given.WorkflowId ? WorkflowId : row.WorkflowId;
            WorkflowRun run = TargetRun(Run ?? piped as WorkflowRun, workflowId, out _);
            if (!_given.NodeId && !row.HasNodeId)
            {
                WriteError(new ErrorRecord(new PSArgumentException(
                    "No NodeId for this timing: give -NodeId, or pipe objects with a NodeId property (such as Import-Csv rows with a NodeId column)."),
                    ErrorId("MissingNodeId"), ErrorCategory.InvalidArgument, InputObject));
                return;
            }
            if (!TryDuration(row, piped, nodeId, out double duration) || !TryStatus(row, out NodeStatus status)) return;
            RecordResult result;
            try
            {
                result = State.Scopes.Record(run, nodeId, duration, nodeType, nodeLabel, status);
            }
            catch (ProfilerException ex) when (ex.Kind != ProfilerErrorKind.RunClosed)
            {
                WriteError(ToErrorRecord(ex, ex.Kind == ProfilerErrorKind.InvalidDuration ? (object)duration : nodeId));
                return;
            }
            catch (ProfilerException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, run));
                return;
            }
            if (result.ExceededParent != null)
                WriteVerbose(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "Node '{0}' ({1} ms) is longer than its parent '{2}' had run ({3:0.###} ms): recorded as given and flagged ExceedsParent.",
                    nodeId, duration, result.ExceededParent, result.ParentElapsed));
            if (PassThru)
                WriteObject(new NodeTiming(run.WorkflowId, run.RunNumber, result.Sequence, nodeId, nodeType, nodeLabel ?? nodeId,
                    duration, result.EndOffset, System.Environment.CurrentManagedThreadId, State.Scopes.FindOpen(run)?.NodeId, status: status, lane: result.Lane,
                    exceedsParent: result.ExceededParent != null));
            if (result.Alert != null) RaiseBottleneck(result.Alert, run);
        }
    }
}
