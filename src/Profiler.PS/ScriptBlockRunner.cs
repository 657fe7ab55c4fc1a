using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;

namespace Profiler.PS
{
    /// <summary>
    /// Runs a step's script block from a compiled cmdlet the way <c>&amp; { }</c> (or <c>. { }</c>) runs it from a script:
    /// in a child scope (or the caller's), with <c>$_</c> set to the piped object, its output streamed into the cmdlet's
    /// output pipe as it is produced, and its errors sent where the cmdlet's own redirections (<c>2&gt;&amp;1</c>,
    /// <c>*&gt;&amp;1</c>, <c>2&gt; file</c>) send them.
    /// </summary>
    /// <remarks>
    /// PowerShell's public API has no call that does this. ForEach-Object and Measure-Command call the engine's internal
    /// <c>ScriptBlock.InvokeWithPipe</c>; a module can only reach it by reflection. Going through a public
    /// <c>InvokeScript("&amp; $args[0]")</c> instead costs a second pipeline per call (about 1.4x Measure-Command) and,
    /// like ForEach-Object, loses the block's errors under <c>2&gt;&amp;1</c>: a compiled cmdlet's error redirection is a flag
    /// on its runtime that the engine only applies to script commands. So this class binds, once per process, to the
    /// same internal members the engine's own script-command processor uses (DlrScriptCommandProcessor.RunClause:
    /// "if ErrorMergeTo is Output redirect the error pipe to the output pipe, else if the error pipe is redirected use
    /// it") and calls InvokeWithPipe as Measure-Command does. When any member is missing (a PowerShell version that
    /// renamed it), <see cref="IsAvailable"/> is false and the caller falls back to the public path.
    /// </remarks>
    internal static class ScriptBlockRunner
    {
        private delegate void InvokeWithPipe(ScriptBlock block, bool useLocalScope, object dollarUnder, object outputPipe,
            InvocationInfo invocation, List<PSVariable> variables);

        private static readonly InvokeWithPipe s_invoke;
        private static readonly Func<Cmdlet, object> s_outputPipe;
        private static readonly Func<Cmdlet, object> s_errorPipe;
        private static readonly Func<Cmdlet, bool> s_errorsMergedIntoOutput;
        private static readonly Func<object, bool> s_isRedirected;
        private static readonly Func<Cmdlet, object> s_getShellErrorPipe;
        private static readonly Action<Cmdlet, object> s_setShellErrorPipe;
        /// <summary>ScriptBlockAst.CleanBlock where it exists (PowerShell 7.3 and later), compiled once; null before.</summary>
        private static readonly Func<ScriptBlockAst, object> s_cleanBlock = BindCleanBlock();

        private static Func<ScriptBlockAst, object> BindCleanBlock()
        {
            PropertyInfo clean = typeof(ScriptBlockAst).GetProperty("CleanBlock");
            if (clean == null) return null;
            ParameterExpression ast = Expression.Parameter(typeof(ScriptBlockAst), "ast");
            return Expression.Lambda<Func<ScriptBlockAst, object>>(Expression.Convert(Expression.Property(ast, clean), typeof(object)), ast).Compile();
        }

        /// <summary>True when the engine's members were found and bound; the delegates are compiled at module import, outside any clock.</summary>
        public static bool IsAvailable { get; }

        static ScriptBlockRunner()
        {
            try
            {
                const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
                Assembly sma = typeof(PSObject).Assembly;
                Type runtimeType = sma.GetType("System.Management.Automation.MshCommandRuntime", true);
                Type contextType = sma.GetType("System.Management.Automation.ExecutionContext", true);
                Type pipeType = sma.GetType("System.Management.Automation.Internal.Pipe", true);
                PropertyInfo shellErrorPipe = contextType.GetProperty("ShellFunctionErrorOutputPipe", Any);
                PropertyInfo context = typeof(System.Management.Automation.Internal.InternalCommand).GetProperty("Context", Any);

                ParameterExpression cmdlet = Expression.Parameter(typeof(Cmdlet), "cmdlet");
                Expression runtime = Expression.Convert(Expression.Property(cmdlet, nameof(Cmdlet.CommandRuntime)), runtimeType);
                Expression ctx = Expression.Property(Expression.Convert(cmdlet, typeof(System.Management.Automation.Internal.InternalCommand)), context);
                s_outputPipe = Expression.Lambda<Func<Cmdlet, object>>(Expression.Convert(Expression.Property(runtime, "OutputPipe"), typeof(object)), cmdlet).Compile();
                s_errorPipe = Expression.Lambda<Func<Cmdlet, object>>(Expression.Convert(Expression.Property(runtime, "ErrorOutputPipe"), typeof(object)), cmdlet).Compile();
                PropertyInfo mergeTo = runtimeType.GetProperty("ErrorMergeTo", Any);
                object mergeToOutput = Enum.Parse(mergeTo.PropertyType, "Output");
                s_errorsMergedIntoOutput = Expression.Lambda<Func<Cmdlet, bool>>(
                    Expression.Equal(Expression.Property(runtime, mergeTo), Expression.Constant(mergeToOutput, mergeTo.PropertyType)), cmdlet).Compile();
                ParameterExpression pipe = Expression.Parameter(typeof(object), "pipe");
                s_isRedirected = Expression.Lambda<Func<object, bool>>(Expression.Property(Expression.Convert(pipe, pipeType), "IsRedirected"), pipe).Compile();
                s_getShellErrorPipe = Expression.Lambda<Func<Cmdlet, object>>(Expression.Convert(Expression.Property(ctx, shellErrorPipe), typeof(object)), cmdlet).Compile();
                s_setShellErrorPipe = Expression.Lambda<Action<Cmdlet, object>>(
                    Expression.Assign(Expression.Property(ctx, shellErrorPipe), Expression.Convert(pipe, pipeType)), cmdlet, pipe).Compile();
                s_invoke = BindInvokeWithPipe(pipeType);
                IsAvailable = s_invoke != null;
            }
            catch (Exception)
            {
                IsAvailable = false;
            }
        }

        private static readonly ScriptBlock s_empty = ScriptBlock.Create("$null = 0");
        [ThreadStatic] private static bool t_warm;

        /// <summary>
        /// Runs an empty block once per thread through the same path, so the first timed step does not pay for compiling
        /// the delegates' code and the engine's first call (tens of milliseconds in a fresh process).
        /// </summary>
        public static void WarmUp(Cmdlet cmdlet)
        {
            if (t_warm) return;
            t_warm = true;
            Invoke(cmdlet, s_empty, true, System.Management.Automation.Internal.AutomationNull.Value, null);
        }

        /// <summary>
        /// True for a block with only an end (or unnamed) clause, which InvokeWithPipe can run; begin/process/clean blocks
        /// and dynamicparam need a command processor and take the public path.
        /// </summary>
        public static bool CanInvokeDirectly(ScriptBlock block)
        {
            if (!IsAvailable || !(block.Ast is ScriptBlockAst ast)) return false;
            if (ast.BeginBlock != null || ast.ProcessBlock != null || ast.DynamicParamBlock != null) return false;
            return s_cleanBlock == null || s_cleanBlock(ast) == null;
        }

        /// <summary>
        /// Runs <paramref name="block"/> for <paramref name="cmdlet"/>: output to the cmdlet's output pipe, errors where the
        /// cmdlet's redirection sends them. <paramref name="dollarUnder"/> is <c>$_</c> (AutomationNull.Value: not set, so
        /// the block sees its caller's, as <c>&amp; { $_ }</c> does); <paramref name="variables"/> are defined in the child scope.
        /// Exceptions (terminating errors, exit, break, a stopped pipeline) come out unchanged.
        /// </summary>
        public static void Invoke(Cmdlet cmdlet, ScriptBlock block, bool useLocalScope, object dollarUnder, List<PSVariable> variables)
        {
            object saved = RedirectErrors(cmdlet);
            try
            {
                s_invoke(block, useLocalScope, dollarUnder, s_outputPipe(cmdlet), BlockInvocation.For((PSCmdlet)cmdlet, block, useLocalScope), variables);
            }
            finally
            {
                RestoreErrors(cmdlet, saved);
            }
        }

        private static readonly object NotRedirected = new object();

        /// <summary>
        /// Points the engine's current error pipe where a script command with the cmdlet's redirections would (the
        /// engine's own rule for <c>&amp; { }</c>), returning what to restore, or a marker when nothing changed.
        /// </summary>
        public static object RedirectErrors(Cmdlet cmdlet)
        {
            if (!IsAvailable) return NotRedirected;
            object target;
            if (s_errorsMergedIntoOutput(cmdlet)) target = s_outputPipe(cmdlet);
            else
            {
                object errorPipe = s_errorPipe(cmdlet);
                if (errorPipe == null || !s_isRedirected(errorPipe)) return NotRedirected;
                target = errorPipe;
            }
            object saved = s_getShellErrorPipe(cmdlet);
            s_setShellErrorPipe(cmdlet, target);
            return saved;
        }

        /// <summary>Undoes <see cref="RedirectErrors"/>.</summary>
        public static void RestoreErrors(Cmdlet cmdlet, object saved)
        {
            if (saved != NotRedirected) s_setShellErrorPipe(cmdlet, saved);
        }

        private static InvokeWithPipe BindInvokeWithPipe(Type pipeType)
        {
            MethodInfo method = typeof(ScriptBlock).GetMethods(BindingFlags.NonPublic | BindingFlags.Instance)
                .FirstOrDefault(m => m.Name == "InvokeWithPipe" && m.GetParameters().Any(p => p.Name == "variablesToDefine"));
            if (method == null) return null;
            ParameterExpression block = Expression.Parameter(typeof(ScriptBlock), "block");
            ParameterExpression useLocalScope = Expression.Parameter(typeof(bool), "useLocalScope");
            ParameterExpression dollarUnder = Expression.Parameter(typeof(object), "dollarUnder");
            ParameterExpression outputPipe = Expression.Parameter(typeof(object), "outputPipe");
            ParameterExpression invocation = Expression.Parameter(typeof(InvocationInfo), "invocation");
            ParameterExpression variables = Expression.Parameter(typeof(List<PSVariable>), "variables");
            var arguments = new List<Expression>();
            foreach (ParameterInfo p in method.GetParameters())
            {
                switch (p.Name)
                {
                    case "useLocalScope": arguments.Add(useLocalScope); break;
                    case "errorHandlingBehavior": arguments.Add(Expression.Constant(Enum.Parse(p.ParameterType, "WriteToCurrentErrorPipe"), p.ParameterType)); break;
                    case "dollarUnder": arguments.Add(dollarUnder); break;
                    // $input is empty, as for `& { }` with nothing piped to it.
                    case "input": arguments.Add(Expression.Constant(new object[0], typeof(object))); break;
                    case "scriptThis": arguments.Add(Expression.Constant(System.Management.Automation.Internal.AutomationNull.Value, typeof(object))); break;
                    case "outputPipe": arguments.Add(Expression.Convert(outputPipe, pipeType)); break;
                    case "invocationInfo": arguments.Add(invocation); break;
                    case "propagateAllExceptionsToTop": arguments.Add(Expression.Constant(false)); break;
                    case "variablesToDefine": arguments.Add(variables); break;
                    case "functionsToDefine": arguments.Add(Expression.Constant(null, p.ParameterType)); break;
                    case "args": arguments.Add(Expression.Constant(new object[0])); break;
                    default: return null;
                }
            }
            return Expression.Lambda<InvokeWithPipe>(Expression.Call(block, method, arguments),
                block, useLocalScope, dollarUnder, outputPipe, invocation, variables).Compile();
        }
    }
}
