using System;
using System.Management.Automation.Language;

namespace Profiler.PS.Scripts
{
    /// <summary>The node ids Measure-WorkflowScript gives a script's steps and functions, and the quoting of ids in probes.</summary>
    internal static class ScriptNames
    {
        /// <summary><c>global:Build</c> and <c>script:Build</c> are the function Build.</summary>
        public static string FunctionNodeId(string name)
        {
            int colon = name.IndexOf(':');
            return colon > 0 && colon < name.Length - 1 ? name.Substring(colon + 1) : name;
        }

        /// <summary>For example <c>L12 dotnet build -c Release</c>: the line and the statement's first line, spaces collapsed, at most 60 characters.</summary>
        public static string StepName(StatementAst statement)
        {
            string text = statement.Extent.Text;
            int newline = text.IndexOfAny(new[] { '\r', '\n' });
            if (newline >= 0) text = text.Substring(0, newline);
            text = string.Join(" ", text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
            if (text.Length > 60) text = text.Substring(0, 57) + "...";
            return "L" + statement.Extent.StartLineNumber + " " + text;
        }

        /// <summary>A single-quoted PowerShell string; every kind of single quote PowerShell accepts is doubled.</summary>
        public static string Quote(string value) => Engine.SingleQuoted.Of(value);
    }
}
