using System;
using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Checks nodes' timings against performance budgets, for CI gates and Pester tests.</summary>
    /// <remarks>
    /// <para>Compares one statistic of each node's window (Avg, Median, P95, Max or Last, over the completed runs)
    /// with a maximum in milliseconds or as a TimeSpan, and writes a BudgetResult per node with Passed, Value,
    /// Maximum and a Message. -Quiet writes a single Boolean instead: $true when every budget passed. -Assert makes
    /// any failure a terminating error (TestWorkflowBudgetExceeded) after the results are written, for scripts and
    /// CI jobs that must stop.</para>
    /// <para>-Path reads budgets for every node at once from a PowerShell data file, without running it:
    /// @{ WorkflowId = 'build'; Statistic = 'P95'; Nodes = @{ restore = 5000; compile = '00:00:30'; test = @{ Maximum = 60000; Statistic = 'Median' } } }.
    /// WorkflowId and Statistic are optional. A node's own Statistic wins over the file's, which wins over -Statistic (default Avg).
    /// -WorkflowId wins over the file's WorkflowId; without either, the most recently started workflow is checked.</para>
    /// <para>Errors: a maximum of 0 or less (TestWorkflowBudgetInvalidMaximum), an unknown statistic in a file
    /// (TestWorkflowBudgetInvalidStatistic), a missing or malformed file (TestWorkflowBudgetFileNotFound,
    /// TestWorkflowBudgetInvalidFile). A -NodeId that is $null, empty, blank or an empty list names no node: it writes
    /// TestWorkflowBudgetInvalidNodeId and counts as a budget not met. A budget that cannot be checked is written as a result with Checked $false,
    /// Passed $false, Value $null and a Message that says why: its id matches no node of the workflow, or the node
    /// has no successful run (every run of it in the window Failed or was Stopped; the message gives both counts).
    /// Such a budget counts as not passed for -Quiet and -Assert. Nothing recorded is changed.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId ci
    /// Add-NodeTiming -NodeId compile -Duration 4200
    /// Add-NodeTiming -NodeId test -Duration 900
    /// $null = Complete-WorkflowProfile
    /// Test-WorkflowBudget -NodeId compile, test -Maximum 5000
    /// </code>
    /// <para>Writes one result per node; both pass.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId ci
    /// Add-NodeTiming -NodeId compile -Duration 6500
    /// $null = Complete-WorkflowProfile
    /// $withinBudget = Test-WorkflowBudget -NodeId compile -Maximum ([TimeSpan]::FromSeconds(5)) -Statistic Last -Quiet
    /// if (-not $withinBudget) { 'compile is over budget' }
    /// </code>
    /// <para>-Quiet returns $false because the latest compile took 6.5 s.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId ci
    /// Add-NodeTiming -NodeId compile -Duration 900
    /// $null = Complete-WorkflowProfile
    /// Get-NodeStatistics | Test-WorkflowBudget -Maximum 1000 -Statistic P95 -Assert
    /// </code>
    /// <para>Checks every node of the workflow against one budget; a node over it would stop the script with TestWorkflowBudgetExceeded.</para>
    /// </example>
    /// <seealso cref="GetNodeStatisticsCommand"/>
    /// <seealso cref="MeasureWorkflowNodeCommand"/>
    /// <returns>With -Quiet, one Boolean: $true when every checked budget passed.</returns>
    [Cmdlet(VerbsDiagnostic.Test, "WorkflowBudget", DefaultParameterSetName = NodeSet)]
    [OutputType(typeof(BudgetResult), typeof(bool))]
    public sealed partial class TestWorkflowBudgetCommand : WorkflowCmdletBase
    {
        private const string NodeSet = "Node";
        private const string PathSet = "Path", LiteralPathSet = "LiteralPath";
        private readonly List<string> _problems = new List<string>();
        private readonly List<BudgetResult> _failed = new List<BudgetResult>();
        /// <summary>Budgets judged so far, passed or not (results and problems): none at the end fails the gate.</summary>
        private int _budgets;
        /// <summary>Input records processed: none while piped to means the pipeline gave nothing.</summary>
        private int _records;

        /// <summary>Nodes to check; wildcards allowed. By property name, so Get-NodeStatistics can be piped in.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NodeSet, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string[] NodeId { get; set; }

        /// <summary>The budget: the largest value that passes, in milliseconds or as a TimeSpan; more than 0.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = NodeSet)]
        [DurationTransformation]
        public double Maximum { get; set; }

        /// <summary>A PowerShell data file (.psd1) of budgets for several nodes; see the description for its layout. Wildcards allowed when they match one file; a path that matches none stops the gate (TestWorkflowBudgetFileNotFound).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string Path { get; set; }

        /// <summary>The budgets file, its path taken exactly as written (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        public string LiteralPath { get; set; }

        /// <summary>Which statistic of each node's window to compare: Avg (default), Median, P95, Max or Last.</summary>
        [Parameter]
        public BudgetStatistic Statistic { get; set; } = BudgetStatistic.Avg;

        /// <summary>The workflow whose nodes to check, by its exact id; defaults to the budgets file's WorkflowId, else the most recently started workflow that is not a one-off.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string WorkflowId { get; set; }

        /// <summary>Stops with a terminating error (TestWorkflowBudgetExceeded) when a budget failed or could not be checked.</summary>
        [Parameter]
        public SwitchParameter Assert { get; set; }

        /// <summary>Writes only $true (every budget passed) or $false, instead of one result per node.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        private List<BudgetEntry> _entries;
        private string _fileWorkflowId;

        internal override bool NothingProfiledStops => true;   // a gate with nothing to check fails closed

        internal override string ImpliedWorkflowId => _fileWorkflowId;

        internal override void BeginRecord()
        {
            _records++;
            _entries = ParameterSetName != NodeSet ? LoadFile(out _fileWorkflowId) : FromParameters();
        }

        /// <summary>A workflow that is not there is a problem of the gate too, so -Quiet is False and -Assert throws.</summary>
        internal override void ReportTargetError(ErrorRecord record)
        {
            _problems.Add($"workflow '{TerminalText.Safe(record.TargetObject as string)}' not found");
            WriteError(record);
        }

        internal override void ProcessWorkflow(WorkflowProfiler workflow)
        {
            NodePerformanceData[] nodes = workflow.GetNodeStatistics(out int latestRun);
            foreach (BudgetEntry entry in _entries)
            {
                if (entry.Problem != null)
                {
                    Problem(entry.Problem, entry.Message, entry.Problem == "InvalidNodeId" ? ErrorCategory.InvalidArgument : ErrorCategory.InvalidData, entry.NodeId);
                    continue;
                }
                Check(entry, nodes, workflow.WorkflowId, latestRun);
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            string nothingChecked = _budgets == 0 && _problems.Count == 0 ? NothingChecked() : null;
            if (nothingChecked != null) Problem("NothingChecked", nothingChecked, ErrorCategory.InvalidArgument, null);
            if (Quiet) WriteObject(_problems.Count == 0);
            if (!Assert || _problems.Count == 0) return;
            var record = new ErrorRecord(new InvalidOperationException(TerminalText.Safe(nothingChecked ??
                    $"{_problems.Count} budget{(_problems.Count == 1 ? "" : "s")} not met: " + string.Join("; ", _problems))),
                ErrorId("Exceeded") + "," + GetType().FullName, ErrorCategory.LimitsExceeded, _failed.ToArray());   // the id ThrowTerminatingError would give
            // Script-terminating, like Pester's Should and the 'throw' statement: ThrowTerminatingError would stop only
            // this statement, and the next line of a CI script would run (and pwsh -File would exit 0). try/catch catches it.
            throw new RuntimeException(record.Exception.Message, record.Exception, record) { WasThrownFromThrowStatement = true };
        }

        /// <summary>
        /// Checks one budget entry: an id naming a node is literal even with '[', '*' or '?'; otherwise it is a wildcard
        /// pattern. An entry that matches nothing, or is not a valid pattern, fails closed: a result that did not pass; so
        /// does a matched node without a successful run (Budgets.Check says so, with its failed and stopped runs).
        /// </summary>
        private void Check(BudgetEntry entry, NodePerformanceData[] nodes, string workflowId, int latestRun)
        {
            List<NodePerformanceData> matched = IdPattern.Select(entry.NodeId, nodes, n => n.NodeId, out string why);
            foreach (NodePerformanceData node in matched) Write(Budgets.Check(node, entry.Statistic, entry.Maximum, latestRun));
            if (matched.Count > 0) return;
            string where = entry.Source == null ? "" : $" (budgets file '{entry.Source}')";
            why = why ?? (latestRun == 0
                ? $"workflow '{workflowId}' has no completed run yet (complete one with Complete-WorkflowProfile before the gate)"
                : $"workflow '{workflowId}' has no completed run of a node matching '{entry.NodeId}'");
            Write(BudgetResult.NotChecked(workflowId, entry.NodeId, entry.Statistic, entry.Maximum,
                $"{entry.NodeId}: not checked{where}: {why}, so the budget fails. Run Get-NodeStatistics to list the nodes, or fix the id."));
        }

        private void Write(BudgetResult result)
        {
            _budgets++;
            if (!result.Passed)
            {
                _problems.Add(result.Message);
                _failed.Add(result);
            }
            if (!Quiet) WriteObject(result);
        }

        private void Problem(string problem, string message, ErrorCategory category, object target)
        {
            _budgets++;
            _problems.Add(message);
            Exception ex = category == ErrorCategory.ObjectNotFound ? new ItemNotFoundException(message) : (Exception)new ArgumentException(message);
            WriteError(new ErrorRecord(ex, ErrorId(problem), category, target));
        }
    }
}
