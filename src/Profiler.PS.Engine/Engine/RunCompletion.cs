namespace Profiler.PS.Engine
{
    /// <summary>What completing a run produced.</summary>
    public sealed class RunCompletion
    {
        internal RunCompletion(WorkflowPerformanceProfile profile, WorkflowRunSummary run, BottleneckAlert[] alerts,
            ProfilerException historyError = null)
        {
            Profile = profile;
            Run = run;
            Alerts = alerts;
            HistoryError = historyError;
        }

        /// <summary>The workflow's profile after the run.</summary>
        public WorkflowPerformanceProfile Profile { get; }
        /// <summary>The completed run, or null when it recorded no node (and so changed nothing).</summary>
        public WorkflowRunSummary Run { get; }
        /// <summary>True when the run recorded no node timing.</summary>
        public bool RecordedNothing => Run == null;
        /// <summary>Nodes that tripped the bottleneck rule in the run.</summary>
        public BottleneckAlert[] Alerts { get; }
        /// <summary>Why the run could not be appended to the workflow's history file, or null; the run is completed either way.</summary>
        public ProfilerException HistoryError { get; }
    }
}
