using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Export-WorkflowProfile -Format through the real engine: every format lands, the run in flight is drawn only where it can be.</summary>
    public class ExportFormatModuleTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        public ExportFormatModuleTests() => _ps.RunClean(@"
            foreach ($ms in 100, 110, 105) { Start-WorkflowProfile web; Add-NodeTiming bundle $ms; Add-NodeTiming '-upload' 30; $null = Complete-WorkflowProfile -TotalDuration ($ms + 30) }
            Start-WorkflowProfile web; Add-NodeTiming bundle 99");

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        private PsResult Export(string format, string name)
            => _ps.RunClean($"Export-WorkflowProfile -Path '{_dir.File(name).Replace("'", "''")}' -Format {format} -PassThru");

        [Theory]
        [InlineData("Csv", "s.csv", "\uFEFFWorkflowId,NodeId,")]
        [InlineData("SamplesCsv", "x.csv", "\uFEFFWorkflowId,RunNumber,")]
        [InlineData("ChromeTrace", "t.json", "{\"traceEvents\":[")]
        [InlineData("Speedscope", "p.json", "{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\"")]
        [InlineData("Markdown", "m.md", "## Profiler.PS: web")]
        [InlineData("Json", "j.json", "{\n  \"format\": \"Profiler.PS.WorkflowProfile\"")]
        public void Each_format_is_written(string format, string name, string start)
        {
            PsResult r = Export(format, name);
            Assert.Equal(_dir.File(name), ((FileInfo)r.Single()).FullName);
            Assert.StartsWith(start, File.ReadAllText(_dir.File(name), new System.Text.UTF8Encoding(false)));
            bool drawsRunInFlight = format == "ChromeTrace" || format == "Speedscope";
            Assert.Equal(drawsRunInFlight ? 0 : 1, r.Warnings.Count);
        }

        [Fact]
        public void The_trace_shows_the_run_in_flight_and_csv_neutralises_a_leading_minus()
        {
            Export("ChromeTrace", "t.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(_dir.File("t.json")));
            Assert.Contains(doc.RootElement.GetProperty("traceEvents").EnumerateArray(),
                e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("args").TryGetProperty("name", out JsonElement n) && n.GetString() == "web run 4 (in flight)");
            Export("Csv", "s.csv");
            Assert.Contains("\r\nweb,'-upload,,'-upload,3,", File.ReadAllText(_dir.File("s.csv")));
        }

        [Fact]
        public void An_unknown_format_is_refused_by_the_binder()
        {
            PsResult r = _ps.Run($"Export-WorkflowProfile -Path '{_dir.File("x")}' -Format Yaml");
            Assert.StartsWith("CannotConvertArgumentNoMessage,", r.Errors.Single().FullyQualifiedErrorId);
            Assert.False(File.Exists(_dir.File("x")));
        }
    }
}
