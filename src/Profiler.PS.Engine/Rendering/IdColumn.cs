using System;

namespace Profiler.PS.Rendering
{
    /// <summary>
    /// The id column of the table views: the column that comes last and gets the rest of the line. Its text is the
    /// row's id indented by its tree depth and shortened, its end kept, apart from the ids shown with it.
    /// </summary>
    public static class IdColumn
    {
        /// <summary>Spaces of indent per nesting level in a tree-ordered id column.</summary>
        public const int IndentWidth = 2;

        /// <summary>
        /// The id text of <paramref name="row"/> (a NodePerformanceData, BottleneckInfo, RunComparison, NodeTiming,
        /// BudgetResult or BottleneckAlert; anything else by its text) for a line of <paramref name="lineWidth"/> characters whose other columns and separators
        /// take <paramref name="reserved"/>; one character is left free, as the last column of a terminal wraps.
        /// </summary>
        public static string Text(object row, int lineWidth, int reserved)
        {
            int depth = 0, index = 0;
            IdSet ids = null;
            string id;
            switch (row)
            {
                case NodePerformanceData n: depth = n.Depth; ids = n.Ids; index = n.IdIndex; id = n.NodeId; break;
                case BottleneckInfo b: ids = b.Ids; index = b.IdIndex; id = b.NodeId; break;
                case RunComparison c: ids = c.Ids; index = c.IdIndex; id = c.ScopeValue == ComparisonScope.Workflow ? Engine.RunComparer.WorkflowTotalLabel : c.NodeId; break;
                case NodeTiming t: id = t.NodeId; break;
                case BudgetResult r: id = r.NodeId; break;
                case BottleneckAlert a: id = a.NodeId; break;
                default: id = row?.ToString(); break;
            }
            int indent = Math.Max(0, Math.Min(depth, 10)) * IndentWidth;
            int room = Math.Max(8, lineWidth - 1 - reserved - indent);
            return new string(' ', indent) + (ids != null ? ids.Shown(index, room) : CellText.KeepEnd(id, room));
        }
    }
}
