using System;
using Profiler.PS.Import;

namespace Profiler.PS.Engine
{
    public sealed partial class ProfilerSession
    {
        /// <summary>
        /// Records a run measured by another tool as one completed run of <paramref name="workflowId"/>, creating the
        /// workflow (and loading its history, as <see cref="StartRun(string, WorkflowSettings, bool, out WorkflowRun, out string[])"/>
        /// does) on first use. The run starts at <paramref name="startTime"/>, gets <see cref="ImportedRun.RunId"/> as its id
        /// and is appended to the workflow's history file like any completed run.
        /// </summary>
        /// <returns>The completion, or null when the workflow already has the run (the same report imported before).</returns>
        /// <exception cref="ProfilerException">A bad id, setting or node (InvalidWorkflowId, InvalidSetting, InvalidNodeId,
        /// InvalidDuration, InvalidFile), a live run in flight (RunInProgress) or another history folder (HistoryConflict);
        /// nothing was recorded.</exception>
        public RunCompletion ImportRun(string workflowId, WorkflowSettings settings, ImportedRun run, DateTimeOffset startTime, out string[] warnings)
        {
            if (run == null) throw new ArgumentNullException(nameof(run));
            Validation.WorkflowId(workflowId);
            settings?.Validate();
            run.Validate();
            WorkflowProfiler loaded = LoadIfNew(workflowId, settings, out warnings);
            WorkflowProfiler wf;
            lock (_gate)
            {
                if (!_byId.TryGetValue(workflowId, out wf))
                {
                    wf = loaded ?? new WorkflowProfiler(workflowId, Clock);
                    _byId.Add(workflowId, wf);
                    _order.Add(wf);
                }
                else CheckHistory(wf, settings?.HistoryPath);
                wf.StartSequence = ++_startSequence;
            }
            return wf.Import(run, startTime, settings);
        }
    }
}
