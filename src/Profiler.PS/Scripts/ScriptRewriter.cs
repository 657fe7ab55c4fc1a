using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// Rewrites a script's text in memory so that it reports its steps and calls to a <see cref="ScriptProbe"/>.
    /// Every probe is inserted into the original text on the line it belongs to, never with a line break, and the
    /// result is parsed under the original file name: line numbers, $PSScriptRoot and error positions stay those
    /// of the file. Probes are <c>if(...){}</c> statements, which leave <c>$?</c> as the script's own statement set it.
    /// Nothing inside a script block literal (<c>{ ... }</c> given to a command) or a class is touched: such blocks
    /// may run in another process (jobs, remoting) where the probe type does not exist.
    /// </summary>
    internal static class ScriptRewriter
    {
        /// <summary>The variable holding the probe of the innermost timed call; read dynamically, so a called function sees its caller's.</summary>
        internal const string ProbeVariable = "$__pp";

        /// <summary>Rewrites the main script: its top-level statements become steps; functions (depth 2) and called scripts (depth 3) become calls.</summary>
        public static RewrittenScript RewriteMain(ScriptBlockAst root, string text, int depth)
        {
            var edits = new TextEdits(text);
            var steps = new List<string>();
            AddSteps(root, edits, steps);
            if (depth >= 2) AddCalls(root, edits, depth);
            return new RewrittenScript(edits.Apply(), steps.ToArray());
        }

        /// <summary>Rewrites a script called by the main script: the whole script is one call named <paramref name="nodeId"/>, with its functions and called scripts inside.</summary>
        public static string RewriteCalled(ScriptBlockAst root, string text, string nodeId)
        {
            var edits = new TextEdits(text);
            InstrumentBody(root, nodeId, edits, isFunction: false);
            AddCalls(root, edits, 3);
            return edits.Apply();
        }

        private static void AddSteps(ScriptBlockAst root, TextEdits edits, List<string> steps)
        {
            StatementAst last = null;
            foreach (NamedBlockAst block in new[] { root.BeginBlock, root.ProcessBlock, root.EndBlock })
            {
                if (block == null) continue;
                foreach (StatementAst statement in block.Statements)
                {
                    if (statement is FunctionDefinitionAst || statement is TypeDefinitionAst) continue;
                    edits.Insert(statement.Extent.StartOffset, $"if({ProbeVariable}={ProbeVariable}.S({steps.Count},$?)){{}};");
                    steps.Add(StepName(statement));
                    if (block == root.EndBlock) last = statement;
                }
            }
            // After the last statement: the last step ends with its own $? (exit, return or an error end it at the cmdlet instead).
            if (last != null) edits.Insert(last.Extent.EndOffset, $";if({ProbeVariable}={ProbeVariable}.S(-1,$?)){{}}");
        }

        /// <summary>Instruments every function, catch, trap and finally (and, at depth 3, call of a .ps1 file) outside script block literals and classes.</summary>
        private static void AddCalls(ScriptBlockAst root, TextEdits edits, int depth)
        {
            foreach (Ast ast in root.FindAll(a => a is FunctionDefinitionAst || a is CatchClauseAst || a is TrapStatementAst
                || a is TryStatementAst || a is CommandAst, searchNestedScriptBlocks: true))
            {
                if (!IsInstrumentable(ast, root)) continue;
                switch (ast)
                {
                    case FunctionDefinitionAst function:
                        InstrumentBody(function.Body, FunctionNodeId(function.Name), edits, isFunction: true);
                        break;
                    case CatchClauseAst catchClause:
                        InsertResume(catchClause.Body, edits);
                        break;
                    case TrapStatementAst trap:
                        InsertResume(trap.Body, edits);
                        break;
                    case TryStatementAst tryStatement when tryStatement.Finally != null:
                        InsertResume(tryStatement.Finally, edits);
                        break;
                    case CommandAst command when depth >= 3:
                        RedirectScriptCall(command, edits);
                        break;
                }
            }
        }

        /// <summary>True unless the node lies in a script block literal or a class (function bodies are fine).</summary>
        private static bool IsInstrumentable(Ast ast, ScriptBlockAst root)
        {
            for (Ast a = ast.Parent; a != null && a != root; a = a.Parent)
            {
                if (a is TypeDefinitionAst) return false;
                if (a is ScriptBlockExpressionAst) return false;
            }
            return true;
        }

        /// <summary>
        /// Enter at the start of the body (in begin, adding one if needed), exit at the end of the block that runs last
        /// (end, adding one if needed) and before each return of that block. The exit probe hands back the caller's probe,
        /// so a dot-sourced call (<c>. f</c>, which shares its caller's variables) leaves the caller's probe in place.
        /// </summary>
        private static void InstrumentBody(ScriptBlockAst body, string nodeId, TextEdits edits, bool isFunction)
        {
            string enter = $"if({ProbeVariable}={ProbeVariable}.E({Quote(nodeId)})){{}}";
            string exit = $"if({ProbeVariable}={ProbeVariable}.X()){{}}";
            NamedBlockAst unnamed = body.EndBlock != null && body.EndBlock.Unnamed ? body.EndBlock
                : body.ProcessBlock != null && body.ProcessBlock.Unnamed ? body.ProcessBlock : null;
            if (unnamed != null || (body.BeginBlock == null && body.ProcessBlock == null && body.EndBlock == null))
            {
                if (unnamed == null || unnamed.Statements.Count == 0) return; // nothing runs: no call worth timing
                edits.Insert(unnamed.Statements[0].Extent.StartOffset, enter + ";");
                edits.Insert(unnamed.Statements[unnamed.Statements.Count - 1].Extent.EndOffset, ";" + exit);
                RewriteReturns(unnamed, body, exit, edits);
                return;
            }
            if (body.BeginBlock != null) edits.Insert(AfterOpeningBrace(body.BeginBlock), enter + ";");
            else
            {
                int first = new[] { body.ProcessBlock, body.EndBlock }.Where(b => b != null).Min(b => b.Extent.StartOffset);
                edits.Insert(first, "begin{" + enter + "}");
            }
            if (body.EndBlock != null)
            {
                var statements = body.EndBlock.Statements;
                if (statements.Count == 0) edits.Insert(AfterOpeningBrace(body.EndBlock), exit);
                else edits.Insert(statements[statements.Count - 1].Extent.EndOffset, ";" + exit);
                RewriteReturns(body.EndBlock, body, exit, edits);
            }
            else if (isFunction) edits.Insert(body.Extent.EndOffset - 1, "end{" + exit + "}");
            // A script's text may end in a comment: the added end block goes on a line of its own, after every line of the file.
            else edits.Insert(body.Extent.EndOffset, "\nend{" + exit + "}");
        }

        /// <summary><c>return X</c> becomes <c>X;exit;return</c>: the keyword is dropped and the exit probe and a bare return follow X.</summary>
        private static void RewriteReturns(NamedBlockAst block, ScriptBlockAst body, string exit, TextEdits edits)
        {
            foreach (Ast ast in block.FindAll(a => a is ReturnStatementAst, searchNestedScriptBlocks: true))
            {
                if (NearestScriptBlock(ast) != body || !IsInstrumentable(ast, body)) continue;
                var ret = (ReturnStatementAst)ast;
                edits.Replace(ret.Extent.StartOffset, "return".Length, "");
                edits.Insert(ret.Extent.EndOffset, (ret.Pipeline == null ? "" : ";") + exit + ";return");
            }
        }

        private static void InsertResume(StatementBlockAst body, TextEdits edits)
            => edits.Insert(AfterOpeningBrace(body), $"if({ProbeVariable}.R()){{}};");

        /// <summary>At depth 3, <c>./x.ps1 args</c>, <c>. ./x.ps1</c> and <c>&amp; "$PSScriptRoot/x.ps1"</c> run the file rewritten (the probe resolves the path when the call runs).</summary>
        private static void RedirectScriptCall(CommandAst command, TextEdits edits)
        {
            CommandElementAst name = command.CommandElements[0];
            string value = name is StringConstantExpressionAst constant ? constant.Value
                : name is ExpandableStringExpressionAst expandable ? expandable.Value : null;
            if (value == null || !value.Trim().EndsWith(".ps1", StringComparison.OrdinalIgnoreCase)) return;
            string expression = name is StringConstantExpressionAst c && c.StringConstantType == StringConstantType.BareWord
                ? Quote(c.Value) : name.Extent.Text;
            string call = $"({ProbeVariable}.F({expression}))";
            edits.Replace(name.Extent.StartOffset, name.Extent.EndOffset - name.Extent.StartOffset,
                command.InvocationOperator == TokenKind.Unknown ? "& " + call : call);
        }

        private static ScriptBlockAst NearestScriptBlock(Ast ast)
        {
            for (Ast a = ast.Parent; a != null; a = a.Parent)
                if (a is ScriptBlockAst sb) return sb;
            return null;
        }

        private static int AfterOpeningBrace(Ast block) => block.Extent.StartOffset + block.Extent.Text.IndexOf('{') + 1;

        /// <summary><c>global:Build</c> and <c>script:Build</c> are the function Build.</summary>
        internal static string FunctionNodeId(string name)
        {
            int colon = name.IndexOf(':');
            return colon > 0 && colon < name.Length - 1 ? name.Substring(colon + 1) : name;
        }

        /// <summary>For example <c>L12 dotnet build -c Release</c>: the line and the statement's first line, spaces collapsed, at most 60 characters.</summary>
        internal static string StepName(StatementAst statement)
        {
            string text = statement.Extent.Text;
            int newline = text.IndexOfAny(new[] { '\r', '\n' });
            if (newline >= 0) text = text.Substring(0, newline);
            text = string.Join(" ", text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
            if (text.Length > 60) text = text.Substring(0, 57) + "...";
            return "L" + statement.Extent.StartLineNumber + " " + text;
        }

        /// <summary>A single-quoted PowerShell string; every kind of single quote PowerShell accepts is doubled.</summary>
        internal static string Quote(string value)
        {
            var sb = new System.Text.StringBuilder("'");
            foreach (char ch in value)
            {
                sb.Append(ch);
                if (ch == '\'' || ch == '\u2018' || ch == '\u2019' || ch == '\u201A' || ch == '\u201B') sb.Append(ch);
            }
            return sb.Append('\'').ToString();
        }
    }

    /// <summary>The rewritten text and the names of its steps (index = the number passed to the step probe).</summary>
    internal sealed class RewrittenScript
    {
        public RewrittenScript(string text, string[] steps)
        {
            Text = text;
            Steps = steps;
        }

        public string Text { get; }
        public string[] Steps { get; }
    }
}
