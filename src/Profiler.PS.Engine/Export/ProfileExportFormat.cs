namespace Profiler.PS.Engine
{
    /// <summary>The file formats Export-WorkflowProfile writes.</summary>
    public enum ProfileExportFormat
    {
        /// <summary>Full-fidelity JSON that Import-WorkflowProfile reads back (the default).</summary>
        Json,
        /// <summary>CSV, one row of statistics per node.</summary>
        Csv,
        /// <summary>CSV, one row per window sample (workflow, run, node, duration, outlier flag).</summary>
        SamplesCsv,
        /// <summary>Chrome Trace Event JSON for chrome://tracing and Perfetto.</summary>
        ChromeTrace,
        /// <summary>speedscope's evented JSON format.</summary>
        Speedscope,
        /// <summary>A Markdown summary for a CI job summary.</summary>
        Markdown,
    }
}
