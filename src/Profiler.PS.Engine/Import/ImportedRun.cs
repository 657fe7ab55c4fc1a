using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Profiler.PS.Engine;

namespace Profiler.PS.Import
{
    /// <summary>
    /// A completed run measured by another tool (Pester, a JUnit or NUnit report, Invoke-Build), ready to be recorded
    /// as one run of a workflow by <see cref="ProfilerSession.ImportRun"/>. Nodes are listed parents first.
    /// </summary>
    public sealed class ImportedRun
    {
        /// <summary>Most nodes one run may have: the per-run limit of kept executions.</summary>
        public const int MaxNodes = WorkflowRun.MaxSamplesPerRun;

        private Guid _runId;

        /// <summary>Creates an empty run read from <paramref name="source"/> (a file path or a description of the object) in <paramref name="format"/>.</summary>
        public ImportedRun(string source, string format)
        {
            Source = source;
            Format = format;
        }

        /// <summary>The file or object the run came from.</summary>
        public string Source { get; }
        /// <summary>JUnit, NUnit2, NUnit3, Pester or InvokeBuild.</summary>
        public string Format { get; }
        /// <summary>When the run started, as the tool recorded it; null when the report has no timestamp.</summary>
        public DateTimeOffset? Timestamp { get; set; }
        /// <summary>The run's total in milliseconds, as the tool measured it.</summary>
        public double TotalDuration { get; set; }
        /// <summary>The executed nodes, parents before their children.</summary>
        public List<ImportedNode> Nodes { get; } = new List<ImportedNode>();
        /// <summary>Tests the tool skipped (or ignored): counted, not recorded.</summary>
        public int SkippedCount { get; set; }
        /// <summary>Tests the tool did not run (filtered out, or their block failed first): counted, not recorded.</summary>
        public int NotRunCount { get; set; }

        /// <summary>
        /// The run's identity: a name-based GUID (RFC 4122 version 5 layout) from the SHA-256 of what was measured (format,
        /// report timestamp, total, every node's id, parent, duration, status and start). The same report imported twice,
        /// or a copy of it, has the same id, so it is recorded once; it becomes the run's RunId.
        /// </summary>
        public Guid RunId => _runId != Guid.Empty ? _runId : (_runId = ComputeRunId());

        /// <summary>
        /// Gives every node an id of its own: the second node with an id gets <c>" (2)"</c> after it, the third <c>" (3)"</c>,
        /// tests first and then the other nodes, each in the order listed, so that two tests a report names alike (a
        /// data-driven test whose name has no &lt;variable&gt;, or Pester's <c>A.B &gt; c</c> and <c>A &gt; B &gt; c</c>, both <c>A.B.c</c>
        /// in its reports) are never merged into one node, and a test keeps its id when a block has the same full name
        /// (Pester's run object and its reports list blocks and tests in different orders).
        /// </summary>
        public void MakeNodeIdsUnique()
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (ImportedNode node in Nodes) seen.Add(node.NodeId);
            if (seen.Count == Nodes.Count) return;
            seen.Clear();
            var next = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (bool tests in new[] { true, false })
                foreach (ImportedNode node in Nodes)
                {
                    if ((node.NodeType == ImportedNodeTypes.Test) != tests || seen.Add(node.NodeId)) continue;
                    string id = node.NodeId, candidate;
                    int n = next.TryGetValue(id, out int last) ? last : 1;
                    do candidate = id + " (" + (++n).ToString(CultureInfo.InvariantCulture) + ")"; while (!seen.Add(candidate));
                    next[id] = n;
                    node.NodeId = candidate;
                }
            _runId = Guid.Empty;
        }

        /// <summary>
        /// Marks Failed every Block, Suite or Container that holds a Failed node, at any depth, as a Measure-WorkflowNode
        /// block is Failed when a block inside it throws: its time covers a test that failed (often cut short), so it must
        /// not be judged Faster nor enter its node's baseline. Skipped, not-run and inconclusive tests are not Failed, so
        /// they leave their parents as they were. An Invoke-Build task keeps the tool's status: a task that tolerates a
        /// called task's failure ('?Task') succeeded, and one that does not already has the error.
        /// </summary>
        public void FailEnclosingNodes()
        {
            // Parents are listed before their children, so one backward pass carries a failure up every level.
            for (int i = Nodes.Count - 1; i >= 0; i--)
            {
                ImportedNode node = Nodes[i];
                if (node.Status != NodeStatus.Failed || node.Parent < 0) continue;
                ImportedNode parent = Nodes[node.Parent];
                if (parent.NodeType == ImportedNodeTypes.Task || parent.Status == NodeStatus.Failed) continue;
                parent.Status = NodeStatus.Failed;
                _runId = Guid.Empty;
            }
        }

        /// <summary>Marks every top-level node Failed: the report says the run failed but names no node (JUnit's run-wide
        /// errors count for a Pester AfterAll that failed), so none of its times is trusted for verdicts.</summary>
        internal void FailTopLevelNodes()
        {
            foreach (ImportedNode node in Nodes)
                if (node.Parent < 0 && node.NodeType != ImportedNodeTypes.Framework) node.Status = NodeStatus.Failed;
            _runId = Guid.Empty;
        }

        /// <summary>True when a node is Failed.</summary>
        internal bool AnyFailed()
        {
            foreach (ImportedNode node in Nodes) if (node.Status == NodeStatus.Failed) return true;
            return false;
        }

        /// <summary>Executed tests (nodes of type Test), and how many tests or tasks failed.</summary>
        public int CountTests(out int failed)
        {
            int tests = 0;
            failed = 0;
            foreach (ImportedNode n in Nodes)
            {
                bool test = n.NodeType == ImportedNodeTypes.Test;
                if (test) tests++;
                if ((test || n.NodeType == ImportedNodeTypes.Task) && n.Status != NodeStatus.Succeeded) failed++;
            }
            return tests;
        }

        /// <summary>Checks every node before anything is recorded, so a bad run changes nothing.</summary>
        /// <exception cref="ProfilerException">InvalidNodeId, InvalidDuration or InvalidFile (a bad parent index, no node, too many nodes).</exception>
        public void Validate()
        {
            if (Nodes.Count == 0)
                throw new ProfilerException(ProfilerErrorKind.InvalidFile, $"'{Source}' has no executed test or task to import: every test was skipped or not run.");
            if (Nodes.Count > MaxNodes)
                throw new ProfilerException(ProfilerErrorKind.InvalidFile, $"'{Source}' has {Nodes.Count:N0} nodes, more than the {MaxNodes:N0} one run may have: split the report.");
            Validation.Duration(TotalDuration, $"The total of '{Source}'");
            for (int i = 0; i < Nodes.Count; i++)
            {
                ImportedNode n = Nodes[i];
                Validation.NodeId(n.NodeId);
                Validation.Duration(n.Duration, $"The duration of '{n.NodeId}' in '{Source}'");
                if (n.Parent < -1 || n.Parent >= i)
                    throw new ProfilerException(ProfilerErrorKind.InvalidFile, $"Node '{n.NodeId}' of '{Source}' names parent {n.Parent}, which is not listed before it.");
                if (n.StartOffset is double s && (double.IsNaN(s) || double.IsInfinity(s)))
                    throw new ProfilerException(ProfilerErrorKind.InvalidDuration, $"The start of '{n.NodeId}' in '{Source}' is not a finite number.");
            }
        }

        /// <summary>
        /// Each node's start in milliseconds from the run's start: the tool's when known, else right after the previous
        /// sibling ended (or at the parent's start), as the tools run tests and tasks one after another.
        /// </summary>
        internal double[] StartOffsets()
        {
            var starts = new double[Nodes.Count];
            var cursor = new double[Nodes.Count];
            double top = 0;
            for (int i = 0; i < starts.Length; i++)
            {
                ImportedNode n = Nodes[i];
                double next = n.Parent < 0 ? top : cursor[n.Parent];
                starts[i] = n.StartOffset ?? next;
                cursor[i] = starts[i];
                double end = starts[i] + n.Duration;
                if (n.Parent < 0) top = Math.Max(top, end);
                else cursor[n.Parent] = Math.Max(cursor[n.Parent], end);
            }
            return starts;
        }

        private Guid ComputeRunId()
        {
            var text = new StringBuilder(64 + Nodes.Count * 64);
            text.Append(Format).Append('\n')
                .Append(Timestamp?.UtcDateTime.ToString("o", CultureInfo.InvariantCulture) ?? "-").Append('\n')
                .Append(TotalDuration.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            foreach (ImportedNode n in Nodes)
                text.Append(n.NodeId).Append('\t').Append(n.NodeType).Append('\t').Append(n.Parent.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(n.Duration.ToString("R", CultureInfo.InvariantCulture)).Append('\t').Append((int)n.Status)
                    .Append('\t').Append(n.StartOffset?.ToString("R", CultureInfo.InvariantCulture) ?? "-").Append('\n');
            byte[] hash;
            using (SHA256 sha = SHA256.Create()) hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            var bytes = new byte[16];
            Array.Copy(hash, bytes, 16);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);   // version 5 (name-based), in Guid's little-endian field layout
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC 4122 variant
            return new Guid(bytes);
        }
    }
}
