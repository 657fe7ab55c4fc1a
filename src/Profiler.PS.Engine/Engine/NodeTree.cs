using System;
using System.Collections.Generic;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// Puts node statistics in tree order: each node under the node that enclosed it, in the order the nodes first
    /// ran, children indented one level deeper (<see cref="NodePerformanceData.Depth"/>). A node's parent is the
    /// enclosing node of its first execution in the latest kept run timeline that has it (a node called from
    /// several places is shown under the latest caller); nodes no kept timeline shows nested are at the top level.
    /// </summary>
    internal static class NodeTree
    {
        /// <summary>
        /// <paramref name="nodes"/> (first-recorded order: a nested node completes, so is recorded, before its
        /// parent) reordered depth-first, each subtree placed where its first-recorded member was, with
        /// ParentId and Depth set. <paramref name="timelines"/> are the kept runs, oldest first; nulls are skipped.
        /// </summary>
        public static NodePerformanceData[] Order(NodePerformanceData[] nodes, IEnumerable<RunTimeline> timelines)
        {
            var position = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < nodes.Length; i++) position[nodes[i].NodeId] = i;
            Dictionary<string, string> parentOf = Parents(timelines, position.ContainsKey);

            var children = new Dictionary<string, List<NodePerformanceData>>(StringComparer.OrdinalIgnoreCase);
            var roots = new List<NodePerformanceData>();
            var earliest = new int[nodes.Length];   // first-recorded position of any node in each node's subtree
            for (int i = 0; i < nodes.Length; i++) earliest[i] = i;
            for (int i = 0; i < nodes.Length; i++)
                for (string p = Parent(parentOf, nodes[i].NodeId); p != null; p = Parent(parentOf, p))
                    earliest[position[p]] = Math.Min(earliest[position[p]], i);
            foreach (NodePerformanceData n in nodes)
            {
                string p = Parent(parentOf, n.NodeId);
                if (p == null) roots.Add(n);
                else (children.TryGetValue(p, out var list) ? list : children[p] = new List<NodePerformanceData>()).Add(n);
            }
            Comparison<NodePerformanceData> byEarliest = (a, b) => earliest[position[a.NodeId]].CompareTo(earliest[position[b.NodeId]]);
            var ordered = new List<NodePerformanceData>(nodes.Length);
            Visit(roots, null, 0, children, byEarliest, ordered);
            var shown = new string[ordered.Count];
            for (int i = 0; i < shown.Length; i++) shown[i] = Relative(ordered[i]);
            var set = new Rendering.IdSet(shown);
            for (int i = 0; i < shown.Length; i++) { ordered[i].Ids = set; ordered[i].IdIndex = i; }
            return ordered.ToArray();
        }

        /// <summary>
        /// Each nested node's parent (see the class), among the nodes <paramref name="known"/> accepts; nodes absent
        /// from the map are at the top level. <paramref name="timelines"/> are the kept runs, oldest first; nulls are skipped.
        /// </summary>
        public static Dictionary<string, string> Parents(IEnumerable<RunTimeline> timelines, Func<string, bool> known)
        {
            var parentOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var decided = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var latestFirst = new List<RunTimeline>(timelines);
            latestFirst.Reverse();
            foreach (RunTimeline t in latestFirst)
            {
                if (t == null) continue;
                var seen = new HashSet<int>();
                foreach (TimelineExecution e in t.Executions)
                {
                    if (!seen.Add(e.Node)) continue;          // the node's first execution in this run decides
                    string id = t.NodeIds[e.Node];
                    if (!decided.Add(id)) continue;           // a later run already placed it
                    string parent = EnclosingNode(t, e);
                    if (parent != null && known(parent)) parentOf[id] = parent;
                }
            }
            BreakCycles(parentOf);
            return parentOf;
        }

        private static void Visit(List<NodePerformanceData> level, string parentId, int depth,
            Dictionary<string, List<NodePerformanceData>> children, Comparison<NodePerformanceData> order, List<NodePerformanceData> into)
        {
            level.Sort(order);   // List.Sort is not stable, but no two nodes share a first-recorded position
            foreach (NodePerformanceData n in level)
            {
                n.SetPlace(parentId, depth);
                into.Add(n);
                if (children.TryGetValue(n.NodeId, out var kids)) Visit(kids, n.NodeId, depth + 1, children, order, into);
            }
        }

        /// <summary>The separator of imported test ids' parts (<c>File > Describe > It</c>).</summary>
        internal const string PathSeparator = " > ";

        /// <summary>
        /// The id as shown under its parent: a child whose id is its parent's id and a path separator and more
        /// (imported tests: <c>File > Describe</c> under <c>File</c>) shows an ellipsis and the rest
        /// (<c>… > Describe</c>). Any other id is shown whole: <c>tests</c> under <c>test</c> and <c>CompileOne</c>
        /// under <c>Compile</c> are names of their own, not continuations.
        /// </summary>
        internal static string Relative(string nodeId, string parentId)
            => parentId != null && nodeId.Length > parentId.Length + PathSeparator.Length
                && nodeId.StartsWith(parentId, StringComparison.OrdinalIgnoreCase)
                && string.CompareOrdinal(nodeId, parentId.Length, PathSeparator, 0, PathSeparator.Length) == 0
                ? Rendering.CellText.Ellipsis + nodeId.Substring(parentId.Length)
                : nodeId;

        private static string Relative(NodePerformanceData n) => Relative(n.NodeId, n.ParentId);

        /// <summary>The nearest enclosing execution's node that is not the node itself (re-entry is not nesting).</summary>
        private static string EnclosingNode(RunTimeline t, TimelineExecution e)
        {
            for (int p = e.Parent; p >= 0 && p < t.Executions.Length; p = t.Executions[p].Parent)
                if (t.Executions[p].Node != e.Node) return t.NodeIds[t.Executions[p].Node];
            return null;
        }

        private static string Parent(Dictionary<string, string> parentOf, string id)
            => parentOf.TryGetValue(id, out string p) ? p : null;

        /// <summary>Parents taken from different runs can loop (a under b in one run, b under a in a later one): such nodes go to the top level.</summary>
        private static void BreakCycles(Dictionary<string, string> parentOf)
        {
            foreach (string id in new List<string>(parentOf.Keys))
            {
                bool looped = true;
                while (looped)
                {
                    looped = false;
                    var path = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { id };
                    string previous = id;
                    for (string p = Parent(parentOf, id); p != null; previous = p, p = Parent(parentOf, p))
                    {
                        if (path.Add(p)) continue;
                        parentOf.Remove(previous);   // the link that closes the loop
                        looped = true;
                        break;
                    }
                }
            }
        }
    }
}
