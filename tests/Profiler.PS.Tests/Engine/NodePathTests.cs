using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Profiler.PS.Import;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>The id rules of imported nodes: escaping of " &gt; " inside names, reversibility, relative file paths, unique ids.</summary>
    public class NodePathTests
    {
        [Theory]
        [InlineData("adds 1 items", "adds 1 items")]
        [InlineData("a > b", "a >> b")]
        [InlineData("a >> b", "a >>> b")]
        [InlineData("> a", ">> a")]
        [InlineData("a >", "a >>")]
        [InlineData(">", ">>")]
        [InlineData("a->b <n> x>y", "a->b <n> x>y")]
        [InlineData("a >b", "a >b")]
        public void A_lone_gt_in_a_name_is_doubled_and_nothing_else_changes(string name, string escaped)
        {
            Assert.Equal(escaped, NodePath.Escape(name));
            Assert.Equal(name, NodePath.Unescape(escaped));
        }

        [Fact]
        public void A_test_named_with_the_separator_no_longer_collides_with_a_nested_test()
        {
            string named = NodePath.Join("Tests.ps1", "Describe", "Context > It");
            string nested = NodePath.Join("Tests.ps1", "Describe", "Context", "It");
            Assert.Equal("Tests.ps1 > Describe > Context >> It", named);
            Assert.Equal("Tests.ps1 > Describe > Context > It", nested);
            Assert.Equal(new[] { "Tests.ps1", "Describe", "Context > It" }, NodePath.Split(named));
            Assert.Equal(new[] { "Tests.ps1", "Describe", "Context", "It" }, NodePath.Split(nested));
        }

        [Fact]
        public void Split_reverses_Join_for_random_names_of_spaces_gt_and_letters()
        {
            var random = new Random(16);
            const string alphabet = "  >>a";
            var ids = new Dictionary<string, string[]>();
            for (int i = 0; i < 20000; i++)
            {
                var segments = new string[random.Next(1, 5)];
                for (int s = 0; s < segments.Length; s++)
                {
                    var name = new StringBuilder();
                    for (int c = random.Next(0, 7); c > 0; c--) name.Append(alphabet[random.Next(alphabet.Length)]);
                    segments[s] = name.ToString();
                }
                string id = NodePath.Join(segments);
                Assert.Equal(segments, NodePath.Split(id));
                // Injective: an id already seen came from the same names.
                if (ids.TryGetValue(id, out string[] earlier)) Assert.Equal(earlier, segments);
                else ids.Add(id, segments);
            }
        }

        [Fact]
        public void Absolute_paths_become_relative_to_the_directory_they_share_on_every_system()
        {
            string[] linux = NodePath.Relativize(new[] { "/home/runner/work/x/tests/Build.Tests.ps1", "/home/runner/work/x/tests/unit/Cart.Tests.ps1", "MyTests.dll" }, out string root);
            string[] windows = NodePath.Relativize(new[] { @"D:\a\x\x\tests\Build.Tests.ps1", @"D:\a\x\x\tests\unit\Cart.Tests.ps1", "MyTests.dll" }, out string windowsRoot);
            Assert.Equal(new[] { "Build.Tests.ps1", "unit/Cart.Tests.ps1", "MyTests.dll" }, linux);
            Assert.Equal(linux, windows);
            Assert.Equal("/home/runner/work/x/tests", root);
            Assert.Equal("D:/a/x/x/tests", windowsRoot);
            Assert.Equal(new[] { "Build.Tests.ps1" }, NodePath.Relativize(new[] { "/agent/7/s/Build.Tests.ps1" }, out _));
            Assert.Equal(new[] { "a", "b" }, NodePath.Relativize(new[] { "a", "b" }, out string none));
            Assert.Null(none);
        }

        [Theory]
        [InlineData("/x", true)]
        [InlineData(@"C:\x", true)]
        [InlineData("c:/x", true)]
        [InlineData(@"\\server\share\x", true)]
        [InlineData("x/y", false)]
        [InlineData("com.example.CartTest", false)]
        [InlineData("C:", false)]
        public void Absolute_paths_of_any_system_are_recognised(string path, bool absolute) => Assert.Equal(absolute, NodePath.IsAbsolutePath(path));

        [Fact]
        public void Two_tests_a_report_names_alike_get_two_nodes()
        {
            ImportedRun run = TestReportReaderTests.Read(@"<testsuite name=""/ci/7/tests/Cart.Tests.ps1"" time=""1"">
  <testcase name=""Cart.works"" classname=""/ci/7/tests/Cart.Tests.ps1"" time=""0.25""/>
  <testcase name=""Cart.works"" classname=""/ci/7/tests/Cart.Tests.ps1"" time=""0.5""/>
  <testcase name=""Cart.works (2)"" classname=""/ci/7/tests/Cart.Tests.ps1"" time=""0.125""/>
</testsuite>");
            Assert.Equal(new[] { "Cart.Tests.ps1", "Cart.Tests.ps1 > Cart.works", "Cart.Tests.ps1 > Cart.works (2)", "Cart.Tests.ps1 > Cart.works (2) (2)" },
                run.Nodes.Select(n => n.NodeId));
            Assert.Equal(new[] { 250.0, 500.0, 125.0 }, run.Nodes.Skip(1).Select(n => n.Duration));
            Assert.Equal(ImportedNodeTypes.Container, run.Nodes[0].NodeType);
        }
    }
}
