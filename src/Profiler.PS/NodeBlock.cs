using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>The rules Measure-WorkflowNode applies around a step's block: its status, its exit code and its preference variables.</summary>
    internal static class NodeBlock
    {
        /// <summary>
        /// The status of a block that ended with <paramref name="ex"/>: Stopped when the pipeline was stopped (Ctrl+C,
        /// or a downstream Select-Object -First); for <c>exit</c>, Succeeded with code 0 and Failed otherwise, as a
        /// script's exit code reads; Succeeded for <c>break</c>/<c>continue</c> leaving the block (it chose to stop);
        /// Failed for any other terminating error, including <c>throw</c> of a non-exception object.
        /// </summary>
        public static NodeStatus StatusOf(Exception ex, bool stopping)
        {
            if (stopping || ex is PipelineStoppedException) return NodeStatus.Stopped;
            if (ex is ExitException exit) return ExitCodeOf(exit.Argument) == 0 ? NodeStatus.Succeeded : NodeStatus.Failed;
            return ex is FlowControlException ? NodeStatus.Succeeded : NodeStatus.Failed;
        }

        /// <summary>
        /// Keeps the error a block (or script) raised as the caller would see it without the profiler: PowerShell
        /// re-labels a statement-terminating error (a .NET method exception, a command not found) that leaves a
        /// compiled cmdlet with the cmdlet's name and position, unless it is marked thrown. Stopped pipelines and
        /// -ErrorAction Stop errors are left alone, as are <paramref name="alsoKeep"/>'s (true: leave it unmarked).
        /// </summary>
        public static void KeepAsRaised(Exception ex, Func<RuntimeException, bool> alsoKeep = null)
        {
            if (ex is RuntimeException rte && !(rte is PipelineStoppedException) && !(rte is ActionPreferenceStopException)
                && (alsoKeep == null || !alsoKeep(rte)))
                rte.WasThrownFromThrowStatement = true;
        }

        private static readonly Func<Cmdlet, IDictionary<string, PSVariable>> s_globalVariables = BindGlobalVariables();

        /// <summary>
        /// $global:LASTEXITCODE's variable, or null when it is not set yet (no native command has run). Read straight from
        /// the global scope's variable table when the engine's members could be bound: PSVariable.Get("global:LASTEXITCODE")
        /// parses the scope-qualified path on every call (about a microsecond), and the scope's own lookup first searches
        /// its local-variable tuples, where $LASTEXITCODE never is (they hold automatic variables and a function's
        /// locals; native commands and scripts set it in the table). This runs twice on every Measure-WorkflowNode call.
        /// </summary>
        public static PSVariable ExitCodeVariable(PSCmdlet cmdlet)
        {
            if (s_globalVariables == null) return cmdlet.SessionState.PSVariable.Get("global:LASTEXITCODE");
            return s_globalVariables(cmdlet).TryGetValue("LASTEXITCODE", out PSVariable variable) ? variable : null;
        }

        /// <summary>
        /// The exit code the block left in $LASTEXITCODE, or null when it did not set it. PowerShell stores a freshly
        /// boxed value in the variable each time a native command exits (or a script assigns it), so a different object
        /// means it was set during the block, even to the same number as before; an untouched variable still holds the
        /// very same object. <paramref name="variable"/> and <paramref name="before"/> are the variable and its value
        /// before the block (null when it did not exist: then it is looked up again).
        /// </summary>
        public static int? ExitCodeSetBy(PSCmdlet cmdlet, PSVariable variable, object before)
        {
            object after = (variable ?? ExitCodeVariable(cmdlet))?.Value;
            return after == null || ReferenceEquals(before, after) ? (int?)null : ExitCodeOf(after);
        }

        /// <summary>((InternalCommand)cmdlet).Context.EngineSessionState.GlobalScope.Variables, compiled once; null when a member is missing.</summary>
        private static Func<Cmdlet, IDictionary<string, PSVariable>> BindGlobalVariables()
        {
            try
            {
                const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
                PropertyInfo context = typeof(System.Management.Automation.Internal.InternalCommand).GetProperty("Context", Any);
                PropertyInfo engineState = context?.PropertyType.GetProperty("EngineSessionState", Any);
                PropertyInfo globalScope = engineState?.PropertyType.GetProperty("GlobalScope", Any);
                PropertyInfo variables = globalScope?.PropertyType.GetProperty("Variables", Any);
                if (variables == null || !typeof(IDictionary<string, PSVariable>).IsAssignableFrom(variables.PropertyType)) return null;
                ParameterExpression cmdlet = Expression.Parameter(typeof(Cmdlet), "cmdlet");
                Expression scope = Expression.Property(Expression.Property(Expression.Property(
                    Expression.Convert(cmdlet, typeof(System.Management.Automation.Internal.InternalCommand)), context), engineState), globalScope);
                return Expression.Lambda<Func<Cmdlet, IDictionary<string, PSVariable>>>(
                    Expression.Convert(Expression.Property(scope, variables), typeof(IDictionary<string, PSVariable>)), cmdlet).Compile();
            }
            catch (Exception)
            {
                return null;
            }
        }

        /// <summary>A $LASTEXITCODE value as a number: 0 when it is not an int (a script may assign anything).</summary>
        internal static int ExitCodeOf(object value)
        {
            if (value is PSObject ps) value = ps.BaseObject;
            return value is int code ? code : 0;
        }

        /// <summary>
        /// The preference variables that the cmdlet's common parameters stand for (-ErrorAction sets
        /// $ErrorActionPreference, -Verbose $VerbosePreference, ...), defined in the block's child scope, so the block
        /// behaves as <c>&amp; { [CmdletBinding()] param() ... }</c> does with the same parameters. Null when none is given.
        /// </summary>
        public static List<PSVariable> PreferenceVariables(IDictionary<string, object> bound)
        {
            // NodeId and ScriptBlock are always bound: with nothing else, no lookups (this runs on every call).
            if (bound.Count <= 2) return s_none;
            List<PSVariable> variables = null;
            void Add(string name, object value) => (variables ?? (variables = new List<PSVariable>())).Add(new PSVariable(name, value));
            if (bound.TryGetValue("ErrorAction", out object errorAction)) Add("ErrorActionPreference", errorAction);
            if (bound.TryGetValue("WarningAction", out object warningAction)) Add("WarningPreference", warningAction);
            if (bound.TryGetValue("InformationAction", out object informationAction)) Add("InformationPreference", informationAction);
            if (bound.TryGetValue("Verbose", out object verbose))
                Add("VerbosePreference", IsOn(verbose) ? ActionPreference.Continue : ActionPreference.SilentlyContinue);
            if (bound.TryGetValue("Debug", out object debug))
                Add("DebugPreference", IsOn(debug) ? ActionPreference.Continue : ActionPreference.SilentlyContinue);
            return variables ?? s_none;
        }

        private static volatile int s_recordingWarm;

        /// <summary>
        /// Once per process, before the first clock starts: times and records a throwaway node in a throwaway session,
        /// so the code that runs between reading the clock and stopping it (the end of Begin, End's entry) is already
        /// compiled when the first real step is timed (otherwise its JIT, about a millisecond, lands in that step).
        /// </summary>
        public static void WarmUpRecording()
        {
            // A plain read first: an interlocked exchange on every call would cost more than the check is worth.
            if (s_recordingWarm == 1 || System.Threading.Interlocked.Exchange(ref s_recordingWarm, 1) == 1) return;
            var session = new ProfilerSession();
            WorkflowRun run = session.StartRun("warm-up");
            var scopes = new NodeScopeStack();
            NodeScope scope = scopes.Begin(run, "warm-up", null, null, session.Clock.GetTimestamp());
            scopes.Record(run, "warm-up child", 0);
            scopes.End(scope, NodeStatus.Succeeded);
        }

        private static readonly List<PSVariable> s_none = new List<PSVariable>();

        private static bool IsOn(object switchValue) => switchValue is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(switchValue);
    }
}
