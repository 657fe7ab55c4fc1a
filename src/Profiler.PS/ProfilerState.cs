using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
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

        /// <summary>Bottleneck callbacks by workflow id. Script blocks belong to this runspace, so they stay here, not in the engine.</summary>
        public ConcurrentDictionary<string, ScriptBlock> Callbacks { get; } =
            new ConcurrentDictionary<string, ScriptBlock>(StringComparer.OrdinalIgnoreCase);
    }
}
