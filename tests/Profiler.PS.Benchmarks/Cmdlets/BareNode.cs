using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>
    /// What Measure-WorkflowNode's interface and its child-scope requirement cost before it records anything: a cmdlet
    /// with its nine parameters (two positional) that runs the block the cheapest way the engine offers a compiled
    /// cmdlet (its internal ScriptBlock.InvokeWithPipe, as Measure-Command and ForEach-Object call it), in a child scope
    /// (Measure-BareNode) or in the caller's scope as Measure-Command runs it (Measure-BareDotNode), output to its own output pipe, and
    /// nothing else: no clock, no checks, no record, no error redirection. No implementation of
    /// `Measure-WorkflowNode m {}` that runs its block in a child scope through the engine costs less. Used by
    /// tests/Profiler.PS.Benchmarks/pwsh/CmdletCost.ps1, which compiles it with Add-Type together with CheapestFloors.cs (its parameters).
    /// </summary>
    public abstract class BareNodeCommandBase : NodeParametersCommandBase
    {
        /// <summary>True: a child scope; false: the caller's scope.</summary>
        protected abstract bool ChildScope { get; }

        private delegate void Invoker(ScriptBlock block, bool useLocalScope, object outputPipe, InvocationInfo invocation);

        private static readonly Invoker s_invoke = Bind(out s_outputPipe);
        private static readonly Func<Cmdlet, object> s_outputPipe;

        /// <summary>Runs the block; the cmdlet's own $MyInvocation stands in for the block's, the cheapest there is.</summary>
        protected override void ProcessRecord() => s_invoke(ScriptBlock, ChildScope, s_outputPipe(this), MyInvocation);

        private static Invoker Bind(out Func<Cmdlet, object> outputPipe)
        {
            const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
            Assembly sma = typeof(PSObject).Assembly;
            Type pipeType = sma.GetType("System.Management.Automation.Internal.Pipe", true);
            Type runtimeType = sma.GetType("System.Management.Automation.MshCommandRuntime", true);
            ParameterExpression cmdlet = Expression.Parameter(typeof(Cmdlet), "cmdlet");
            Expression runtime = Expression.Convert(Expression.Property(cmdlet, nameof(Cmdlet.CommandRuntime)), runtimeType);
            outputPipe = Expression.Lambda<Func<Cmdlet, object>>(
                Expression.Convert(Expression.Property(runtime, runtimeType.GetProperty("OutputPipe", Any)), typeof(object)), cmdlet).Compile();

            MethodInfo method = typeof(ScriptBlock).GetMethods(BindingFlags.NonPublic | BindingFlags.Instance)
                .First(m => m.Name == "InvokeWithPipe" && m.GetParameters().Any(p => p.Name == "variablesToDefine"));
            ParameterExpression block = Expression.Parameter(typeof(ScriptBlock), "block");
            ParameterExpression useLocalScope = Expression.Parameter(typeof(bool), "useLocalScope");
            ParameterExpression pipe = Expression.Parameter(typeof(object), "outputPipe");
            ParameterExpression invocation = Expression.Parameter(typeof(InvocationInfo), "invocation");
            var arguments = new List<Expression>();
            foreach (ParameterInfo p in method.GetParameters())
            {
                switch (p.Name)
                {
                    case "useLocalScope": arguments.Add(useLocalScope); break;
                    case "errorHandlingBehavior": arguments.Add(Expression.Constant(Enum.Parse(p.ParameterType, "WriteToCurrentErrorPipe"), p.ParameterType)); break;
                    case "dollarUnder": arguments.Add(Expression.Constant(System.Management.Automation.Internal.AutomationNull.Value, typeof(object))); break;
                    case "input": arguments.Add(Expression.Constant(new object[0], typeof(object))); break;
                    case "scriptThis": arguments.Add(Expression.Constant(System.Management.Automation.Internal.AutomationNull.Value, typeof(object))); break;
                    case "outputPipe": arguments.Add(Expression.Convert(pipe, pipeType)); break;
                    case "invocationInfo": arguments.Add(invocation); break;
                    case "propagateAllExceptionsToTop": arguments.Add(Expression.Constant(false)); break;
                    case "variablesToDefine": arguments.Add(Expression.Constant(null, p.ParameterType)); break;
                    case "functionsToDefine": arguments.Add(Expression.Constant(null, p.ParameterType)); break;
                    case "args": arguments.Add(Expression.Constant(new object[0])); break;
                    default: throw new NotSupportedException("InvokeWithPipe has a parameter this floor does not know: " + p.Name);
                }
            }
            return Expression.Lambda<Invoker>(Expression.Call(block, method, arguments), block, useLocalScope, pipe, invocation).Compile();
        }
    }

    /// <summary>The block in a child scope: the floor of Measure-WorkflowNode's default.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "BareNode")]
    public sealed class MeasureBareNodeCommand : BareNodeCommandBase
    {
        /// <inheritdoc />
        protected override bool ChildScope => true;
    }

    /// <summary>The block dot-sourced, as Measure-Command runs it: how much of the floor the child scope is.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "BareDotNode")]
    public sealed class MeasureBareDotNodeCommand : BareNodeCommandBase
    {
        /// <inheritdoc />
        protected override bool ChildScope => false;
    }
}
