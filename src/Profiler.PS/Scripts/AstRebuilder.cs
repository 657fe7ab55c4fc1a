using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// Builds a new syntax tree from a parsed script through PowerShell's public AST constructors: every node the
    /// script wrote is a <see cref="Ast.Copy"/> of the original, keeping its extent (file, line, column and the text of
    /// its line), so errors quote the user's code; only the probes are new. A node is rebuilt, rather than copied, when
    /// it is marked (<see cref="Mark"/>) as holding a change; <see cref="ScriptRewriter"/> says what changes where.
    /// Only the node types listed in <see cref="IsRebuildable"/> can hold a change: a change under any other node
    /// (a ternary, a pipeline chain, a background job, a data section) is not made, and that code runs unprobed.
    /// </summary>
    internal abstract class AstRebuilder
    {
        private readonly HashSet<Ast> _marked = new HashSet<Ast>();

        protected AstRebuilder(ScriptBlockAst root) => Root = root;

        /// <summary>The tree being rebuilt (a script file's, or a script block's: its parent, if any, is left out).</summary>
        protected ScriptBlockAst Root { get; }

        /// <summary>True when a change at <paramref name="ast"/> can be made: every node above it, up to the root, can be rebuilt.</summary>
        protected bool CanChange(Ast ast)
        {
            for (Ast a = ast.Parent; a != null; a = a.Parent)
            {
                if (!IsRebuildable(a)) return false;
                if (a == Root) return true;
            }
            return ast == Root;
        }

        /// <summary>Marks <paramref name="ast"/> and every node above it, up to the root, as rebuilt; callers check <see cref="CanChange"/> first.</summary>
        protected void Mark(Ast ast)
        {
            for (Ast a = ast; a != null && _marked.Add(a) && a != Root; a = a.Parent) { }
        }

        /// <summary>
        /// True when <paramref name="body"/> has a block the 5.1 constructors cannot carry (PowerShell 7.3's <c>clean</c>):
        /// rebuilding it would drop that block.
        /// </summary>
        protected static bool HasUnknownBlock(ScriptBlockAst body)
        {
            int known = new[] { body.BeginBlock, body.ProcessBlock, body.EndBlock, body.DynamicParamBlock }.Count(b => b != null);
            return body.FindAll(a => a is NamedBlockAst && a.Parent == body, searchNestedScriptBlocks: false).Count() > known;
        }

        /// <summary>The node's copy, or its rebuilt form when it holds a change.</summary>
        protected T Rebuild<T>(T ast) where T : Ast
            => ast == null ? null : _marked.Contains(ast) ? (T)Build(ast) : ast is TypeDefinitionAst type ? (T)(Ast)ClassCopy.Copy(type) : (T)ast.Copy();

        protected List<T> RebuildAll<T>(IEnumerable<T> asts) where T : Ast => asts?.Select(Rebuild).ToList() ?? new List<T>();

        /// <summary>A statement as the new tree holds it: usually its rebuilt self, but a change may turn one statement into several.</summary>
        protected virtual IEnumerable<StatementAst> Statement(StatementAst statement) => new[] { Rebuild(statement) };

        /// <summary>A catch, trap or finally body (so the subclass can add a probe at its start).</summary>
        protected virtual StatementBlockAst Handler(StatementBlockAst body) => Block(body);

        /// <summary>A function definition whose body holds a change.</summary>
        protected virtual FunctionDefinitionAst Function(FunctionDefinitionAst function)
            => new FunctionDefinitionAst(function.Extent, function.IsFilter, function.IsWorkflow, function.Name,
                RebuildAll(function.Parameters), Rebuild(function.Body));

        /// <summary>A command that holds a change in itself or its arguments.</summary>
        protected virtual CommandAst Command(CommandAst command)
            => new CommandAst(command.Extent, RebuildAll(command.CommandElements), command.InvocationOperator, RebuildAll(command.Redirections));

        /// <summary>A script block (a function's body, or the script's) that holds a change.</summary>
        protected virtual ScriptBlockAst Body(ScriptBlockAst body)
            => new ScriptBlockAst(body.Extent, null, RebuildAll(body.Attributes), Rebuild(body.ParamBlock), Rebuild(body.BeginBlock),
                Rebuild(body.ProcessBlock), Rebuild(body.EndBlock), Rebuild(body.DynamicParamBlock));

        protected StatementBlockAst Block(StatementBlockAst block, StatementAst first = null)
            => new StatementBlockAst(block.Extent, Prepend(first, block.Statements.SelectMany(Statement)), RebuildAll(block.Traps));

        protected NamedBlockAst Named(NamedBlockAst block, StatementAst first = null, StatementAst last = null)
        {
            IEnumerable<StatementAst> statements = Prepend(first, block.Statements.SelectMany(Statement));
            if (last != null) statements = statements.Concat(new[] { last });
            return new NamedBlockAst(block.Extent, block.BlockKind, new StatementBlockAst(block.Extent, statements.ToList(), RebuildAll(block.Traps)), block.Unnamed);
        }

        /// <summary>UsingStatementAst.Copy() reuses its name node, which then has two parents, so the copy is made here.</summary>
        protected static UsingStatementAst CopyUsing(UsingStatementAst u)
        {
            if (u.Alias != null)
                return u.ModuleSpecification != null ? new UsingStatementAst(u.Extent, (StringConstantExpressionAst)u.Alias.Copy(), (HashtableAst)u.ModuleSpecification.Copy())
                    : new UsingStatementAst(u.Extent, u.UsingStatementKind, (StringConstantExpressionAst)u.Alias.Copy(), (StringConstantExpressionAst)u.Name.Copy());
            return u.ModuleSpecification != null ? new UsingStatementAst(u.Extent, (HashtableAst)u.ModuleSpecification.Copy())
                : new UsingStatementAst(u.Extent, u.UsingStatementKind, (StringConstantExpressionAst)u.Name.Copy());
        }

        /// <summary>The script block (function body or script) a node belongs to.</summary>
        protected static ScriptBlockAst NearestBody(Ast ast)
        {
            for (Ast a = ast.Parent; a != null; a = a.Parent)
                if (a is ScriptBlockAst body) return body;
            return null;
        }

        private static List<StatementAst> Prepend(StatementAst first, IEnumerable<StatementAst> rest)
            => (first == null ? rest : new[] { first }.Concat(rest)).ToList();

        private readonly Dictionary<ScriptBlockAst, bool> _unknownBlocks = new Dictionary<ScriptBlockAst, bool>();

        private bool IsRebuildable(Ast ast)
        {
            // A PowerShell 7 pipeline run in the background ("... &") has no constructor in the 5.1 API this module uses.
            if (ast is PipelineAst pipeline) return !true.Equals(pipeline.GetType().GetProperty("Background")?.GetValue(pipeline));
            if (ast is ScriptBlockAst body)
            {
                if (!_unknownBlocks.TryGetValue(body, out bool unknown)) _unknownBlocks[body] = unknown = HasUnknownBlock(body);
                return !unknown;
            }
            return ast is NamedBlockAst || ast is StatementBlockAst || ast is FunctionDefinitionAst
                || ast is IfStatementAst || ast is WhileStatementAst || ast is DoWhileStatementAst || ast is DoUntilStatementAst
                || ast is ForStatementAst || ast is ForEachStatementAst || ast is SwitchStatementAst || ast is TryStatementAst
                || ast is CatchClauseAst || ast is TrapStatementAst || ast is CommandAst || ast is CommandExpressionAst
                || ast is AssignmentStatementAst || ast is SubExpressionAst || ast is ParenExpressionAst || ast is ArrayExpressionAst;
        }

        private Ast Build(Ast ast)
        {
            switch (ast)
            {
                case ScriptBlockAst body: return Body(body);
                case NamedBlockAst named: return Named(named);
                case StatementBlockAst block: return Block(block);
                case FunctionDefinitionAst function: return Function(function);
                case IfStatementAst s:
                    return new IfStatementAst(s.Extent, s.Clauses.Select(c => Tuple.Create(Rebuild(c.Item1), Rebuild(c.Item2))).ToList(), Rebuild(s.ElseClause));
                case WhileStatementAst s: return new WhileStatementAst(s.Extent, s.Label, Rebuild(s.Condition), Rebuild(s.Body));
                case DoWhileStatementAst s: return new DoWhileStatementAst(s.Extent, s.Label, Rebuild(s.Condition), Rebuild(s.Body));
                case DoUntilStatementAst s: return new DoUntilStatementAst(s.Extent, s.Label, Rebuild(s.Condition), Rebuild(s.Body));
                case ForStatementAst s:
                    return new ForStatementAst(s.Extent, s.Label, Rebuild(s.Initializer), Rebuild(s.Condition), Rebuild(s.Iterator), Rebuild(s.Body));
                case ForEachStatementAst s:
                    return new ForEachStatementAst(s.Extent, s.Label, s.Flags, Rebuild(s.Variable), Rebuild(s.Condition), Rebuild(s.Body));
                case SwitchStatementAst s:
                    return new SwitchStatementAst(s.Extent, s.Label, Rebuild(s.Condition), s.Flags,
                        s.Clauses.Select(c => Tuple.Create(Rebuild(c.Item1), Rebuild(c.Item2))).ToList(), Rebuild(s.Default));
                case TryStatementAst s:
                    return new TryStatementAst(s.Extent, Rebuild(s.Body), RebuildAll(s.CatchClauses), s.Finally == null ? null : Handler(s.Finally));
                case CatchClauseAst s: return new CatchClauseAst(s.Extent, RebuildAll(s.CatchTypes), Handler(s.Body));
                case TrapStatementAst s: return new TrapStatementAst(s.Extent, Rebuild(s.TrapType), Handler(s.Body));
                case PipelineAst s: return new PipelineAst(s.Extent, RebuildAll(s.PipelineElements));
                case CommandAst s: return Command(s);
                case CommandExpressionAst s: return new CommandExpressionAst(s.Extent, Rebuild(s.Expression), RebuildAll(s.Redirections));
                case AssignmentStatementAst s: return new AssignmentStatementAst(s.Extent, Rebuild(s.Left), s.Operator, Rebuild(s.Right), s.ErrorPosition);
                case SubExpressionAst s: return new SubExpressionAst(s.Extent, Rebuild(s.SubExpression));
                case ParenExpressionAst s: return new ParenExpressionAst(s.Extent, Rebuild(s.Pipeline));
                case ArrayExpressionAst s: return new ArrayExpressionAst(s.Extent, Rebuild(s.SubExpression));
                default: return ast.Copy();   // unreachable: CanChange marks only rebuildable nodes
            }
        }
    }
}
