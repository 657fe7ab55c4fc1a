using System;

namespace Profiler.PS.Rendering
{
    /// <summary>How an HTML report is written (<see cref="HtmlReportRenderer"/>).</summary>
    public sealed class HtmlReportOptions
    {
        /// <summary>The page's title and heading; defaults to "Profiler.PS report".</summary>
        public string Title { get; set; }

        /// <summary>When the report was made, printed under the title; left out when null (deterministic output).</summary>
        public DateTimeOffset? GeneratedAt { get; set; }

        /// <summary>How many of the latest runs become heatmap columns (default 50; the profile keeps at most its window).</summary>
        public int MaxRuns { get; set; } = 50;

        /// <summary>How many of the slowest nodes show their trend chart open; the others' are one click away (default 12).</summary>
        public int OpenTrends { get; set; } = 12;

        /// <summary>How many rows the bottleneck table lists (default 10).</summary>
        public int BottleneckRows { get; set; } = 10;
    }
}
