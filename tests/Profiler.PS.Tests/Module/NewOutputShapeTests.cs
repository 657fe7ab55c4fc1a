using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>The comparison and option outputs are plain data: they serialise without cycles and read well as text.</summary>
    public class NewOutputShapeTests
    {
        [Fact]
        public void Comparisons_summaries_and_options_serialise_and_have_readable_text()
        {
            using var ps = new PsSession();
            PsResult r = ps.RunClean(@"
                foreach ($ms in 10, 11, 12, 30) { Start-WorkflowProfile o; Add-NodeTiming a $ms; $null = Complete-WorkflowProfile }
                Compare-WorkflowRun o; (Get-WorkflowProfile o).Comparison; Get-ProfilerOption; Get-WorkflowProfile o");
            Assert.Equal(new[] { "RunComparison", "RunComparisonSummary", "ProfilerOption", "WorkflowPerformanceProfile" },
                r.Output.Select(o => o.BaseObject.GetType().Name).Distinct());
            foreach (PSObject o in r.Output)
            {
                string json = JsonSerializer.Serialize(o.BaseObject, o.BaseObject.GetType());
                Assert.StartsWith("{", json);
                string text = o.BaseObject.ToString();
                Assert.False(string.IsNullOrEmpty(text));
                Assert.DoesNotContain("Profiler.PS.", text, StringComparison.Ordinal);
            }
            var summary = (RunComparisonSummary)r.Output[2].BaseObject;
            Assert.Contains("\"SlowerNodes\":[\"a\"]", JsonSerializer.Serialize(summary));
        }
    }
}
