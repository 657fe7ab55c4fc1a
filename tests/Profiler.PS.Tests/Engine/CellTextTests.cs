using System;
using System.Linq;
using Profiler.PS.Rendering;
using Xunit;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Cells fitted at display time: ids keep their end and stay apart, numbers are never cut.</summary>
    public class CellTextTests
    {
        private const string Release = "Build.Tests.ps1 > Describe Compile > Context Release > It produces the package";
        private const string Debug = "Build.Tests.ps1 > Describe Compile > Context Debug > It produces the package";

        [Fact]
        public void A_long_id_keeps_its_end_behind_an_ellipsis_and_a_short_one_is_unchanged()
        {
            Assert.Equal("…the package", CellText.KeepEnd(Release, 12));
            Assert.Equal("restore", CellText.KeepEnd("restore", 12));
            Assert.Equal("a?b", CellText.KeepEnd("a\u001bb", 12));   // control characters never reach the terminal
        }

        [Theory]
        [InlineData(12)]
        [InlineData(17)]
        [InlineData(28)]
        [InlineData(40)]
        public void Ids_that_share_a_long_end_stay_distinct_and_fit(int width)
        {
            string[] ids = { Release, Debug, "Build.Tests.ps1 > Describe Compile > Context Release > It signs the assembly", "restore" };
            string[] shown = CellText.Distinct(ids, width);
            Assert.All(shown, s => Assert.True(s.Length <= width, s));
            Assert.Equal(shown.Length, shown.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal("restore", shown[3]);
            if (width < 17) return;   // narrower, only a part of the differing word fits
            Assert.Contains("Release", shown[0]);
            Assert.Contains("Debug", shown[1]);
        }

        [Fact]
        public void Labels_whose_ends_already_differ_enough_keep_their_plain_end()
        {
            string[] shown = CellText.Distinct(new[] { "suite > compiles the sources", "suite > links the binaries" }, 16);
            Assert.Equal(new[] { "…les the sources", "…ks the binaries" }, shown);
            Assert.DoesNotContain(shown, s => s.IndexOf('…', 1) > 0);   // no middle cut needed
        }

        [Fact]
        public void Equal_labels_and_a_label_that_ends_another_do_not_break_the_shortening()
        {
            string[] shown = CellText.Distinct(new[] { "same label here", "same label here", "here", "x > same label here" }, 8);
            Assert.All(shown, s => Assert.True(s.Length <= 8, s));
            Assert.Equal("here", shown[2]);
        }

        [Theory]
        [InlineData(1234.56, 9, "1,234.6")]
        [InlineData(999999.94, 9, "999,999.9")]
        [InlineData(1234567.8, 9, "1,234,568")]
        [InlineData(12345678.9, 9, "3 h 25 m")]
        public void Milliseconds_are_never_cut(double ms, int width, string expected)
        {
            using (new CultureScope("en-US")) Assert.Equal(expected, CellText.Milliseconds(ms, width));
        }

        [Fact]
        public void No_value_is_a_dash()
        {
            Assert.Equal("-", CellText.Milliseconds(null, 9));
            Assert.Equal("-", CellText.Milliseconds(double.NaN, 9));
        }

        private sealed class CultureScope : IDisposable
        {
            private readonly System.Globalization.CultureInfo _old = System.Globalization.CultureInfo.CurrentCulture;
            public CultureScope(string name) => System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(name);
            public void Dispose() => System.Globalization.CultureInfo.CurrentCulture = _old;
        }
    }
}
