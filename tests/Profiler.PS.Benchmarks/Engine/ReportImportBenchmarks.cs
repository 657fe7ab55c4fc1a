using System;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using Profiler.PS.Engine;
using Profiler.PS.Import;

namespace Profiler.PS.Benchmarks.Engine
{
    /// <summary>
    /// Importing a JUnit report of 10,000 test cases (100 suites x 100 cases, each with a line of system-out, about
    /// 1.6 MB), as Import-WorkflowRun -Path does. Goal (issue 16): under 1 s. ReadReport is the streaming parse alone;
    /// ImportReport parses and records the run into a workflow that already has one run (so every node has a baseline).
    /// </summary>
    [MemoryDiagnoser]
    public class ReportImportBenchmarks
    {
        public const int Suites = 100, CasesPerSuite = 100;
        private string _file;
        private ImportedRun _previous;

        [GlobalSetup]
        public void Setup()
        {
            _file = Path.Combine(Path.GetTempPath(), "profiler-ps-bench-junit-10000.xml");
            WriteReport(_file, "2026-03-01T02:00:00Z", 0);
            string previous = Path.Combine(Path.GetTempPath(), "profiler-ps-bench-junit-previous.xml");
            WriteReport(previous, "2026-02-28T02:00:00Z", 1);
            _previous = TestReportReader.ReadFile(previous);
        }

        /// <summary>Streams the report into the imported-run model.</summary>
        [Benchmark(Baseline = true)]
        public int ReadReport() => TestReportReader.ReadFile(_file).Nodes.Count;

        /// <summary>Reads the report and records it as the second run of a workflow.</summary>
        [Benchmark]
        public int ImportReport()
        {
            var session = new ProfilerSession();
            session.ImportRun("tests", null, _previous, _previous.Timestamp.Value, out _);
            ImportedRun run = TestReportReader.ReadFile(_file);
            return session.ImportRun("tests", null, run, run.Timestamp.Value, out _).Run.RunNumber;
        }

        /// <summary>Writes a Surefire-shaped report; <paramref name="variant"/> shifts the times so two reports differ.</summary>
        public static void WriteReport(string file, string timestamp, int variant)
        {
            using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
            writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites time=\"{Suites * CasesPerSuite * 0.0125 + 1}\">\n");
            for (int s = 0; s < Suites; s++)
            {
                writer.Write($"<testsuite name=\"com.example.suite{s}.ServiceTest\" tests=\"{CasesPerSuite}\" time=\"{(CasesPerSuite * 0.0125).ToString(CultureInfo.InvariantCulture)}\" timestamp=\"{timestamp}\">\n");
                for (int c = 0; c < CasesPerSuite; c++)
                {
                    double seconds = 0.001 + ((s * 31 + c * 17 + variant) % 23) / 1000.0;
                    writer.Write($"  <testcase classname=\"com.example.suite{s}.ServiceTest\" name=\"handlesCase{c}\" time=\"{seconds.ToString("0.000", CultureInfo.InvariantCulture)}\">");
                    if (c % 50 == 7) writer.Write("<failure message=\"expected 1 but was 2\" type=\"AssertionError\">at ServiceTest.java:42</failure>");
                    writer.Write($"<system-out>case {c} of suite {s} ran</system-out></testcase>\n");
                }
                writer.Write("</testsuite>\n");
            }
            writer.Write("</testsuites>\n");
        }
    }
}
