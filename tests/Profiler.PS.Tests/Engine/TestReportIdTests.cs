using System.Linq;
using Profiler.PS.Import;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>
    /// Report ids: files named by absolute paths become relative ones, so agents with different checkouts agree; the
    /// three formats Pester writes name a test alike (file, then Pester's dotted full name); NUnit's parameterized
    /// wrappers are not nodes. The real Pester reports are checked in tests/Pester/ImportWorkflowRun.Tests.ps1.
    /// </summary>
    public class TestReportIdTests
    {
        private static string JUnit(string root, char slash = '/') => $@"<testsuites name=""Pester"" time=""0.6"">
  <testsuite name=""{root}{slash}tests{slash}Cart.Tests.ps1"" time=""0.5"">
    <testcase name=""Cart.Totals.a &gt; b"" classname=""{root}{slash}tests{slash}Cart.Tests.ps1"" time=""0.25""/>
    <testcase name=""Cart.Totals.adds 1 items"" classname=""{root}{slash}tests{slash}Cart.Tests.ps1"" time=""0.125""/>
  </testsuite>
  <testsuite name=""{root}{slash}tests{slash}unit{slash}Other.Tests.ps1"" time=""0.1""><testcase name=""Other.x"" classname=""{root}{slash}tests{slash}unit{slash}Other.Tests.ps1"" time=""0.1""/></testsuite>
</testsuites>";

        private static string[] Ids(string xml) => TestReportReaderTests.Read(xml).Nodes.Select(n => n.NodeId).ToArray();

        [Fact]
        public void The_same_JUnit_report_from_two_agents_gives_the_same_relative_ids()
        {
            string[] linux = Ids(JUnit("/home/runner/work/shop/shop"));
            Assert.Equal(new[] { "Cart.Tests.ps1", "Cart.Tests.ps1 > Cart.Totals.a >> b", "Cart.Tests.ps1 > Cart.Totals.adds 1 items", "unit/Other.Tests.ps1", "unit/Other.Tests.ps1 > Other.x" }, linux);
            Assert.Equal(linux, Ids(JUnit(@"D:\a\shop\shop", '\\')));
        }

        [Fact]
        public void NUnit_reports_of_the_same_tests_give_the_JUnit_ids_without_their_wrappers()
        {
            string nunit2 = @"<test-results name=""Pester"" date=""2026-03-04"" time=""07:15:00""><test-suite type=""TestFixture"" name=""Pester"" time=""0.6""><results>
  <test-suite type=""TestFixture"" name=""/src/tests/Cart.Tests.ps1"" time=""0.5""><results>
    <test-suite type=""TestFixture"" name=""Cart"" time=""0.45""><results>
      <test-suite type=""TestFixture"" name=""Cart.Totals"" time=""0.4""><results>
        <test-case name=""Cart.Totals.a &gt; b"" executed=""True"" result=""Success"" time=""0.25""/>
        <test-suite type=""ParameterizedTest"" name=""Cart.Totals.adds &lt;n&gt; items"" time=""0.125""><results>
          <test-case name=""Cart.Totals.adds 1 items"" executed=""True"" result=""Success"" time=""0.125""/>
        </results></test-suite>
      </results></test-suite>
    </results></test-suite>
  </results></test-suite>
</results></test-suite></test-results>";
            string nunit3 = @"<test-run start-time=""2026-03-04T07:15:00Z"" duration=""0.6"">
  <test-suite type=""Assembly"" name=""Cart.Tests.ps1"" fullname=""/src/tests/Cart.Tests.ps1"" duration=""0.5"">
    <test-suite type=""TestSuite"" name=""Cart"" fullname=""Cart"" duration=""0.45"">
      <test-suite type=""TestFixture"" name=""Totals"" fullname=""Cart.Totals"" duration=""0.4"">
        <test-case name=""Cart.Totals.a &gt; b"" fullname=""Cart.Totals.a &gt; b"" result=""Passed"" duration=""0.25""/>
        <test-suite type=""ParameterizedMethod"" name=""adds &lt;n&gt; items"" fullname=""Cart.Totals.adds &lt;n&gt; items"" duration=""0.125"">
          <test-case name=""Cart.Totals.adds 1 items"" fullname=""Cart.Totals.adds 1 items"" result=""Passed"" duration=""0.125""/>
        </test-suite>
      </test-suite>
    </test-suite>
  </test-suite>
</test-run>";
            string[] expected = { "Cart.Tests.ps1", "Cart.Tests.ps1 > Cart", "Cart.Tests.ps1 > Cart.Totals", "Cart.Tests.ps1 > Cart.Totals.a >> b", "Cart.Tests.ps1 > Cart.Totals.adds 1 items" };
            Assert.Equal(new[] { "Pester" }.Concat(expected), Ids(nunit2));
            Assert.Equal(expected, Ids(nunit3));
            ImportedRun run = TestReportReaderTests.Read(nunit2);
            Assert.Equal(run.Nodes[3], run.Nodes[run.Nodes[5].Parent]);   // the data-driven case sits in its block
        }

        [Fact]
        public void NUnit_own_reports_name_cases_by_full_name_under_the_assembly()
        {
            string nunit2 = @"<test-results name=""/b/MyTests.dll"" date=""2026-03-04"" time=""07:15:00"">
  <test-suite type=""Assembly"" name=""/b/bin/MyTests.dll"" time=""1""><results>
    <test-suite type=""Namespace"" name=""Shop"" time=""1""><results>
      <test-suite type=""TestFixture"" name=""CartTests"" time=""1""><results>
        <test-case name=""Shop.CartTests.Adds"" executed=""True"" result=""Success"" time=""1""/>
      </results></test-suite>
    </results></test-suite>
  </results></test-suite>
</test-results>";
            Assert.Equal(new[] { "MyTests.dll", "MyTests.dll > Shop", "MyTests.dll > Shop.CartTests", "MyTests.dll > Shop.CartTests.Adds" }, Ids(nunit2));
        }
    }
}
