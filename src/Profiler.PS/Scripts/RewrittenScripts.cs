using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// The scripts one runspace has rewritten, compiled, by file, depth and text: a script profiled again (every CI
    /// run of a build loop, a benchmark's rounds) reuses its compiled script block, as PowerShell's own script cache
    /// does for a direct run, instead of paying the parse, rewrite and compile again. Kept small: the least recently
    /// added entry goes first.
    /// </summary>
    internal sealed class RewrittenScripts
    {
        private const int Capacity = 16;
        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly Queue<string> _order = new Queue<string>();

        /// <summary>A compiled rewrite and the names of its steps (index = the number passed to the step probe).</summary>
        public sealed class Entry
        {
            public Entry(ScriptBlock block, string[] steps)
            {
                Block = block;
                Steps = steps;
            }

            public ScriptBlock Block { get; }
            public string[] Steps { get; }
        }

        /// <summary>The compiled rewrite of <paramref name="source"/> at <paramref name="depth"/>, made by <paramref name="rewrite"/> when not known.</summary>
        public Entry Get(ScriptSource source, int depth, Func<Entry> rewrite)
        {
            // Script blocks are not cached: the same text elsewhere in a file is a different script (other lines).
            if (source.Command == null) return rewrite();
            string key = depth + "|" + source.File + "|" + source.Text;
            lock (_entries)
                if (_entries.TryGetValue(key, out Entry known)) return known;
            Entry entry = rewrite();
            lock (_entries)
            {
                if (_entries.ContainsKey(key)) return entry;
                if (_order.Count == Capacity) _entries.Remove(_order.Dequeue());
                _entries[key] = entry;
                _order.Enqueue(key);
            }
            return entry;
        }
    }
}
