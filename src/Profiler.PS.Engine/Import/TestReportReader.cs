using System;
using System.Globalization;
using System.IO;
using System.Xml;
using Profiler.PS.Engine;

namespace Profiler.PS.Import
{
    /// <summary>
    /// Reads a JUnit (Pester JUnitXml, Maven Surefire, pytest, Jest), NUnit 2.5 (Pester NUnitXml) or NUnit 3 test
    /// report into an <see cref="ImportedRun"/>. The file is streamed with <see cref="XmlReader"/> (no document is
    /// built, output and failure texts are skipped unread), so memory follows the number of executed test cases, not
    /// the file's size. A DTD is refused (<see cref="DtdProcessing.Prohibit"/>) and no resolver is set, so no entity
    /// is expanded and nothing outside the file is ever read.
    /// </summary>
    public static class TestReportReader
    {
        /// <summary>Deepest nesting of suites and cases read.</summary>
        public const int MaxDepth = 256;
        /// <summary>Longest name (suite, class or case) read, in characters.</summary>
        public const int MaxNameLength = 4096;

        /// <summary>Reads the report at <paramref name="path"/>.</summary>
        /// <exception cref="TestReportException">The report is not one of the formats, not well-formed, has a DTD, bad times or is too large.</exception>
        /// <exception cref="ProfilerException">FileAccessFailed: the file could not be read.</exception>
        public static ImportedRun ReadFile(string path)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                    return Read(stream, path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"The report '{path}' could not be read: {ex.Message}");
            }
        }

        /// <summary>Reads a report from <paramref name="stream"/>; <paramref name="source"/> names it in the run and in errors.</summary>
        /// <exception cref="TestReportException">The report is not one of the formats, not well-formed, has a DTD, bad times or is too large.</exception>
        public static ImportedRun Read(Stream stream, string source)
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreWhitespace = true,
                IgnoreProcessingInstructions = true,
                CloseInput = false,
            };
            try
            {
                using (XmlReader reader = XmlReader.Create(stream, settings))
                    return new TestReportWalker(reader, source).Walk();
            }
            catch (XmlException ex)
            {
                // The reader's own words are the only sign of a DTD; its messages are English unless the runtime is localised.
                // Test tools write no DOCTYPE; an HTML page (an Export-WorkflowReport file) starts with one. The reader
                // gives no position for a prohibited DTD (line 0), so none is printed then.
                if (ex.Message.IndexOf("DTD", StringComparison.OrdinalIgnoreCase) >= 0 || ex.Message.IndexOf("DOCTYPE", StringComparison.OrdinalIgnoreCase) >= 0)
                    throw new TestReportException(TestReportProblem.DtdProhibited, source,
                        $"'{source}' is not a JUnit or NUnit test report: it has a DTD (<!DOCTYPE>{(ex.LineNumber > 0 ? $" at line {ex.LineNumber}" : "")}), which test tools do not write and an HTML page does. Give the XML report the test tool wrote (for example Invoke-Pester's TestResult.OutputFormat JUnitXml or NUnitXml); a DTD is refused, so no entity is expanded and nothing outside the file is read.", ex);
                throw new TestReportException(TestReportProblem.InvalidXml, source,
                    $"Report '{source}' is not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition} ({ex.Message}). A report cut short (a test run killed while writing it) ends like this: re-run the tests, or import the complete copy.", ex);
            }
        }

        /// <summary>Seconds as the reports write them ("0.017", invariant culture) to milliseconds; null when absent.</summary>
        internal static double? Seconds(string text, Func<string, TestReportException> error)
        {
            if (text == null) return null;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || double.IsNaN(seconds) || double.IsInfinity(seconds))
                throw error($"the time '{text}' is not a number of seconds");
            if (seconds < 0) throw error($"the time '{text}' is negative");
            return seconds * 1000.0;
        }

        /// <summary>A report timestamp; one without a zone is taken as local time, as Pester and most tools write local time.</summary>
        internal static DateTimeOffset? Timestamp(string text, Func<string, TestReportException> error)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out DateTimeOffset value))
                throw error($"the timestamp '{text}' is not a date and time");
            return value;
        }
    }
}
