using System;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;

namespace Profiler.PS
{
    /// <summary>
    /// The $MyInvocation a step's block gets, as <c>&amp; { }</c> has it: a nameless script command at the cmdlet's position
    /// in the caller's script, so an error the block writes is labelled by the command that wrote it (Write-Error: ...)
    /// and points at the statement, as it would without Measure-WorkflowNode.
    /// </summary>
    internal static class BlockInvocation
    {
        /// <summary>The last one made on this thread and what it was made for: a loop over one block literal reuses it.</summary>
        private sealed class Last
        {
            public Ast Ast;
            public PSModuleInfo Module;
            public IScriptExtent Position;
            public long HistoryId;
            public bool ChildScope;
            public InvocationInfo Info;
        }

        [ThreadStatic] private static Last t_last;
        private static readonly Func<Cmdlet, IScriptExtent> s_positionOf;
        private static readonly Func<Cmdlet, ScriptBlock, IScriptExtent, InvocationInfo> s_create;
        private static readonly Action<InvocationInfo, string> s_setInvocationName;

        static BlockInvocation()
        {
            try
            {
                const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
                Assembly sma = typeof(PSObject).Assembly;
                PropertyInfo context = typeof(System.Management.Automation.Internal.InternalCommand).GetProperty("Context", Any);
                Type scriptInfo = sma.GetType("System.Management.Automation.ScriptInfo", true);
                ConstructorInfo ctor = scriptInfo.GetConstructor(Any, null, new[] { typeof(string), typeof(ScriptBlock), context.PropertyType }, null);
                PropertyInfo position = typeof(InvocationInfo).GetProperty("ScriptPosition", Any);
                MethodInfo create = typeof(InvocationInfo).GetMethod(nameof(InvocationInfo.Create), new[] { typeof(CommandInfo), typeof(IScriptExtent) });
                if (ctor == null || position == null || create == null) return;
                ParameterExpression cmdlet = Expression.Parameter(typeof(Cmdlet), "cmdlet");
                ParameterExpression block = Expression.Parameter(typeof(ScriptBlock), "block");
                ParameterExpression extent = Expression.Parameter(typeof(IScriptExtent), "extent");
                Expression ctx = Expression.Property(Expression.Convert(cmdlet, typeof(System.Management.Automation.Internal.InternalCommand)), context);
                Expression myInvocation = Expression.Property(Expression.Convert(cmdlet, typeof(PSCmdlet)), nameof(PSCmdlet.MyInvocation));
                s_positionOf = Expression.Lambda<Func<Cmdlet, IScriptExtent>>(Expression.Property(myInvocation, position), cmdlet).Compile();
                s_create = Expression.Lambda<Func<Cmdlet, ScriptBlock, IScriptExtent, InvocationInfo>>(
                    Expression.Call(create, Expression.New(ctor, Expression.Constant(string.Empty), block, ctx), extent), cmdlet, block, extent).Compile();
                PropertyInfo invocationName = typeof(InvocationInfo).GetProperty(nameof(InvocationInfo.InvocationName), Any);
                if (invocationName?.SetMethod != null)
                {
                    ParameterExpression info = Expression.Parameter(typeof(InvocationInfo), "info");
                    ParameterExpression name = Expression.Parameter(typeof(string), "name");
                    s_setInvocationName = Expression.Lambda<Action<InvocationInfo, string>>(
                        Expression.Assign(Expression.Property(info, invocationName), name), info, name).Compile();
                }
            }
            catch (Exception)
            {
                s_positionOf = null;
                s_create = null;
                s_setInvocationName = null;
            }
        }

        /// <summary>
        /// <paramref name="block"/>'s $MyInvocation when run by <paramref name="cmdlet"/>, or null (the engine then makes its
        /// own) when the engine's members could not be bound. Made once for a block literal, a module and a statement: a
        /// loop timing the same literal gets the same object each time (as a function's statement does), without
        /// building a command description and taking the history lock on every call. A new top-level command (another
        /// history id) gets a new one. Its InvocationName is <c>&amp;</c> in a child scope and <c>.</c> dot-sourced, as for
        /// <c>&amp; { }</c> and <c>. { }</c>.
        /// </summary>
        public static InvocationInfo For(PSCmdlet cmdlet, ScriptBlock block, bool childScope)
        {
            if (s_create == null) return null;
            IScriptExtent position = s_positionOf(cmdlet);
            long historyId = cmdlet.MyInvocation.HistoryId;
            Last last = t_last ?? (t_last = new Last());
            if (ReferenceEquals(last.Ast, block.Ast) && ReferenceEquals(last.Module, block.Module)
                && ReferenceEquals(last.Position, position) && last.HistoryId == historyId && last.ChildScope == childScope)
                return last.Info;
            InvocationInfo info = s_create(cmdlet, block, position);
            s_setInvocationName?.Invoke(info, childScope ? "&" : ".");
            last.Ast = block.Ast;
            last.Module = block.Module;
            last.Position = position;
            last.HistoryId = historyId;
            last.ChildScope = childScope;
            last.Info = info;
            return info;
        }
    }
}
