using System;
using System.Collections.Generic;
using System.Xml;
using Profiler.PS.Engine;

namespace Profiler.PS.Import
{
    /// <summary>
    /// One pass over a report's elements. Suites (testsuite, test-suite) and cases (testcase, test-case) are nodes,
    /// named by their path (<c>suite &gt; case</c>); every other element is skipped unread, except the ones that say a case
    /// failed or was skipped. A suite is kept only when it holds an executed case or failed; its time is the report's
    /// (inclusive), or the sum of its executed children when the report gives none. A suite is Failed when the report
    /// says so (<see cref="ReportsFailure"/>) or a node inside it failed (<see cref="ImportedRun.FailEnclosingNodes"/>).
    /// </summary>
    internal sealed partial class TestReportWalker
    {
        private enum Dialect { JUnit, NUnit2, NUnit3 }
        private enum Kind { Suite, Case, Transparent }
        private enum Outcome { Succeeded, Failed, Skipped, NotRun }

        private sealed class Frame
        {
            public Kind Kind;
            public int Node = -1;
            public string Tail, FullName, Element, Name;
            public int Container = -1;
            public double? Time, Start;
            public double ChildTime;
            public bool Recorded, Failed;
            public Outcome Outcome;
            public int Line;
        }

        private readonly XmlReader _reader;
        private readonly string _source;
        private readonly List<Frame> _stack = new List<Frame>();
        private Dialect _dialect;
        private ImportedRun _run;
        private double? _rootTotal;
        private double _topTotal;
        /// <summary>The root element says the run had failures (JUnit testsuites, NUnit test-results or test-run).</summary>
        private bool _rootFailed;
        private DateTimeOffset? _earliestSuite;

        public TestReportWalker(XmlReader reader, string source)
        {
            _reader = reader;
            _source = source;
        }

        public ImportedRun Walk()
        {
            _reader.MoveToContent();
            if (_reader.NodeType != XmlNodeType.Element) throw Unknown("it has no root element");
            ReadRoot();
            bool positioned = false;
            while (positioned || _reader.Read())
            {
                positioned = false;
                if (_reader.NodeType == XmlNodeType.EndElement) End();
                else if (_reader.NodeType == XmlNodeType.Element) positioned = Start();
            }
            if (_stack.Count > 0) throw new TestReportException(TestReportProblem.InvalidXml, _source, $"Report '{_source}' ends inside <{_stack[_stack.Count - 1].Element}>: it was cut short. Re-run the tests, or import the complete copy.");
            if (_run.Timestamp == null) _run.Timestamp = _earliestSuite;
            _run.FailEnclosingNodes();
            // A failure the root counts but no suite or case shows (Pester's JUnit report of an AfterAll that threw).
            if (_rootFailed && !_run.AnyFailed()) _run.FailTopLevelNodes();
            NameNodes();
            _run.TotalDuration = _rootTotal ?? _topTotal;
            return _run;
        }

        private void ReadRoot()
        {
            switch (_reader.LocalName)
            {
                case "testsuites":
                    _dialect = Dialect.JUnit;
                    _run = new ImportedRun(_source, "JUnit");
                    _rootTotal = TestReportReader.Seconds(_reader.GetAttribute("time"), Error);
                    _run.Timestamp = TestReportReader.Timestamp(_reader.GetAttribute("timestamp"), Error);
                    _rootFailed = ReportsFailure();
                    Push(Kind.Transparent);
                    break;
                case "testsuite":
                    _dialect = Dialect.JUnit;
                    _run = new ImportedRun(_source, "JUnit");
                    Start();
                    break;
                case "test-results":
                    _dialect = Dialect.NUnit2;
                    _run = new ImportedRun(_source, "NUnit2");
                    string date = _reader.GetAttribute("date"), time = _reader.GetAttribute("time");
                    _run.Timestamp = date == null ? null : TestReportReader.Timestamp(date + (time == null ? "" : "T" + time), Error);
                    _rootFailed = ReportsFailure();
                    Push(Kind.Transparent);
                    break;
                case "test-run":
                    _dialect = Dialect.NUnit3;
                    _run = new ImportedRun(_source, "NUnit3");
                    _rootTotal = TestReportReader.Seconds(_reader.GetAttribute("duration"), Error);
                    _run.Timestamp = TestReportReader.Timestamp(_reader.GetAttribute("start-time"), Error);
                    _rootFailed = ReportsFailure();
                    Push(Kind.Transparent);
                    break;
                default:
                    throw Unknown($"its root element is <{_reader.Name}>");
            }
        }

        /// <summary>Handles an element start; true when the reader was moved past the element (skipped).</summary>
        private bool Start()
        {
            string name = _reader.LocalName;
            Frame top = _stack.Count > 0 ? _stack[_stack.Count - 1] : null;
            if (top != null && top.Kind == Kind.Case)
            {
                MarkCase(top, name);
                _reader.Skip();
                return true;
            }
            bool suite = _dialect == Dialect.JUnit ? name == "testsuite" : name == "test-suite";
            bool testCase = _dialect == Dialect.JUnit ? name == "testcase" : name == "test-case";
            bool transparent = _dialect == Dialect.NUnit2 && name == "results";
            if (suite && IsWrapper()) { suite = false; transparent = true; }
            if (!suite && !testCase && !transparent)
            {
                _reader.Skip();
                return true;
            }
            if (_stack.Count >= TestReportReader.MaxDepth)
                throw new TestReportException(TestReportProblem.TooLarge, _source, At($"nesting is deeper than {TestReportReader.MaxDepth} levels") + " Such a report is not one a test tool writes.");
            Frame parent = Enclosing();
            Frame frame = Push(suite ? Kind.Suite : testCase ? Kind.Case : Kind.Transparent);
            if (suite) BeginSuite(frame, parent);
            else if (testCase) BeginCase(frame, parent);
            if (_reader.IsEmptyElement) End();
            return false;
        }

        private Frame Push(Kind kind)
        {
            var frame = new Frame { Kind = kind, Element = _reader.Name, Line = (_reader as IXmlLineInfo)?.LineNumber ?? 0 };
            _stack.Add(frame);
            return frame;
        }

        private void End()
        {
            Frame frame = _stack[_stack.Count - 1];
            _stack.RemoveAt(_stack.Count - 1);
            Frame parent = Enclosing();
            if (frame.Kind == Kind.Suite) EndSuite(frame, parent);
            else if (frame.Kind == Kind.Case) EndCase(frame, parent);
        }

        private void EndSuite(Frame frame, Frame parent)
        {
            if (!frame.Recorded && !frame.Failed)
            {
                _run.Nodes.RemoveAt(frame.Node);   // no executed case inside: it is the last node
                return;
            }
            double duration = frame.Time ?? frame.ChildTime;
            _run.Nodes[frame.Node] = new ImportedNode(frame.Tail, frame.Tail.Length == 0 ? ImportedNodeTypes.Container : ImportedNodeTypes.Suite, parent?.Node ?? -1, duration,
                frame.Failed ? NodeStatus.Failed : NodeStatus.Succeeded, frame.Start) { Container = frame.Container };
            Recorded(parent, duration);
        }

        private void Recorded(Frame parent, double duration)
        {
            if (parent == null) { _topTotal += duration; return; }
            parent.Recorded = true;
            parent.ChildTime += duration;
        }

        /// <summary>The innermost open suite, or null at the top level.</summary>
        private Frame Enclosing()
        {
            for (int i = _stack.Count - 1; i >= 0; i--) if (_stack[i].Kind == Kind.Suite) return _stack[i];
            return null;
        }

        /// <summary>NUnit 3's start-time as milliseconds after the run's start; null elsewhere.</summary>
        private double? StartOffset()
        {
            if (_dialect != Dialect.NUnit3 || _run.Timestamp == null) return null;
            DateTimeOffset? start = TestReportReader.Timestamp(_reader.GetAttribute("start-time"), Error);
            return start == null ? (double?)null : (start.Value - _run.Timestamp.Value).TotalMilliseconds;
        }

        private string At(string what)
        {
            string name = _reader.GetAttribute("name");
            string element = name == null ? $"<{_reader.Name}>" : $"<{_reader.Name} name=\"{(name.Length > 80 ? name.Substring(0, 80) + "..." : name)}\">";
            int line = (_reader as IXmlLineInfo)?.LineNumber ?? 0;   // 0: the reader has no position to give
            return $"Report '{_source}'{(line > 0 ? $" line {line}" : "")}, {element}: {what}.";
        }

        private TestReportException Error(string what)
            => new TestReportException(TestReportProblem.InvalidTime, _source, At(what) + " Times are seconds written as 0.125; timestamps are ISO 8601 dates.");

        private TestReportException Unknown(string why)
            => new TestReportException(TestReportProblem.UnknownFormat, _source,
                $"Report '{_source}' is neither JUnit (<testsuites>, <testsuite>) nor NUnit (<test-results>, <test-run>): {why}. Write the report in one of those formats, for example Invoke-Pester's TestResult.OutputFormat JUnitXml or NUnitXml.");
    }
}
