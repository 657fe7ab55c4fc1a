using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;
using System.Reflection;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// Rewrites a script's syntax tree in memory so that it reports its steps and calls to a <see cref="ScriptProbe"/>.
    /// The new tree is built from copies of the original nodes (<see cref="AstRebuilder"/>), so positions, the file name,
    /// $PSScriptRoot and the line an error quotes are the user's; the probes are statements of their own that no error
    /// message shows. Probes are <c>if(...){}</c> statements, which leave <c>$?</c> as the script's own statement set it.
    /// Nothing inside a script block literal (<c>{ ... }</c> given to a command) or a class is touched: such blocks
    /// may run in another process (jobs, remoting) where the probe type does not exist.
    /// </summary>
    internal sealed class ScriptRewriter : AstRebuilder
    {
        private const string Exit = "if($__pp=$__pp.X($?)){}";
        private const string Pause = "if($__pp.P($?)){}";
        private const string Unpause = "if($__pp.U()){}";
        /// <summary>The parser's requirements (#requires) of a script: an internal setter, so that a rebuilt script keeps them.</summary>
        private static readonly MethodInfo s_setRequirements =
            typeof(ScriptBlockAst).GetProperty(nameof(ScriptBlockAst.ScriptRequirements))?.GetSetMethod(nonPublic: true);

        private readonly string _rootNodeId;
        private readonly List<string> _steps = new List<string>();
        private readonly HashSet<Ast> _timed = new HashSet<Ast>();
        /// <summary>The returns that end a block of a timed call, with the probe each needs first (exit, or pause for begin and process).</summary>
        private readonly Dictionary<Ast, string> _returns = new Dictionary<Ast, string>();
        private readonly HashSet<Ast> _scriptCalls = new HashSet<Ast>();
        private readonly HashSet<Ast> _exits = new HashSet<Ast>();

        private ScriptRewriter(ScriptBlockAst root, string rootNodeId) : base(root) => _rootNodeId = rootNodeId;

        /// <summary>Rewrites the main script: its top-level statements become steps; functions (depth 2) and called scripts (depth 3) become calls.</summary>
        /// <exception cref="NotSupportedException">The script has a construct the rewritten tree could not keep; the message says which.</exception>
        /// <exception cref="System.Management.Automation.ParseException">The rewritten tree fails PowerShell's semantic checks (GetScriptBlock runs them before anything runs).</exception>
        public static RewrittenScripts.Entry RewriteMain(ScriptBlockAst root, int depth)
        {
            var rewriter = new ScriptRewriter(root, null);
            rewriter.Find(depth);
            return new RewrittenScripts.Entry(rewriter.Build().GetScriptBlock(), rewriter._steps.ToArray());
        }

        /// <summary>Rewrites a script called by the main script: the whole script is one call named <paramref name="nodeId"/>, with its functions and called scripts inside.</summary>
        public static ScriptBlockAst RewriteCalled(ScriptBlockAst root, string nodeId)
        {
            var rewriter = new ScriptRewriter(root, nodeId);
            if (IsTimeable(root)) rewriter._timed.Add(root);
            rewriter.Find(3);
            return rewriter.Build();
        }

        /// <summary>Marks what changes: every exit statement and, from depth 2, every function, catch, trap and finally (and, at depth 3, call of a .ps1 file) that can be reached.</summary>
        private void Find(int depth)
        {
            Mark(Root);
            if (_timed.Contains(Root)) FindReturns(Root);
            // Exits get a quit probe at every depth: it tells an exit statement (judged by its code, even with
            // -IgnoreExitCode) from a top-level return after a native command that failed (judged by that code's rule).
            foreach (Ast ast in Root.FindAll(a => a is ExitStatementAst || (depth >= 2 && (a is FunctionDefinitionAst || a is CatchClauseAst
                || a is TrapStatementAst || (a is TryStatementAst t && t.Finally != null) || (depth >= 3 && IsScriptCall(a)))), searchNestedScriptBlocks: true))
            {
                if (!CanChange(ast)) continue;
                if (ast is FunctionDefinitionAst function)
                {
                    if (!IsTimeable(function.Body) || HasUnknownBlock(function.Body) || !FindReturns(function.Body)) continue;
                    _timed.Add(function.Body);
                    Mark(function.Body);
                    continue;
                }
                if (ast is CommandAst) _scriptCalls.Add(ast);
                if (ast is ExitStatementAst) _exits.Add(ast);
                Mark(ast);
            }
        }

        /// <summary>Marks the returns of a timed body's blocks (in its own code, not nested functions'); false when one cannot be changed.</summary>
        private bool FindReturns(ScriptBlockAst body)
        {
            NamedBlockAst unnamed = Unnamed(body);
            var blocks = unnamed != null ? new[] { unnamed, null, null } : new[] { body.EndBlock, body.BeginBlock, body.ProcessBlock };
            var found = new Dictionary<Ast, string>();
            for (int i = 0; i < blocks.Length; i++)
            {
                if (blocks[i] == null) continue;
                foreach (Ast r in blocks[i].FindAll(a => a is ReturnStatementAst, searchNestedScriptBlocks: true).Where(r => NearestBody(r) == body))
                {
                    if (!CanChange(r)) return false;
                    found[r] = i == 0 ? Exit : Pause;   // the end (or only) block's return ends the call; begin's and process's end a block
                }
            }
            foreach (KeyValuePair<Ast, string> r in found)
            {
                _returns[r.Key] = r.Value;
                Mark(r.Key);
            }
            return true;
        }

        private ScriptBlockAst Build()
        {
            if (HasUnknownBlock(Root))
                throw new NotSupportedException("it has a clean block, which this module cannot yet carry into the rewritten script");
            ScriptBlockAst rebuilt = Rebuild(Root);
            if (Root.ScriptRequirements != null)
            {
                if (s_setRequirements == null)
                    throw new NotSupportedException("this PowerShell gives no way to keep its #requires statements in the rewritten script");
                s_setRequirements.Invoke(rebuilt, new object[] { Root.ScriptRequirements });
            }
            return rebuilt;
        }

        protected override ScriptBlockAst Body(ScriptBlockAst body)
        {
            IEnumerable<UsingStatementAst> usings = body == Root ? body.UsingStatements.Select(CopyUsing).ToList() : null;
            NamedBlockAst begin, process, end;
            if (_timed.Contains(body))
            {
                string nodeId = body == Root ? _rootNodeId : ScriptNames.FunctionNodeId(((FunctionDefinitionAst)body.Parent).Name);
                StatementAst enter = Probe($"if($__pp=[Profiler.PS.ScriptProbe]::{(body == Root ? "ES" : "E")}({ScriptNames.Quote(nodeId)})){{}}");
                NamedBlockAst unnamed = Unnamed(body);
                if (unnamed != null)
                {
                    // A plain function (or a filter: each piped object) is one call per run of its block.
                    begin = Rebuild(body.BeginBlock);
                    process = unnamed == body.ProcessBlock ? Named(unnamed, enter, Probe(Exit)) : Rebuild(body.ProcessBlock);
                    end = unnamed == body.EndBlock ? Named(unnamed, enter, Probe(Exit)) : Rebuild(body.EndBlock);
                }
                else
                {
                    // begin/process/end: one call whose clock runs only inside its blocks (its pipeline's other commands run between them).
                    begin = body.BeginBlock != null ? Named(body.BeginBlock, enter, Probe(Pause)) : NewBlock(body, TokenKind.Begin, enter, Probe(Pause));
                    process = body.ProcessBlock != null ? Named(body.ProcessBlock, Probe(Unpause), Probe(Pause)) : null;
                    end = body.EndBlock != null ? Named(body.EndBlock, Probe(Unpause), Probe(Exit)) : NewBlock(body, TokenKind.End, Probe(Unpause), Probe(Exit));
                }
            }
            else if (body == Root && _rootNodeId == null)
            {
                begin = Steps(body.BeginBlock, false);
                process = Steps(body.ProcessBlock, false);
                end = Steps(body.EndBlock, true);
            }
            else return base.Body(body);
            return new ScriptBlockAst(body.Extent, usings, RebuildAll(body.Attributes), Rebuild(body.ParamBlock), begin, process, end, Rebuild(body.DynamicParamBlock));
        }

        /// <summary>
        /// <c>return X</c> becomes <c>X</c>, the exit (or, in a begin or process block, pause) probe and a bare <c>return</c>. At depth 3, <c>exit</c> gets a quit probe
        /// before it: an exit ends the innermost script file without running its exit probe, and only this tells the
        /// caller's next probe that the file ended by exit (judged by its code), not by an error.
        /// </summary>
        protected override IEnumerable<StatementAst> Statement(StatementAst statement)
        {
            if (statement is ExitStatementAst && _exits.Contains(statement)) return new[] { Probe("if($__pp.Q()){}"), (StatementAst)statement.Copy() };
            if (!(statement is ReturnStatementAst ret) || !_returns.TryGetValue(ret, out string probe)) return base.Statement(statement);
            var statements = new List<StatementAst>();
            if (ret.Pipeline != null) statements.Add(Rebuild(ret.Pipeline));
            statements.Add(Probe(probe));
            statements.Add(new ReturnStatementAst(ret.Extent, null));
            return statements;
        }

        protected override StatementBlockAst Handler(StatementBlockAst body) => Block(body, Probe("if($__pp.R()){}"));

        /// <summary><c>./x.ps1 args</c>, <c>. ./x.ps1</c> and <c>&amp; "$PSScriptRoot/x.ps1"</c> run the file rewritten (the probe resolves the path when the call runs).</summary>
        protected override CommandAst Command(CommandAst command)
        {
            if (!_scriptCalls.Contains(command)) return base.Command(command);
            CommandElementAst name = command.CommandElements[0];
            IScriptExtent at = name.Extent;
            ExpressionAst path = name is StringConstantExpressionAst bare && bare.StringConstantType == StringConstantType.BareWord
                ? new StringConstantExpressionAst(at, bare.Value, StringConstantType.SingleQuoted) : (ExpressionAst)Rebuild(name);
            var resolve = new InvokeMemberExpressionAst(at, new VariableExpressionAst(at, "__pp", false),
                new StringConstantExpressionAst(at, "F", StringConstantType.BareWord), new[] { path }, @static: false);
            var elements = new List<CommandElementAst> { new ParenExpressionAst(at, new PipelineAst(at, new CommandExpressionAst(at, resolve, null))) };
            elements.AddRange(RebuildAll(command.CommandElements.Skip(1)));
            return new CommandAst(command.Extent, elements, command.InvocationOperator == TokenKind.Unknown ? TokenKind.Ampersand : command.InvocationOperator,
                RebuildAll(command.Redirections));
        }

        /// <summary>A top-level block with a step probe before each statement (not function or class definitions) and, in the end block, after the last.</summary>
        private NamedBlockAst Steps(NamedBlockAst block, bool isEnd)
        {
            if (block == null) return null;
            var statements = new List<StatementAst>();
            bool any = false;
            // The previous step's status is its $?, unless it silenced its own errors (SilencedErrors): then it succeeded.
            string succeeded = "$?";
            foreach (StatementAst statement in block.Statements)
            {
                if (!(statement is FunctionDefinitionAst || statement is TypeDefinitionAst))
                {
                    statements.Add(Probe($"if($__pp=$__pp.S({_steps.Count},{succeeded})){{}}"));
                    _steps.Add(ScriptNames.StepName(statement));
                    succeeded = SilencedErrors.In(statement) ? "$true" : "$?";
                    any = true;
                }
                statements.AddRange(Statement(statement));
            }
            // After the last statement: the last step ends with its own $? (exit, return or an error end it at the cmdlet instead).
            if (isEnd && any) statements.Add(Probe($"if($__pp=$__pp.S(-1,{succeeded})){{}}"));
            return new NamedBlockAst(block.Extent, block.BlockKind, new StatementBlockAst(block.Extent, statements, RebuildAll(block.Traps)), block.Unnamed);
        }

        private static NamedBlockAst NewBlock(ScriptBlockAst body, TokenKind kind, params StatementAst[] statements)
            => new NamedBlockAst(body.Extent, kind, new StatementBlockAst(body.Extent, statements, null), false);

        /// <summary>A probe statement, parsed on its own: its text is never part of the script's lines.</summary>
        private static StatementAst Probe(string text)
            => (StatementAst)Parser.ParseInput(text, out _, out _).EndBlock.Statements[0].Copy();

        /// <summary>A body worth timing: it has statements to run.</summary>
        private static bool IsTimeable(ScriptBlockAst body)
        {
            NamedBlockAst unnamed = Unnamed(body);
            if (unnamed != null) return unnamed.Statements.Count > 0;
            return body.BeginBlock != null || body.ProcessBlock != null || body.EndBlock != null;
        }

        private static NamedBlockAst Unnamed(ScriptBlockAst body)
            => body.EndBlock != null && body.EndBlock.Unnamed ? body.EndBlock : body.ProcessBlock != null && body.ProcessBlock.Unnamed ? body.ProcessBlock : null;

        private static bool IsScriptCall(Ast ast)
        {
            if (!(ast is CommandAst command)) return false;
            CommandElementAst name = command.CommandElements[0];
            string value = name is StringConstantExpressionAst constant ? constant.Value : name is ExpandableStringExpressionAst expandable ? expandable.Value : null;
            return value != null && value.Trim().EndsWith(".ps1", StringComparison.OrdinalIgnoreCase);
        }
    }
}
