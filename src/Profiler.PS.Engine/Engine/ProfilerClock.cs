using System;
using System.Diagnostics;

namespace Profiler.PS.Engine
{
    /// <summary>The time source of a profiler session; replaceable so tests and replays are deterministic.</summary>
    public interface IProfilerClock
    {
        /// <summary>Current wall-clock time, used to stamp runs.</summary>
        DateTimeOffset Now { get; }

        /// <summary>A monotonic timestamp in <see cref="Frequency"/> ticks per second, used for elapsed times.</summary>
        long GetTimestamp();

        /// <summary>Ticks per second of <see cref="GetTimestamp"/>.</summary>
        long Frequency { get; }
    }

    /// <summary>The real clock: <see cref="DateTimeOffset.Now"/> and <see cref="Stopwatch"/>.</summary>
    public sealed class SystemClock : IProfilerClock
    {
        /// <summary>The shared instance; the clock has no state.</summary>
        public static readonly SystemClock Instance = new SystemClock();

        private SystemClock() { }

        /// <inheritdoc />
        public DateTimeOffset Now => DateTimeOffset.Now;

        /// <inheritdoc />
        public long GetTimestamp() => Stopwatch.GetTimestamp();

        /// <inheritdoc />
        public long Frequency => Stopwatch.Frequency;
    }

    internal static class ClockExtensions
    {
        public static double ElapsedMilliseconds(this IProfilerClock clock, long fromTimestamp, long toTimestamp)
            => (toTimestamp - fromTimestamp) * 1000.0 / clock.Frequency;
    }
}
