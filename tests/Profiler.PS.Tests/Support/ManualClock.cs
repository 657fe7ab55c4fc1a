using System;
using Profiler.PS.Engine;

namespace Profiler.PS.Tests.Support
{
    /// <summary>A clock the test moves by hand: 1 tick is 1 microsecond.</summary>
    public sealed class ManualClock : IProfilerClock
    {
        private long _ticks;

        public DateTimeOffset Now => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(_ticks * 10);
        public long Frequency => 1_000_000;
        public long GetTimestamp() => _ticks;

        public void Advance(double milliseconds) => _ticks += (long)Math.Round(milliseconds * 1000);
    }
}
