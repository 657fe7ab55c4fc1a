using System.Collections.Generic;

namespace Profiler.PS.Rendering
{
    /// <summary>
    /// The ids shown together by one command's output (its rows share one set), so that a table view that shortens
    /// an id for the line's width can keep it apart from the others (<see cref="CellText.Distinct"/>). Each width's
    /// result is computed once and kept: a view asks for every row at the same width. Thread-safe.
    /// </summary>
    public sealed class IdSet
    {
        private readonly string[] _ids;
        private readonly Dictionary<int, string[]> _byWidth = new Dictionary<int, string[]>();

        /// <summary>A set of the given display texts (not copied; the caller does not change them).</summary>
        public IdSet(string[] ids) => _ids = ids ?? new string[0];

        /// <summary>How many ids the set holds.</summary>
        public int Count => _ids.Length;

        /// <summary>The id at <paramref name="index"/> in at most <paramref name="width"/> characters, distinct from the others when the width allows.</summary>
        public string Shown(int index, int width)
        {
            if (index < 0 || index >= _ids.Length) return "";
            lock (_byWidth)
            {
                if (!_byWidth.TryGetValue(width, out string[] shown)) _byWidth[width] = shown = CellText.Distinct(_ids, width);
                return shown[index];
            }
        }
    }
}
