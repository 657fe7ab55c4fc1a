namespace Profiler.PS.Engine
{
    /// <summary>What completing a run produced.</summary>
    public sealed class RunCompletion
    {
        internal RunCompletion(WorkflowPerformanceProfile profile, WorkflowRunSummary run, BottleneckAlert[] alerts)
        {
            Profile = profile;
            Run = run;
            Alerts = alerts;
        }

        /// <summary>The workflow's profile after the run.</summary>
        public WorkflowPerformanceProfile Profile { get; }
        /// <summary>The completed run, or null when it recorded no node (and so changed nothing).</summary>
        public WorkflowRunSummary Run { get; }
        /// <summary>True when the run recorded no node timing.</summary>
        public bool RecordedNothing => Run == null;
        /// <summary>Nodes that tripped the bottleneck rule in the run.</summary>
        public BottleneckAlert[] Alerts { get; }
    }
}
