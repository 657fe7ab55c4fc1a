using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// Copies a class definition for the rewritten tree. PowerShell's own <c>Ast.Copy()</c> turns a constructor's call of
    /// its base constructor (explicit <c>: base(...)</c>, or the one the parser adds) into a plain method call named
    /// <c>.ctor</c>, so every class with a constructor would fail at run time ("does not contain a method named
    /// '.ctor'"); constructors are copied here with that call rebuilt as what it is. Nothing else in a class changes.
    /// </summary>
    internal static class ClassCopy
    {
        public static TypeDefinitionAst Copy(TypeDefinitionAst type)
        {
            // (The base-constructor call is not reached by Ast.Find, so the constructors are what tells.)
            if (!type.Members.Any(m => m is FunctionMemberAst f && f.IsConstructor)) return (TypeDefinitionAst)type.Copy();
            IEnumerable<MemberAst> members = type.Members.Select(m => m is FunctionMemberAst f && f.IsConstructor ? Constructor(f) : (MemberAst)m.Copy()).ToList();
            return new TypeDefinitionAst(type.Extent, type.Name, CopyAll(type.Attributes), members, type.TypeAttributes, CopyAll(type.BaseTypes));
        }

        private static MemberAst Constructor(FunctionMemberAst ctor)
        {
            ScriptBlockAst body = ctor.Body;
            NamedBlockAst end = body.EndBlock;
            List<StatementAst> statements = end.Statements.Select(s => s is CommandExpressionAst c && c.Expression is BaseCtorInvokeMemberExpressionAst call
                ? new CommandExpressionAst(c.Extent, new BaseCtorInvokeMemberExpressionAst(call.Expression.Extent, call.Extent, CopyAll(call.Arguments)), null)
                : (StatementAst)s.Copy()).ToList();
            var block = new NamedBlockAst(end.Extent, end.BlockKind, new StatementBlockAst(end.Extent, statements, CopyAll(end.Traps)), end.Unnamed);
            var copy = new ScriptBlockAst(body.Extent, (ParamBlockAst)body.ParamBlock?.Copy(), null, null, block, null);
            var definition = new FunctionDefinitionAst(ctor.Extent, false, false, ctor.Name, CopyAll(ctor.Parameters), copy);
            return new FunctionMemberAst(ctor.Extent, definition, (TypeConstraintAst)ctor.ReturnType?.Copy(), CopyAll(ctor.Attributes), ctor.MethodAttributes);
        }

        private static List<T> CopyAll<T>(IEnumerable<T> asts) where T : Ast => asts?.Select(a => (T)a.Copy()).ToList() ?? new List<T>();
    }
}
