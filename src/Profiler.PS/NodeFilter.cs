using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Profiler.PS
{
    /// <summary>
    /// Matches node ids against -NodeId values (wildcards allowed, case-insensitive) and remembers which
    /// literal ids matched nothing, so the cmdlet can report them as not found once, at the end.
    /// </summary>
    internal sealed class NodeFilter
    {
        private readonly string[] _ids;
        private readonly WildcardPattern[] _patterns;
        private readonly bool[] _matched;

        public NodeFilter(string[] ids)
        {
            _ids = ids ?? Array.Empty<string>();
            _patterns = new WildcardPattern[_ids.Length];
            _matched = new bool[_ids.Length];
            for (int i = 0; i < _ids.Length; i++)
                _patterns[i] = new WildcardPattern(_ids[i] ?? string.Empty, WildcardOptions.IgnoreCase);
        }

        /// <summary>True when no filter was given or <paramref name="nodeId"/> matches one of the values.</summary>
        public bool IsMatch(string nodeId)
        {
            if (_ids.Length == 0) return true;
            bool any = false;
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_patterns[i].IsMatch(nodeId)) { _matched[i] = true; any = true; }
            }
            return any;
        }

        /// <summary>The literal (wildcard-free) values that matched no node.</summary>
        public IEnumerable<string> UnmatchedLiterals()
        {
            for (int i = 0; i < _ids.Length; i++)
                if (!_matched[i] && !WildcardPattern.ContainsWildcardCharacters(_ids[i])) yield return _ids[i];
        }

        /// <summary>Writes an ObjectNotFound error for every literal value that matched no node.</summary>
        public void ReportUnmatched(ProfilerCmdletBase cmdlet)
        {
            foreach (string id in UnmatchedLiterals())
            {
                var ex = new ItemNotFoundException(
                    $"No node with id '{id}' was found. Run Get-NodeStatistics to list the nodes, or use a wildcard such as '{id}*'.");
                cmdlet.WriteError(new ErrorRecord(ex, cmdlet.ErrorId("NodeNotFound"), ErrorCategory.ObjectNotFound, id));
            }
        }
    }
}
