using System;
using System.Collections.Generic;

namespace Profiler.PS.Import
{
    /// <summary>
    /// Node ids (<see cref="NodePath"/>). A suite named by an absolute path (a test file: Pester's JUnit and NUnit 2.5
    /// suites, NUnit 3's fullname) or of NUnit type Assembly is a container: ids start with its path, made relative to
    /// the directory all the report's containers share once the whole report is read; the suites around it (NUnit 2.5's
    /// run-wide suite) stay nodes but are not part of the ids below it. Containers get NodeType Container. Below a container, JUnit ids are paths of suite, class (when it adds something)
    /// and case names; NUnit ids are full names (NUnit 2.5 names cases in full; NUnit 3 gives fullname; a suite's full name
    /// is its parent's, a dot, then its name, unless its name already starts so). Pester's reports thus give each test
    /// <c>file &gt; Describe.Context.It</c>, the id Import-WorkflowRun gives the same test from the Pester run. NUnit's
    /// parameterized wrappers (ParameterizedTest, ParameterizedMethod, ParameterizedFixture) are not nodes: their cases'
    /// full names already say everything, and Pester runs have no such level.
    /// </summary>
    internal sealed partial class TestReportWalker
    {
        /// <summary>The raw labels of the containers, by index.</summary>
        private readonly List<string> _containers = new List<string>();

        /// <summary>NUnit's wrapper of a data-driven test or fixture's cases.</summary>
        private bool IsWrapper()
        {
            if (_dialect == Dialect.JUnit) return false;
            string type = _reader.GetAttribute("type");
            return type == "ParameterizedTest" || type == "ParameterizedMethod" || type == "ParameterizedFixture";
        }

        private void BeginSuite(Frame frame, Frame parent)
        {
            frame.Name = Name("name");
            string fullName = _dialect == Dialect.NUnit3 ? _reader.GetAttribute("fullname") : null;
            string label = string.IsNullOrWhiteSpace(fullName) ? frame.Name : fullName;
            if (NodePath.IsAbsolutePath(label) || (_dialect != Dialect.JUnit && _reader.GetAttribute("type") == "Assembly"))
            {
                frame.Container = _containers.Count;
                _containers.Add(label);
                frame.Tail = "";
            }
            else
            {
                frame.Container = parent?.Container ?? -1;
                if (_dialect == Dialect.JUnit) frame.Tail = Below(parent, NodePath.Escape(frame.Name));
                else
                {
                    frame.FullName = !string.IsNullOrWhiteSpace(fullName) ? fullName
                        : parent?.FullName == null || frame.Name.StartsWith(parent.FullName + ".", StringComparison.Ordinal) ? frame.Name
                        : parent.FullName + "." + frame.Name;
                    frame.Tail = NodePath.Escape(frame.FullName);
                }
            }
            frame.Time = TestReportReader.Seconds(_reader.GetAttribute(_dialect == Dialect.NUnit3 ? "duration" : "time"), Error);
            frame.Start = StartOffset();
            frame.Failed = ReportsFailure();
            if (_dialect == Dialect.JUnit && TestReportReader.Timestamp(_reader.GetAttribute("timestamp"), Error) is DateTimeOffset t
                && (_earliestSuite == null || t < _earliestSuite)) _earliestSuite = t;
            frame.Node = _run.Nodes.Count;
            _run.Nodes.Add(null);   // filled at the suite's end, when its time is known
        }

        /// <summary>JUnit: the enclosing suite's id, the class name when it adds something, the name. NUnit: the full name.</summary>
        private void NameCase(Frame frame, Frame parent)
        {
            frame.Name = Name("name");
            frame.Container = parent?.Container ?? -1;
            if (_dialect == Dialect.JUnit)
            {
                string className = _reader.GetAttribute("classname");
                string prefix = parent?.Tail;
                if (!string.IsNullOrWhiteSpace(className) && className != frame.Name && className != parent?.Name)
                    prefix = Below(parent, NodePath.Escape(className));
                frame.Tail = string.IsNullOrEmpty(prefix) ? NodePath.Escape(frame.Name) : prefix + NodePath.Separator + NodePath.Escape(frame.Name);
            }
            else
            {
                string fullName = _dialect == Dialect.NUnit3 ? _reader.GetAttribute("fullname") : null;
                frame.Tail = NodePath.Escape(string.IsNullOrWhiteSpace(fullName) ? frame.Name : fullName);
            }
        }

        private static string Below(Frame parent, string escaped) => string.IsNullOrEmpty(parent?.Tail) ? escaped : parent.Tail + NodePath.Separator + escaped;

        /// <summary>Puts each node's container path (relative, escaped) before its id, then makes every id unique.</summary>
        private void NameNodes()
        {
            string[] labels = NodePath.Relativize(_containers, out _);
            for (int i = 0; i < labels.Length; i++) labels[i] = NodePath.Escape(labels[i]);
            foreach (ImportedNode node in _run.Nodes)
                if (node.Container >= 0)
                    node.NodeId = node.NodeId.Length == 0 ? labels[node.Container] : labels[node.Container] + NodePath.Separator + node.NodeId;
            _run.MakeNodeIdsUnique();
        }

        private string Name(string attribute)
        {
            string name = _reader.GetAttribute(attribute);
            if (string.IsNullOrWhiteSpace(name))
                throw new TestReportException(TestReportProblem.MissingName, _source, At("it has no name attribute") + " Every test tool names its suites and cases; is the report complete?");
            if (name.Length > TestReportReader.MaxNameLength)
                throw new TestReportException(TestReportProblem.TooLarge, _source, At($"its name is longer than {TestReportReader.MaxNameLength:N0} characters") + " Shorten the test's name.");
            return name;
        }
    }
}
