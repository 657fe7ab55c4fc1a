using System;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// The PowerShell scope a probe runs in, as an opaque object, and whether one scope is inside another: how a timed
    /// call finds its caller without reading a variable of the caller's scope (a dynamic lookup through the scope chain,
    /// about 1.4 us a call, most of a probe's cost). A function's scope is a child of its caller's; a dot-sourced
    /// function or script runs in its caller's scope. PowerShell's public API has no such call, so this binds once to
    /// the engine's internal members (LocalPipeline.GetExecutionContextFromTLS, ExecutionContext.EngineSessionState,
    /// SessionStateInternal.CurrentScope, SessionStateScope.Parent); when one is missing, <see cref="IsAvailable"/> is
    /// false and callers take the innermost call in flight as the caller.
    /// </summary>
    internal static class ScopeFrames
    {
        private static readonly Func<object> s_current;
        private static readonly Func<object, object> s_parent;

        static ScopeFrames()
        {
            try
            {
                const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic;
                Assembly sma = typeof(PSObject).Assembly;
                MethodInfo fromTls = sma.GetType("System.Management.Automation.Runspaces.LocalPipeline", true)
                    .GetMethod("GetExecutionContextFromTLS", Any | BindingFlags.Static, null, Type.EmptyTypes, null);
                PropertyInfo engineState = fromTls?.ReturnType.GetProperty("EngineSessionState", Any | BindingFlags.Instance);
                PropertyInfo currentScope = engineState?.PropertyType.GetProperty("CurrentScope", Any | BindingFlags.Instance);
                PropertyInfo parent = currentScope?.PropertyType.GetProperty("Parent", Any | BindingFlags.Instance);
                if (parent == null || parent.PropertyType != currentScope.PropertyType) return;
                Expression context = Expression.Call(fromTls);
                // No runspace on this thread: no scope (null), rather than an exception inside a probe.
                Expression scope = Expression.Condition(Expression.Equal(context, Expression.Constant(null, context.Type)),
                    Expression.Constant(null, currentScope.PropertyType),
                    Expression.Property(Expression.Property(context, engineState), currentScope));
                s_current = Expression.Lambda<Func<object>>(Expression.Convert(scope, typeof(object))).Compile();
                ParameterExpression frame = Expression.Parameter(typeof(object), "frame");
                s_parent = Expression.Lambda<Func<object, object>>(
                    Expression.Convert(Expression.Property(Expression.Convert(frame, currentScope.PropertyType), parent), typeof(object)), frame).Compile();
                IsAvailable = true;
            }
            catch (Exception)
            {
                IsAvailable = false;
            }
        }

        /// <summary>True when the engine's members were found and bound.</summary>
        public static bool IsAvailable { get; }

        /// <summary>The current scope of the calling thread's runspace, or null (unavailable, or no runspace).</summary>
        public static object Current() => IsAvailable ? s_current() : null;

        /// <summary>True when <paramref name="outer"/> is <paramref name="frame"/> or one of the scopes it lives in; true when either is unknown (null).</summary>
        public static bool IsWithin(object frame, object outer)
        {
            if (frame == null || outer == null) return true;
            for (object scope = frame; scope != null; scope = s_parent(scope))
                if (ReferenceEquals(scope, outer)) return true;
            return false;
        }
    }
}
