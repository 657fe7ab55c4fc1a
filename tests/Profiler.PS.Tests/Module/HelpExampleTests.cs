using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// Every help example of the history, comparison and export cmdlets runs as written, in a fresh runspace with
    /// only this module, and writes no error. The examples come from the cmdlets' XML documentation.
    /// </summary>
    public class HelpExampleTests
    {
        public static TheoryData<string, int> Examples()
        {
            var data = new TheoryData<string, int>();
            foreach (string cmdlet in new[] { "CompareWorkflowRunCommand", "ExportWorkflowProfileCommand", "ImportWorkflowProfileCommand", "SetProfilerOptionCommand", "GetProfilerOptionCommand" })
            {
                int count = ExamplesOf(cmdlet).Length;
                Assert.True(count >= 2, cmdlet + " needs at least two examples");
                for (int i = 0; i < count; i++) data.Add(cmdlet, i);
            }
            return data;
        }

        private static string[] ExamplesOf(string cmdletClass)
        {
            XElement member = Docs().Descendants("member")
                .Single(m => (string)m.Attribute("name") == "T:Profiler.PS.Commands." + cmdletClass);
            return member.Elements("example").Select(e => (string)e.Element("code")).ToArray();
        }

        private static XDocument s_docs;

        /// <summary>The newest Profiler.PS.xml the build wrote.</summary>
        private static XDocument Docs()
        {
            if (s_docs != null) return s_docs;
            string bin = Path.Combine(Repository.Root, "src", "Profiler.PS", "bin");
            string path = Directory.GetFiles(bin, "Profiler.PS.xml", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc).First();
            return s_docs = XDocument.Load(path);
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public void The_example_runs_without_error(string cmdlet, int index)
        {
            string code = ExamplesOf(cmdlet)[index];
            using var ps = new PsSession();
            PsResult r = ps.Run(code);
            Assert.True(r.Terminating == null, cmdlet + " example " + (index + 1) + ": " + r.Terminating);
            Assert.True(r.Errors.Count == 0, cmdlet + " example " + (index + 1) + ": " + string.Join(" | ", r.Errors));
            Assert.NotEmpty(r.Output);
        }
    }
}
