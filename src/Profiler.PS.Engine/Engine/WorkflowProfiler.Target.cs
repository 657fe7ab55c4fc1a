namespace Profiler.PS.Engine
{
    /// <summary>What decides whether a workflow is the default target of a query.</summary>
    public sealed partial class WorkflowProfiler
    {
        /// <summary>
        /// True for a workflow created by a one-off run: Measure-WorkflowNode (or Measure-WorkflowScript of a script block)
        /// with no run in flight and no -WorkflowId. It is never the default target of a query while a workflow that is not
        /// one-off exists (<see cref="ProfilerSession.DefaultWorkflow"/>). Starting it with Start-WorkflowProfile makes it an
        /// ordinary workflow, whatever its id ('adhoc' included).
        /// </summary>
        public bool IsOneOff { get; internal set; }

        /// <summary>Completed runs counted in the workflow's history (what Get-WorkflowProfile shows as RunCount), without taking a profile snapshot.</summary>
        public int CompletedRunCount { get { lock (SyncRoot) return _runCount; } }
    }
}
