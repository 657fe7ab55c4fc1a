using System.ComponentModel;
using Profiler.PS.Engine;
using Profiler.PS.Scripts;

namespace Profiler.PS
{
    /// <summary>
    /// What a script rewritten by Measure-WorkflowScript calls: one probe per timed call in flight, held in the
    /// variable <c>$__pp</c> of the call's scope, so a function called from it reads its caller's probe. Not meant
    /// to be called by hand. The short member names keep the probes short on the script's lines, which error
    /// messages quote. A probe whose recording has ended (or the session's idle probe in the global <c>$__pp</c>,
    /// for functions a script left behind) records nothing and costs a method call.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ScriptProbe
    {
        /// <summary>Records nothing: the global <c>$__pp</c> of every session that used Measure-WorkflowScript.</summary>
        internal static readonly ScriptProbe Idle = new ScriptProbe(null, null, null);

        internal ScriptProbe(ScriptRecording recording, NodeScope scope, ScriptProbe parent)
        {
            Recording = recording;
            Scope = scope;
            Parent = parent;
        }

        internal ScriptRecording Recording { get; }
        /// <summary>The timed call or step, null for a recording's root and the idle probe.</summary>
        internal NodeScope Scope { get; }
        internal ScriptProbe Parent { get; }

        /// <summary>Enter: starts timing a call of <paramref name="nodeId"/> (a function or called script) made from this probe's call; returns the call's probe.</summary>
        public ScriptProbe E(string nodeId) => Recording == null ? this : Recording.Enter(this, nodeId);

        /// <summary>Exit: records this call as Succeeded (and closes calls inside it that ended by an error); returns the caller's probe.</summary>
        public ScriptProbe X() => Recording == null ? this : Recording.Exit(this);

        /// <summary>Step: ends the current top-level statement (Failed when <paramref name="succeeded"/>, the script's <c>$?</c>, is false) and starts statement <paramref name="step"/> (none when negative).</summary>
        public ScriptProbe S(int step, bool succeeded) => Recording == null ? this : Recording.Step(step, succeeded);

        /// <summary>Resume: in a catch, trap or finally of this probe's call, records the calls inside it that an error ended as Failed, now.</summary>
        public void R() => Recording?.Resume(this);

        /// <summary>File: for a call of a .ps1 file, the file's command rewritten like the main script's functions, or <paramref name="path"/> unchanged when it is not a script file.</summary>
        public object F(object path) => Recording == null ? path : Recording.CalledScript(path);

        /// <summary>For example <c>Build (running)</c>.</summary>
        public override string ToString() => Scope?.ToString() ?? (Recording == null ? "(idle)" : "(script)");
    }
}
