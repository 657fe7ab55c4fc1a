using System;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Import;
using Profiler.PS.Tests.Support;
using static Profiler.PS.Tests.Engine.TestReportReaderTests;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>
    /// Imported runs with failures: a block, suite or file around a failed test is Failed, as a Measure-WorkflowNode
    /// block around a throw is, so neither it nor the workflow's total is ever judged Faster for a run cut short.
    /// </summary>
    public class ImportedFailureTests
    {
        private static (string Id, NodeStatus Status)[] Statuses(ImportedRun run) => run.Nodes.Select(n => (n.NodeId, n.Status)).ToArray();

        [Fact]
        public void A_failed_test_fails_every_block_and_file_around_it_and_nothing_beside_it()
        {
            var run = new ImportedRun("hand-made", "Pester");
            run.Nodes.Add(new ImportedNode("(discovery)", ImportedNodeTypes.Framework, -1, 5));
            run.Nodes.Add(new ImportedNode("A.Tests.ps1", ImportedNodeTypes.Container, -1, 100));
            run.Nodes.Add(new ImportedNode("A.Tests.ps1 > A", ImportedNodeTypes.Block, 1, 90));
            run.Nodes.Add(new ImportedNode("A.Tests.ps1 > A.Ok", ImportedNodeTypes.Block, 2, 30));
            run.Nodes.Add(new ImportedNode("A.Tests.ps1 > A.Ok.passes", ImportedNodeTypes.Test, 3, 30));
            run.Nodes.Add(new ImportedNode("A.Tests.ps1 > A.Bad", ImportedNodeTypes.Block, 2, 50));
            run.Nodes.Add(new ImportedNode("A.Tests.ps1 > A.Bad.passes", ImportedNodeTypes.Test, 5, 20));
            run.Nodes.Add(new ImportedNode("A.Tests.ps1 > A.Bad.fails", ImportedNodeTypes.Test, 5, 30, NodeStatus.Failed));
            run.Nodes.Add(new ImportedNode("B.Tests.ps1", ImportedNodeTypes.Container, -1, 40));
            run.Nodes.Add(new ImportedNode("B.Tests.ps1 > B.passes", ImportedNodeTypes.Test, 8, 40));
            Guid before = run.RunId;
            run.FailEnclosingNodes();
            Assert.Equal(new[]
            {
                ("(discovery)", NodeStatus.Succeeded),
                ("A.Tests.ps1", NodeStatus.Failed),
                ("A.Tests.ps1 > A", NodeStatus.Failed),
                ("A.Tests.ps1 > A.Ok", NodeStatus.Succeeded),
                ("A.Tests.ps1 > A.Ok.passes", NodeStatus.Succeeded),
                ("A.Tests.ps1 > A.Bad", NodeStatus.Failed),
                ("A.Tests.ps1 > A.Bad.passes", NodeStatus.Succeeded),
                ("A.Tests.ps1 > A.Bad.fails", NodeStatus.Failed),
                ("B.Tests.ps1", NodeStatus.Succeeded),
                ("B.Tests.ps1 > B.passes", NodeStatus.Succeeded),
            }, Statuses(run));
            Assert.NotEqual(before, run.RunId);   // the id hashes statuses, so it follows the change
            Assert.Equal(4, run.CountTests(out int failed));
            Assert.Equal(1, failed);              // the count of failed tests is unchanged: blocks are not tests
        }

        [Fact]
        public void An_Invoke_Build_task_keeps_the_tools_status_when_a_task_it_called_failed()
        {
            // '?Lint' tolerates Lint's failure: Build succeeded, as Invoke-Build says.
            var run = new ImportedRun("hand-made", "InvokeBuild");
            run.Nodes.Add(new ImportedNode("Build", ImportedNodeTypes.Task, -1, 100));
            run.Nodes.Add(new ImportedNode("Lint", ImportedNodeTypes.Task, 0, 10, NodeStatus.Failed));
            run.FailEnclosingNodes();
            Assert.Equal(new[] { ("Build", NodeStatus.Succeeded), ("Lint", NodeStatus.Failed) }, Statuses(run));
        }

        [Fact]
        public void JUnit_suites_around_a_failed_case_are_Failed_at_every_level_and_skipped_cases_fail_nothing()
        {
            ImportedRun run = Read(@"<testsuites><testsuite name=""outer"" time=""3"">
  <testsuite name=""inner"" time=""1.5""><testcase name=""a"" time=""1""/><testcase name=""b"" time=""0.5""><error/></testcase></testsuite>
  <testsuite name=""quiet"" time=""1""><testcase name=""c"" time=""1""/><testcase name=""d"" time=""0""><skipped/></testcase>
    <testcase name=""e"" time=""0"" status=""NotRun""><skipped/></testcase></testsuite>
</testsuite></testsuites>");
            Assert.Equal(new[]
            {
                ("outer", NodeStatus.Failed),
                ("outer > inner", NodeStatus.Failed),
                ("outer > inner > a", NodeStatus.Succeeded),
                ("outer > inner > b", NodeStatus.Failed),
                ("outer > quiet", NodeStatus.Succeeded),
                ("outer > quiet > c", NodeStatus.Succeeded),
            }, Statuses(run));
            Assert.Equal((1, 1), (run.SkippedCount, run.NotRunCount));
        }

        [Fact]
        public void A_JUnit_suite_that_counts_a_failure_none_of_its_cases_shows_is_Failed()
        {
            ImportedRun run = Read(@"<testsuites><testsuite name=""api"" time=""1"" errors=""1"" failures=""0"">
  <testcase name=""a"" time=""1""/></testsuite><testsuite name=""ui"" time=""1"" errors=""0"" failures=""0""><testcase name=""b"" time=""1""/></testsuite></testsuites>");
            Assert.Equal(new[] { ("api", NodeStatus.Failed), ("api > a", NodeStatus.Succeeded), ("ui", NodeStatus.Succeeded), ("ui > b", NodeStatus.Succeeded) },
                Statuses(run));
        }

        // Pester's JUnit report of a Describe whose AfterAll threw: only the root's errors count says so.
        [Fact]
        public void A_JUnit_root_that_counts_an_error_no_suite_or_case_shows_fails_the_top_level_suites()
        {
            const string Report = @"<testsuites name=""Pester"" tests=""1"" errors=""{0}"" failures=""0"" time=""0.5"">
  <testsuite name=""/tmp/t/Teardown.Tests.ps1"" tests=""1"" errors=""0"" failures=""0"" time=""0.5"">
    <testcase name=""Teardown.c"" status=""Passed"" classname=""/tmp/t/Teardown.Tests.ps1"" time=""0.25"" />
  </testsuite></testsuites>";
            Assert.Equal(new[] { ("Teardown.Tests.ps1", NodeStatus.Failed), ("Teardown.Tests.ps1 > Teardown.c", NodeStatus.Succeeded) },
                Statuses(Read(string.Format(Report, 1))));
            Assert.All(Read(string.Format(Report, 0)).Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
        }

        // Pester's NUnit 3 report: a fixture whose AfterAll threw is result="Failed" site="TearDown" with passed cases.
        [Fact]
        public void NUnit3_suites_the_report_marks_Failed_are_Failed_and_skipped_or_inconclusive_ones_are_not()
        {
            ImportedRun run = Read(@"<test-run result=""Failed"" duration=""0.4"" start-time=""2026-03-05T10:00:00Z"">
  <test-suite type=""Assembly"" name=""T.Tests.ps1"" fullname=""/tmp/t/T.Tests.ps1"" result=""Failed"" duration=""0.4"">
    <test-suite type=""TestFixture"" name=""Teardown"" fullname=""Teardown"" result=""Failed"" site=""TearDown"" duration=""0.1"">
      <failure><message>cleanup failed</message></failure>
      <test-case name=""Teardown.c"" fullname=""Teardown.c"" result=""Passed"" duration=""0.06""/>
    </test-suite>
    <test-suite type=""TestFixture"" name=""Mixed"" fullname=""Mixed"" result=""Skipped"" duration=""0.28"">
      <test-case name=""Mixed.skip"" fullname=""Mixed.skip"" result=""Skipped"" duration=""0.005""/>
      <test-case name=""Mixed.inc"" fullname=""Mixed.inc"" result=""Inconclusive"" duration=""0.05""/>
      <test-case name=""Mixed.pass"" fullname=""Mixed.pass"" result=""Passed"" duration=""0.03""/>
    </test-suite>
  </test-suite>
</test-run>");
            Assert.Equal(new[]
            {
                ("T.Tests.ps1", NodeStatus.Failed),
                ("T.Tests.ps1 > Teardown", NodeStatus.Failed),
                ("T.Tests.ps1 > Teardown.c", NodeStatus.Succeeded),
                ("T.Tests.ps1 > Mixed", NodeStatus.Succeeded),
                ("T.Tests.ps1 > Mixed.inc", NodeStatus.Succeeded),
                ("T.Tests.ps1 > Mixed.pass", NodeStatus.Succeeded),
            }, Statuses(run));
        }

        [Fact]
        public void NUnit2_suites_with_result_Failure_or_Error_are_Failed_and_Ignored_ones_are_not()
        {
            ImportedRun run = Read(@"<test-results name=""x"" total=""3"" failures=""0"" errors=""1"">
  <test-suite type=""TestFixture"" name=""Db"" executed=""True"" result=""Error"" time=""1""><results>
    <test-case name=""Db.a"" executed=""True"" result=""Success"" time=""0.5""/></results></test-suite>
  <test-suite type=""TestFixture"" name=""Ui"" executed=""True"" result=""Ignored"" time=""1""><results>
    <test-case name=""Ui.a"" executed=""True"" result=""Success"" time=""0.5""/>
    <test-case name=""Ui.b"" executed=""False"" result=""Ignored""/></results></test-suite>
</test-results>");
            Assert.Equal(new[] { ("Db", NodeStatus.Failed), ("Db.a", NodeStatus.Succeeded), ("Ui", NodeStatus.Succeeded), ("Ui.a", NodeStatus.Succeeded) },
                Statuses(run));
        }

        [Fact]
        public void A_suite_whose_setup_failed_before_any_case_ran_is_kept_as_Failed()
        {
            ImportedRun run = Read(@"<test-run result=""Failed"" duration=""0.3"">
  <test-suite type=""Assembly"" name=""x.dll"" result=""Failed"" duration=""0.3"">
    <test-suite type=""TestFixture"" name=""Db"" fullname=""Db"" result=""Failed"" site=""SetUp"" duration=""0.2"">
      <test-case name=""a"" fullname=""Db.a"" result=""Skipped"" duration=""0""/></test-suite>
  </test-suite></test-run>");
            Assert.Equal(new[] { ("x.dll", NodeStatus.Failed), ("x.dll > Db", NodeStatus.Failed) }, Statuses(run));
            Assert.Equal(200.0, run.Nodes[1].Duration);
        }

        // Pester's NUnit 3 report of a BeforeAll that threw: the fixture is Failed (site SetUp), its cases Failed with
        // site Parent and no duration. They never ran, so they took no time; the report still imports.
        [Fact]
        public void NUnit3_cases_failed_by_their_parents_setup_take_no_time_and_the_report_imports()
        {
            ImportedRun run = Read(@"<test-run result=""Failed"" duration=""0.1"" start-time=""2026-03-05T10:00:00Z"">
  <test-suite type=""Assembly"" name=""S.Tests.ps1"" fullname=""/tmp/t/S.Tests.ps1"" result=""Failed"" duration=""0.1"">
    <test-suite type=""TestFixture"" name=""Setup"" fullname=""Setup"" result=""Failed"" site=""SetUp"" duration=""0.0085"">
      <failure><message>no db</message></failure>
      <test-case name=""Setup.a"" fullname=""Setup.a"" result=""Failed"" site=""Parent""><failure><message>did not run</message></failure></test-case>
    </test-suite></test-suite></test-run>");
            Assert.Equal(new[] { ("S.Tests.ps1", NodeStatus.Failed), ("S.Tests.ps1 > Setup", NodeStatus.Failed), ("S.Tests.ps1 > Setup.a", NodeStatus.Failed) },
                Statuses(run));
            Assert.Equal(0.0, run.Nodes[2].Duration);
            Assert.Throws<TestReportException>(() => Read(@"<test-run><test-suite type=""Assembly"" name=""x.dll"" duration=""1"">
  <test-case name=""a"" fullname=""a"" result=""Failed""/></test-suite></test-run>"));   // any other executed case needs its time
        }

        /// <summary>Five passing nightly runs, then one where 'search' failed fast: nothing around it is judged Faster.</summary>
        [Fact]
        public void After_a_failed_test_its_suite_and_the_workflow_total_are_judged_Failed_never_Faster()
        {
            var session = new ProfilerSession(new ManualClock());
            for (int day = 1; day <= 6; day++)
            {
                bool broken = day == 6;
                ImportedRun run = Read($@"<testsuites time=""{(broken ? "0.6" : "1.3")}""><testsuite name=""api"" time=""{(broken ? "0.55" : "1.25")}"" timestamp=""2026-03-0{day}T02:00:00Z"">
<testcase name=""login"" time=""0.5""/><testcase name=""search"" time=""{(broken ? "0.01" : "0.7")}"">{(broken ? "<failure/>" : "")}</testcase></testsuite></testsuites>");
                session.ImportRun("ci", null, run, run.Timestamp.Value, out _);
            }
            RunComparison[] lines = session.GetWorkflow("ci").Compare(null, null, null, 0.10, 5, out _);
            Assert.Equal(new[] { ("api", ComparisonVerdict.Failed), ("api > login", ComparisonVerdict.Same), ("api > search", ComparisonVerdict.Failed), (null, ComparisonVerdict.Failed) },
                lines.Select(l => (l.NodeId, l.VerdictValue)).OrderBy(l => l.NodeId == null).ThenBy(l => l.NodeId, StringComparer.Ordinal));
        }
    }
}
