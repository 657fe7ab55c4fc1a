using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Profiler.PS.Engine;
using Profiler.PS.Import;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Reports that must be refused with a clear problem naming the file and element, and the 100 MB report read in bounded memory.</summary>
    [Collection("Memory")] // measures allocations: no test may run beside it
    public class TestReportBadInputTests
    {
        private static TestReportException Refused(string xml, TestReportProblem problem, string source = "bad.xml")
        {
            var ex = Assert.Throws<TestReportException>(() => TestReportReaderTests.Read(xml, source));
            Assert.Equal(problem, ex.Problem);
            Assert.Equal(source, ex.Path);
            Assert.Contains(source, ex.Message);
            return ex;
        }

        [Fact]
        public void A_DTD_with_an_external_entity_is_refused_and_the_file_it_names_is_never_read()
        {
            using var dir = new TempFolder();
            string secret = dir.File("secret.txt");
            File.WriteAllText(secret, "TOP-SECRET");
            string xml = $@"<?xml version=""1.0""?><!DOCTYPE testsuite [<!ENTITY x SYSTEM ""file://{secret}"">]><testsuite name=""&x;"" time=""1""><testcase name=""a"" time=""1""/></testsuite>";
            TestReportException ex = Refused(xml, TestReportProblem.DtdProhibited);
            Assert.DoesNotContain("TOP-SECRET", ex.ToString());
            Refused(@"<!DOCTYPE testsuites [<!ENTITY a ""aaaaaaaaaa""><!ENTITY b ""&a;&a;&a;&a;&a;"">]><testsuites><testsuite name=""&b;""/></testsuites>", TestReportProblem.DtdProhibited);
        }

        [Fact]
        public void A_truncated_report_is_invalid_xml_naming_the_line()
        {
            string cut = TestReportReaderTests.Surefire.Substring(0, TestReportReaderTests.Surefire.IndexOf("talksToDb", StringComparison.Ordinal));
            TestReportException ex = Refused(cut, TestReportProblem.InvalidXml);
            Assert.Contains("line", ex.Message);
            Refused("", TestReportProblem.InvalidXml);
        }

        [Fact]
        public void Xml_that_is_neither_JUnit_nor_NUnit_is_an_unknown_format()
        {
            TestReportException ex = Refused(@"<project><target name=""x""/></project>", TestReportProblem.UnknownFormat);
            Assert.Contains("<project>", ex.Message);
        }

        [Theory]
        [InlineData(@"time=""-0.5""", "negative")]
        [InlineData(@"time=""fast""", "not a number")]
        [InlineData(@"time=""NaN""", "not a number")]
        [InlineData("", "no time")]
        public void Bad_or_missing_times_of_executed_cases_are_refused_naming_the_element(string time, string why)
        {
            TestReportException ex = Refused($@"<testsuites>
<testsuite name=""s"" time=""1""><testcase name=""ok"" time=""0.5""/>
<testcase name=""slowOne"" {time}/></testsuite></testsuites>", TestReportProblem.InvalidTime);
            Assert.Contains(why, ex.Message);
            Assert.Contains("slowOne", ex.Message);
            Assert.Contains("line 3", ex.Message);
        }

        [Fact]
        public void A_skipped_case_may_have_no_time_but_a_bad_timestamp_or_nameless_case_is_refused()
        {
            Assert.Equal(1, TestReportReaderTests.Read(@"<testsuite name=""s""><testcase name=""a"" time=""1""/><testcase name=""b""><skipped/></testcase></testsuite>").SkippedCount);
            Refused(@"<testsuite name=""s"" timestamp=""yesterday""><testcase name=""a"" time=""1""/></testsuite>", TestReportProblem.InvalidTime);
            Refused(@"<testsuite name=""s""><testcase time=""1""/></testsuite>", TestReportProblem.MissingName);
        }

        [Fact]
        public void Nesting_deeper_than_the_limit_is_refused()
        {
            var sb = new StringBuilder("<testsuites>");
            for (int i = 0; i <= TestReportReader.MaxDepth; i++) sb.Append("<testsuite name=\"s\">");
            Refused(sb.ToString(), TestReportProblem.TooLarge);
        }

        [Fact]
        public void A_report_with_every_case_skipped_has_nothing_to_import()
        {
            ImportedRun run = TestReportReaderTests.Read(@"<testsuite name=""s"" time=""0""><testcase name=""a""><skipped/></testcase></testsuite>");
            Assert.Empty(run.Nodes);
            var ex = Assert.Throws<ProfilerException>(() => run.Validate());
            Assert.Equal(ProfilerErrorKind.InvalidFile, ex.Kind);
        }

        [Fact]
        public void A_100_MB_report_is_streamed_in_bounded_memory()
        {
            // 100 MB of mostly test output (as real reports carry), produced on the fly: nothing is ever held whole.
            using var report = new GeneratedReport(100L << 20, cases: 2000);
            long before = GC.GetTotalMemory(true);
            ImportedRun run = TestReportReader.Read(report, "big.xml");
            Assert.True(report.Position >= 100L << 20);
            Assert.Equal(2000, run.Nodes.Count - 1);
            long peak = report.PeakManagedBytes - before;
            Assert.True(peak < 32L << 20, $"managed memory grew by {peak:N0} bytes while reading 100 MB");
        }

        /// <summary>A JUnit report of <c>cases</c> test cases, each with a long system-out, generated as it is read.</summary>
        private sealed class GeneratedReport : Stream
        {
            private readonly IEnumerator<byte[]> _chunks;
            private byte[] _chunk = Array.Empty<byte>();
            private int _chunkPos;
            private long _position;

            public GeneratedReport(long size, int cases) => _chunks = Chunks(size, cases).GetEnumerator();

            public long PeakManagedBytes { get; private set; }
            public override long Position { get => _position; set => throw new NotSupportedException(); }

            private static IEnumerable<byte[]> Chunks(long size, int cases)
            {
                byte[] filler = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
                long fillersPerCase = size / cases / filler.Length + 1;
                yield return Encoding.ASCII.GetBytes(@"<testsuites><testsuite name=""big"">");
                for (int c = 0; c < cases; c++)
                {
                    yield return Encoding.ASCII.GetBytes($@"<testcase name=""t{c}"" time=""0.001""><system-out>");
                    for (long f = 0; f < fillersPerCase; f++) yield return filler;
                    yield return Encoding.ASCII.GetBytes("</system-out></testcase>");
                }
                yield return Encoding.ASCII.GetBytes("</testsuite></testsuites>");
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                while (_chunkPos == _chunk.Length)
                {
                    if (!_chunks.MoveNext()) return 0;
                    _chunk = _chunks.Current;
                    _chunkPos = 0;
                }
                int n = Math.Min(count, _chunk.Length - _chunkPos);
                Array.Copy(_chunk, _chunkPos, buffer, offset, n);
                _chunkPos += n;
                _position += n;
                if ((_position & 0xFFFFF) < n) PeakManagedBytes = Math.Max(PeakManagedBytes, GC.GetTotalMemory(false));
                return n;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
