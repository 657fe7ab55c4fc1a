using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Test-WorkflowBudget: result objects, -Quiet, -Assert, pipeline input and budgets files.</summary>
    public class BudgetTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly string _dir = Directory.CreateTempSubdirectory("profiler-budgets-").FullName;

        /// <summary>Three runs of 'ci': compile 100/200/300 ms (avg 200, median 200, P95 290, max 300, last 300), test 50 ms each.</summary>
        public BudgetTests() => _ps.RunClean(@"
            foreach ($i in 1..3) { Start-WorkflowProfile ci; Add-NodeTiming compile (100 * $i); Add-NodeTiming test 50; $null = Complete-WorkflowProfile }");

        public void Dispose()
        {
            _ps.Dispose();
            Directory.Delete(_dir, true);
        }

        private string File(string name, string text)
        {
            string path = Path.Combine(_dir, name);
            System.IO.File.WriteAllText(path, text);
            return path;
        }

        [Theory]
        [InlineData("Avg", 200.0)]
        [InlineData("Median", 200.0)]
        [InlineData("P95", 290.0)]
        [InlineData("Max", 300.0)]
        [InlineData("Last", 300.0)]
        public void Each_statistic_is_compared_with_the_maximum(string statistic, double value)
        {
            BudgetResult pass = (BudgetResult)_ps.RunClean($"Test-WorkflowBudget compile {value} -Statistic {statistic}").Single();
            Assert.True(pass.Passed);
            Assert.Equal(value, pass.Value.Value, 9);
            Assert.Equal(3, pass.Samples);
            Assert.Equal("ci", pass.WorkflowId);
            BudgetResult fail = (BudgetResult)_ps.RunClean($"Test-WorkflowBudget compile {value - 1} -Statistic {statistic}").Single();
            Assert.False(fail.Passed);
            Assert.Contains("exceeds the budget", fail.Message);
        }

        [Fact]
        public void Maximums_take_timespans_and_wildcards_check_several_nodes()
        {
            BudgetResult[] r = _ps.RunClean("Test-WorkflowBudget * ([TimeSpan]::FromMilliseconds(150))").Objects<BudgetResult>();
            Assert.Equal(new[] { "compile", "test" }, r.Select(x => x.NodeId));
            Assert.Equal(new[] { false, true }, r.Select(x => x.Passed));
            Assert.All(r, x => Assert.Equal(150.0, x.Maximum));
        }

        [Fact]
        public void Quiet_answers_one_boolean_for_if_and_Should()
        {
            Assert.Equal(new object[] { true, false, "over" }, _ps.RunClean(@"
                Test-WorkflowBudget compile, test 400 -Quiet
                Test-WorkflowBudget compile, test 100 -Quiet
                if (-not (Test-WorkflowBudget compile 100 -Quiet)) { 'over' }").Output.Select(o => o.BaseObject));
        }

        [Fact]
        public void Assert_writes_every_result_then_stops_with_the_failures()
        {
            PsResult r = _ps.Run("try { Test-WorkflowBudget compile, test 100 -Assert } catch { $_ }; 'after'");
            Assert.Equal(2, r.Objects<BudgetResult>().Length);
            ErrorRecord e = r.Objects<ErrorRecord>().Single();
            Assert.StartsWith("TestWorkflowBudgetExceeded,", e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, e.CategoryInfo.Category);
            Assert.Contains("compile: Avg 200.0 ms exceeds the budget of 100.0 ms", e.Exception.Message);
            Assert.DoesNotContain("test:", e.Exception.Message);
            Assert.Equal("compile", Assert.Single((BudgetResult[])e.TargetObject).NodeId);
            Assert.Equal("after", r.Output.Last().BaseObject);
            Assert.Empty(_ps.RunClean("Test-WorkflowBudget compile, test 400 -Assert | Where-Object { -not $_.Passed }").Output);
        }

        [Fact]
        public void Node_statistics_can_be_piped_in()
        {
            BudgetResult[] r = _ps.RunClean("Get-NodeStatistics | Test-WorkflowBudget -Maximum 250 -Statistic Max").Objects<BudgetResult>();
            Assert.Equal(new[] { "compile:False", "test:True" }, r.Select(x => x.NodeId + ":" + x.Passed));
        }

        [Fact]
        public void A_budgets_file_checks_every_node_at_once_in_file_order()
        {
            string path = File("budgets.psd1", @"
                # Budgets for the CI build; values are milliseconds or TimeSpan text.
                @{
                    WorkflowId = 'ci'
                    Statistic  = 'Median'
                    Nodes = @{
                        test    = 60
                        compile = @{ Maximum = '00:00:00.250'; Statistic = 'P95' }
                    }
                }");
            _ps.RunClean("Start-WorkflowProfile other; Add-NodeTiming x 1; $null = Complete-WorkflowProfile");
            BudgetResult[] r = _ps.RunClean($"Test-WorkflowBudget -Path '{path}'").Objects<BudgetResult>();
            Assert.Equal(new[] { "test", "compile" }, r.Select(x => x.NodeId));
            Assert.Equal(new[] { BudgetStatistic.Median, BudgetStatistic.P95 }, r.Select(x => x.StatisticValue));
            Assert.Equal(new[] { true, false }, r.Select(x => x.Passed));
            Assert.Equal(250.0, r[1].Maximum);
            Assert.Equal(false, _ps.RunClean($"Test-WorkflowBudget -Path '{path}' -Quiet").Single());
        }

        [Fact]
        public void Bad_entries_in_a_budgets_file_are_reported_and_the_good_ones_still_checked()
        {
            string path = File("mixed.psd1", "@{ Nodes = @{ negative = -3; zero = 0; odd = @{ Maximum = 10; Statistic = 'Mode' }; test = 100; typo = @{ Max = 5 }; missing = 5 } }");
            PsResult r = _ps.Run($"Test-WorkflowBudget -Path '{path}' -WorkflowId ci");
            Assert.Null(r.Terminating);
            Assert.Equal(new[] { ("test", true), ("missing", false) }, r.Objects<BudgetResult>().Select(b => (b.NodeId, b.Checked)));
            Assert.Equal(new[] { "TestWorkflowBudgetInvalidMaximum", "TestWorkflowBudgetInvalidMaximum", "TestWorkflowBudgetInvalidStatistic", "TestWorkflowBudgetInvalidBudget" },
                r.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Equal(new object[] { "negative", "zero", "odd", "typo" }, r.Errors.Select(e => e.TargetObject));
            Assert.All(r.Errors, e => Assert.Contains(path, e.Exception.Message));   // every file error names the file
            Assert.Contains("more than 0 ms", r.Errors[0].Exception.Message);
            Assert.Contains("Avg, Median, P95, Max or Last", r.Errors[2].Exception.Message);
        }

        [Theory]
        [InlineData("nothing.psd1", null, "TestWorkflowBudgetFileNotFound")]
        [InlineData("syntax.psd1", "@{ Nodes = @{ a = ", "TestWorkflowBudgetInvalidFile")]
        [InlineData("code.psd1", "@{ Nodes = @{ a = (Get-Date).Second } }", "TestWorkflowBudgetInvalidFile")]
        [InlineData("command.psd1", "Remove-Item x; @{ Nodes = @{ a = 1 } }", "TestWorkflowBudgetInvalidFile")]
        [InlineData("nonodes.psd1", "@{ WorkflowId = 'ci' }", "TestWorkflowBudgetInvalidFile")]
        [InlineData("unknownkey.psd1", "@{ Nodes = @{ a = 1 }; Owner = 'me' }", "TestWorkflowBudgetInvalidFile")]
        [InlineData("badstat.psd1", "@{ Statistic = 'Mean'; Nodes = @{ a = 1 } }", "TestWorkflowBudgetInvalidFile")]
        public void An_unusable_budgets_file_is_a_terminating_error(string name, string text, string id)
        {
            string path = text == null ? Path.Combine(_dir, name) : File(name, text);
            PsResult r = _ps.Run($"try {{ Test-WorkflowBudget -Path '{path}' }} catch {{ $_ }}");
            ErrorRecord e = r.Objects<ErrorRecord>().Single();
            Assert.StartsWith(id + ",", e.FullyQualifiedErrorId);
            Assert.Empty(r.Objects<BudgetResult>());
            Assert.Equal(new double?[] { 200.0, 50.0 }, _ps.RunClean("Get-NodeStatistics -WorkflowId ci").Objects<NodePerformanceData>().Select(n => n.AvgDuration));
        }

        [Fact]
        public void A_relative_path_is_resolved_from_the_current_location()
        {
            File("rel.psd1", "@{ Nodes = @{ test = 60 } }");
            BudgetResult r = (BudgetResult)_ps.RunClean($"$null = $ExecutionContext.SessionState.Path.SetLocation('{_dir}'); Test-WorkflowBudget -Path ./rel.psd1").Single();
            Assert.True(r.Passed);
        }

        [Fact]
        public void Results_are_plain_data_that_serialise()
        {
            BudgetResult r = (BudgetResult)_ps.RunClean("Test-WorkflowBudget compile 250").Single();
            string json = System.Text.Json.JsonSerializer.Serialize(r);
            Assert.Contains("\"Passed\":true", json);
            Assert.Contains("\"NodeId\":\"compile\"", json);
            Assert.Equal("PASS compile: Avg 200.0 ms is within the budget of 250.0 ms (3 runs)", r.ToString());
        }
    }
}
