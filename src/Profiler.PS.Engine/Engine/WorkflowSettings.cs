using System;

namespace Profiler.PS.Engine
{
    /// <summary>Per-workflow settings given when a run starts; a null member keeps the workflow's current value.</summary>
    public sealed class WorkflowSettings
    {
        /// <summary>Default number of runs kept per node for window statistics.</summary>
        public const int DefaultWindowSize = 20;
        /// <summary>Default number of earlier samples a node needs before the regression rule judges one run of it.</summary>
        public const int DefaultMinimumSamples = Statistics.RegressionRule.DefaultMinimumBaselineSamples;
        /// <summary>Largest accepted window, a guard against a typo that would pin memory.</summary>
        public const int MaxWindowSize = 100_000;

        /// <summary>
        /// How many runs a workflow keeps the data of for a window of <paramref name="windowSize"/> runs: the window and
        /// as many runs before it, so that every run in the window still has the baseline it was judged against when it
        /// completed (the WindowSize runs before it) and Compare-WorkflowRun -Run N agrees with run N's alerts.
        /// </summary>
        internal static int KeptRuns(int windowSize) => 2 * windowSize;

        /// <summary>Display name of the workflow.</summary>
        public string WorkflowName { get; set; }
        /// <summary>Runs kept per node for Avg/Min/Max (1 to <see cref="MaxWindowSize"/>).</summary>
        public int? WindowSize { get; set; }
        /// <summary>The regression rule's relative threshold, a fraction of the baseline median (0.1 is 10%; 0 or more).</summary>
        public double? RelativeThreshold { get; set; }
        /// <summary>The regression rule's absolute threshold, in milliseconds (0 or more).</summary>
        public double? AbsoluteThreshold { get; set; }
        /// <summary>Earlier successful samples the regression rule needs to judge one run (at least 1).</summary>
        public int? MinimumSamples { get; set; }
        /// <summary>
        /// A history folder (full path): when the workflow is created its history is loaded from the folder, and
        /// each completed run is appended to it. Null uses the session's default (ProfilerSession.DefaultHistoryPath).
        /// </summary>
        public string HistoryPath { get; set; }

        internal void Validate()
        {
            if (WindowSize is int w && (w < 1 || w > MaxWindowSize))
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting,
                    $"WindowSize {w} is out of range: give a number of runs from 1 to {MaxWindowSize}.");
            if (RelativeThreshold is double r && (double.IsNaN(r) || double.IsInfinity(r) || r < 0))
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting,
                    $"RelativeThreshold {r * 100} is out of range: give a finite percentage of 0 or more, such as 10.");
            if (AbsoluteThreshold is double a && (double.IsNaN(a) || double.IsInfinity(a) || a < 0))
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting,
                    $"AbsoluteThreshold {a} is out of range: give a finite number of milliseconds of 0 or more, such as 5.");
            if (HistoryPath != null && string.IsNullOrWhiteSpace(HistoryPath))
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, "HistoryPath is empty: give a folder, for example -HistoryPath ./perf-history.");
            if (MinimumSamples is int m && m < 1)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting,
                    $"MinimumSamples {m} is out of range: give at least 1 earlier run.");
        }
    }
}
