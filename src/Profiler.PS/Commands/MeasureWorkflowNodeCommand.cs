using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Runs a script block as a node (step) of a workflow run, streaming its output and recording how long it took.</summary>
    /// <remarks>
    /// <para>The block is dot-sourced into the caller's scope, like <c>. { }</c>: variables it sets stay set after it,
    /// as in psake and Invoke-Build tasks; begin, process and end blocks each run once, as with <c>. { }</c>. Its output
    /// goes down the pipeline as it is produced, and its errors, warnings and other streams behave as if it ran on its own.</para>
    /// <para>Calls nest: a Measure-WorkflowNode inside another one's block (same runspace, same run) records the outer
    /// node as its ParentId. Duration is inclusive; SelfDuration excludes the children, so self plus children is the
    /// inclusive time and nothing is counted twice. Add-NodeTiming inside a block counts as a child too.</para>
    /// <para>When the block throws, the time up to the error is recorded with Status Failed and the same error is
    /// thrown on, unchanged. When the pipeline is stopped (Ctrl+C) the node is recorded as Stopped. break, continue
    /// and exit leave the block normally and record Succeeded.</para>
    /// <para>The run is -Run, else the run in flight of -WorkflowId, else the most recently started run in flight.
    /// When there is none, the cmdlet starts a one-off run of -WorkflowId (default 'adhoc'), records the node and
    /// completes the run when the block ends, so a one-liner builds history too.</para>
    /// <para>The cmdlet's own time around the block (before its clock starts and from when it stops until the
    /// record is stored) is not part of Duration; it is reported as the Overhead of each NodeTiming. Duration
    /// includes invoking the block, as <c>. { }</c> costs (microseconds), as Measure-Command's result does.</para>
    /// <para>Errors: a null script block (MeasureWorkflowNodeNullScriptBlock), an empty NodeId
    /// (MeasureWorkflowNodeInvalidNodeId) or a run that is no longer running (MeasureWorkflowNodeRunClosed) stop the
    /// call before the block runs; nothing recorded is changed.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId deploy
    /// Measure-WorkflowNode -NodeId build -ScriptBlock {
    ///     Measure-WorkflowNode -NodeId restore -ScriptBlock { 1..20000 | ForEach-Object { $_ * 2 } | Out-Null }
    ///     Measure-WorkflowNode -NodeId compile -ScriptBlock { [array]::Sort([int[]](20000..1)) }
    /// }
    /// $result = Complete-WorkflowProfile
    /// $result.NodeData | Select-Object -Property NodeId, AvgDuration, AvgSelfDuration
    /// </code>
    /// <para>Times a step with two nested steps; the profile shows build's inclusive and self time.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Measure-WorkflowNode -NodeId squares -ScriptBlock {
    ///     foreach ($i in 1..5) { $i * $i }
    /// } | ForEach-Object { "got $_" }
    /// Get-NodeStatistics -WorkflowId adhoc
    /// </code>
    /// <para>With no run in flight, a one-off run of workflow 'adhoc' is recorded; the block's output streams to ForEach-Object as it is produced.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $module = (Get-Module -Name Profiler.PS).Path
    /// $run = Start-WorkflowProfile -WorkflowId par -PassThru
    /// 1..4 | ForEach-Object -Parallel {
    ///     Import-Module $using:module
    ///     Measure-WorkflowNode -NodeId "branch$_" -Run $using:run -ScriptBlock { [array]::Sort([int[]](50000..1)) }
    /// }
    /// $result = Complete-WorkflowProfile -Run $run
    /// $result.Runs | Select-Object -Last 1
    /// </code>
    /// <para>Four branches in parallel runspaces (each imports the module) land in one run; the run summary shows WallTime, NodeTimeSum and CriticalPath.</para>
    /// </example>
    /// <seealso cref="StartWorkflowProfileCommand"/>
    /// <seealso cref="GetNodeTimingCommand"/>
    /// <seealso cref="TestWorkflowBudgetCommand"/>
    /// <returns>Whatever the script block writes to its output stream, passed on as it is produced.</returns>
    [Cmdlet(VerbsDiagnostic.Measure, "WorkflowNode")]
    [OutputType(typeof(object))]
    public sealed class MeasureWorkflowNodeCommand : ProfilerCmdletBase
    {
        /// <summary>The workflow a one-off run is recorded in when no run is in flight and no -WorkflowId is given.</summary>
        public const string OneOffWorkflowId = "adhoc";

        /// <summary>Runs the script block given as the first argument dot-sourced (parsed once: PowerShell caches script text).</summary>
        private const string DotSourceFirstArgument = ". $args[0]";

        private volatile bool _stopping;

        /// <summary>The node's id. Timing the same id again in a run adds to that node's time in the run.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string NodeId { get; set; }

        /// <summary>The step to run; it is dot-sourced into the caller's scope.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowNull]
        public ScriptBlock ScriptBlock { get; set; }

        /// <summary>The node's kind, for example the tool or task that runs.</summary>
        [Parameter]
        public string NodeType { get; set; }

        /// <summary>A display label; defaults to the NodeId.</summary>
        [Parameter]
        public string NodeLabel { get; set; }

        /// <summary>The workflow whose run in flight takes the timing; with no run in flight, a one-off run of it is recorded.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string WorkflowId { get; set; }

        /// <summary>The run to record into, from Start-WorkflowProfile -PassThru; works from any runspace or thread (ForEach-Object -Parallel).</summary>
        [Parameter(ValueFromPipeline = true)]
        public WorkflowRun Run { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            long entered = Session.Clock.GetTimestamp();
            if (ScriptBlock == null)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentNullException(nameof(ScriptBlock),
                    $"Measure-WorkflowNode needs a script block to run for node '{NodeId}': give one, for example Measure-WorkflowNode {NodeId} {{ dotnet build }}."),
                    ErrorId("NullScriptBlock"), ErrorCategory.InvalidArgument, NodeId));
            WorkflowRun run = null;
            bool oneOff = false;
            try
            {
                NodeScopeStack.ValidateNodeId(NodeId);
                run = ResolveRun(out oneOff);
                State.Scopes.EnsureCanBegin(run);
            }
            catch (ProfilerException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, (object)run ?? NodeId));
                return;
            }
            RunBlock(run, oneOff, entered);
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stopping = true;

        private void RunBlock(WorkflowRun run, bool oneOff, long entered)
        {
            NodeScope scope = null;
            try
            {
                scope = State.Scopes.Begin(run, NodeId, NodeType, NodeLabel, entered);
                // `. $block` run by the engine with this cmdlet's output and error pipes (the public API ForEach-Object's
                // way rests on): each object reaches the next command while the block still runs, and begin/process/end
                // blocks behave as with `. { }`. Cheaper than a steppable pipeline, which is built and torn down per call;
                // the clock includes the `. $block` dispatch (what `. { }` costs), as Measure-Command's includes its own.
                InvokeCommand.InvokeScript(DotSourceFirstArgument, false, PipelineResultTypes.Output | PipelineResultTypes.Error, null, ScriptBlock);
            }
            catch (Exception ex)
            {
                // Record, then let the very same exception continue: callers' catch blocks see the original error.
                if (scope != null) Finish(scope, StatusOf(ex), oneOff, quiet: true);
                else if (oneOff && run.State == WorkflowRunState.Running) run.Complete();
                // PowerShell re-labels a statement-terminating error (a .NET method exception inside try) that leaves
                // a compiled cmdlet with the cmdlet's name; marking it thrown keeps its FullyQualifiedErrorId as the block made it.
                if (ex is RuntimeException rte && !(rte is PipelineStoppedException) && !(rte is ActionPreferenceStopException))
                    rte.WasThrownFromThrowStatement = true;
                throw;
            }
            Finish(scope, NodeStatus.Succeeded, oneOff, quiet: false);
        }

        private NodeStatus StatusOf(Exception ex)
        {
            if (ex is PipelineStoppedException || _stopping) return NodeStatus.Stopped;
            return ex is FlowControlException ? NodeStatus.Succeeded : NodeStatus.Failed;
        }

        /// <summary>Records the node; when the block failed (<paramref name="quiet"/>) nothing is written, so the block's error stays the one reported.</summary>
        private void Finish(NodeScope scope, NodeStatus status, bool oneOff, bool quiet)
        {
            RecordResult result = default;
            ProfilerException failure = null;
            try
            {
                result = State.Scopes.End(scope, status);
            }
            catch (ProfilerException ex)
            {
                failure = ex;
            }
            if (oneOff && scope.Run.State == WorkflowRunState.Running) scope.Run.Complete();
            if (quiet) return;
            if (failure != null)
                WriteError(new ErrorRecord(new ProfilerException(failure.Kind,
                    $"Node '{scope.NodeId}' ran, but its timing was not recorded: {failure.Message}"), ErrorId(failure.Kind.ToString()),
                    CategoryOf(failure.Kind), scope.Run));
            else if (result.Alert != null) RaiseBottleneck(result.Alert);
        }

        private WorkflowRun ResolveRun(out bool oneOff)
        {
            oneOff = false;
            if (Run != null) return Run;
            WorkflowRun run = WorkflowId == null ? Session.DefaultRun : Session.GetWorkflow(WorkflowId)?.CurrentRun;
            if (run != null) return run;
            oneOff = true;
            run = Session.StartRun(WorkflowId ?? OneOffWorkflowId);
            WriteVerbose($"No run of workflow '{run.WorkflowId}' was in flight: recording node '{NodeId}' in one-off run {run.RunNumber}, completed when the node ends.");
            return run;
        }
    }
}
