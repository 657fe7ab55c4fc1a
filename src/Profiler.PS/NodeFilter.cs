using System;
using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// Matches node ids against -NodeId values by the one id rule (<see cref="IdPattern"/>): a value naming a node is
    /// literal, else a wildcard pattern when it is a valid one. Remembers which literal values matched nothing and
    /// which were invalid patterns that named no node either, so the cmdlet can report them once, at the end: a value
    /// that named a node ('[' for the node '[') was an id, never a pattern, so it is never reported as an invalid one.
    /// </summary>
    internal sealed class NodeFilter
    {
        private readonly IdPattern[] _ids;
        private readonly bool[] _matched;

        /// <summary>
        /// The filter of <paramref name="cmdlet"/>'s -NodeId values. An explicit empty filter ($null, '', @(), or an item
        /// that is null or blank) stops the command with &lt;Verb&gt;&lt;Noun&gt;InvalidNodeId (InvalidArgument): read as "no
        /// filter" it would return every node, and no node id is blank. Leaving -NodeId out selects every node.
        /// </summary>
        public static NodeFilter For(ProfilerCmdletBase cmdlet, string[] ids)
        {
            cmdlet.RefuseEmpty("NodeId", "InvalidNodeId",
                "-NodeId is empty ($null, '' or an empty list): give one or more node ids or wildcard patterns (Get-NodeStatistics lists the nodes), or leave -NodeId out for every node.");
            return new NodeFilter(ids);
        }

        private NodeFilter(string[] ids)
        {
            _ids = Array.ConvertAll(ids ?? Array.Empty<string>(), id => new IdPattern(id));
            _matched = new bool[_ids.Length];
        }

        /// <summary>The items whose id the values select, in their order: every item when no value was given.</summary>
        public List<T> Select<T>(IReadOnlyList<T> items, Func<T, string> idOf)
        {
            var result = new List<T>(items.Count);
            if (_ids.Length == 0) { result.AddRange(items); return result; }
            var keep = new bool[items.Count];
            for (int i = 0; i < _ids.Length; i++) _matched[i] |= _ids[i].Mark(items, idOf, keep);
            for (int j = 0; j < items.Count; j++) if (keep[j]) result.Add(items[j]);
            return result;
        }

        /// <summary>Writes an error for every value that named no node and is not a valid pattern (Get-NodeTiming reports no not-found literals: a run in flight may not have reached the node yet).</summary>
        public void ReportInvalid(ProfilerCmdletBase cmdlet)
        {
            for (int i = 0; i < _ids.Length; i++)
                if (_ids[i].Invalid != null && !_matched[i]) WriteInvalid(cmdlet, _ids[i]);
        }

        /// <summary>Writes an ObjectNotFound error for every literal value that matched no node, and an error for every invalid pattern that named no node.</summary>
        public void ReportUnmatched(ProfilerCmdletBase cmdlet)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_matched[i]) continue;
                if (_ids[i].Invalid != null)
                {
                    WriteInvalid(cmdlet, _ids[i]);
                    continue;
                }
                if (_ids[i].IsPattern) continue;
                string id = TerminalText.Safe(_ids[i].Text);
                var ex = new ItemNotFoundException(
                    $"No node with id '{id}' was found. Run Get-NodeStatistics to list the nodes, or use a wildcard such as '{id}*'.");
                cmdlet.WriteError(new ErrorRecord(ex, cmdlet.ErrorId("NodeNotFound"), ErrorCategory.ObjectNotFound, _ids[i].Text));
            }
        }

        private static void WriteInvalid(ProfilerCmdletBase cmdlet, IdPattern id)
            => cmdlet.WriteError(new ErrorRecord(new ArgumentException(id.Invalid + "."), cmdlet.ErrorId("InvalidPattern"), ErrorCategory.InvalidArgument, id.Text));
    }
}
