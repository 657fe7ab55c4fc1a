using System;
using System.Collections.Generic;
using System.Text;

namespace Profiler.PS.Import
{
    /// <summary>
    /// The ids of imported nodes: name segments joined with <c>" &gt; "</c> (<c>Cart.Tests.ps1 &gt; Cart.Totals.adds 1 items</c>).
    /// So that <c>" &gt; "</c> in an id always separates segments, a run of <c>&gt;</c> inside a segment that stands alone as a
    /// word (after a space or the segment's start, and before a space or its end) is written with one more <c>&gt;</c>:
    /// the test named <c>a &gt; b</c> is <c>a &gt;&gt; b</c> in an id, <c>a &gt;&gt; b</c> is <c>a &gt;&gt;&gt; b</c>, and <c>a-&gt;b</c> or
    /// <c>&lt;n&gt;</c> are unchanged. The rule is reversible (<see cref="Split"/>), so two different segment lists never give
    /// the same id. Files named by absolute paths become paths relative to their common directory (<see cref="Relativize"/>).
    /// </summary>
    public static class NodePath
    {
        /// <summary>What joins the segments of an id.</summary>
        public const string Separator = " > ";

        /// <summary>One name as a segment of an id: every stand-alone run of '&gt;' gets one more '&gt;'.</summary>
        public static string Escape(string segment) => segment == null ? throw new ArgumentNullException(nameof(segment)) : Rewrite(segment, +1);

        /// <summary>Reverses <see cref="Escape"/>: every stand-alone run of two or more '&gt;' loses one.</summary>
        public static string Unescape(string segment) => segment == null ? throw new ArgumentNullException(nameof(segment)) : Rewrite(segment, -1);

        /// <summary>Joins names into an id.</summary>
        public static string Join(params string[] segments)
        {
            string id = null;
            foreach (string segment in segments) id = id == null ? Escape(segment) : id + Separator + Escape(segment);
            return id ?? "";
        }

        /// <summary>The names an id was joined from: splits at every lone '&gt;' between spaces, then unescapes each segment.</summary>
        public static string[] Split(string id)
        {
            if (id == null) throw new ArgumentNullException(nameof(id));
            var segments = new List<string>();
            int from = 0;
            for (int i = 0; i < id.Length; i++)
            {
                // A lone '>' between spaces: escaped segments never contain one.
                if (id[i] != '>' || i == 0 || id[i - 1] != ' ' || i + 1 >= id.Length || id[i + 1] != ' ') continue;
                segments.Add(Unescape(id.Substring(from, i - 1 - from)));
                from = i + 2;
            }
            segments.Add(Unescape(id.Substring(from)));
            return segments.ToArray();
        }

        /// <summary>True for an absolute path of any system: <c>/home/x</c>, <c>C:\x</c>, <c>C:/x</c>, <c>\\server\share</c>.</summary>
        public static bool IsAbsolutePath(string path)
        {
            if (string.IsNullOrEmpty(path)) return false;
            if (path[0] == '/' || path.StartsWith(@"\\", StringComparison.Ordinal)) return true;
            return path.Length >= 3 && char.IsLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
        }

        /// <summary>
        /// Labels with every absolute path made relative to the longest directory all the absolute ones share, with '/'
        /// between folders (so <c>/home/runner/work/x/tests/a/B.Tests.ps1</c> and <c>C:\agent\s\tests\a\B.Tests.ps1</c> both
        /// become <c>a/B.Tests.ps1</c> next to <c>tests/C.Tests.ps1</c>'s <c>C.Tests.ps1</c>). A single file becomes its file name.
        /// Other labels are returned unchanged. <paramref name="root"/> is the directory removed, or null when none was.
        /// </summary>
        public static string[] Relativize(IReadOnlyList<string> labels, out string root)
        {
            var result = new string[labels.Count];
            List<string> common = null;
            for (int i = 0; i < labels.Count; i++)
            {
                if (!IsAbsolutePath(labels[i])) continue;
                string[] parts = labels[i].Split('/', '\\');
                int folders = parts.Length - 1, shared = 0;
                if (common == null) { common = new List<string>(parts); common.RemoveAt(common.Count - 1); continue; }
                while (shared < common.Count && shared < folders && common[shared] == parts[shared]) shared++;
                common.RemoveRange(shared, common.Count - shared);
            }
            root = common == null ? null : string.Join("/", common);
            for (int i = 0; i < labels.Count; i++)
            {
                if (common == null || !IsAbsolutePath(labels[i])) { result[i] = labels[i]; continue; }
                string[] parts = labels[i].Split('/', '\\');
                var rest = new List<string>();
                for (int p = common.Count; p < parts.Length; p++) if (parts[p].Length > 0) rest.Add(parts[p]);
                result[i] = rest.Count == 0 ? labels[i] : string.Join("/", rest);
            }
            return result;
        }

        /// <summary>Lengthens (+1) or shortens (-1) every stand-alone run of '&gt;' by one.</summary>
        private static string Rewrite(string segment, int change)
        {
            if (segment.IndexOf('>') < 0) return segment;
            var text = new StringBuilder(segment.Length + 4);
            int i = 0;
            while (i < segment.Length)
            {
                if (segment[i] != '>') { text.Append(segment[i++]); continue; }
                int end = i;
                while (end < segment.Length && segment[end] == '>') end++;
                int length = end - i;
                bool alone = (i == 0 || segment[i - 1] == ' ') && (end == segment.Length || segment[end] == ' ');
                if (alone && (change > 0 || length >= 2)) length += change;
                text.Append('>', length);
                i = end;
            }
            return text.ToString();
        }
    }
}
