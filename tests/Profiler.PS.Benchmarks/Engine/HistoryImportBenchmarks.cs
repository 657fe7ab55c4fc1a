using System;
using System.Globalization;
using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using Profiler.PS.Engine;

namespace Profiler.PS.Benchmarks.Engine
{
    /// <summary>
    /// Loading a history folder (Start-WorkflowProfile -HistoryPath) of 10,000 runs x 100 nodes, about 94 MB of
    /// JSON Lines. Goal (issue 4): under 2 s, with memory proportional to the window, not to the history.
    /// The baseline reads and decodes the same file line by line and does nothing else: the floor of any loader.
    /// Retained memory after a load is asserted by HistoryTests (xunit), not measured here.
    /// </summary>
    [MemoryDiagnoser]
    public class HistoryImportBenchmarks
    {
        public const int Runs = 10_000, Nodes = 100;
        private string _folder;
        private string _file;

        [GlobalSetup]
        public void Setup()
        {
            _folder = Path.Combine(Path.GetTempPath(), "profiler-ps-bench-history");
            Directory.CreateDirectory(_folder);
            _file = Path.Combine(_folder, "big.jsonl");
            if (!File.Exists(_file) || new FileInfo(_file).Length < 50_000_000) WriteHistory(_file);
        }

        /// <summary>Reads every line of the file: I/O and UTF-8 decoding only.</summary>
        [Benchmark(Baseline = true)]
        public long ReadLines()
        {
            long chars = 0;
            using var reader = new StreamReader(_file, new UTF8Encoding(false));
            for (string line = reader.ReadLine(); line != null; line = reader.ReadLine()) chars += line.Length;
            return chars;
        }

        /// <summary>A fresh session loads the workflow's history, as Start-WorkflowProfile -HistoryPath does.</summary>
        [Benchmark]
        public int LoadHistory()
        {
            var session = new ProfilerSession();
            session.StartRun("big", new WorkflowSettings { HistoryPath = _folder }, false, out _, out string[] warnings);
            if (warnings.Length != 0) throw new InvalidOperationException(warnings[0]);
            return session.GetWorkflow("big").GetProfile().RunCount;
        }

        /// <summary>Schema-1 history lines (still read by the engine), written directly: appending 10,000 runs through
        /// the engine would flush the disk 10,000 times and dominate the setup.</summary>
        private static void WriteHistory(string file)
        {
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
            var sb = new StringBuilder(8192);
            for (int r = 1; r <= Runs; r++)
            {
                sb.Clear();
                sb.Append("{\"format\":\"Profiler.PS.History\",\"schemaVersion\":1,\"workflowId\":\"big\",\"runId\":\"").Append(Guid.NewGuid().ToString("D"))
                  .Append("\",\"startTime\":\"").Append(start.AddMinutes(r).ToString("o", CultureInfo.InvariantCulture))
                  .Append("\",\"endTime\":\"").Append(start.AddMinutes(r).AddSeconds(30).ToString("o", CultureInfo.InvariantCulture))
                  .Append("\",\"totalDuration\":").Append(1000 + r % 13).Append(",\"executionCount\":").Append(Nodes).Append(",\"nodes\":[");
                for (int k = 0; k < Nodes; k++)
                {
                    if (k > 0) sb.Append(',');
                    sb.Append("{\"nodeId\":\"node-").Append(k.ToString("000", CultureInfo.InvariantCulture)).Append("\",\"nodeType\":null,\"nodeLabel\":null,\"duration\":")
                      .Append((10 + k + (r % 7) * 0.37 + r * 1e-4).ToString("R", CultureInfo.InvariantCulture)).Append(",\"executions\":1}");
                }
                sb.Append("],\"alerts\":[]}\n");
                writer.Write(sb);
            }
        }
    }
}
