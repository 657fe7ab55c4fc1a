namespace Profiler.PS
{
    /// <summary>The session-wide options of the profiler (Get-ProfilerOption, Set-ProfilerOption -PassThru).</summary>
    public sealed class ProfilerOption
    {
        /// <summary>Creates the options snapshot.</summary>
        public ProfilerOption(string historyPath) => HistoryPath = historyPath;

        /// <summary>The history folder of workflows created from now on without -HistoryPath; null for none.</summary>
        public string HistoryPath { get; }

        /// <summary>For example <c>HistoryPath: /ci/perf-history</c>.</summary>
        public override string ToString() => "HistoryPath: " + (HistoryPath ?? "(none)");
    }
}
