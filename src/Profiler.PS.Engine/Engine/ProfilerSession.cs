using System;
using System.Collections.Generic;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// All workflows of one session (one PowerShell runspace). Thread-safe. The most recently started
    /// workflow is the default target of queries; the most recently started run still in flight is the
    /// default target of recording.
    /// </summary>
    public sealed partial class ProfilerSession
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, WorkflowProfiler> _byId = new Dictionary<string, WorkflowProfiler>(StringComparer.OrdinalIgnoreCase);
        private readonly List<WorkflowProfiler> _order = new List<WorkflowProfiler>();
        private long _startSequence;

        /// <summary>Creates an empty session on <paramref name="clock"/> (the system clock when null).</summary>
        public ProfilerSession(IProfilerClock clock = null) => Clock = clock ?? SystemClock.Instance;

        /// <summary>The session's time source.</summary>
        public IProfilerClock Clock { get; }

        /// <summary>
        /// Starts a run of <paramref name="workflowId"/>, creating the workflow on first use and applying
        /// <paramref name="settings"/>. A run already in flight is an error unless <paramref name="force"/>,
        /// which abandons it (returned in <paramref name="abandoned"/>).
        /// </summary>
        public WorkflowRun StartRun(string workflowId, WorkflowSettings settings, bool force, out WorkflowRun abandoned)
            => StartRun(workflowId, settings, force, out abandoned, out _);

        /// <summary>
        /// As <see cref="StartRun(string, WorkflowSettings, bool, out WorkflowRun)"/>; when the workflow is created with a
        /// history folder (<see cref="WorkflowSettings.HistoryPath"/> or <see cref="DefaultHistoryPath"/>), its history is
        /// loaded first, and <paramref name="warnings"/> describes any damaged line that was skipped.
        /// </summary>
        public WorkflowRun StartRun(string workflowId, WorkflowSettings settings, bool force, out WorkflowRun abandoned, out string[] warnings)
            => StartRun(workflowId, settings, force, out abandoned, out warnings, oneOff: false);

        /// <summary>
        /// As <see cref="StartRun(string, WorkflowSettings, bool, out WorkflowRun, out string[])"/>. A <paramref name="oneOff"/>
        /// run (a command that found no run in flight and was named no workflow) flags the workflow it creates
        /// <see cref="WorkflowProfiler.IsOneOff"/> and never moves the default target to a workflow that exists; an
        /// ordinary start makes the workflow the default and clears the flag.
        /// </summary>
        public WorkflowRun StartRun(string workflowId, WorkflowSettings settings, bool force, out WorkflowRun abandoned, out string[] warnings, bool oneOff)
        {
            Validation.WorkflowId(workflowId);
            settings?.Validate();
            WorkflowProfiler loaded = LoadIfNew(workflowId, settings, out warnings);
            lock (_gate)
            {
                bool created = !_byId.TryGetValue(workflowId, out WorkflowProfiler wf);
                if (created) wf = loaded ?? new WorkflowProfiler(workflowId, Clock);
                else CheckHistory(wf, settings?.HistoryPath);
                WorkflowRun run = wf.Start(settings, force, out abandoned);
                if (created)
                {
                    _byId.Add(workflowId, wf);
                    _order.Add(wf);
                    wf.IsOneOff = oneOff;
                }
                else if (!oneOff) wf.IsOneOff = false;
                if (created || !oneOff) wf.StartSequence = ++_startSequence;
                return run;
            }
        }

        /// <summary>Starts a run with default settings.</summary>
        public WorkflowRun StartRun(string workflowId) => StartRun(workflowId, null, false, out _);

        /// <summary>The workflow with that id (case-insensitive), or null.</summary>
        public WorkflowProfiler GetWorkflow(string workflowId)
        {
            if (workflowId == null) return null;
            lock (_gate) return _byId.TryGetValue(workflowId, out WorkflowProfiler wf) ? wf : null;
        }

        /// <summary>Every workflow, in the order they were first started.</summary>
        public WorkflowProfiler[] GetWorkflows() { lock (_gate) return _order.ToArray(); }

        /// <summary>
        /// The default target of a query given no workflow: the most recently started workflow that is not one-off
        /// (<see cref="WorkflowProfiler.IsOneOff"/>); a one-off workflow only when no other exists; null when there is none.
        /// </summary>
        public WorkflowProfiler DefaultWorkflow
        {
            get
            {
                lock (_gate)
                {
                    WorkflowProfiler best = null;
                    foreach (WorkflowProfiler wf in _order)
                        if (best == null || (best.IsOneOff && !wf.IsOneOff) || (best.IsOneOff == wf.IsOneOff && wf.StartSequence > best.StartSequence)) best = wf;
                    return best;
                }
            }
        }

        /// <summary>The most recently started run that is still in flight, or null.</summary>
        public WorkflowRun DefaultRun
        {
            get
            {
                lock (_gate)
                {
                    WorkflowProfiler best = null;
                    WorkflowRun bestRun = null;
                    foreach (WorkflowProfiler wf in _order)
                    {
                        WorkflowRun run = wf.CurrentRun;
                        if (run != null && (best == null || wf.StartSequence > best.StartSequence)) { best = wf; bestRun = run; }
                    }
                    return bestRun;
                }
            }
        }

        /// <summary>The run in flight of <paramref name="workflowId"/>, or of the default run when null.</summary>
        /// <exception cref="ProfilerException">No such run is in flight.</exception>
        public WorkflowRun GetRunInFlight(string workflowId)
        {
            WorkflowRun run = workflowId == null ? DefaultRun : GetWorkflow(workflowId)?.CurrentRun;
            if (run != null) return run;
            string message = workflowId == null
                ? "No workflow run is in flight: call Start-WorkflowProfile -WorkflowId <id> first."
                : $"No run of workflow '{workflowId}' is in flight: call Start-WorkflowProfile -WorkflowId {workflowId} first.";
            throw new ProfilerException(ProfilerErrorKind.NoRunInProgress, message);
        }

        /// <summary>Forgets a workflow and abandons its run in flight; false when it did not exist.</summary>
        public bool Remove(string workflowId)
        {
            lock (_gate)
            {
                if (workflowId == null || !_byId.TryGetValue(workflowId, out WorkflowProfiler wf)) return false;
                _byId.Remove(workflowId);
                _order.Remove(wf);
                wf.AbandonCurrent();
                return true;
            }
        }
    }
}
