using System;
using System.IO;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Rendering;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// Ids in the table views outside a terminal (whole, laid out by PowerShell), under their parents (only a
    /// " > " continuation is shortened), statement ids keeping their line, and Get-Bottleneck -Inclusive's share.
    /// A runspace without a console host stands for redirected output, a CI log or another host.
    /// </summary>
    [Collection("Terminal")]
    public class IdDisplayTests : IDisposable
    {
        private const string LongId = "tests/unit/Cart.Tests.ps1 > Describe Cart > Context checkout > It applies the discount when slow";
        private readonly PsSession _ps = new PsSession(width: 250);

        public void Dispose() => _ps.Dispose();

        [Fact]
        public void Outside_a_terminal_every_table_view_writes_the_whole_id_for_PowerShell_to_lay_out()
        {
            _ps.RunClean($@"foreach ($i in 1..3) {{ Start-WorkflowProfile tests; Add-NodeTiming '{LongId}' (100 + $i); Add-NodeTiming restore 5; $null = Complete-WorkflowProfile }}");
            foreach (string command in new[] { "Get-Bottleneck -WorkflowId tests -Top 4 | Format-Table -AutoSize", "Get-Bottleneck -WorkflowId tests",
                "Get-NodeStatistics -WorkflowId tests", "Compare-WorkflowRun -WorkflowId tests" })
            {
                string text = _ps.RunClean("$PSStyle.OutputRendering = 'PlainText'; " + command + " | Out-String -Width 250").Objects<string>()[0];
                Assert.Contains(LongId, text);
                Assert.DoesNotContain("…", text);
            }
            // At 80 columns PowerShell itself cuts the last column; the numbers before it stay whole.
            string narrow = _ps.RunClean("Get-NodeStatistics -WorkflowId tests | Out-String -Width 80").Objects<string>()[0];
            Assert.All(narrow.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 80, l));
            Assert.Contains("102.0", narrow.Replace(",", ""));
        }

        [Theory]
        [InlineData("tests", "test", "tests")]
        [InlineData("testdata", "test", "testdata")]
        [InlineData("CompileOne", "Compile", "CompileOne")]
        [InlineData("Cart.Tests.case 1", "Cart.Tests", "Cart.Tests.case 1")]
        [InlineData("Cart.Tests.ps1 > Describe Cart", "Cart.Tests.ps1", "… > Describe Cart")]
        [InlineData("cart.tests.ps1 > It adds", "Cart.Tests.ps1", "… > It adds")]
        [InlineData("Cart.Tests.ps1 > ", "Cart.Tests.ps1", "Cart.Tests.ps1 > ")]
        [InlineData("build", null, "build")]
        public void A_child_drops_its_parents_id_only_before_the_path_separator(string id, string parent, string shown)
            => Assert.Equal(shown, NodeTree.Relative(id, parent));

        [Fact]
        public void Nested_nodes_whose_ids_start_with_their_parents_show_their_own_names()
        {
            _ps.RunClean(@"foreach ($i in 1..2) {
                Start-WorkflowProfile nest
                Measure-WorkflowNode test { Measure-WorkflowNode tests { }; Measure-WorkflowNode testdata { } }
                Measure-WorkflowNode Compile { Measure-WorkflowNode CompileOne { } }
                $null = Complete-WorkflowProfile }");
            string[] rows = _ps.RunClean("Get-NodeStatistics -WorkflowId nest | Out-String -Width 120").Objects<string>()[0]
                .Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 62 && char.IsDigit(l.Trim()[0])).ToArray();
            Assert.Equal(new[] { "test", "  tests", "  testdata", "Compile", "  CompileOne" }, rows.Select(r => r.Substring(62)).ToArray());
        }

        [Fact]
        public void A_statement_id_keeps_its_line_when_shortened()
        {
            Assert.Equal("L14 …Release", CellText.KeepEnd("L14 dotnet build ./src/App.csproj -c Release", 12));
            Assert.Equal("…j -c Release", CellText.KeepEnd("L14dotnet build ./src/App.csproj -c Release", 13));   // no token: no space after the digits
            Assert.Equal("…ild", CellText.KeepEnd("L14 dotnet build", 4));                                   // too narrow to keep it
            string[] shown = CellText.Distinct(new[] { "L14 Invoke-Step -Name compile -Configuration Release", "L15 Invoke-Step -Name compile -Configuration Release" }, 20);
            Assert.StartsWith("L14 …", shown[0]);
            Assert.StartsWith("L15 …", shown[1]);
            Assert.All(shown, s => Assert.Equal(20, s.Length));
        }

        [Fact]
        public void The_id_column_is_whole_without_a_width_and_fitted_with_one()
        {
            string id = new string('x', 100) + " end";
            Assert.Equal(id, IdColumn.Text(id, 0, 62));
            Assert.Equal(80 - 1 - 62, IdColumn.Text(id, 80, 62).Length);
        }

        [Fact]
        public void Inclusive_share_is_of_the_runs_wall_time_and_the_default_share_of_self_time()
        {
            _ps.RunClean(@"foreach ($i in 1..3) {
                Start-WorkflowProfile incl
                Add-NodeTiming inner 900
                Add-NodeTiming outer 100
                $null = Complete-WorkflowProfile -TotalDuration 2000 }");
            BottleneckInfo[] inclusive = _ps.RunClean("Get-Bottleneck -WorkflowId incl -Inclusive").Objects<BottleneckInfo>();
            Assert.Equal(new[] { 0.45, 0.05 }, inclusive.Select(b => Math.Round(b.Share, 6)));
            BottleneckInfo[] self = _ps.RunClean("Get-Bottleneck -WorkflowId incl").Objects<BottleneckInfo>();
            Assert.Equal(new[] { 0.9, 0.1 }, self.Select(b => Math.Round(b.Share, 6)));
        }

        [Fact]
        public void A_wrapper_of_the_whole_run_has_nearly_all_of_it_as_its_inclusive_share()
        {
            _ps.RunClean(@"foreach ($i in 1..2) {
                Start-WorkflowProfile wrap
                Measure-WorkflowNode build { Start-Sleep -Milliseconds 60; Measure-WorkflowNode compile { Start-Sleep -Milliseconds 30 } }
                $null = Complete-WorkflowProfile }");
            BottleneckInfo top = _ps.RunClean("Get-Bottleneck -WorkflowId wrap -Inclusive -Top 1").Objects<BottleneckInfo>()[0];
            Assert.Equal("build", top.NodeId);
            Assert.InRange(top.Share, 0.5, 1.0);
        }

        [Fact]
        public void A_report_imported_again_names_the_run_it_was_imported_as()
        {
            string dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString());
            Directory.CreateDirectory(dir);
            try
            {
                string file = Path.Combine(dir, "junit.xml");
                File.WriteAllText(file, "<testsuites><testsuite name=\"s\" tests=\"1\" time=\"0.5\" timestamp=\"2026-11-01T10:00:00\"><testcase name=\"t\" classname=\"c\" time=\"0.5\"/></testsuite></testsuites>");
                _ps.RunClean("Start-WorkflowProfile imp; Add-NodeTiming a 1; $null = Complete-WorkflowProfile");
                ImportedWorkflowRun first = _ps.RunClean($"Import-WorkflowRun -Path '{file}' -WorkflowId imp").Objects<ImportedWorkflowRun>()[0];
                PsResult again = _ps.RunClean($"Import-WorkflowRun -Path '{file}' -WorkflowId imp -WarningAction SilentlyContinue");
                ImportedWorkflowRun dup = again.Objects<ImportedWorkflowRun>()[0];
                Assert.Equal(2, first.RunNumber);
                Assert.True(dup.AlreadyImported);
                Assert.Equal(2, dup.RunNumber);
                string text = _ps.RunClean($"Import-WorkflowRun -Path '{file}' -WorkflowId imp -WarningAction SilentlyContinue | Out-String -Width 200").Objects<string>()[0];
                Assert.Contains("dup 2", text);
                Assert.Contains(file, text);   // whole, no '...' cut
                Assert.DoesNotContain("...", text);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
