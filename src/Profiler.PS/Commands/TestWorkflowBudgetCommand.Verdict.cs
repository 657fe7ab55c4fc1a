using System;
using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    // The verdict: each budget judged, every failure and problem counted, and the gate's answer at the end. A gate that
    // judged nothing fails too.
    public sealed partial class TestWorkflowBudgetCommand
    {
        private readonly List<string> _problems = new List<string>();
        private readonly List<BudgetResult> _failed = new List<BudgetResult>();
        /// <summary>Budgets judged so far, passed or not (results and problems): none at the end fails the gate.</summary>
        private int _budgets;
        /// <summary>Input records processed: none while piped to means the pipeline gave nothing.</summary>
        private int _records;

        /// <summary>A problem that stopped the gate before it judged (a missing file, no workflow, -WorkflowId $null), once seen.</summary>
        private bool _stopped;

        /// <summary>
        /// With -Quiet or -Assert, a problem that would stop the command is the gate's failure instead: a terminating error
        /// ends only the caller's statement, so `if (-not (Test-WorkflowBudget ... -Quiet)) { exit 1 }` would skip its
        /// exit and a CI script would go on after -Assert. It is written as a non-terminating error (its own ErrorId),
        /// and EndProcessing answers $false or stops the script, as for any budget not met.
        /// </summary>
        internal override void StoppingWith(ErrorRecord record)
        {
            if (Quiet || Assert) throw new GateStopped(record);
        }

        private sealed class GateStopped : Exception
        {
            public GateStopped(ErrorRecord record) : base(record.Exception?.Message) => Record = record;
            public ErrorRecord Record { get; }
        }

        /// <inheritdoc />
        protected override void BeginProcessing() => Gate(base.BeginProcessing);

        /// <inheritdoc />
        protected override void ProcessRecord() => Gate(base.ProcessRecord);

        private void Gate(Action step)
        {
            if (_stopped) return;
            try
            {
                step();
            }
            catch (GateStopped stop)
            {
                _stopped = true;
                _problems.Add(stop.Record.Exception?.Message ?? stop.Record.ToString());
                WriteError(stop.Record);
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
        /// does a matched node the gate cannot vouch for (Budgets.Check says why: no successful run, failed or stopped in
        /// its latest run, or absent from the latest run for Last).
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

        /// <summary>
        /// Why no budget was judged, for the NothingChecked problem: a gate that checked nothing must not pass. The pipeline
        /// gave no input (a filter before the gate matched nothing), the budgets file holds no budget, or no workflow
        /// was resolved.
        /// </summary>
        private string NothingChecked()
        {
            const string fails = "so no budget was checked and the gate fails";
            if (MyInvocation.ExpectingInput && _records == 0)
                return $"The pipeline gave Test-WorkflowBudget no node statistics, {fails}: check the filter before it " +
                    "(Get-NodeStatistics lists the nodes and their times), or name the nodes with -NodeId.";
            if (ParameterSetName != NodeSet && _entries != null && _entries.Count == 0)
                return $"The budgets file '{(ParameterSetName == PathSet ? Path : LiteralPath)}' holds no budget (its Nodes table is empty), " +
                    $"{fails}: add one, for example Nodes = @{{ compile = 5000 }}.";
            return $"No workflow was found to check, {fails}: give -WorkflowId (Get-WorkflowProfile lists the workflows).";
        }
    }
}
