using Profiler.PS.Engine;

namespace Profiler.PS.Import
{
    /// <summary>
    /// One execution of a node in a run measured by another tool (a test case, a test suite, a build task).
    /// <see cref="Duration"/> is inclusive: a parent's duration contains its children's.
    /// </summary>
    public sealed class ImportedNode
    {
        /// <summary>Creates a node; <paramref name="parent"/> is the index of the enclosing node in the run's list, or -1.</summary>
        public ImportedNode(string nodeId, string nodeType, int parent, double duration, NodeStatus status = NodeStatus.Succeeded, double? startOffset = null)
        {
            NodeId = nodeId;
            NodeType = nodeType;
            Parent = parent;
            Duration = duration;
            Status = status;
            StartOffset = startOffset;
        }

        /// <summary>The node's id: name segments joined by <see cref="NodePath"/>, such as <c>a.Tests.ps1 &gt; Describe.It</c>, or a task's name.</summary>
        public string NodeId { get; internal set; }
        /// <summary>While a report is read: the index of the file (container) whose path starts the id, or -1.</summary>
        internal int Container { get; set; } = -1;
        /// <summary>Test, Block, Container, Suite, Task or Framework.</summary>
        public string NodeType { get; }
        /// <summary>Index of the enclosing node in <see cref="ImportedRun.Nodes"/> (always lower than this node's), or -1 at the top level.</summary>
        public int Parent { get; }
        /// <summary>Inclusive milliseconds, as the tool measured them.</summary>
        public double Duration { get; }
        /// <summary>Failed for a failed test, an erroring test, a task that threw, or a block, suite or file that failed on
        /// its own (setup, teardown) or holds a failed node (<see cref="ImportedRun.FailEnclosingNodes"/>); else Succeeded.</summary>
        public NodeStatus Status { get; internal set; }
        /// <summary>Milliseconds from the run's start to the node's start, when the tool recorded it; null lays the node out
        /// right after its previous sibling (or at its parent's start).</summary>
        public double? StartOffset { get; }
    }

    /// <summary>The node types imported runs use.</summary>
    public static class ImportedNodeTypes
    {
        /// <summary>A test case (Pester It, JUnit testcase, NUnit test-case).</summary>
        public const string Test = "Test";
        /// <summary>A Pester Describe or Context block.</summary>
        public const string Block = "Block";
        /// <summary>A test file or assembly: a Pester container, or a report's suite named by an absolute path or of NUnit type Assembly.</summary>
        public const string Container = "Container";
        /// <summary>A JUnit testsuite or NUnit test-suite.</summary>
        public const string Suite = "Suite";
        /// <summary>An Invoke-Build task.</summary>
        public const string Task = "Task";
        /// <summary>A tool's own time: Pester's discovery and framework time.</summary>
        public const string Framework = "Framework";
    }
}
