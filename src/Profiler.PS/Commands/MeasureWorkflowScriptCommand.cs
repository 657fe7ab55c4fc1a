using System;
using System.Collections;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using Profiler.PS.Engine;
using Profiler.PS.Scripts;

namespace Profiler.PS.Commands
{
    /// <summary>Runs an existing script, unedited, as a workflow run: its top-level statements and its functions' calls become nodes.</summary>
    /// <remarks>
    /// <para>The script's syntax tree is rewritten in memory (never on disk) before it runs: each top-level statement
    /// becomes a node named from its line and text (for example 'L12 dotnet build -c Release', NodeType statement);
    /// each call of a function defined in the script becomes a node named after the function (NodeType function),
    /// nested under its caller, with inclusive and self time as Measure-WorkflowNode records them (recursion counted once);
    /// in a pipeline of the script's functions (Get-Artifact | Publish-Artifact) each command is its caller's child and
    /// gets the time of its own blocks: a function with begin/process/end blocks is one call whose clock runs only while
    /// one of its blocks runs, and the time a downstream command takes inside an upstream one's output is the downstream
    /// command's, never counted twice (a downstream command that is not timed, a cmdlet such as ForEach-Object or
    /// Export-Csv or a function not rewritten at this -Depth, has no node: its time inside the upstream function's
    /// output counts as that function's); a filter is one call per object it processes. Each call of a .ps1
    /// file the script runs or dot-sources by a path written in the script (./lib.ps1, "$PSScriptRoot/deploy.ps1")
    /// becomes a node named after the file (its path relative to the script's folder, such as steps/package.ps1; NodeType
    /// script), with that file's functions inside. -Depth 1 times statements only, 2 adds
    /// functions, 3 (the default) adds called scripts.</para>
    /// <para>The script behaves as when run with the call operator (&amp; ./build.ps1 @arguments): it runs in its own
    /// scope as the same ExternalScript command, so param(), [CmdletBinding()], defaults, switches, $PSScriptRoot,
    /// $PSCommandPath, $MyInvocation, begin/process/end, exit codes ($LASTEXITCODE), return, trap, try/finally and every
    /// stream work as usual. The rewritten script is a new syntax tree built from copies of the script's own nodes, so
    /// errors name the original file, line and column and quote the script's own lines; where a direct run's error
    /// names the line that called the script (a top-level Write-Error, or arguments that fail the script's parameter
    /// validation, whose FullyQualifiedErrorId then ends in this cmdlet's name instead of the script's), it names the
    /// line that called Measure-WorkflowScript. Output streams down the pipeline as it is produced.</para>
    /// <para>A statement after which $? is false (its last command failed, or a native command exited non-zero) is
    /// recorded Failed, unless every command in it silences its errors (-ErrorAction SilentlyContinue or Ignore, or
    /// 2&gt;$null on a Verb-Noun command; downstream Out-Null, Select-Object and the like are not asked; a native
    /// program's non-zero exit code still fails it), as in <c>Remove-Item $tmp -Recurse -ErrorAction SilentlyContinue</c>: the script chose not to see them,
    /// so the step is Succeeded. Each call and statement is also judged by Measure-WorkflowNode's exit-code rule: one
    /// during which $LASTEXITCODE was set (a native command exited, or exit ran) keeps the last code as its ExitCode
    /// (Get-NodeTiming; null when none was set), and a non-zero one records it Failed, although PowerShell's $? after a
    /// function call stays true. So <c>function Invoke-Compile { dotnet build }</c> whose build exits 1 records
    /// Invoke-Compile, its callers and its statement Failed, as nested Measure-WorkflowNode blocks would, and the run's
    /// total gets the verdict Failed; a caller whose last native command then exited 0 is Succeeded (the last code
    /// decides), as is <c>exit 0</c> after a failed command. A function with begin/process/end blocks is charged only
    /// the codes set while one of its blocks ran. A script that tests a code and goes on
    /// (<c>git diff --quiet; if ($LASTEXITCODE) { 'changes' }</c>) records the native command's statement Failed, as
    /// Measure-WorkflowNode records <c>{ git diff --quiet }</c>; -IgnoreExitCode records such executions Succeeded (a
    /// top-level statement after which $? is false is then Failed only when it wrote an error record), keeping the
    /// codes; an exit statement with a non-zero code still fails what it ends. A call that ends early is recorded when the profiler next sees control in its caller (the
    /// caller's end or next block, a catch, trap or finally, or the next statement), ending then: Failed when an error
    /// ended it (a catch or trap runs, or $? is false), else Stopped (a downstream Select-Object -First stopped it, or a
    /// break left it). An error that ends the script records every open node Failed, completes the run, and is thrown
    /// on unchanged.</para>
    /// <para>Each invocation is one run of -WorkflowId (default: the script file's name without extension, or 'adhoc'
    /// for a script block), with history like any workflow (-HistoryPath or Set-ProfilerOption), so every other cmdlet
    /// works on it. When a run of that workflow (or, with no -WorkflowId, any run) is already in flight, the script's
    /// nodes are recorded into it instead, nested under a Measure-WorkflowNode block that is running.</para>
    /// <para>Errors, before anything runs: a path that does not exist (MeasureWorkflowScriptPathNotFound) or names several
    /// files (MeasureWorkflowScriptAmbiguousPath), a file that is not a .ps1 script such as a module
    /// (MeasureWorkflowScriptNotAScript), a script with parse errors, listed with their positions
    /// (MeasureWorkflowScriptParseError), a null -ScriptBlock (MeasureWorkflowScriptNullScriptBlock), a script with a
    /// clean block of its own (PowerShell 7.3+), which the rewritten script could not keep (MeasureWorkflowScriptRewriteFailed;
    /// a function's clean block is kept, and that function runs untimed).</para>
    /// <para>What it cannot see: a call that break or continue leaves (to a loop of its caller) is recorded Stopped
    /// when the caller's next probe runs, so its time runs until then; called scripts outside the script's folder are
    /// named by file name only; an exit inside a script block given to a command (<c>ForEach-Object { exit 3 }</c>) is
    /// not seen as an exit statement, so -IgnoreExitCode records what it ends Succeeded (keeping the code); a native
    /// command that a downstream command runs while a timed function's output reaches it counts for that function too,
    /// as for a Measure-WorkflowNode block whose output is piped on; a
    /// function with begin/process/end blocks is drawn in exports and Get-NodeTiming as ending at its end block, its
    /// duration (its blocks' time) counted back from there. Nodes are timed by probes the rewritten script calls,
    /// kept in a variable named $__pp of each timed scope (Get-Variable lists it; a script that assigns $__pp
    /// breaks its own timing).</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $script = Join-Path ([IO.Path]::GetTempPath()) 'mws-build.ps1'
    /// Set-Content $script -Value @'
    /// param([string] $Configuration = 'Debug')
    /// function Invoke-Compile { foreach ($i in 1..3) { Invoke-Step $i } }
    /// function Invoke-Step($n) { Start-Sleep -Milliseconds 20 }
    /// "building $Configuration"
    /// Invoke-Compile
    /// '@
    /// Measure-WorkflowScript -Path $script -ArgumentList @{ Configuration = 'Release' } -WorkflowId mws-build
    /// Get-NodeStatistics -WorkflowId mws-build | Select-Object NodeId, ParentId, ExecutionCount, AvgDuration
    /// </code>
    /// <para>Runs a script with a named argument. It prints "building Release"; the workflow's nodes are its two
    /// top-level statements, Invoke-Compile and Invoke-Step (nested under Invoke-Compile, 3 executions).</para>
    /// </example>
    /// <example>
    /// <code>
    /// Measure-WorkflowScript -ScriptBlock { 1..3 | ForEach-Object { $_ + 1 } } -WorkflowId mws-block -PassThru
    /// </code>
    /// <para>Profiles a script block: it writes 2, 3 and 4, then (-PassThru) the workflow's profile after the run.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $script = Join-Path ([IO.Path]::GetTempPath()) 'mws-exit.ps1'
    /// Set-Content $script -Value 'Write-Output "checking"; exit 3'
    /// Measure-WorkflowScript $script -WorkflowId mws-exit
    /// "exit code: $LASTEXITCODE"
    /// </code>
    /// <para>The script's exit code reaches $LASTEXITCODE as with &amp; $script.</para>
    /// </example>
    /// <seealso cref="MeasureWorkflowNodeCommand"/>
    /// <seealso cref="GetNodeStatisticsCommand"/>
    /// <seealso cref="CompareWorkflowRunCommand"/>
    /// <returns>The script's own output (any objects, as PSObject), passed on as the script writes it; with -PassThru, then the workflow's WorkflowPerformanceProfile.</returns>
    [Cmdlet(VerbsDiagnostic.Measure, "WorkflowScript", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PSObject))]
    [OutputType(typeof(WorkflowPerformanceProfile))]
    public sealed class MeasureWorkflowScriptCommand : ProfilerCmdletBase
    {
        private const string PathSet = "Path", LiteralPathSet = "LiteralPath", ScriptBlockSet = "ScriptBlock";
        /// <summary>The script file to run; wildcards allowed, resolved by the provider: they must match one .ps1 file (several are MeasureWorkflowScriptAmbiguousPath).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        public string Path { get; set; }

        /// <summary>The script file to run, taken literally (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        public string LiteralPath { get; set; }

        /// <summary>A script block to run as the script, in a scope of its own (as with &amp; { }).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ScriptBlockSet)]
        [AllowNull]
        public ScriptBlock ScriptBlock { get; set; }

        /// <summary>The script's arguments: a hashtable of named arguments (switches as $true) or an array of positional ones.</summary>
        [Parameter(Position = 1)]
        [Alias("Args")]
        public object ArgumentList { get; set; }

        /// <summary>The workflow the run belongs to; defaults to the script file's name without extension, or 'adhoc' for a script block.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string WorkflowId { get; set; }

        /// <summary>How deep to time: 1 top-level statements only, 2 also calls of the script's functions, 3 (default) also scripts it calls.</summary>
        [Parameter]
        [ValidateRange(1, 3)]
        public int Depth { get; set; } = 3;

        /// <summary>A history folder for the workflow (as Start-WorkflowProfile -HistoryPath); defaults to Set-ProfilerOption -HistoryPath.</summary>
        [Parameter]
        public string HistoryPath { get; set; }

        /// <summary>
        /// Records calls and statements Succeeded even when a native command they ran exited with a non-zero code (a
        /// program whose non-zero codes are not failures, such as robocopy or git diff --quiet). By default such an
        /// execution is recorded Failed. The code is kept as each timing's ExitCode either way; errors, and exit
        /// statements with a non-zero code, still fail what they end.
        /// </summary>
        [Parameter]
        public SwitchParameter IgnoreExitCode { get; set; }

        /// <summary>Writes the workflow's profile (WorkflowPerformanceProfile) after the script's output, when this call completed the run.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            ScriptSource source = Load();
            if (source.Errors.Length > 0)
                ThrowTerminatingError(new ErrorRecord(new ParseException(source.Errors), ErrorId("ParseError"), ErrorCategory.ParserError, source.File)
                { ErrorDetails = new ErrorDetails($"The script has parse errors, so nothing was run. Fix them and run again: {source.DescribeErrors()}") });
            RewrittenScripts.Entry rewritten = State.RewrittenScripts.Get(source, Depth, () => Rewrite(source));
            ScriptBlock block = rewritten.Block;
            ExternalScriptInfo file = source.Command == null ? null : ScriptSource.WithScriptBlock(source.Command, block);
            bool fallback = source.Command != null && file == null;
            object command = (object)file ?? block;
            WorkflowRun run = ResolveRun(source, out bool ownRun);
            ScriptRecordings active = SessionProbe().Session;
            // $Error is one list for the runspace's life (a constant variable): looked up once, not on every statement.
            IList errors = IgnoreExitCode ? SessionState.PSVariable.GetValue("global:Error") as IList : null;
            var recording = new ScriptRecording(run, State.Scopes, rewritten.Steps, Depth >= 3 ? new CalledScripts(this, CalledFolder(source)).Resolve : (Func<object, object>)null,
                () => NodeBlock.ExitCodeVariable(this)?.Value, IgnoreExitCode ? () => errors : (Func<IList>)null);
            active.Push(recording);
            try
            {
                // A steppable pipeline begun with this cmdlet, as a proxy command runs: the script's output and errors are
                // this cmdlet's, so the caller's redirections (2>&1, *>&1, 2>$null) apply to them, a native command's standard
                // error stays plain text unless redirected, and arguments that do not bind fail this call, as when run directly.
                using (SteppablePipeline pipeline = ScriptRunner.Create(MyInvocation).GetSteppablePipeline(CommandOrigin.Internal, new[] { command, Arguments() }))
                {
                    pipeline.Begin(this);
                    pipeline.Process();
                    pipeline.End();
                }
            }
            catch (ExitException exit) when (fallback)
            {
                // The fallback runs the file's script block, whose exit would end the caller too: it ends here, setting
                // $LASTEXITCODE as a script file's exit does (PowerShell's exit statement always throws an int).
                int code = exit.Argument is int value ? value : 0;
                SessionState.PSVariable.Set("global:LASTEXITCODE", code);
                active.Remove(recording);
                recording.Finish(code != 0 ? NodeStatus.Failed : NodeStatus.Succeeded);
                Complete(run, ownRun, recording, quiet: false);
                return;
            }
            catch (Exception ex)
            {
                active.Remove(recording);
                // exit N from a script block (a script file's command handles its own exit) is judged by N, and a stopped
                // pipeline (Ctrl+C, a downstream Select-Object -First) records Stopped, as in Measure-WorkflowNode.
                recording.Finish(NodeBlock.StatusOf(ex, _stopping), judgeExitCodes: false);
                Complete(run, ownRun, recording, quiet: true);
                // Such an error only gets here from inside the script when the caller has a try (which makes it
                // terminating anyway). Errors of the script command itself (its arguments do not bind, its #requires are
                // not met) stay unmarked: without a try they end only the caller's statement, as directly.
                NodeBlock.KeepAsRaised(ex, e => e is ParameterBindingException || e is ScriptRequiresException);
                // Thrown on unchanged: an error that ended the script as a statement-terminating error (arguments that do
                // not bind) ends this statement the same way; a script-terminating one (throw, -ErrorAction Stop) goes on.
                throw;
            }
            active.Remove(recording);
            // exit N ends the script file's command without an error; its code tells success from failure.
            recording.Finish(recording.EndStatus());
            Complete(run, ownRun, recording, quiet: false);
        }

        /// <inheritdoc />
        protected override void StopProcessing() => _stopping = true;

        /// <summary>The folder called scripts are named relative to: the script file's, or the current location for a script block.</summary>
        private string CalledFolder(ScriptSource source)
            => source.File != null ? System.IO.Path.GetDirectoryName(source.File) : SessionState.Path.CurrentFileSystemLocation?.ProviderPath;

        private volatile bool _stopping;

        private ScriptSource Load()
        {
            if (ParameterSetName == ScriptBlockSet)
            {
                if (ScriptBlock == null)
                    ThrowTerminatingError(new ErrorRecord(new PSArgumentNullException(nameof(ScriptBlock),
                        "Measure-WorkflowScript -ScriptBlock needs a script block to run: give one, for example -ScriptBlock { . ./lib.ps1; Invoke-Deploy }, or use -Path for a script file."),
                        ErrorId("NullScriptBlock"), ErrorCategory.InvalidArgument, null));
                return ScriptSource.FromScriptBlock(ScriptBlock);
            }
            string file = ScriptPaths.Resolve(this, ParameterSetName == PathSet ? Path : LiteralPath, ParameterSetName == LiteralPathSet);
            var command = InvokeCommand.GetCommand(file, CommandTypes.ExternalScript) as ExternalScriptInfo;
            if (command == null)
                ThrowTerminatingError(ScriptPaths.NotAScript(this, file));
            return ScriptSource.FromFile(command);
        }

        private RewrittenScripts.Entry Rewrite(ScriptSource source)
        {
            try
            {
                return ScriptRewriter.RewriteMain(source.Ast, Depth);
            }
            catch (Exception ex) when (ex is NotSupportedException || ex is ParseException)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(
                    $"Measure-WorkflowScript could not instrument this script: {ex.Message}; nothing was run. Run it without the profiler, or report the script's construct as a bug.", ex),
                    ErrorId("RewriteFailed"), ErrorCategory.NotImplemented, source.File));
                return null;
            }
        }

        private object Arguments()
        {
            object value = ArgumentList is PSObject ps ? ps.BaseObject : ArgumentList;
            if (value == null) return new object[0];
            if (value is IDictionary || value is object[]) return value;
            if (value is IEnumerable list && !(value is string))
            {
                var items = new System.Collections.Generic.List<object>();
                foreach (object item in list) items.Add(item);
                return items.ToArray();
            }
            return new[] { ArgumentList };
        }

        private WorkflowRun ResolveRun(ScriptSource source, out bool ownRun)
        {
            ownRun = false;
            string id = WorkflowId ?? (source.File != null && source.Command != null
                ? System.IO.Path.GetFileNameWithoutExtension(source.File) : MeasureWorkflowNodeCommand.OneOffWorkflowId);
            try
            {
                WorkflowRun inFlight = WorkflowId == null ? Session.DefaultRun : Session.GetWorkflow(WorkflowId)?.CurrentRun;
                if (inFlight != null) return inFlight;
                var settings = new WorkflowSettings();
                if (HistoryPath != null)
                    settings.HistoryPath = string.IsNullOrWhiteSpace(HistoryPath) ? HistoryPath : SessionState.Path.GetUnresolvedProviderPathFromPSPath(HistoryPath);
                bool oneOff = WorkflowId == null && !(source.File != null && source.Command != null);   // a script block that named no workflow
                WorkflowRun run = Session.StartRun(id, settings, false, out _, out string[] warnings, oneOff);
                foreach (string warning in warnings) WriteWarning(warning);
                ownRun = true;
                return run;
            }
            catch (ProfilerException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, id));
                return null;
            }
        }

        /// <summary>The runspace's global $__pp, created on first use: the probe a script's first statement reads, and
        /// functions called from elsewhere (other modules, or after the script ended) find.</summary>
        private ScriptProbe SessionProbe()
        {
            if (SessionState.PSVariable.GetValue("global:__pp") is ScriptProbe probe && probe.Session == State.ScriptRecordings) return probe;
            probe = new ScriptProbe(State.ScriptRecordings);
            SessionState.PSVariable.Set("global:__pp", probe);
            return probe;
        }

        private void Complete(WorkflowRun run, bool ownRun, ScriptRecording recording, bool quiet)
        {
            if (!quiet && recording.Failure != null)
                WriteWarning($"Some of the script's timings were not recorded: {recording.Failure.Message}");
            if (!quiet) foreach (BottleneckAlert alert in recording.Alerts) RaiseBottleneck(alert);
            if (!ownRun || !run.IsRunning) return;
            RunCompletion completion = run.Complete();
            if (quiet) return;
            if (completion.HistoryError != null)
                WriteError(ToErrorRecord(completion.HistoryError, run.WorkflowId, ErrorCategory.WriteError));
            // Silent but for -Verbose: a script that never got to run (its parameters did not bind) has already said why.
            if (completion.RecordedNothing)
                WriteVerbose($"The script ran no statement that could be timed, so run {run.RunNumber} of workflow '{run.WorkflowId}' was not counted.");
            if (PassThru) WriteObject(completion.Profile);
        }
    }
}
