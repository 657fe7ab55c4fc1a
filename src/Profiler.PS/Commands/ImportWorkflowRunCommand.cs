using System.Management.Automation;

namespace Profiler.PS.Commands
{
    /// <summary>Records test suites and builds measured by other tools as completed runs of a workflow: Pester runs, JUnit and NUnit reports, Invoke-Build results.</summary>
    /// <remarks>
    /// <para>Each input becomes one completed run of the workflow named by -WorkflowId, through the same path as
    /// Complete-WorkflowProfile, so statistics, Compare-WorkflowRun, Get-Bottleneck, Test-WorkflowBudget, the heatmap,
    /// the HTML report, exports and the history folder (-HistoryPath) treat it like any run.</para>
    /// <para>Pester 5 runs (Invoke-Pester -PassThru, piped): a node per executed test (It) under its Describe and Context
    /// blocks under its file, named by path with data-driven names expanded ('a.Tests.ps1 &gt; Describe &gt; Context &gt; It 1'),
    /// NodeType Test, Block or Container, Pester's own durations. A file's node is its execution time, so its self time is
    /// Pester's framework time around its blocks; '(discovery)' holds the discovery time and '(framework)' any rest, so the
    /// run's total is Pester's Duration. Failed tests are recorded with status Failed; skipped and not-run tests are not
    /// recorded, only counted (SkippedCount, NotRunCount).</para>
    /// <para>Reports (-Path with wildcards, -LiteralPath, or files piped from Get-ChildItem): JUnit (Pester JUnitXml, Maven
    /// Surefire, pytest, Jest), NUnit 2.5 (Pester NUnitXml) and NUnit 3. Cases are nested under their suites and named
    /// 'suite &gt; case' (with the JUnit classname between when it adds something); times are the report's seconds; failures
    /// and errors are Failed; skipped, ignored and not-run cases are counted, not recorded. A suite's time is the report's,
    /// or the sum of its executed cases when it gives none; an executed case with no time, a negative time or one that is
    /// not a number is an error. The run starts at the report's timestamp (JUnit timestamp, NUnit date and time or
    /// start-time; a time without a zone is local time), or the file's last write time when it has none.</para>
    /// <para>Invoke-Build results (Invoke-Build ... -Result r, then $r piped): a node per task, NodeType Task, nested as
    /// tasks call tasks, with the task's Elapsed as inclusive time and its own blocks as self time; a task with an error is
    /// Failed.</para>
    /// <para>History order and duplicates: all inputs of one call are imported in the order of their timestamps, oldest first,
    /// so a folder of past CI reports becomes history in the right order (runs are appended after the workflow's existing
    /// runs). A run's RunId is a hash of what was measured, so importing the same report (or a copy) again adds nothing: its
    /// result says AlreadyImported, with a warning.</para>
    /// <para>Reports are streamed: memory follows the number of executed tests (at most 100,000 per run), not the file's
    /// size. A DTD is refused and no entity is expanded or fetched.</para>
    /// <para>Errors (each input is all or nothing; the others are still imported): ImportWorkflowRunUnsupportedInput (an
    /// object that is neither a Pester run nor an Invoke-Build result), ImportWorkflowRunUnknownFormat (XML that is neither
    /// JUnit nor NUnit), ImportWorkflowRunInvalidXml (damaged or truncated), ImportWorkflowRunDtdProhibited,
    /// ImportWorkflowRunInvalidTime (missing, negative or non-numeric times, bad timestamps), ImportWorkflowRunMissingName,
    /// ImportWorkflowRunTooLarge, ImportWorkflowRunInvalidFile (nothing executed), ImportWorkflowRunFileNotFound,
    /// ImportWorkflowRunFileAccessFailed. A run of the workflow in flight (ImportWorkflowRunRunInProgress) or another
    /// history folder (ImportWorkflowRunHistoryConflict) stops the command.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $folder = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), [guid]::NewGuid()))
    /// $report = [System.IO.Path]::Combine($folder.FullName, 'TEST-com.example.CartTest.xml')
    /// [System.IO.File]::WriteAllText($report, @'
    /// &lt;testsuite name="com.example.CartTest" tests="3" failures="1" errors="0" skipped="1" time="0.9" timestamp="2026-03-01T10:00:00Z"&gt;
    ///   &lt;testcase classname="com.example.CartTest" name="addsItem" time="0.25"/&gt;
    ///   &lt;testcase classname="com.example.CartTest" name="appliesDiscount" time="0.6"&gt;&lt;failure message="expected 90"/&gt;&lt;/testcase&gt;
    ///   &lt;testcase classname="com.example.CartTest" name="checksOut" time="0"&gt;&lt;skipped/&gt;&lt;/testcase&gt;
    /// &lt;/testsuite&gt;
    /// '@)
    /// Import-WorkflowRun -Path $report -WorkflowId cart-tests
    /// Get-NodeStatistics -WorkflowId cart-tests
    /// $folder.Delete($true)
    /// </code>
    /// <para>Imports a Maven Surefire report as one run of 'cart-tests': two tests (one Failed) under their suite, the
    /// skipped test counted only. With Pester, pipe the run instead:
    /// Invoke-Pester -Path ./tests -PassThru | Import-WorkflowRun -WorkflowId tests -HistoryPath ./perf</para>
    /// </example>
    /// <example>
    /// <code>
    /// $folder = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), [guid]::NewGuid()))
    /// foreach ($day in 1..5) {
    ///     $seconds = if ($day -eq 5) { '2.4' } else { '1.0' }
    ///     [System.IO.File]::WriteAllText([System.IO.Path]::Combine($folder.FullName, "build-$day.xml"), @"
    /// &lt;testsuites time="$seconds"&gt;&lt;testsuite name="api" time="$seconds" timestamp="2026-03-0$($day)T02:00:00Z"&gt;
    ///   &lt;testcase classname="api" name="login" time="$seconds"/&gt;
    /// &lt;/testsuite&gt;&lt;/testsuites&gt;
    /// "@)
    /// }
    /// Import-WorkflowRun -Path ([System.IO.Path]::Combine($folder.FullName, '*.xml')) -WorkflowId ci-tests
    /// Import-WorkflowRun -Path ([System.IO.Path]::Combine($folder.FullName, 'build-1.xml')) -WorkflowId ci-tests -WarningAction SilentlyContinue
    /// Compare-WorkflowRun -WorkflowId ci-tests
    /// $folder.Delete($true)
    /// </code>
    /// <para>Imports five nightly CI reports as history, oldest first; importing one of them again adds nothing
    /// (AlreadyImported). Compare-WorkflowRun then judges the latest run, whose 'login' test got slower.</para>
    /// </example>
    /// <seealso cref="CompareWorkflowRunCommand"/>
    /// <seealso cref="TestWorkflowBudgetCommand"/>
    [Cmdlet(VerbsData.Import, "WorkflowRun", DefaultParameterSetName = "InputObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImportedWorkflowRun))]
    public sealed partial class ImportWorkflowRunCommand : ProfilerCmdletBase
    {
        /// <summary>
        /// A Pester run (Invoke-Pester -PassThru), an Invoke-Build result (-Result), or report files from Get-ChildItem.
        /// An empty pipeline imports nothing; $null is an error (ImportWorkflowRunNullInput).
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "InputObject")]
        [AllowNull]
        public PSObject InputObject { get; set; }

        /// <summary>JUnit or NUnit XML reports to import; wildcards allowed, many files at once.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path")]
        [SupportsWildcards]
        public string[] Path { get; set; }

        /// <summary>JUnit or NUnit XML reports, each path taken literally (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        public string[] LiteralPath { get; set; }

        /// <summary>The workflow the runs are recorded into, created on first use; compared case-insensitively.</summary>
        [Parameter(Mandatory = true)]
        [ArgumentCompleter(typeof(WorkflowIdCompleter))]
        public string WorkflowId { get; set; }

        /// <summary>A display name for the workflow; kept by later imports and starts that omit it.</summary>
        [Parameter]
        public string WorkflowName { get; set; }

        /// <summary>
        /// A history folder: when the workflow is created, its runs are loaded from the folder's file for it (&lt;id&gt;.jsonl),
        /// and every imported run is appended there. Defaults to Set-ProfilerOption -HistoryPath.
        /// </summary>
        [Parameter]
        public string HistoryPath { get; set; }
    }
}
