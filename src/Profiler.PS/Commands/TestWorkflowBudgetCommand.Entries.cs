using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    // Where the budgets come from: -NodeId with -Maximum, or a budgets file (-Path, -LiteralPath).
    public sealed partial class TestWorkflowBudgetCommand
    {
        private List<BudgetEntry> FromParameters()
        {
            try
            {
                Budgets.ValidateMaximum(Maximum);
            }
            catch (ProfilerException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorId("InvalidMaximum"), ErrorCategory.InvalidArgument, Maximum));
            }
            var entries = new List<BudgetEntry>();
            // $null and @() name no node: one problem of the gate, as a blank id is (never "check nothing" and pass).
            foreach (string id in NodeId == null || NodeId.Length == 0 ? new string[] { null } : NodeId)
            {
                if (string.IsNullOrWhiteSpace(id))
                    entries.Add(new BudgetEntry { NodeId = id, Problem = "InvalidNodeId", Message = "A budget needs a NodeId: give the step's name, for example -NodeId compile." });
                else entries.Add(new BudgetEntry { NodeId = id, Maximum = Maximum, Statistic = Statistic });
            }
            return entries;
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

        private List<BudgetEntry> LoadFile(out string fileWorkflowId)
        {
            bool literal = ParameterSetName == LiteralPathSet;
            string path = InputPath.ResolveOne(this, literal ? LiteralPath : Path, literal, "Budgets file", "give the path of a .psd1 budgets file.");
            try
            {
                return BudgetFile.Load(path, Statistic, out fileWorkflowId);
            }
            catch (FileNotFoundException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorId("FileNotFound"), ErrorCategory.ObjectNotFound, Path));
            }
            catch (InvalidDataException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, ErrorId("InvalidFile"), ErrorCategory.InvalidData, Path));
            }
            fileWorkflowId = null;
            return null;
        }
    }
}
