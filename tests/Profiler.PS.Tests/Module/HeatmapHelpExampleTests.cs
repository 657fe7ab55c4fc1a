using System.IO;
using System.Linq;
using System.Xml.Linq;
using Profiler.PS.Shell;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>The help examples of Show-Heatmap and Export-WorkflowReport run as written, each in a fresh runspace.</summary>
    public class HeatmapHelpExampleTests
    {
        public static TheoryData<string, int> Examples()
        {
            var data = new TheoryData<string, int>();
            foreach (string type in new[] { "ShowHeatmapCommand", "ExportWorkflowReportCommand" })
            {
                int count = ExamplesOf(type).Length;
                Assert.True(count >= 2, type + " needs at least two examples");
                for (int i = 0; i < count; i++) data.Add(type, i);
            }
            return data;
        }

        private static string[] ExamplesOf(string type)
        {
            // The build writes the cmdlets' XML documentation next to the assembly; Get-Help is generated from it.
            string bin = Path.Combine(ModuleLocator.RepositoryRoot(), "src", "Profiler.PS", "bin");
            string xml = Directory.GetFiles(bin, "Profiler.PS.xml", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).First();
            XElement member = XDocument.Load(xml).Descendants("member")
                .Single(m => (string)m.Attribute("name") == "T:Profiler.PS.Commands." + type);
            return member.Elements("example").Select(e => e.Element("code").Value.Trim()).ToArray();
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public void Example_runs_in_a_fresh_runspace(string type, int index)
        {
            using var ps = new PsSession();
            PsResult r = ps.RunClean(ExamplesOf(type)[index]);
            Assert.Empty(r.Warnings);
            Assert.NotEmpty(r.Output);
        }
    }
}
