using System.Management.Automation;
using System.Management.Automation.Language;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// The script block that runs the profiled command: <c>param($__ppCommand, $__ppArguments) &amp; $__ppCommand @__ppArguments</c>,
    /// built with every node placed at the caller's Measure-WorkflowScript command. A script's own InvocationInfo points
    /// at the command that called it (a top-level Write-Error in the script names that line), so errors name the
    /// user's line, as a direct <c>&amp; ./script.ps1</c> would name its own, never this text.
    /// </summary>
    internal static class ScriptRunner
    {
        public static ScriptBlock Create(InvocationInfo caller)
        {
            IScriptExtent at = CallerExtent(caller);
            var command = new VariableExpressionAst(at, "__ppCommand", splatted: false);
            var arguments = new VariableExpressionAst(at, "__ppArguments", splatted: true);
            var parameters = new ParamBlockAst(at, null, new[]
            {
                new ParameterAst(at, (VariableExpressionAst)command.Copy(), null, null),
                new ParameterAst(at, new VariableExpressionAst(at, "__ppArguments", splatted: false), null, null),
            });
            var call = new PipelineAst(at, new CommandAst(at, new CommandElementAst[] { command, arguments }, TokenKind.Ampersand, null));
            var end = new NamedBlockAst(at, TokenKind.End, new StatementBlockAst(at, new StatementAst[] { call }, null), unnamed: true);
            return new ScriptBlockAst(at, parameters, null, null, end, null).GetScriptBlock();
        }

        /// <summary>The caller's line from where the command starts to the line's end (InvocationInfo gives no end).</summary>
        private static IScriptExtent CallerExtent(InvocationInfo caller)
        {
            string line = caller?.Line ?? "";
            int lineNumber = System.Math.Max(1, caller?.ScriptLineNumber ?? 1);
            int column = System.Math.Max(1, System.Math.Min(caller?.OffsetInLine ?? 1, line.Length + 1));
            string file = string.IsNullOrEmpty(caller?.ScriptName) ? null : caller.ScriptName;
            string text = line.TrimEnd('\r', '\n');
            return new ScriptExtent(new ScriptPosition(file, lineNumber, column, text), new ScriptPosition(file, lineNumber, System.Math.Max(column, text.Length + 1), text));
        }
    }
}
