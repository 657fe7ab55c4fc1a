using System.ComponentModel;
using Profiler.PS.Engine;
using Profiler.PS.Scripts;

namespace Profiler.PS
{
    /// <summary>
    /// What a script rewritten by Measure-WorkflowScript calls. A timed call starts with the static <see cref="E"/>, which
    /// reports to the innermost Measure-WorkflowScript running in the runspace and finds the caller by scope (see
    /// <see cref="ScopeFrames"/>); the probe it returns is kept in the variable <c>$__pp</c> of the call's own scope, read
    /// by the call's later probes. The global <c>$__pp</c> stands for the innermost recording (read by a script's first
    /// statement). Not meant to be called by hand. With no recording in flight (functions a script left behind) a
    /// probe records nothing and costs a method call.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ScriptProbe
    {
        /// <summary>What <see cref="E"/> returns when no recording is in flight: every probe on it does nothing.</summary>
        private static readonly ScriptProbe s_idle = new ScriptProbe((ScriptRecordings)null);
        private readonly ScriptRecording _recording;
        private readonly ScriptRecordings _session;

        internal ScriptProbe(ScriptRecording recording, NodeScope scope, ScriptProbe parent, object frame)
        {
            _recording = recording;
            Scope = scope;
            Parent = parent;
            Frame = frame;
        }

        /// <summary>The probe of a runspace's global <c>$__pp</c>: it stands for the innermost Measure-WorkflowScript running there, if any.</summary>
        internal ScriptProbe(ScriptRecordings session) => _session = session;

        /// <summary>The recording this probe reports to, or null: for the global probe, the innermost recording in flight.</summary>
        internal ScriptRecording Recording => _recording ?? _session?.Innermost;
        /// <summary>The runspace's recordings in flight, for the global probe; else null.</summary>
        internal ScriptRecordings Session => _session;
        /// <summary>The timed call or step, null for a recording's root and the idle probe.</summary>
        internal NodeScope Scope { get; }
        internal ScriptProbe Parent { get; }
        /// <summary>The PowerShell scope the call or step runs in (<see cref="ScopeFrames"/>), null when unknown.</summary>
        internal object Frame { get; }
        /// <summary>$LASTEXITCODE's value object when this call or step started, or one of its blocks resumed (<see cref="ExitCodeWatch"/>).</summary>
        internal object ExitCodeMark { get; set; }
        /// <summary>The last $LASTEXITCODE value set while one of this call's blocks ran and since ended, or null.</summary>
        internal object ExitCodeSet { get; set; }

        /// <summary>Enter: starts timing a call of <paramref name="nodeId"/> (a function or called script) from the current scope; returns the call's probe.</summary>
        public static ScriptProbe E(string nodeId) => ProfilerState.Current.ScriptRecordings.Innermost?.Enter(nodeId, "function") ?? s_idle;

        /// <summary>Enter a called script file: as <see cref="E(string)"/>, the node's type being script.</summary>
        public static ScriptProbe ES(string nodeId) => ProfilerState.Current.ScriptRecordings.Innermost?.Enter(nodeId, "script") ?? s_idle;

        /// <summary>Exit: records this call as Succeeded, or Failed when a non-zero exit code was set during it (<see cref="ExitCodeWatch"/>; calls inside it still open ended early: Stopped, or Failed when <paramref name="succeeded"/>, the script's <c>$?</c>, is false); returns the caller's probe.</summary>
        public ScriptProbe X(bool succeeded) => Recording?.Exit(this, succeeded) ?? this;

        /// <summary>Pause: a begin or process block of this call ends; its clock stops until <see cref="U"/> (other commands of its pipeline run meanwhile).</summary>
        public void P(bool succeeded) => Recording?.Pause(this, succeeded);

        /// <summary>Unpause: a process or end block of this call starts; its clock runs again.</summary>
        public void U() => Recording?.Unpause(this);

        /// <summary>Step: ends the current top-level statement (Failed when <paramref name="succeeded"/>, the script's <c>$?</c>, is false, or a non-zero exit code was set during it) and starts statement <paramref name="step"/> (none when negative).</summary>
        public ScriptProbe S(int step, bool succeeded) => Recording?.Step(step, succeeded) ?? this;

        /// <summary>Recover: in a catch, trap or finally of this probe's call, records the calls inside it that an error ended as Failed, now.</summary>
        public void R() => Recording?.Recover(this);

        /// <summary>Quit: an <c>exit</c> statement runs next; the calls it ends are recorded by its exit code ($LASTEXITCODE) when the caller's next probe runs, not as failed.</summary>
        public void Q() => Recording?.Quitting();

        /// <summary>File: for a call of a .ps1 file, the file's command rewritten like the main script's functions, or <paramref name="path"/> unchanged when it is not a script file.</summary>
        public object F(object path)
        {
            ScriptRecording recording = Recording;
            return recording == null ? path : recording.CalledScript(path);
        }

        /// <summary>For example <c>Build (running)</c>.</summary>
        public override string ToString() => Scope?.ToString() ?? (Recording == null ? "(idle)" : "(script)");
    }

    /// <summary>The Measure-WorkflowScript invocations in flight in one runspace, innermost last (a script may profile another).</summary>
    internal sealed class ScriptRecordings
    {
        private readonly System.Collections.Generic.List<ScriptRecording> _active = new System.Collections.Generic.List<ScriptRecording>();

        public ScriptRecording Innermost => _active.Count == 0 ? null : _active[_active.Count - 1];

        public void Push(ScriptRecording recording) => _active.Add(recording);

        public void Remove(ScriptRecording recording) => _active.Remove(recording);
    }
}
