using System;
using System.IO;
using System.Linq;
using Profiler.PS.Persistence;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Workflow ids become safe, distinct file names that never leave the history folder.</summary>
    public class HistoryFileNameTests
    {
        [Theory]
        [InlineData("build", "build.jsonl")]
        [InlineData("Build", "build.jsonl")]
        [InlineData("nightly-build_2.0", "nightly-build_2.0.jsonl")]
        [InlineData("../../etc/passwd", "%2E.%2F..%2Fetc%2Fpasswd.jsonl")]
        [InlineData("..", "%2E%2E.jsonl")]
        [InlineData(".hidden", "%2Ehidden.jsonl")]
        [InlineData("trailing.", "trailing%2E.jsonl")]
        [InlineData("/abs/path", "%2Fabs%2Fpath.jsonl")]
        [InlineData("C:\\x", "c%3A%5Cx.jsonl")]
        [InlineData("con", "%63on.jsonl")]
        [InlineData("NUL.txt", "%6Eul.txt.jsonl")]
        [InlineData("com1", "%63om1.jsonl")]
        [InlineData("console", "console.jsonl")]
        [InlineData("a b", "a%20b.jsonl")]
        [InlineData("100%", "100%25.jsonl")]
        [InlineData("日本", "%E6%97%A5%E6%9C%AC.jsonl")]
        public void Ids_are_encoded(string id, string expected) => Assert.Equal(expected, HistoryFileName.For(id));

        [Fact]
        public void Distinct_ids_give_distinct_names_and_case_does_not_matter()
        {
            string[] ids = { "a", "A", "%61", "a.", "a%2E", "con", "%63on", "a/b", "a%2Fb", "a b", "a+b", new string('x', 500), new string('x', 501), new string('é', 300) };
            var names = ids.Select(HistoryFileName.For).ToArray();
            Assert.Equal(names[0], names[1]);
            Assert.Equal(names.Length - 1, names.Distinct(StringComparer.Ordinal).Count());
        }

        [Fact]
        public void Long_ids_are_cut_with_a_hash_and_stay_short()
        {
            foreach (string id in new[] { new string('x', 10_000), new string('é', 5_000), new string('/', 200), "a" + new string('%', 300) })
            {
                string name = HistoryFileName.For(id);
                Assert.True(name.Length <= 80 + 1 + 16 + HistoryFileName.Extension.Length, name);
                Assert.Contains("~", name);
                Assert.DoesNotContain("/", name);
                Assert.Matches("^[a-z0-9._%~A-F-]+$", name);
            }
            Assert.NotEqual(HistoryFileName.For(new string('x', 200) + "a"), HistoryFileName.For(new string('x', 200) + "b"));
        }

        [Theory]
        [InlineData("../escape")]
        [InlineData("..\\escape")]
        [InlineData("/etc/passwd")]
        [InlineData("C:\\Windows\\win.ini")]
        [InlineData("\\\\server\\share\\x")]
        [InlineData("..")]
        [InlineData(".")]
        [InlineData("a/../../b")]
        public void Paths_never_leave_the_folder(string id)
        {
            string folder = Path.Combine(Path.GetTempPath(), "history-names");
            string full = HistoryFileName.PathIn(folder, id);
            Assert.Equal(Path.GetFullPath(folder), Path.GetDirectoryName(full));
            Assert.EndsWith(".jsonl", full);
        }
    }
}
