using System;

namespace Profiler.PS.Engine
{
    /// <summary>Per-workflow settings given when a run starts; a null member keeps the workflow's current value.</summary>
    public sealed class WorkflowSettings
    {
        /// <summary>Default number of runs kept per node for window statistics.</summary>
        public const int DefaultWindowSize = 20;
        /// <summary>Default ratio over the baseline average that makes a node a bottleneck in a run.</summary>
        public const double DefaultBottleneckFactor = 1.5;
        /// <summary>Default number of earlier samples a node needs before the bottleneck rule judges it.</summary>
        public const int DefaultMinimumSamples = 3;
        /// <summary>Largest accepted window, a guard against a typo that would pin memory.</summary>
        public const int MaxWindowSize = 100_000;

        /// <summary>Display name of the workflow.</summary>
        public string WorkflowName { get; set; }
        /// <summary>Runs kept per node for Avg/Min/Max (1 to <see cref="MaxWindowSize"/>).</summary>
        public int? WindowSize { get; set; }
        /// <summary>Bottleneck ratio (greater than 1).</summary>
        public double? BottleneckFactor { get; set; }
        /// <summary>Earlier samples needed before the bottleneck rule fires (at least 1).</summary>
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
            if (BottleneckFactor is double f && (double.IsNaN(f) || double.IsInfinity(f) || f <= 1.0))
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting,
                    $"BottleneckFactor {f} is out of range: give a ratio greater than 1, such as 1.5.");
            if (HistoryPath != null && string.IsNullOrWhiteSpace(HistoryPath))
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, "HistoryPath is empty: give a folder, for example -HistoryPath ./perf-history.");
            if (MinimumSamples is int m && m < 1)
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting,
                    $"MinimumSamples {m} is out of range: give at least 1 earlier run.");
        }
    }
}
