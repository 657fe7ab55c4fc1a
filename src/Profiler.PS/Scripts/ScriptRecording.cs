using System;
using System.Collections.Generic;
using System.Linq;
using Profiler.PS.Engine;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// The timed calls and steps of one Measure-WorkflowScript invocation. Calls are recorded on the runspace's
    /// <see cref="NodeScopeStack"/> (the one Measure-WorkflowNode uses), so self and inclusive times and nesting with
    /// Measure-WorkflowNode blocks follow the engine's rules; a recursive call counts once in its node's inclusive time
    /// because the engine sums executions and parents exclude their children.
    /// <para>A call's parent is its caller: the innermost call in flight whose PowerShell scope the new call's scope lives
    /// in (<see cref="ScopeFrames"/>), not merely the innermost one. In a pipeline of functions (<c>Get-A | Set-B</c>) each
    /// command's blocks run inside the upstream command's output call, so the downstream call is not the upstream's child:
    /// both are their caller's. A function with begin/process/end blocks is one call whose clock runs only while one of
    /// its blocks runs (<see cref="NodeScopeStack.Suspend"/>), and the time a downstream block takes inside an upstream
    /// block is excluded from the upstream call; so each command of a pipeline gets its own time and nothing is counted twice.</para>
    /// <para>The rewritten script has no try blocks (a try changes how PowerShell treats errors in everything it
    /// calls), so a call that ends early never runs its exit probe. It stays open until the next probe of its caller
    /// (the caller's exit or pause, a step, a catch, trap or finally): then it is recorded Failed when the script's
    /// <c>$?</c> is false or a catch or trap runs (an error ended it), else Stopped (a downstream <c>Select-Object -First</c>
    /// stopped it, or a <c>break</c> left it), ending at that moment. After <c>exit</c>, which ends the innermost script
    /// file (a called one ends alone; its caller goes on), a quit probe runs first: the calls it ends are judged by the
    /// exit code, Failed only when non-zero, as a direct run's $? and $LASTEXITCODE are.</para>
    /// <para>Every call and step is also judged by the exit code set during it (<see cref="ExitCodeWatch"/>), as
    /// Measure-WorkflowNode judges a block, unless an exception ended the script (its status decides then).</para>
    /// Used from the script's own thread only; probes reaching it from another thread record nothing.
    /// </summary>
    internal sealed class ScriptRecording
    {
        private readonly WorkflowRun _run;
        private readonly NodeScopeStack _stack;
        private readonly string[] _steps;
        private readonly Func<object, object> _calledScript;
        private readonly ExitCodeWatch _exitCodes;
        private readonly int _thread = Environment.CurrentManagedThreadId;
        /// <summary>The execution the script runs inside (a Measure-WorkflowNode block, or null): the parent of calls made outside any step.</summary>
        private readonly NodeScope _outer;
        /// <summary>This recording's calls and step in flight (suspended ones too), innermost last.</summary>
        private readonly List<ScriptProbe> _open = new List<ScriptProbe>();
        private ScriptProbe _step;
        /// <summary>An exit statement ran since the last probe that closed calls: the calls above the next probe ended by it.</summary>
        private bool _quitting;

        /// <param name="run">The run the calls and steps are recorded into.</param>
        /// <param name="stack">The runspace's open nodes, shared with Measure-WorkflowNode.</param>
        /// <param name="steps">The names of the script's top-level statements, by step number.</param>
        /// <param name="calledScript">Rewrites a called .ps1 (depth 3), or null.</param>
        /// <param name="exitCode">Reads $global:LASTEXITCODE (its value object, or null): each call and step is judged by the code set during it (<see cref="ExitCodeWatch"/>).</param>
        /// <param name="errors">With -IgnoreExitCode, reads $global:Error (a step after which $? is false failed by its exit code alone when it wrote no error); else null.</param>
        public ScriptRecording(WorkflowRun run, NodeScopeStack stack, string[] steps, Func<object, object> calledScript, Func<object> exitCode,
            Func<System.Collections.IList> errors = null)
        {
            _run = run;
            _stack = stack;
            _steps = steps;
            _calledScript = calledScript;
            _exitCodes = new ExitCodeWatch(exitCode, errors);
            _outer = stack.FindOpen(run);
            Root = new ScriptProbe(this, null, null, null);
        }

        /// <summary>The probe the script starts with.</summary>
        public ScriptProbe Root { get; }
        /// <summary>Bottleneck alerts raised by the records, for the cmdlet to deliver.</summary>
        public List<BottleneckAlert> Alerts { get; } = new List<BottleneckAlert>();
        /// <summary>Why a record was lost (the run was closed meanwhile), or null.</summary>
        public ProfilerException Failure { get; private set; }
        /// <summary>False once <see cref="Finish"/> ran: later probes record nothing.</summary>
        public bool IsActive { get; private set; } = true;

        /// <summary>Starts a call of <paramref name="nodeId"/> (NodeType <paramref name="nodeType"/>: function or script) made from the current PowerShell scope; returns its probe (the root when nothing was started).</summary>
        public ScriptProbe Enter(string nodeId, string nodeType)
        {
            if (!OnOwnThread()) return Root;
            object frame = ScopeFrames.Current();
            ScriptProbe caller = CallerOf(frame);
            object exitCode = _exitCodes.Read();   // read before the clock starts
            NodeScope scope;
            try
            {
                scope = _stack.BeginChild(_run, caller.Scope ?? _outer, nodeId, nodeType);
            }
            catch (ProfilerException ex)
            {
                Failure = ex;
                return Root;
            }
            var probe = new ScriptProbe(this, scope, caller, frame);
            ExitCodeWatch.Start(probe, exitCode);
            _open.Add(probe);
            return probe;
        }

        public ScriptProbe Exit(ScriptProbe call, bool succeeded)
        {
            if (!OnOwnThread() || call.Scope == null || call.Scope.IsEnded) return call.Parent ?? Root;
            CloseAbove(call, succeeded);
            End(call, NodeStatus.Succeeded);
            return call.Parent;
        }

        public void Pause(ScriptProbe call, bool succeeded)
        {
            if (!OnOwnThread() || call.Scope == null || call.Scope.IsEnded) return;
            CloseAbove(call, succeeded);
            _exitCodes.Pause(call);
            _stack.Suspend(call.Scope);
        }

        public void Unpause(ScriptProbe call)
        {
            if (!OnOwnThread() || call.Scope == null) return;
            ExitCodeWatch.Start(call, _exitCodes.Read());
            _stack.Resume(call.Scope);
        }

        /// <summary>The innermost running call or step whose scope the current scope lives in; the root when there is none.</summary>
        private ScriptProbe CallerOf(object frame)
        {
            for (int i = _open.Count - 1; i >= 0; i--)
            {
                ScriptProbe open = _open[i];
                if (!open.Scope.IsSuspended && ScopeFrames.IsWithin(frame, open.Frame)) return open;
            }
            return Root;
        }

        public ScriptProbe Step(int step, bool succeeded)
        {
            if (!OnOwnThread()) return Root;
            if (_step != null && !_step.Scope.IsEnded)
            {
                CloseAbove(_step, succeeded);
                End(_step, succeeded || _exitCodes.FailedByExitCodeOnly(_step) ? NodeStatus.Succeeded : NodeStatus.Failed);
            }
            _step = null;
            if (step < 0 || step >= _steps.Length) return Root;
            CloseAbove(Root, succeeded);
            object exitCode = _exitCodes.Read();   // both read before the clock starts
            _exitCodes.StartStep();
            try
            {
                _step = new ScriptProbe(this, _stack.Begin(_run, _steps[step], "statement"), Root, ScopeFrames.Current());
                ExitCodeWatch.Start(_step, exitCode);
            }
            catch (ProfilerException ex)
            {
                Failure = ex;
                return Root;
            }
            _open.Add(_step);
            return _step;
        }

        public void Recover(ScriptProbe call)
        {
            // A finally (or trap) running because exit unwinds the script: the code is not in $LASTEXITCODE yet, so the
            // calls it ends stay open for the probe that follows the exit (the caller's, or the end of the run).
            if (OnOwnThread() && !_quitting) CloseAbove(call, succeeded: false);
        }

        public void Quitting()
        {
            if (OnOwnThread()) _quitting = true;
        }

        public object CalledScript(object path) => IsActive && _calledScript != null ? _calledScript(path) : path;

        /// <summary>
        /// The status of what a script that ended without an error left open (<c>exit</c>, or <c>return</c> at its top
        /// level: a step is still open): after an exit statement, its code's (<c>exit 3</c> Failed, even with
        /// -IgnoreExitCode, as Measure-WorkflowNode judges exit); else Succeeded, each call and step then being judged
        /// by the exit code set during it (<see cref="ExitCodeWatch"/>).
        /// </summary>
        public NodeStatus EndStatus() => _quitting && IsNonZero(_exitCodes.Read()) ? NodeStatus.Failed : NodeStatus.Succeeded;

        /// <summary>
        /// Records every call and step still open with <paramref name="status"/>: Failed when the script ended by an
        /// error or a non-zero exit code, Stopped when its pipeline was stopped (Ctrl+C, a downstream Select-Object
        /// -First), else Succeeded (exit 0, return). <paramref name="judgeExitCodes"/> false (an exception ended the
        /// script: its status decides, as in Measure-WorkflowNode) keeps each one's exit code without judging it.
        /// </summary>
        public void Finish(NodeStatus status, bool judgeExitCodes = true)
        {
            EndInStackOrder(new List<ScriptProbe>(Enumerable.Reverse(_open)), status, judgeExitCodes);
            IsActive = false;
        }

        /// <summary>
        /// Calls made inside <paramref name="call"/> (its descendants; all calls for the root) that are still open when
        /// one of its own probes runs ended early: record them, innermost first, Failed when an error ended them
        /// (<paramref name="succeeded"/>, the script's <c>$?</c>, is false), else Stopped, or by the exit code after
        /// <c>exit</c>. Other open calls (the commands of the pipeline <paramref name="call"/> is part of) go on.
        /// </summary>
        private void CloseAbove(ScriptProbe call, bool succeeded)
        {
            int last = _open.Count - 1;
            // The usual case: nothing was left open inside the call. A quit mark stays for the probe that closes what
            // the exit ended (a timed call in a finally that the exit runs closes nothing), or for the end of the run.
            if (last < 0 || _open[last] == call) return;
            bool quit = _quitting;
            _quitting = false;
            // exit N stored N in $LASTEXITCODE (a bare exit, 0) before the caller's next probe; an error leaves no quit mark.
            NodeStatus status = quit ? (IsNonZero(_exitCodes.Read()) ? NodeStatus.Failed : NodeStatus.Succeeded)
                : succeeded ? NodeStatus.Stopped : NodeStatus.Failed;
            // Calls opened before this one cannot be inside it: scan down to it only.
            List<ScriptProbe> ended = null;   // usually none: the open calls above are the pipeline's other commands
            for (int i = last; i >= 0 && _open[i] != call; i--)
                if (call == Root || IsInside(_open[i], call)) (ended ?? (ended = new List<ScriptProbe>())).Add(_open[i]);
            if (ended != null) EndInStackOrder(ended, status);
        }

        /// <summary>
        /// Ends <paramref name="probes"/> (innermost first) innermost on the stack first: a pipeline's downstream command
        /// runs above the upstream one although it was entered before it, and each must leave its time to the right
        /// executions; suspended ones last.
        /// </summary>
        private void EndInStackOrder(List<ScriptProbe> probes, NodeStatus status, bool judgeExitCodes = true)
        {
            int Depth(ScriptProbe p) { int d = _stack.DepthOf(p.Scope); return d < 0 ? int.MaxValue : d; }
            foreach (ScriptProbe probe in probes.OrderBy(Depth).ToList()) End(probe, status, judgeExitCodes);
        }

        private static bool IsInside(ScriptProbe probe, ScriptProbe call)
        {
            for (ScriptProbe p = probe.Parent; p != null; p = p.Parent)
                if (p == call) return true;
            return false;
        }

        private static bool IsNonZero(object code)
        {
            if (code is System.Management.Automation.PSObject ps) code = ps.BaseObject;
            return code is int value && value != 0;
        }

        /// <summary>Records <paramref name="probe"/>'s execution with the exit code set during it, which fails one that would be Succeeded (<see cref="ExitCodeWatch.Judge"/>) unless <paramref name="judgeExitCode"/> is false.</summary>
        private void End(ScriptProbe probe, NodeStatus status, bool judgeExitCode = true)
        {
            int last = _open.Count - 1;
            _open.RemoveAt(last >= 0 && _open[last] == probe ? last : _open.LastIndexOf(probe));
            if (probe.Scope.IsEnded) return;
            int? exitCode = _exitCodes.CodeOf(probe);
            if (judgeExitCode) status = _exitCodes.Judge(status, exitCode);
            try
            {
                RecordResult result = _stack.End(probe.Scope, status, exitCode);
                if (result.Alert != null) Alerts.Add(result.Alert);
            }
            catch (ProfilerException ex)
            {
                Failure = ex;
            }
        }

        private bool OnOwnThread() => IsActive && Environment.CurrentManagedThreadId == _thread;
    }
}
