using System;
using Profiler.PS.Json;
using Xunit;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>History and profile files take any ISO 8601 time with an offset (a hand-edited line may not use the writer's ticks).</summary>
    public class IsoTimeTests
    {
        [Theory]
        [InlineData("2026-11-30T08:10:42.0000000+00:00", 0)]
        [InlineData("2026-11-30T08:10:42+00:00", 0)]
        [InlineData("2026-11-30T08:10:42Z", 0)]
        [InlineData("2026-11-30T08:10:42.5Z", 500)]
        [InlineData("2026-11-30T09:10:42+01:00", 0)]
        [InlineData("2026-11-30T08:10Z", -42000)]
        public void Reads_ISO_8601_times_with_an_offset(string text, int millisecondsFromBase)
        {
            DateTimeOffset t = JsonFields.Time(JsonParser.Parse("{\"startTime\":\"" + text + "\"}"), "$", "startTime");
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 10, 42, TimeSpan.Zero).AddMilliseconds(millisecondsFromBase), t);
        }

        [Theory]
        [InlineData("2026-11-30T08:10:42")]
        [InlineData("2026-11-30 08:10:42Z")]
        [InlineData("30/11/2026 08:10")]
        public void Refuses_times_without_an_offset_or_not_in_ISO_form(string text)
        {
            var ex = Assert.Throws<JsonFormatException>(() => JsonFields.Time(JsonParser.Parse("{\"startTime\":\"" + text + "\"}"), "$", "startTime"));
            Assert.Contains("ISO 8601", ex.Message);
        }
    }
}
