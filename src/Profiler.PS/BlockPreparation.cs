using System;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;

namespace Profiler.PS
{
    /// <summary>
    /// Compiles a step's block before Measure-WorkflowNode starts its clock. PowerShell turns a block's syntax tree into
    /// code on its first run (a millisecond or more), which would otherwise be charged to the step's first execution.
    /// </summary>
    internal static class BlockPreparation
    {
        [ThreadStatic] private static Ast t_compiled;
        [ThreadStatic] private static bool t_compiledOptimized;
        /// <summary>The engine's internal ScriptBlock.Compile(bool optimized), compiled once; null when missing.</summary>
        private static readonly Func<ScriptBlock, bool, bool> s_compile = BindCompile();

        private static Func<ScriptBlock, bool, bool> BindCompile()
        {
            try
            {
                MethodInfo compile = typeof(ScriptBlock).GetMethod("Compile", BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { typeof(bool) }, null);
                return compile?.ReturnType == typeof(bool) ? (Func<ScriptBlock, bool, bool>)compile.CreateDelegate(typeof(Func<ScriptBlock, bool, bool>)) : null;
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>
        /// Compiles <paramref name="block"/> (optimized for a child scope, else for dot-sourcing) unless the block this
        /// thread prepared last has the same syntax tree and mode (the engine compiles a child scope's code and a
        /// dot-sourced block's apart), so a step's first run is not charged for turning its script into code:
        /// PowerShell compiles a block's tree once per mode, on its first run. Runs before the clock starts; a loop over
        /// one block literal pays a reference comparison.
        /// </summary>
        public static void Prepare(ScriptBlock block, bool optimized)
        {
            if (s_compile == null || (ReferenceEquals(t_compiled, block.Ast) && t_compiledOptimized == optimized)) return;
            try
            {
                s_compile(block, optimized);
            }
            catch (Exception)
            {
                return;   // the run raises the same error inside the step, where it is recorded as the step's failure
            }
            t_compiled = block.Ast;
            t_compiledOptimized = optimized;
        }
    }
}
