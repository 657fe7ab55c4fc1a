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
    /// <para>The gate fails closed: what it cannot vouch for is not passed. A budget that cannot be checked is written as
    /// a result with Checked $false, Passed $false, Value $null (Headroom $null, Samples 0) and a Message that says why:
    /// its id matches no node of the workflow (a typo, a wildcard that matches nothing, a workflow with no completed run
    /// yet); the node has no successful run (every run of it in the window Failed or was Stopped; the message gives both
    /// counts); the node failed or was stopped in the latest run it ran in, whatever the statistic (its successful times
    /// are older than its current state: fix it, then judge its time; a node that failed only in older runs is judged on
    /// its successful runs, as failed and stopped runs stay out of statistics); or the statistic is Last and the node did
    /// not run in the workflow's latest completed run (Last is that run's time, never an older run's; budget a window
    /// statistic for a step that does not always run). The message names the run.</para>
    /// <para>A gate that checked no budget at all fails too, with the non-terminating error
    /// TestWorkflowBudgetNothingChecked saying what to do: the pipeline gave no node statistics (a filter before the gate
    /// matched nothing: piped input is told apart from no pipeline), or the budgets file's Nodes table is empty.</para>
    /// <para>Errors: a maximum of 0 or less (TestWorkflowBudgetInvalidMaximum), an unknown statistic in a file
    /// (TestWorkflowBudgetInvalidStatistic), a missing or malformed file (TestWorkflowBudgetFileNotFound,
    /// TestWorkflowBudgetInvalidFile). A -NodeId that is $null, empty, blank or an empty list names no node: it writes
    /// TestWorkflowBudgetInvalidNodeId. Each of these problems, each budget not checked and TestWorkflowBudgetNothingChecked
    /// counts as a budget not met: -Quiet writes $false and -Assert stops with TestWorkflowBudgetExceeded. With -Quiet
    /// or -Assert, a problem that would otherwise stop only this command (a missing budgets file, no workflow, an empty
    /// -WorkflowId) is written as a non-terminating error with its own ErrorId and fails the gate the same way, so
    /// `if (-not (Test-WorkflowBudget ... -Quiet)) { exit 1 }` exits and a CI script stops at -Assert. (A value the
    /// parameter binder refuses, such as -Maximum $null, stops before the command runs.) Nothing recorded is changed.</para>
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
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId ci
    /// Add-NodeTiming -NodeId compile -Duration 900
    /// Add-NodeTiming -NodeId test -Duration 400
    /// $null = Complete-WorkflowProfile
    /// Start-WorkflowProfile -WorkflowId ci
    /// Add-NodeTiming -NodeId compile -Duration 950
    /// Add-NodeTiming -NodeId test -Duration 12 -Status Failed
    /// $null = Complete-WorkflowProfile
    /// Test-WorkflowBudget -NodeId compile, test -Maximum 1000 -Statistic Max | Select-Object NodeId, Passed, Value, Message
    /// Get-NodeStatistics | Where-Object NodeId -like 'deploy*' | Test-WorkflowBudget -Maximum 1000 -Quiet -ErrorAction SilentlyContinue
    /// </code>
    /// <para>compile passes (Max 950 ms); test fails, not checked, with Value $null: it failed in the latest run 2, so
    /// its older 400 ms cannot vouch for it. The last line writes $false: no node matched the filter, so nothing was
    /// checked (without -ErrorAction it also writes TestWorkflowBudgetNothingChecked).</para>
    /// </example>
    /// <seealso cref="GetNodeStatisticsCommand"/>
    /// <seealso cref="MeasureWorkflowNodeCommand"/>
    /// <returns>With -Quiet, one Boolean: $true when at least one budget was checked and every budget passed.</returns>
    [Cmdlet(VerbsDiagnostic.Test, "WorkflowBudget", DefaultParameterSetName = NodeSet)]
    [OutputType(typeof(BudgetResult), typeof(bool))]
    public sealed partial class TestWorkflowBudgetCommand : WorkflowCmdletBase
    {
        private const string NodeSet = "Node";
        private const string PathSet = "Path", LiteralPathSet = "LiteralPath";

        /// <summary>Nodes to check; wildcards allowed. By property name, so Get-NodeStatistics can be piped in; a pipeline that gives nothing fails the gate (TestWorkflowBudgetNothingChecked).</summary>
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

        /// <summary>Which statistic of each node's window to compare: Avg (default), Median, P95, Max or Last (the node's time in the workflow's latest completed run; a node that did not run in it fails, not checked).</summary>
        [Parameter]
        public BudgetStatistic Statistic { get; set; } = BudgetStatistic.Avg;

        /// <summary>The workflow whose nodes to check, by its exact id; defaults to the budgets file's WorkflowId, else the most recently started workflow that is not a one-off.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string WorkflowId { get; set; }

        /// <summary>Stops with a terminating error (TestWorkflowBudgetExceeded) when a budget failed or could not be checked, or when no budget was checked at all.</summary>
        [Parameter]
        public SwitchParameter Assert { get; set; }

        /// <summary>Writes only $true (every budget passed) or $false (a budget failed or could not be checked, or none was checked), instead of one result per node.</summary>
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
    }
}
