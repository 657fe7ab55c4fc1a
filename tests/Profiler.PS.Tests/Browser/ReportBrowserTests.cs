using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;
using Profiler.PS.Tests.Support;
using Xunit.Abstractions;

namespace Profiler.PS.Tests.Browser
{
    /// <summary>
    /// The HTML report opened in a real headless Chromium, asserted on the rendered page as a person would see it.
    /// Without a browser the test is skipped with a message, except under CI (CI set), where it fails.
    /// </summary>
    public class ReportBrowserTests : IDisposable
    {
        private const int Nodes = 6, Runs = 8;
        private const string Hostile = "<img src=x onerror=alert(1)>";
        private readonly ITestOutputHelper _output;
        private readonly string _dir = Directory.CreateTempSubdirectory("profiler-browser-").FullName;

        public ReportBrowserTests(ITestOutputHelper output) => _output = output;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        /// <summary>Node i in run r takes a distinct duration; node 0 carries the hostile label.</summary>
        private static double Duration(int node, int run) => (node + 1) * 100.0 + run * 7 + (node == 2 && run == Runs ? 900 : 0);

        private static string Label(int node) => node == 0 ? Hostile : "Step " + node;

        private static string RequireBrowser()
        {
            string browser = ChromiumSession.FindBrowser();
            if (browser != null) return browser;
            string why = "No Chromium or Chrome found (looked for chromium, chromium-browser, google-chrome on the PATH and PROFILER_PS_BROWSER). "
                + "Install one (Debian: apt-get install chromium) to run the browser tests.";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Assert.Fail("CI is set, so the browser test must run: " + why);
            Skip.If(true, why);
            return null;
        }

        private string WriteReport()
        {
            var session = new ProfilerSession(new ManualClock());
            for (int r = 1; r <= Runs; r++)
            {
                WorkflowRun run = session.StartRun("evil\"<b>", new WorkflowSettings { WorkflowName = "</title><script>alert(2)</script>" }, false, out _);
                for (int i = 0; i < Nodes; i++) run.Record("n" + i, Duration(i, r), "type<" + i + ">", Label(i));
                run.Complete(5000 + r);
            }
            string path = Path.Combine(_dir, "report.html");
            File.WriteAllText(path, HtmlReportRenderer.Render(new[] { session.GetWorkflow("evil\"<b>").GetProfile() }));
            return path;
        }

        [SkippableFact]
        public async Task The_report_renders_with_a_cell_per_node_and_run_coloured_by_duration_and_no_script_runs_from_a_label()
        {
            string browser = RequireBrowser();
            string report = WriteReport();
            await using ChromiumSession chromium = await ChromiumSession.StartAsync(browser);
            await chromium.NavigateAsync(new Uri(report).AbsoluteUri);

            JsonElement page = await chromium.EvaluateAsync(@"(() => {
                const rows = [...document.querySelectorAll('table.heatmap tbody tr')];
                return {
                  title: document.title,
                  columns: [...document.querySelectorAll('table.heatmap thead th')].map(th => th.textContent),
                  rows: rows.map(tr => ({ label: tr.querySelector('th').textContent,
                                          cells: [...tr.querySelectorAll('td')].map(td => ({ colour: getComputedStyle(td).backgroundColor, title: td.title })) })),
                  images: document.images.length,
                  scripts: document.scripts.length,
                  heading: document.querySelector('section.wf h2').textContent,
                  legends: [...document.querySelectorAll('.legend')].map(l => l.textContent),
                  keys: [...document.querySelectorAll('.legend .key')].filter(k => k.getBoundingClientRect().width > 0).length,
                };
              })()");

            var rows = page.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(Nodes, rows.Count);
            Assert.Equal(Nodes * Runs, rows.Sum(r => r.GetProperty("cells").GetArrayLength()));
            string[] columns = page.GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToArray();
            Assert.Equal(Enumerable.Range(1, Runs).Select(r => "#" + r), columns.Skip(1).Take(Runs));

            // The hostile label is on the page as text, and nothing it contains became an element or ran.
            Assert.Contains(rows, r => r.GetProperty("label").GetString() == Hostile);
            Assert.Equal(0, page.GetProperty("images").GetInt32());
            Assert.Equal(1, page.GetProperty("scripts").GetInt32());
            Assert.Equal("</title><script>alert(2)</script> evil\"<b>", page.GetProperty("heading").GetString());

            // Every colour on the page is explained: the heatmap ramp and gaps, the run bars, the trend chart.
            string legends = string.Join(" | ", page.GetProperty("legends").EnumerateArray().Select(l => l.GetString()));
            foreach (string key in new[] { "log scale", "did not run", "run with a bottleneck alert", "node time per run", "min to max", "average" })
                Assert.Contains(key, legends);
            Assert.True(page.GetProperty("keys").GetInt32() >= 6, legends);

            // Colours ordered by duration: sort every cell by the duration the test recorded; the heat never drops.
            var cells = new List<(double Ms, double Heat, string Title)>();
            foreach (JsonElement row in rows)
            {
                int node = Enumerable.Range(0, Nodes).Single(i => Label(i) == row.GetProperty("label").GetString());
                int run = 1;
                foreach (JsonElement cell in row.GetProperty("cells").EnumerateArray())
                {
                    Match rgb = Regex.Match(cell.GetProperty("colour").GetString(), @"rgb\((\d+), (\d+), (\d+)\)");
                    Assert.True(rgb.Success, cell.ToString());
                    double heat = Ansi.Heat((int.Parse(rgb.Groups[1].Value), int.Parse(rgb.Groups[2].Value), int.Parse(rgb.Groups[3].Value)));
                    cells.Add((Duration(node, run), heat, cell.GetProperty("title").GetString()));
                    Assert.Equal(DurationFormat.Human(Duration(node, run)), cell.GetProperty("title").GetString());
                    run++;
                }
            }
            var ordered = cells.OrderBy(c => c.Ms).ToList();
            for (int i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].Heat >= ordered[i - 1].Heat - 1e-9, $"{ordered[i - 1]} then {ordered[i]}");
            Assert.True(ordered[0].Heat < 0.1 && ordered[^1].Heat > 0.9, "the scale spans green to red");

            byte[] png = await chromium.ScreenshotAsync();
            string shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(shots);
            string shot = Path.Combine(shots, "report.png");
            await File.WriteAllBytesAsync(shot, png);
            _output.WriteLine("Screenshot: " + shot);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4));

            // The page's own script runs under its content security policy: the filter hides rows.
            JsonElement visible = await chromium.EvaluateAsync(@"(() => {
                const box = document.querySelector('input.filter');
                box.value = 'step 3'; box.dispatchEvent(new Event('input'));
                return [...document.querySelectorAll('table.heatmap tbody tr')].filter(tr => !tr.hidden).length; })()");
            Assert.Equal(1, visible.GetInt32());

            Assert.Empty(chromium.EventsNamed("Runtime.exceptionThrown"));
            Assert.Empty(chromium.EventsNamed("Page.javascriptDialogOpening"));
            Assert.Empty(chromium.EventsNamed("Log.entryAdded").Where(e => e.GetProperty("entry").GetProperty("level").GetString() == "error"));
        }

        [SkippableFact]
        public async Task Failed_cells_are_marked_in_the_heatmap_and_explained_by_a_legend_entry()
        {
            string browser = RequireBrowser();
            string report = Path.Combine(_dir, "failures.html");
            File.WriteAllText(report, HtmlReportRenderer.Render(new[] { Engine.FailureViewTests.Profile() }));
            await using ChromiumSession chromium = await ChromiumSession.StartAsync(browser);
            await chromium.NavigateAsync(new Uri(report).AbsoluteUri);

            JsonElement page = await chromium.EvaluateAsync(@"(() => {
                const row = [...document.querySelectorAll('table.heatmap tbody tr')].find(tr => tr.querySelector('th').textContent === 'test');
                const key = document.querySelector('.legend .key.fail');
                return {
                  failed: [...row.querySelectorAll('td.fail')].map(td => ({ text: td.textContent, title: td.title,
                            colour: getComputedStyle(td).color, width: td.getBoundingClientRect().width })),
                  keyShown: key !== null && key.getBoundingClientRect().width > 0,
                  keyText: key ? key.nextElementSibling.textContent : null,
                  failures: [...document.querySelectorAll('table.bottlenecks td.failures')].map(td => td.textContent),
                };
              })()");

            var failed = page.GetProperty("failed").EnumerateArray().ToList();
            Assert.Equal(new[] { "failed", "stopped", "failed" }, failed.Select(c => c.GetProperty("title").GetString()));
            Assert.All(failed, c => Assert.Equal("\u2717", c.GetProperty("text").GetString()));
            Assert.All(failed, c => Assert.Equal("rgb(192, 57, 43)", c.GetProperty("colour").GetString()));
            Assert.All(failed, c => Assert.True(c.GetProperty("width").GetDouble() > 0));
            Assert.True(page.GetProperty("keyShown").GetBoolean());
            Assert.Equal("failed or stopped", page.GetProperty("keyText").GetString());
            Assert.Equal(new[] { "3" }, page.GetProperty("failures").EnumerateArray().Select(e => e.GetString()));

            byte[] png = await chromium.ScreenshotAsync();
            string shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(shots);
            await File.WriteAllBytesAsync(Path.Combine(shots, "report-failures.png"), png);
            Assert.Empty(chromium.EventsNamed("Runtime.exceptionThrown"));
        }

        [SkippableFact]
        public async Task The_harness_does_see_a_dialog_and_a_script_error_when_a_page_has_them()
        {
            // Guards the test above against passing vacuously: the same recording catches a real injection.
            string browser = RequireBrowser();
            string page = Path.Combine(_dir, "unsafe.html");
            File.WriteAllText(page, "<!DOCTYPE html><body>" + Hostile + "<script>undefinedFunction()</script></body>");
            await using ChromiumSession chromium = await ChromiumSession.StartAsync(browser);
            await chromium.NavigateAsync(new Uri(page).AbsoluteUri);
            await chromium.EvaluateAsync("new Promise(done => setTimeout(done, 300))");
            Assert.NotEmpty(chromium.EventsNamed("Runtime.exceptionThrown"));
            Assert.NotEmpty(chromium.EventsNamed("Page.javascriptDialogOpening"));
        }
    }
}
