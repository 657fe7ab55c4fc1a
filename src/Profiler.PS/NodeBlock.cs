using System;
using System.Collections.Generic;
using System.Management.Automation;
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

        /// <summary>$global:LASTEXITCODE's variable, or null when it is not set yet (no native command has run).</summary>
        public static PSVariable ExitCodeVariable(SessionState sessionState) => sessionState.PSVariable.Get("global:LASTEXITCODE");

        /// <summary>
        /// True when the block set $LASTEXITCODE to a non-zero code. PowerShell stores a freshly boxed value in the
        /// variable each time a native command exits (or a script assigns it), so a different object means it was set
        /// during the block, even to the same number as before; an untouched variable still holds the very same object.
        /// <paramref name="variable"/> and <paramref name="before"/> are the variable and its value before the block
        /// (null when it did not exist: then it is looked up again).
        /// </summary>
        public static bool NativeCommandFailed(SessionState sessionState, PSVariable variable, object before, out int exitCode)
        {
            object after = (variable ?? ExitCodeVariable(sessionState))?.Value;
            exitCode = ExitCodeOf(after);
            return exitCode != 0 && !ReferenceEquals(before, after);
        }

        private static int ExitCodeOf(object value)
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

        private static int s_recordingWarm;

        /// <summary>
        /// Once per process, before the first clock starts: times and records a throwaway node in a throwaway session,
        /// so the code that runs between reading the clock and stopping it (the end of Begin, End's entry) is already
        /// compiled when the first real step is timed (otherwise its JIT, about a millisecond, lands in that step).
        /// </summary>
        public static void WarmUpRecording()
        {
            if (System.Threading.Interlocked.Exchange(ref s_recordingWarm, 1) == 1) return;
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
