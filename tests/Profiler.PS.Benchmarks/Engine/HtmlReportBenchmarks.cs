using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;

namespace Profiler.PS.Benchmarks.Engine
{
    /// <summary>
    /// The HTML report (Export-WorkflowReport) of one workflow with 1,000 nodes and 20 completed runs.
    /// Goals (issue 3): rendering under 1 s and a page under 2 MB. The baseline is the profile snapshot the
    /// cmdlet takes first; "Export" is all the cmdlet does short of the disk write (snapshot, render, UTF-8).
    /// The page's size is the "Report size" column: the same page, rendered once in the host process.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(ReportSizeConfig))]
    public class HtmlReportBenchmarks
    {
        public const int Nodes = 1_000, Runs = 20;
        private static readonly UTF8Encoding s_utf8 = new UTF8Encoding(false);
        private WorkflowProfiler _workflow;
        private WorkflowPerformanceProfile[] _profiles;
        private HtmlReportOptions _options;

        [GlobalSetup]
        public void Setup()
        {
            _workflow = Workflow();
            _profiles = new[] { _workflow.GetProfile() };
            _options = Options();
        }

        /// <summary>GetProfile: what Export-WorkflowReport reads before rendering.</summary>
        [Benchmark(Baseline = true)]
        public WorkflowPerformanceProfile Snapshot() => _workflow.GetProfile();

        /// <summary>HtmlReportRenderer.Render of the snapshot.</summary>
        [Benchmark]
        public string Render() => HtmlReportRenderer.Render(_profiles, _options);

        /// <summary>Snapshot, render and encode: the cmdlet's work except writing the file.</summary>
        [Benchmark]
        public byte[] Export() => s_utf8.GetBytes(HtmlReportRenderer.Render(new[] { _workflow.GetProfile() }, _options));

        /// <summary>Bytes of the page as written to disk (UTF-8, no BOM).</summary>
        public static long ReportBytes() => s_utf8.GetByteCount(HtmlReportRenderer.Render(new[] { Workflow().GetProfile() }, Options()));

        private static HtmlReportOptions Options() => new HtmlReportOptions { Title = "Nightly build", GeneratedAt = DateTimeOffset.Now };

        /// <summary>
        /// 1,000 nodes with realistic ids and labels over 20 runs: durations spread over four orders of magnitude,
        /// a few nodes skipping runs, and a node slowing down late so the run raises bottleneck alerts.
        /// </summary>
        private static WorkflowProfiler Workflow()
        {
            var session = new ProfilerSession();
            var random = new Random(7);
            for (int r = 1; r <= Runs; r++)
            {
                WorkflowRun run = session.StartRun("nightly", new WorkflowSettings { WorkflowName = "Nightly build" }, false, out _);
                for (int i = 0; i < Nodes; i++)
                {
                    if (i % 97 == 0 && r % 5 == 0) continue;
                    double ms = Math.Pow(10, 1 + 3.0 * i / Nodes) * (0.8 + 0.4 * random.NextDouble()) * (i % 250 == 0 && r > 15 ? 4 : 1);
                    run.Record("stage" + (i / 100) + ".step" + i, ms, "type" + (i % 5), "Step " + i + " of stage " + (i / 100) + " (compile, test & pack)");
                }
                run.Complete();
            }
            return session.GetWorkflow("nightly");
        }

        private sealed class ReportSizeConfig : ManualConfig
        {
            public ReportSizeConfig() => AddColumn(new ReportSizeColumn());
        }

        /// <summary>The size of the page a benchmark produces (Render and Export), rendered once in the host.</summary>
        private sealed class ReportSizeColumn : IColumn
        {
            private readonly Lazy<long> _bytes = new Lazy<long>(ReportBytes);

            public string Id => nameof(ReportSizeColumn);
            public string ColumnName => "Report size";
            public bool AlwaysShow => true;
            public ColumnCategory Category => ColumnCategory.Custom;
            public int PriorityInCategory => 0;
            public bool IsNumeric => true;
            public UnitType UnitType => UnitType.Size;
            public string Legend => "Bytes of the HTML page (UTF-8) the benchmark produces";

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

            public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
                => benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(Snapshot) ? "-"
                    : string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:N0} B ({1:0.00} MB)", _bytes.Value, _bytes.Value / 1048576.0);

            public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
            public bool IsAvailable(Summary summary) => true;
        }
    }
}
