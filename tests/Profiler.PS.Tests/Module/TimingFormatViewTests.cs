using System;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Default views for budgets, and the columns added for self time, nesting and the run's shape.</summary>
    [Collection("Terminal")]
    public class TimingFormatViewTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession(width: 140);

        public TimingFormatViewTests() => _ps.RunClean(@"
            Start-WorkflowProfile fmt
            Measure-WorkflowNode build { Add-NodeTiming restore 1 }
            $null = Complete-WorkflowProfile");

        public void Dispose() => _ps.Dispose();

        private string Show(string command) => _ps.ShowPlain(command);

        [Fact]
        public void Budget_results_show_as_a_pass_fail_table()
        {
            string text = Show("Test-WorkflowBudget restore, build 1000");
            Assert.Contains("Budgets of workflow: fmt", text);
            Assert.Contains("Result Statistic", text);
            Assert.Contains("Maximum(ms)", text);
            Assert.Matches(@"PASS\s.*\srestore", text);   // the id comes last
            Assert.Contains("1,000.0", text);
        }

        [Fact]
        public void Timings_statistics_and_runs_gain_self_parent_and_shape_columns()
        {
            Assert.Contains("Self(ms)", Show("Get-NodeStatistics"));
            string runs = Show("(Get-WorkflowProfile fmt).Runs");
            Assert.Contains("Critical(ms)", runs);
            Assert.Contains("NodeCount", runs);
            string timings = Show("Start-WorkflowProfile t2; Measure-WorkflowNode outer { Add-NodeTiming inner 1 }; Get-NodeTiming");
            Assert.Contains("ParentId", timings);
            Assert.Contains("Succeeded", timings);
            Assert.Matches(@"Succeeded\s+outer\s+inner", timings);
        }
    }
}
