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
