using System;

namespace Profiler.PS.Import
{
    /// <summary>Why a test report could not be imported; the cmdlet turns each into the ErrorId ImportWorkflowRun&lt;Problem&gt;.</summary>
    public enum TestReportProblem
    {
        /// <summary>Not well-formed XML: damaged, or truncated (a write cut short).</summary>
        InvalidXml,
        /// <summary>The report has a DTD (DOCTYPE); DTDs and entities are refused, never expanded or fetched.</summary>
        DtdProhibited,
        /// <summary>Well-formed XML that is neither JUnit (testsuites, testsuite) nor NUnit 2.5 (test-results) nor NUnit 3 (test-run).</summary>
        UnknownFormat,
        /// <summary>A time that is missing, negative, not a number, or a timestamp that is not a date.</summary>
        InvalidTime,
        /// <summary>A test case or suite without the name attribute every format requires.</summary>
        MissingName,
        /// <summary>More test cases than one run may hold, nesting deeper than the limit, or a name longer than the limit.</summary>
        TooLarge,
    }

    /// <summary>A test report that cannot be imported; the message names the file, the element and its line.</summary>
    public sealed class TestReportException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        public TestReportException(TestReportProblem problem, string path, string message, Exception inner = null)
            : base(message, inner)
        {
            Problem = problem;
            Path = path;
        }

        /// <summary>What is wrong.</summary>
        public TestReportProblem Problem { get; }
        /// <summary>The report's path.</summary>
        public string Path { get; }
    }
}
