using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// The profiler of one runspace. Keyed weakly by the runspace, so each runspace (each test, each
    /// ForEach-Object -Parallel worker) has its own profiler, and a closed runspace's data is collected with it.
    /// </summary>
    internal sealed class ProfilerState
    {
        private static readonly ConditionalWeakTable<Runspace, ProfilerState> s_states = new ConditionalWeakTable<Runspace, ProfilerState>();
        private static readonly ProfilerState s_noRunspace = new ProfilerState();

        /// <summary>The calling runspace's state; a process-wide one when called outside any runspace.</summary>
        public static ProfilerState Current
        {
            get
            {
                Runspace runspace = Runspace.DefaultRunspace;
                return runspace == null ? s_noRunspace : s_states.GetValue(runspace, _ => new ProfilerState());
            }
        }

        /// <summary>The engine's session.</summary>
        public ProfilerSession Session { get; } = new ProfilerSession();

        /// <summary>Measure-WorkflowNode executions in flight on this runspace, innermost on top (a runspace runs one pipeline at a time).</summary>
        public NodeScopeStack Scopes { get; } = new NodeScopeStack();

        /// <summary>Measure-WorkflowScript's compiled rewrites of the script files it ran in this runspace.</summary>
        public Scripts.RewrittenScripts RewrittenScripts { get; } = new Scripts.RewrittenScripts();

        /// <summary>Measure-WorkflowScript invocations in flight in this runspace, innermost last: where a rewritten function's first probe reports.</summary>
        public ScriptRecordings ScriptRecordings { get; } = new ScriptRecordings();

        private static readonly ConditionalWeakTable<WorkflowRun, ProfilerState> s_runOwners = new ConditionalWeakTable<WorkflowRun, ProfilerState>();

        /// <summary>Marks this state as the owner of <paramref name="run"/>: its -OnBottleneck callbacks answer the run's alerts, from whichever runspace they are raised.</summary>
        public void Own(WorkflowRun run)
        {
            s_runOwners.Remove(run);
            s_runOwners.Add(run, this);
        }

        /// <summary>The state of the runspace that started <paramref name="run"/> with Start-WorkflowProfile, or null.</summary>
        public static ProfilerState OwnerOf(WorkflowRun run) => run != null && s_runOwners.TryGetValue(run, out ProfilerState owner) ? owner : null;

        /// <summary>Alerts raised in other runspaces (ForEach-Object -Parallel branches recording with -Run) for runs this state owns, oldest first, waiting for this runspace's next Profiler.PS call.</summary>
        public ConcurrentQueue<BottleneckAlert> PendingAlerts { get; } = new ConcurrentQueue<BottleneckAlert>();

        private int _watchingClose, _closed;
        private PSHost _host;

        /// <summary>The states watching their runspace's close, weakly: a process that exits without closing them (Environment.Exit) still ends their sessions.</summary>
        private static readonly List<WeakReference<ProfilerState>> s_watching = new List<WeakReference<ProfilerState>>();

        static ProfilerState() => AppDomain.CurrentDomain.ProcessExit += (sender, e) => EndSessionsAtExit();

        /// <summary>
        /// Ends this state's session when <paramref name="runspace"/> (the one this state belongs to) closes, or when the
        /// process exits first: runs still in flight are completed, so a script that stops at an error before
        /// Complete-WorkflowProfile still has its run in the history, and pending history writes get their last retry
        /// (<see cref="ProfilerSession.CompleteRunsInFlight"/>); <paramref name="host"/>, the latest caller's, is told with
        /// warnings. Called by the commands that complete runs into a history (Start-WorkflowProfile, Import-WorkflowRun);
        /// subscribes once.
        /// </summary>
        public void WatchClose(Runspace runspace, PSHost host)
        {
            _host = host;
            if (runspace == null || Interlocked.Exchange(ref _watchingClose, 1) == 1) return;
            runspace.StateChanged += OnRunspaceStateChanged;
            lock (s_watching)
            {
                s_watching.RemoveAll(w => !w.TryGetTarget(out ProfilerState alive) || alive._closed == 1);
                s_watching.Add(new WeakReference<ProfilerState>(this));
            }
        }

        /// <summary>At Closed (or Broken) the runspace's pipelines have stopped: their Measure-WorkflowNode blocks have recorded
        /// themselves Stopped or Failed, and nothing records into this state's runs from this runspace any more.</summary>
        private void OnRunspaceStateChanged(object sender, RunspaceStateEventArgs e)
        {
            RunspaceState state = e.RunspaceStateInfo.State;
            if (state != RunspaceState.Closed && state != RunspaceState.Broken) return;
            if (sender is Runspace runspace) runspace.StateChanged -= OnRunspaceStateChanged;
            EndSession("when its runspace closed");
        }

        /// <summary>The process exits with runspaces still open (Environment.Exit, a host that exits without closing them): their sessions end now.</summary>
        private static void EndSessionsAtExit()
        {
            var states = new List<ProfilerState>();
            lock (s_watching)
                foreach (WeakReference<ProfilerState> w in s_watching)
                    if (w.TryGetTarget(out ProfilerState state)) states.Add(state);
            foreach (ProfilerState state in states) state.EndSession("when the process exited");
        }

        /// <summary>Ends the session once, whichever comes first: its runspace closing or the process exiting.</summary>
        private void EndSession(string occasion)
        {
            if (Interlocked.Exchange(ref _closed, 1) == 1) return;
            try
            {
                Tell(Session.CompleteRunsInFlight(Scopes, occasion));
            }
            catch (Exception ex)
            {
                // An event handler of a closing runspace has no caller to tell; the host and standard error are the last ones listening.
                Tell($"Profiler.PS could not complete the runs in flight and save the pending history writes {occasion}: " + ex.Message, toStandardError: true);
            }
        }

        /// <summary>
        /// The last retry of the session's pending history writes when the module is removed; runs whose write still fails
        /// go to a recovery file, and the user is told where and how to put them back. Never throws (module removal).
        /// </summary>
        public void SaveHistoryAtEnd()
        {
            try
            {
                Tell(Session.SaveHistoryAtEnd("when the module was removed"));
            }
            catch (Exception ex)
            {
                Tell("Profiler.PS could not save the pending history writes when the module was removed: " + ex.Message, toStandardError: true);
            }
        }

        private void Tell(IReadOnlyList<SessionEndNotice> notices)
        {
            foreach (SessionEndNotice notice in notices) Tell(notice.Message, notice.HistoryWriteFailed);
        }

        /// <summary>
        /// Writes <paramref name="message"/> as a warning on the host, when there is one that still shows text; a message about
        /// runs that missed their history also goes to standard error, which outlives the host at process exit and is what
        /// CI logs keep.
        /// </summary>
        private void Tell(string message, bool toStandardError)
        {
            try
            {
                _host?.UI?.WriteWarningLine(message);
            }
            catch (Exception)
            {
                // A host without a user interface, or one already torn down: standard error still gets what matters.
            }
            if (!toStandardError) return;
            try
            {
                Console.Error.WriteLine("WARNING: Profiler.PS: " + message);
                Console.Error.Flush();
            }
            catch (Exception)
            {
                // No standard error either (a closed handle): nothing else is left to write to.
            }
        }

        /// <summary>Bottleneck callbacks by workflow id. Script blocks belong to this runspace, so they stay here, not in the engine.</summary>
        public ConcurrentDictionary<string, ScriptBlock> Callbacks { get; } =
            new ConcurrentDictionary<string, ScriptBlock>(StringComparer.OrdinalIgnoreCase);
    }
}
