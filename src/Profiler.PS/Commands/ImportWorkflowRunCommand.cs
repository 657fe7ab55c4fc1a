using System.Management.Automation;

namespace Profiler.PS.Commands
{
    /// <summary>Records test suites and builds measured by other tools as completed runs of a workflow: Pester runs, JUnit and NUnit reports, Invoke-Build results.</summary>
    /// <remarks>
    /// <para>Each input becomes one completed run of the workflow named by -WorkflowId, through the same path as
    /// Complete-WorkflowProfile, so statistics, Compare-WorkflowRun, Get-Bottleneck, Test-WorkflowBudget, the heatmap,
    /// the HTML report, exports and the history folder (-HistoryPath) treat it like any run.</para>
    /// <para>Pester 5 runs (Invoke-Pester -PassThru, piped): a node per executed test (It) under its Describe and Context
    /// blocks under its file, NodeType Test, Block or Container, Pester's own durations. A file's node is its execution time,
    /// so its self time is Pester's framework time around its blocks; '(discovery)' holds the discovery time and '(framework)'
    /// any rest, so the run's total is Pester's Duration. Failed tests are recorded with status Failed, and so are the blocks
    /// and file around a failed test and a block or file whose BeforeAll or AfterAll threw, as a Measure-WorkflowNode block
    /// around a throw is: Compare-WorkflowRun judges them, and the workflow's total of that run, Failed, never Faster.
    /// Skipped and not-run tests are not recorded, only counted (SkippedCount, NotRunCount); inconclusive tests are
    /// recorded as they ran; none of them makes its block Failed.</para>
    /// <para>Node ids: the file's path, relative to the folder all the run's files share (a single file is its file name;
    /// folders are joined with '/' on every system), then ' &gt; ' and the test's or block's full name; for Pester its dotted
    /// ExpandedPath with data-driven names expanded ('Cart.Tests.ps1 &gt; Cart.Totals.adds 2 items'), as Pester's JUnit and
    /// NUnit reports write it, so a Pester run and its JUnitXml, NUnitXml and NUnit3 reports give the same ids, on any agent.
    /// ' &gt; ' always separates names: a '&gt;' that stands alone in a name (between spaces, or at its start or end) is written
    /// doubled, so It 'a &gt; b' in Describe 'D' is 'x.Tests.ps1 &gt; D.a &gt;&gt; b', and 'a &gt;&gt; b' becomes 'a &gt;&gt;&gt; b'; remove one
    /// '&gt;' to read the name back. Nodes that would still share an id (a data-driven test with no &lt;variable&gt; in its name;
    /// Pester's 'A.B' &gt; 'c' and 'A' &gt; 'B' &gt; 'c') get ' (2)', ' (3)' in the order listed, tests before blocks. Pester's NUnit
    /// reports append the test data to a data-driven name with no &lt;variable&gt;: give such tests one to keep their ids alike
    /// across formats.</para>
    /// <para>Reports (-Path with wildcards, -LiteralPath, or files piped from Get-ChildItem): JUnit (Pester JUnitXml, Maven
    /// Surefire, pytest, Jest), NUnit 2.5 (Pester NUnitXml) and NUnit 3. A suite named by an absolute path (a test file) or of
    /// NUnit type Assembly is a Container whose relative path starts the ids below it. JUnit cases are named
    /// 'suite &gt; case' (with the classname between when it adds something); NUnit cases and suites by their full names
    /// under their assembly ('MyTests.dll &gt; Shop.CartTests.Adds'); NUnit's Parameterized wrappers are not nodes. Times are
    /// the report's seconds; failures
    /// and errors are Failed, and so is a suite that holds a failed case or that the report marks failed (JUnit failures or
    /// errors counts, NUnit result Failure, Error or Failed); a JUnit root that counts errors no suite or case shows (Pester's
    /// report of an AfterAll that threw) makes the top-level suites Failed. Skipped, ignored and not-run cases are counted,
    /// not recorded. A suite's time is the report's,
    /// or the sum of its executed cases when it gives none; an executed case with no time, a negative time or one that is
    /// not a number is an error. The run starts at the report's timestamp (JUnit timestamp, NUnit date and time or
    /// start-time; a time without a zone is local time), or the file's last write time when it has none.</para>
    /// <para>Invoke-Build results (Invoke-Build ... -Result r, then $r piped): a node per task, NodeType Task, nested as
    /// tasks call tasks, with the task's Elapsed as inclusive time and its own blocks as self time; a task with an error is
    /// Failed.</para>
    /// <para>History order and duplicates: all inputs of one call are imported in the order of their timestamps, oldest first,
    /// so a folder of past CI reports becomes history in the right order (runs are appended after the workflow's existing
    /// runs). A run's RunId is a hash of what was measured and when it started (a report without a timestamp starts at the
    /// file's last write time), so importing the same report again adds nothing: its
    /// result says AlreadyImported, with a warning, and its RunNumber is the run it was imported as (the view's Run
    /// column shows "dup 3").</para>
    /// <para>The default table fits 80 columns: Run, Format, StartTime, Tests, Failed, Skip (SkippedCount + NotRunCount)
    /// and Total(ms) in fixed widths, grouped by workflow, then Source with the rest of the line: whole, except in an
    /// interactive terminal, where a long path is shortened to the terminal's width keeping its end (an ellipsis, then
    /// the file name).</para>
    /// <para>Reports are streamed: memory follows the number of executed tests (at most 100,000 per run), not the file's
    /// size. A DTD is refused and no entity is expanded or fetched.</para>
    /// <para>An empty pipeline (@() | Import-WorkflowRun) or -InputObject @() imports nothing, like most cmdlets; $null is an
    /// error. An array given to -InputObject is imported item by item, as if piped.</para>
    /// <para>Errors (each input is all or nothing; the others are still imported): ImportWorkflowRunNullInput ($null piped or
    /// given, often a variable never set or Invoke-Pester without -PassThru), ImportWorkflowRunUnsupportedInput (an
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
    /// <para>Imports a Maven Surefire report as one run of 'cart-tests': two tests (one Failed) under their suite (Failed
    /// with it), the skipped test counted only. With Pester, pipe the run instead:
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
    /// <example>
    /// <code>
    /// $folder = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), [guid]::NewGuid()))
    /// $report = [System.IO.Path]::Combine($folder.FullName, 'junit.xml')
    /// [System.IO.File]::WriteAllText($report, @'
    /// &lt;testsuites time="0.5"&gt;
    ///   &lt;testsuite name="/home/runner/work/shop/tests/Cart.Tests.ps1" time="0.3" timestamp="2026-03-01T10:00:00Z"&gt;
    ///     &lt;testcase classname="/home/runner/work/shop/tests/Cart.Tests.ps1" name="Cart.Totals.adds 2 items" time="0.1"/&gt;
    ///     &lt;testcase classname="/home/runner/work/shop/tests/Cart.Tests.ps1" name="Cart.Totals &amp;gt; adds" time="0.2"/&gt;
    ///   &lt;/testsuite&gt;
    ///   &lt;testsuite name="/home/runner/work/shop/tests/unit/Price.Tests.ps1" time="0.2"&gt;
    ///     &lt;testcase classname="/home/runner/work/shop/tests/unit/Price.Tests.ps1" name="Price.rounds" time="0.2"/&gt;
    ///   &lt;/testsuite&gt;
    /// &lt;/testsuites&gt;
    /// '@)
    /// Import-WorkflowRun -Path $report -WorkflowId shop-tests | Out-Null
    /// Get-NodeStatistics -WorkflowId shop-tests | Select-Object NodeId, NodeType
    /// $folder.Delete($true)
    /// </code>
    /// <para>Shows the ids of a JUnit report as Pester writes it on a CI agent: the files' absolute paths become
    /// 'Cart.Tests.ps1' and 'unit/Price.Tests.ps1' (relative to the folder they share), so another agent's checkout gives the
    /// same ids; each test is its file, ' &gt; ' and Pester's full name. The test named 'Totals &gt; adds' is
    /// 'Cart.Tests.ps1 &gt; Cart.Totals &gt;&gt; adds': a '&gt;' standing alone in a name is doubled, so it is not taken for a
    /// test 'adds' in a block 'Totals'.</para>
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
