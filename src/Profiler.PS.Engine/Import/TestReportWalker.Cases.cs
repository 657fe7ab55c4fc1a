using System;
using System.Globalization;
using Profiler.PS.Engine;

namespace Profiler.PS.Import
{
    /// <summary>
    /// Test cases: how each format says a case failed, was skipped or did not run. JUnit marks it with a child element
    /// (failure, error, skipped; Pester also writes status="NotRun"); NUnit 2.5 with result and executed; NUnit 3 with
    /// result. Skipped and not-run cases are counted on the run, never recorded; an executed case must have a time,
    /// except an NUnit 3 case failed by its parent (site Parent: a setup failed before it ran), which took none.
    /// </summary>
    internal sealed partial class TestReportWalker
    {
        private void BeginCase(Frame frame, Frame parent)
        {
            NameCase(frame, parent);
            frame.Time = TestReportReader.Seconds(_reader.GetAttribute(_dialect == Dialect.NUnit3 ? "duration" : "time"), Error);
            frame.Start = StartOffset();
            string result = _reader.GetAttribute("result");
            switch (_dialect)
            {
                case Dialect.JUnit:
                    frame.Outcome = string.Equals(_reader.GetAttribute("status"), "NotRun", StringComparison.OrdinalIgnoreCase) ? Outcome.NotRun : Outcome.Succeeded;
                    break;
                case Dialect.NUnit2:
                    if (result == "Failure" || result == "Error" || result == "Cancelled") frame.Outcome = Outcome.Failed;
                    else if (result == "Ignored" || result == "Skipped" || result == "NotRunnable") frame.Outcome = Outcome.Skipped;
                    else if (string.Equals(_reader.GetAttribute("executed"), "False", StringComparison.OrdinalIgnoreCase)) frame.Outcome = Outcome.NotRun;
                    break;
                case Dialect.NUnit3:
                    if (result == "Failed") frame.Outcome = Outcome.Failed;
                    else if (result == "Skipped") frame.Outcome = Outcome.Skipped;
                    // Failed by its parent's setup before it ran (Pester writes no duration then): it took no time.
                    if (frame.Outcome == Outcome.Failed && frame.Time == null && _reader.GetAttribute("site") == "Parent") frame.Time = 0;
                    break;
            }
        }

        /// <summary>A JUnit case's failure, error or skipped child decides its outcome; NUnit's result attribute already did.</summary>
        private void MarkCase(Frame frame, string child)
        {
            if (_dialect != Dialect.JUnit || frame.Outcome == Outcome.NotRun) return;
            if (child == "failure" || child == "error") frame.Outcome = Outcome.Failed;
            else if (child == "skipped" && frame.Outcome != Outcome.Failed) frame.Outcome = Outcome.Skipped;
        }

        /// <summary>
        /// Whether the suite or root element at the reader says it failed. JUnit: it counts failures or errors (Pester
        /// counts a block whose BeforeAll or AfterAll threw among the root's errors only). NUnit 2.5: its result is Failure,
        /// Error or Cancelled, as for a case, or (the root, test-results) it counts failures or errors. NUnit 3: its result
        /// is Failed (a fixture whose setup or teardown failed is, with site SetUp or TearDown). A count that is not a whole
        /// number says nothing.
        /// </summary>
        private bool ReportsFailure()
        {
            string result = _reader.GetAttribute("result");
            switch (_dialect)
            {
                case Dialect.JUnit: return Count("failures") > 0 || Count("errors") > 0;
                case Dialect.NUnit2: return result == "Failure" || result == "Error" || result == "Cancelled" || Count("failures") > 0 || Count("errors") > 0;
                default: return result == "Failed";
            }
        }

        private int Count(string attribute)
            => int.TryParse(_reader.GetAttribute(attribute), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : 0;

        private void EndCase(Frame frame, Frame parent)
        {
            if (frame.Outcome == Outcome.Skipped) { _run.SkippedCount++; return; }
            if (frame.Outcome == Outcome.NotRun) { _run.NotRunCount++; return; }
            if (frame.Time == null)
                throw new TestReportException(TestReportProblem.InvalidTime, _source,
                    $"Report '{_source}' line {frame.Line}, <{frame.Element} name=\"{frame.Name}\">: the executed test has no time. Import reports written by the test tool, which time every test.");
            if (_run.Nodes.Count >= ImportedRun.MaxNodes)
                throw new TestReportException(TestReportProblem.TooLarge, _source,
                    $"Report '{_source}' line {frame.Line}: it has more than {ImportedRun.MaxNodes:N0} executed tests and suites, the most one run may hold. Split the test run into several reports.");
            _run.Nodes.Add(new ImportedNode(frame.Tail, ImportedNodeTypes.Test, parent?.Node ?? -1, frame.Time.Value,
                frame.Outcome == Outcome.Failed ? NodeStatus.Failed : NodeStatus.Succeeded, frame.Start) { Container = frame.Container });
            Recorded(parent, frame.Time.Value);
        }
    }
}
