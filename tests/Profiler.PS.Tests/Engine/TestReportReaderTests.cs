using System;
using System.IO;
using System.Linq;
using System.Text;
using Profiler.PS.Import;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>JUnit and NUnit reports shaped as Surefire, pytest, Jest and NUnit write them, read into imported runs.</summary>
    public class TestReportReaderTests
    {
        internal static ImportedRun Read(string xml, string source = "report.xml")
            => TestReportReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), source);

        private static (string Id, string Type, string Parent, double Ms, NodeStatus Status)[] Shape(ImportedRun run)
            => run.Nodes.Select(n => (n.NodeId, n.NodeType, n.Parent < 0 ? null : run.Nodes[n.Parent].NodeId, n.Duration, n.Status)).ToArray();

        // Maven Surefire: one TEST-<class>.xml per class, root <testsuite>, failures and errors as child elements.
        internal const string Surefire = @"<?xml version=""1.0"" encoding=""UTF-8""?>
<testsuite xmlns:xsi=""http://www.w3.org/2001/XMLSchema-instance"" name=""com.example.CartTest"" time=""1.5"" tests=""5"" errors=""1"" skipped=""1"" failures=""1"" timestamp=""2026-03-01T10:00:00Z"">
  <properties><property name=""java.version"" value=""21""/></properties>
  <testcase name=""addsItem"" classname=""com.example.CartTest"" time=""0.25""/>
  <testcase name=""appliesDiscount"" classname=""com.example.CartTest"" time=""0.5""><failure message=""expected 90"" type=""org.opentest4j.AssertionFailedError"">stack</failure><system-out>log</system-out></testcase>
  <testcase name=""talksToDb"" classname=""com.example.CartTest"" time=""0.125""><error message=""timeout"" type=""java.io.IOException""/></testcase>
  <testcase name=""checksOut"" classname=""com.example.CartTest"" time=""0""><skipped message=""later""/></testcase>
  <testcase name=""empties"" classname=""com.example.CartTest"" time=""0.0625""/>
  <system-out><![CDATA[suite output]]></system-out>
</testsuite>";

        [Fact]
        public void Surefire_report_cases_nest_under_their_suite_in_milliseconds_with_failures_and_errors_failed()
        {
            ImportedRun run = Read(Surefire);
            Assert.Equal("JUnit", run.Format);
            Assert.Equal(new[]
            {
                ("com.example.CartTest", "Suite", (string)null, 1500.0, NodeStatus.Failed),   // it holds failed cases
                ("com.example.CartTest > addsItem", "Test", "com.example.CartTest", 250.0, NodeStatus.Succeeded),
                ("com.example.CartTest > appliesDiscount", "Test", "com.example.CartTest", 500.0, NodeStatus.Failed),
                ("com.example.CartTest > talksToDb", "Test", "com.example.CartTest", 125.0, NodeStatus.Failed),
                ("com.example.CartTest > empties", "Test", "com.example.CartTest", 62.5, NodeStatus.Succeeded),
            }, Shape(run));
            Assert.Equal(1, run.SkippedCount);
            Assert.Equal(0, run.NotRunCount);
            Assert.Equal(1500.0, run.TotalDuration);
            Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), run.Timestamp);
            Assert.Equal(4, run.CountTests(out int failed));
            Assert.Equal(2, failed);
        }

        // pytest --junitxml (xunit2 family): <testsuites> root, one suite "pytest", modules in classname, zone in the timestamp.
        internal const string Pytest = @"<?xml version=""1.0"" encoding=""utf-8""?>
<testsuites name=""pytest tests""><testsuite name=""pytest"" errors=""0"" failures=""1"" skipped=""1"" tests=""4"" time=""0.75"" timestamp=""2026-03-02T08:30:00.123456+02:00"" hostname=""ci"">
<testcase classname=""tests.test_cart"" name=""test_add"" time=""0.125"" />
<testcase classname=""tests.test_cart"" name=""test_total[2-4]"" time=""0.25""><failure message=""assert 5 == 4"">trace</failure></testcase>
<testcase classname=""tests.test_user"" name=""test_add"" time=""0.25"" />
<testcase classname=""tests.test_user"" name=""test_slow"" time=""0.000""><skipped type=""pytest.skip"" message=""slow"">skip</skipped></testcase>
</testsuite></testsuites>";

        [Fact]
        public void Pytest_report_keeps_the_module_in_the_id_so_same_named_tests_stay_apart()
        {
            ImportedRun run = Read(Pytest);
            Assert.Equal(new[] { "pytest", "pytest > tests.test_cart > test_add", "pytest > tests.test_cart > test_total[2-4]", "pytest > tests.test_user > test_add" },
                run.Nodes.Select(n => n.NodeId));
            Assert.Equal(NodeStatus.Failed, run.Nodes[2].Status);
            Assert.Equal(1, run.SkippedCount);
            Assert.Equal(750.0, run.TotalDuration);   // no time on <testsuites>: the sum of its suites
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 30, 0, 123, TimeSpan.Zero).AddTicks(4560), run.Timestamp.Value.ToUniversalTime());
        }

        // jest-junit: suites per file, the root's time is the run's, classname repeats the name.
        [Fact]
        public void Jest_report_uses_the_root_time_as_the_total_and_drops_a_classname_that_repeats_the_name()
        {
            ImportedRun run = Read(@"<testsuites name=""jest tests"" tests=""3"" failures=""0"" errors=""0"" time=""2.5"">
  <testsuite name=""cart.test.js"" errors=""0"" failures=""0"" skipped=""0"" timestamp=""2026-03-03T09:00:00"" time=""1.0"" tests=""2"">
    <testcase classname=""cart adds"" name=""cart adds"" time=""0.5""></testcase>
    <testcase classname=""cart totals"" name=""cart totals"" time=""0.25""></testcase>
  </testsuite>
  <testsuite name=""user.test.js"" errors=""0"" failures=""0"" skipped=""0"" timestamp=""2026-03-03T09:00:01"" time=""0.5"" tests=""1"">
    <testcase classname=""user logs in"" name=""user logs in"" time=""0.5""></testcase>
  </testsuite>
</testsuites>");
            Assert.Equal(new[] { "cart.test.js", "cart.test.js > cart adds", "cart.test.js > cart totals", "user.test.js", "user.test.js > user logs in" },
                run.Nodes.Select(n => n.NodeId));
            Assert.Equal(2500.0, run.TotalDuration);
            // A timestamp without a zone is local time; the earliest suite's is the run's.
            Assert.Equal(new DateTimeOffset(new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Local)), run.Timestamp);
        }

        [Fact]
        public void Nested_suites_nest_a_suite_without_time_sums_its_cases_and_a_suite_with_only_skipped_cases_is_dropped()
        {
            ImportedRun run = Read(@"<testsuites><testsuite name=""outer"" time=""3"">
  <testsuite name=""inner""><testcase name=""a"" time=""1""/><testcase name=""b"" time=""0.5""/></testsuite>
  <testsuite name=""off"" time=""0.1""><testcase name=""c"" time=""0""><skipped/></testcase></testsuite>
  <testcase name=""d"" time=""1""/>
</testsuite></testsuites>");
            Assert.Equal(new[]
            {
                ("outer", "Suite", (string)null, 3000.0, NodeStatus.Succeeded),
                ("outer > inner", "Suite", "outer", 1500.0, NodeStatus.Succeeded),
                ("outer > inner > a", "Test", "outer > inner", 1000.0, NodeStatus.Succeeded),
                ("outer > inner > b", "Test", "outer > inner", 500.0, NodeStatus.Succeeded),
                ("outer > d", "Test", "outer", 1000.0, NodeStatus.Succeeded),
            }, Shape(run));
            Assert.Equal(1, run.SkippedCount);
        }

        [Fact]
        public void NUnit2_results_and_ignored_or_not_executed_cases_are_counted_not_recorded()
        {
            ImportedRun run = Read(@"<test-results name=""Pester"" total=""4"" date=""2026-03-04"" time=""07:15:00"">
  <environment platform=""Linux""/>
  <test-suite type=""TestFixture"" name=""Cart"" executed=""True"" result=""Failure"" time=""1.25""><results>
    <test-case name=""Cart.adds"" executed=""True"" result=""Success"" time=""0.5""/>
    <test-case name=""Cart.totals"" executed=""True"" result=""Failure"" time=""0.25""><failure><message>no</message></failure></test-case>
    <test-case name=""Cart.later"" executed=""False"" result=""Ignored""><reason><message>later</message></reason></test-case>
    <test-case name=""Cart.filtered"" executed=""False"" result=""Inconclusive""/>
  </results></test-suite>
</test-results>");
            Assert.Equal("NUnit2", run.Format);
            Assert.Equal(new[]
            {
                ("Cart", "Suite", (string)null, 1250.0, NodeStatus.Failed),
                ("Cart.adds", "Test", "Cart", 500.0, NodeStatus.Succeeded),
                ("Cart.totals", "Test", "Cart", 250.0, NodeStatus.Failed),
            }, Shape(run));
            Assert.Equal(1, run.SkippedCount);
            Assert.Equal(1, run.NotRunCount);
            Assert.Equal(new DateTimeOffset(new DateTime(2026, 3, 4, 7, 15, 0, DateTimeKind.Local)), run.Timestamp);
        }

        [Fact]
        public void NUnit3_uses_duration_and_start_times_as_offsets_from_the_run_start()
        {
            ImportedRun run = Read(@"<test-run id=""0"" result=""Failed"" start-time=""2026-03-05 10:00:00Z"" end-time=""2026-03-05 10:00:02Z"" duration=""2.0"">
  <command-line><![CDATA[nunit3-console x.dll]]></command-line>
  <test-suite type=""Assembly"" name=""x.dll"" start-time=""2026-03-05T10:00:00.5Z"" duration=""1.5"">
    <test-case name=""Adds"" fullname=""X.Adds"" result=""Passed"" start-time=""2026-03-05T10:00:00.75Z"" duration=""0.5""/>
    <test-case name=""Fails"" fullname=""X.Fails"" result=""Failed"" label=""Error"" start-time=""2026-03-05T10:00:01.25Z"" duration=""0.25""><failure><message>boom</message></failure></test-case>
    <test-case name=""Skips"" fullname=""X.Skips"" result=""Skipped"" label=""Ignored"" duration=""0""/>
  </test-suite>
</test-run>");
            Assert.Equal("NUnit3", run.Format);
            Assert.Equal(2000.0, run.TotalDuration);
            Assert.Equal(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero), run.Timestamp);
            Assert.Equal(new double?[] { 500, 750, 1250 }, run.Nodes.Select(n => n.StartOffset));
            Assert.Equal(new[] { NodeStatus.Failed, NodeStatus.Succeeded, NodeStatus.Failed }, run.Nodes.Select(n => n.Status));
            Assert.Equal(1, run.SkippedCount);
        }

        [Fact]
        public void The_run_id_depends_on_what_was_measured_only()
        {
            Guid a = Read(Surefire, "one.xml").RunId, b = Read(Surefire.Replace("\n", "\n  "), "copy/two.xml").RunId;
            Assert.Equal(a, b);
            Assert.NotEqual(a, Read(Surefire.Replace(@"time=""0.25""", @"time=""0.26""")).RunId);
            Assert.NotEqual(a, Read(Surefire.Replace("2026-03-01T10:00:00Z", "2026-03-08T10:00:00Z")).RunId);
            Assert.Equal(5, (a.ToByteArray()[7] >> 4));   // name-based (version 5) layout
        }
    }
}
