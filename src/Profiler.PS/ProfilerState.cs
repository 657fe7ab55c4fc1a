using System;
using System.Collections.Concurrent;
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

        /// <summary>
        /// Completes this state's runs still in flight when <paramref name="runspace"/> (the one this state belongs to)
        /// closes, so a script that stops at an error before Complete-WorkflowProfile still has its run in the history
        /// (<see cref="ProfilerSession.CompleteRunsInFlight"/>); <paramref name="host"/>, the latest caller's, is told with
        /// a warning. Called by Start-WorkflowProfile; subscribes once.
        /// </summary>
        public void CompleteRunsAtClose(Runspace runspace, PSHost host)
        {
            _host = host;
            if (runspace == null || Interlocked.Exchange(ref _watchingClose, 1) == 1) return;
            runspace.StateChanged += OnRunspaceStateChanged;
        }

        /// <summary>At Closed (or Broken) the runspace's pipelines have stopped: their Measure-WorkflowNode blocks have recorded
        /// themselves Stopped or Failed, and nothing records into this state's runs from this runspace any more.</summary>
        private void OnRunspaceStateChanged(object sender, RunspaceStateEventArgs e)
        {
            RunspaceState state = e.RunspaceStateInfo.State;
            if (state != RunspaceState.Closed && state != RunspaceState.Broken) return;
            if (Interlocked.Exchange(ref _closed, 1) == 1) return;
            if (sender is Runspace runspace) runspace.StateChanged -= OnRunspaceStateChanged;
            try
            {
                foreach (string warning in Session.CompleteRunsInFlight(Scopes)) Warn(warning);
            }
            catch (Exception ex)
            {
                // An event handler of a closing runspace has no caller to tell; the host is the last one listening.
                Warn("Profiler.PS could not complete the runs in flight of the closing runspace: " + ex.Message);
            }
        }

        /// <summary>Writes <paramref name="message"/> as a warning on the host, when there is one that still shows text.</summary>
        private void Warn(string message)
        {
            try
            {
                _host?.UI?.WriteWarningLine(message);
            }
            catch (Exception)
            {
                // A host without a user interface, or one already torn down: the run is saved all the same.
            }
        }

        /// <summary>Bottleneck callbacks by workflow id. Script blocks belong to this runspace, so they stay here, not in the engine.</summary>
        public ConcurrentDictionary<string, ScriptBlock> Callbacks { get; } =
            new ConcurrentDictionary<string, ScriptBlock>(StringComparer.OrdinalIgnoreCase);
    }
}
