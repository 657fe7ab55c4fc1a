using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Gets the profiles of the workflows profiled in this session.</summary>
    /// <remarks>
    /// <para>Get-WorkflowProfile writes one WorkflowPerformanceProfile per workflow, in the order the workflows were
    /// first started: the node statistics (NodeData), the five slowest nodes (Bottlenecks), the latest run's total
    /// and alerts, the recent completed runs (Runs), the run count, the window size and whether a run is in flight.
    /// Each profile is a snapshot: it does not change when later runs complete.</para>
    /// <para>By default it writes every workflow; -WorkflowId (wildcards allowed) selects some. A literal id that
    /// matches no workflow writes an ObjectNotFound error (GetWorkflowProfileWorkflowNotFound). The profiles belong
    /// to the current runspace; other runspaces have their own.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// 'build', 'deploy' | ForEach-Object {
    ///     Start-WorkflowProfile -WorkflowId $_
    ///     Add-NodeTiming -NodeId main -Duration 1000
    ///     $null = Complete-WorkflowProfile -TotalDuration 1200
    /// }
    /// Get-WorkflowProfile
    /// </code>
    /// <para>Profiles two workflows and shows both profiles as a table.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId nightly
    /// Add-NodeTiming -NodeId compile -Duration 5000
    /// $null = Complete-WorkflowProfile
    /// $p = Get-WorkflowProfile -WorkflowId night*
    /// '{0}: {1} run(s), slowest node {2}' -f $p.WorkflowId, $p.RunCount, $p.Bottlenecks[0]
    /// $p.Runs
    /// </code>
    /// <para>Reads one profile's properties and its list of completed runs.</para>
    /// </example>
    /// <seealso cref="CompleteWorkflowProfileCommand"/>
    /// <seealso cref="ClearWorkflowProfileCommand"/>
    [Cmdlet(VerbsCommon.Get, "WorkflowProfile")]
    [OutputType(typeof(WorkflowPerformanceProfile))]
    public sealed class GetWorkflowProfileCommand : ProfilerCmdletBase
    {
        /// <summary>The workflows to show; wildcards allowed. Defaults to every workflow of the session.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string[] WorkflowId { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (WorkflowProfiler wf in ResolveWorkflows(WorkflowId, allWhenNone: true))
                WriteObject(wf.GetProfile());
        }
    }
}
