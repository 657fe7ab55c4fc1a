using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Management.Automation.Runspaces;
using Profiler.PS.Engine;

namespace Profiler.PS.Commands
{
    /// <summary>Runs a script block as a node (step) of a workflow run, streaming its output and recording how long it took.</summary>
    /// <remarks>
    /// <para>The block runs in a child scope of the caller, like <c>&amp; { }</c> and like a task in Invoke-Build or psake:
    /// it sees the caller's variables, variables it sets are its own and are gone after it, and it changes the caller's
    /// with scope modifiers ($script:count++, $global:x = 1). So a loop runs at its own speed, as in a function body.
    /// -DotSource runs it in the caller's scope instead, like <c>. { }</c>, so the variables it sets stay set; that costs
    /// speed (dot-sourced code cannot use PowerShell's optimised local variables: a tight loop runs several times slower).</para>
    /// <para>Each piped object is passed to the block as $_ (as Measure-Command does), and each is one execution of the
    /// node; a block with begin/process/end clauses gets it as pipeline input. With nothing piped, $_ is the caller's,
    /// as in <c>&amp; { $_ }</c>. The run is never taken from the pipeline: give it with -Run.</para>
    /// <para>The block's streams behave as if it ran on its own with <c>&amp; { }</c>: its output goes down the pipeline as
    /// it is produced, and its errors, warnings, verbose, debug and information records and native commands' stderr
    /// follow the redirections written on this command (<c>*&gt;&amp;1</c>, <c>2&gt;&amp;1</c>, <c>2&gt; file</c>, <c>3&gt;&amp;1</c>),
    /// -ErrorVariable and -OutVariable, in order. -ErrorAction, -WarningAction, -InformationAction, -Verbose and -Debug
    /// set the matching preference variable in the block's scope, as for <c>&amp; { [CmdletBinding()] param() ... }</c>
    /// (not with -DotSource, which would leave them set in the caller's scope).</para>
    /// <para>Calls nest: a Measure-WorkflowNode inside another one's block (same runspace, same run) records the outer
    /// node as its ParentId. Duration is inclusive; SelfDuration excludes the children, so self plus children is the
    /// inclusive time and nothing is counted twice. Add-NodeTiming inside a block counts as a child too.</para>
    /// <para>Output piped on: PowerShell runs a pipeline one object at a time, so each object the block writes goes through
    /// the next commands before the block goes on, and the time they take on it is part of the node's Duration (as it is
    /// of the block's wall time). A Measure-WorkflowNode downstream records this node as its ParentId, so that time is
    /// not counted twice. To time the producer alone, collect its output first: $items = Measure-WorkflowNode gen { ... }.</para>
    /// <para>Status: a terminating error (including throw of any object) records Failed and the same error is thrown on,
    /// unchanged. A stopped pipeline (Ctrl+C, or a downstream Select-Object -First) records Stopped. exit records
    /// Succeeded for code 0 and Failed otherwise, and exits as it would without this command; break and continue
    /// leave the block (and the caller's loop, as with <c>&amp; { }</c>) and record Succeeded. A block whose last native
    /// command exited with a non-zero code ($LASTEXITCODE set during the block) records Failed, with a verbose message
    /// naming the code; -IgnoreExitCode records it Succeeded. Either way the timing keeps the code as its ExitCode
    /// (Get-NodeTiming), null when the block ran no native command.</para>
    /// <para>The run is -Run, else the run in flight of -WorkflowId, else the most recently started run in flight.
    /// When there is none, the cmdlet starts a one-off run of -WorkflowId (default 'adhoc'), records the node (once per
    /// piped object) and completes the run when the command ends, so a one-liner builds history too.</para>
    /// <para>The cmdlet's own time around the block (before its clock starts and from when it stops until the record is
    /// stored) is not part of Duration; it is reported as the Overhead of each NodeTiming. One-time set-up (the module's, and
    /// PowerShell's compiling of the block's script into code) happens before the clock starts, so the first execution
    /// in a runspace records the step's own time.</para>
    /// <para>Errors: a null script block (MeasureWorkflowNodeNullScriptBlock), a $null, empty or blank NodeId
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
    /// Start-WorkflowProfile -WorkflowId images
    /// $total = 0
    /// 'a.png', 'b.png' | Measure-WorkflowNode resize {
    ///     "resizing $_"
    ///     $script:total++
    /// }
    /// "resized $total"
    /// Get-NodeTiming -NodeId resize
    /// </code>
    /// <para>Each piped object is $_ and one execution of the node (two here); the block runs in a child scope, so it changes the caller's $total with the $script: modifier.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Start-WorkflowProfile -WorkflowId setup
    /// Measure-WorkflowNode configure -DotSource { $settings = @{ Retries = 3 } }
    /// $settings.Retries
    /// </code>
    /// <para>-DotSource runs the block in the caller's scope, so $settings is still set after it.</para>
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
    public sealed class MeasureWorkflowNodeCommand : RunTargetCmdletBase
    {
        /// <summary>The workflow a one-off run is recorded in when no run is in flight and no -WorkflowId is given (flagged IsOneOff: never the default target of queries).</summary>
        public new const string OneOffWorkflowId = RunTargetCmdletBase.OneOffWorkflowId;

        /// <summary>The public path, for blocks with begin/process/end clauses: the piped object goes in as the block's pipeline input.</summary>
        private const string ChildScopeScript = "if ($args.Count -gt 1) { ,$args[1] | & $args[0] } else { & $args[0] }";
        private const string DotSourceScript = "if ($args.Count -gt 1) { ,$args[1] | . $args[0] } else { . $args[0] }";

        private volatile bool _stopping;
        private WorkflowRun _run;
        private bool _oneOff;
        private List<PSVariable> _preferences;

        /// <summary>The node's id. Timing the same id again in a run adds to that node's time in the run.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [AllowEmptyString]
        [AllowNull]
        [ArgumentCompleter(typeof(NodeIdCompleter))]
        public string NodeId { get; set; }

        /// <summary>The step to run, in a child scope of the caller (see -DotSource).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [AllowNull]
        public ScriptBlock ScriptBlock { get; set; }

        /// <summary>
        /// An object for the block to process as $_, as Measure-Command -InputObject; each piped object runs the block
        /// once and records one execution of the node. Objects of any type bind here, including WorkflowRun objects:
        /// give the run with -Run.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject InputObject { get; set; } = AutomationNull.Value;

        /// <summary>The node's kind, for example the tool or task that runs.</summary>
        [Parameter]
        public string NodeType { get; set; }

        /// <summary>A display label; defaults to the NodeId.</summary>
        [Parameter]
        public string NodeLabel { get; set; }

        /// <summary>The workflow whose run in flight takes the timing; with no run in flight, a one-off run of it is recorded.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public override string WorkflowId { get; set; }

        /// <summary>
        /// The run to record into, from Start-WorkflowProfile -PassThru; works from any runspace or thread
        /// (ForEach-Object -Parallel). Not taken from the pipeline: piped objects are the block's $_.
        /// </summary>
        [Parameter]
        public override WorkflowRun Run { get; set; }

        /// <summary>
        /// Runs the block dot-sourced in the caller's scope, like <c>. { }</c>, so the variables it sets stay set after it.
        /// It costs speed: dot-sourced code cannot use PowerShell's optimised local variables, so a loop that sets
        /// variables runs several times slower (10 to 15 times in a tight arithmetic loop) than in the default child scope.
        /// </summary>
        [Parameter]
        public SwitchParameter DotSource { get; set; }

        /// <summary>
        /// Records the node Succeeded even when the last native command the block ran exited with a non-zero code. By
        /// default such a block is recorded Failed (its output and errors are unchanged; $LASTEXITCODE keeps the code).
        /// The code is kept as the timing's ExitCode with or without this switch.
        /// </summary>
        [Parameter]
        public SwitchParameter IgnoreExitCode { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            long entered = Session.Clock.GetTimestamp();
            if (ScriptBlock == null)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentNullException(nameof(ScriptBlock),
                    $"Measure-WorkflowNode needs a script block to run for node '{NodeId}': give one, for example Measure-WorkflowNode {NodeId} {{ dotnet build }}."),
                    ErrorId("NullScriptBlock"), ErrorCategory.InvalidArgument, NodeId));
            try
            {
                NodeScopeStack.ValidateNodeId(NodeId);
                if (_run == null || !_run.IsRunning) _run = TargetRun(Run, out _oneOff);
                State.Scopes.EnsureCanBegin(_run);
            }
            catch (ProfilerException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, (object)_run ?? NodeId));
                return;
            }
            if (_preferences == null) _preferences = NodeBlock.PreferenceVariables(MyInvocation.BoundParameters);
            RunBlock(entered);
        }

        /// <inheritdoc />
        protected override void EndProcessing() => CompleteOneOff();

        /// <inheritdoc />
        protected override void StopProcessing() => _stopping = true;

        private void RunBlock(long entered)
        {
            NodeScope scope = null;
            PSVariable exitCodeVariable = NodeBlock.ExitCodeVariable(this);
            object exitCodeBefore = exitCodeVariable?.Value;
            // Decided, and the first call's one-time set-up done, before the clock starts.
            bool direct = ScriptBlockRunner.CanInvokeDirectly(ScriptBlock);
            if (direct)
            {
                ScriptBlockRunner.WarmUp(this);
                BlockPreparation.Prepare(ScriptBlock, !DotSource);
            }
            NodeBlock.WarmUpRecording();
            List<PSVariable> variables = DotSource || _preferences.Count == 0 ? null : _preferences;
            try
            {
                scope = State.Scopes.Begin(_run, NodeId, NodeType, NodeLabel, entered);
                if (direct) ScriptBlockRunner.Invoke(this, ScriptBlock, !DotSource, InputObject, variables);
                else InvokePublic();
            }
            catch (Exception ex)
            {
                // Record, then let the very same exception continue: callers' catch blocks see the original error.
                if (scope != null) Finish(scope, NodeBlock.StatusOf(ex, _stopping), NodeBlock.ExitCodeSetBy(this, exitCodeVariable, exitCodeBefore), quiet: true);
                CompleteOneOff();
                NodeBlock.KeepAsRaised(ex);   // its FullyQualifiedErrorId stays as the block made it
                throw;
            }
            int? exitCode = NodeBlock.ExitCodeSetBy(this, exitCodeVariable, exitCodeBefore);
            bool exitFailed = !IgnoreExitCode && exitCode.HasValue && exitCode != 0;
            Finish(scope, exitFailed ? NodeStatus.Failed : NodeStatus.Succeeded, exitCode, quiet: false);
            if (exitFailed)
                WriteVerbose($"Node '{NodeId}' recorded Failed: its last native command exited with code {exitCode} ($LASTEXITCODE). Add -IgnoreExitCode to record it Succeeded.");
        }

        /// <summary>Blocks with begin/process/end clauses (or a PowerShell whose internals could not be bound) run as a command, through the public API.</summary>
        private void InvokePublic()
        {
            object saved = ScriptBlockRunner.RedirectErrors(this);
            try
            {
                object[] args = InputObject == AutomationNull.Value ? new object[] { ScriptBlock } : new object[] { ScriptBlock, InputObject };
                InvokeCommand.InvokeScript(DotSource ? DotSourceScript : ChildScopeScript, false,
                    PipelineResultTypes.Output | PipelineResultTypes.Error, null, args);
            }
            finally
            {
                ScriptBlockRunner.RestoreErrors(this, saved);
            }
        }

        /// <summary>Records the node; when the block failed (<paramref name="quiet"/>) nothing is written, so the block's error stays the one reported.</summary>
        private void Finish(NodeScope scope, NodeStatus status, int? exitCode, bool quiet)
        {
            RecordResult result = default;
            ProfilerException failure = null;
            try
            {
                result = State.Scopes.End(scope, status, exitCode);
            }
            catch (ProfilerException ex)
            {
                failure = ex;
            }
            if (quiet) return;
            if (failure != null)
                WriteError(new ErrorRecord(new ProfilerException(failure.Kind,
                    $"Node '{scope.NodeId}' ran, but its timing was not recorded: {failure.Message}"), ErrorId(failure.Kind.ToString()),
                    CategoryOf(failure.Kind), scope.Run));
            else if (result.Alert != null) RaiseBottleneck(result.Alert, scope.Run);
        }

        /// <summary>A one-off run lasts as long as this command: every piped object is one execution in it.</summary>
        private void CompleteOneOff()
        {
            if (_oneOff && _run != null && _run.IsRunning) _run.Complete();
            _oneOff = false;
        }

        internal override bool StartsOneOffRun => true;
    }
}
