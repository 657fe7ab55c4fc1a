namespace Profiler.PS
{
    /// <summary>
    /// One row of a heatmap (Show-Heatmap): a node's values and its rendered line. The default view prints
    /// <see cref="Line"/>; the other properties are there to filter, sort and export.
    /// </summary>
    public sealed class HeatmapRow
    {
        /// <summary>Creates a row; the renderer does this.</summary>
        public HeatmapRow(string workflowId, string workflowName, int rank, NodePerformanceData node, double share,
            double intensity, string color, BottleneckAlert alert, string bar, string line)
        {
            WorkflowId = workflowId;
            WorkflowName = workflowName;
            Rank = rank;
            NodeId = node.NodeId;
            NodeLabel = node.NodeLabel;
            NodeType = node.NodeType;
            AvgDuration = node.AvgDuration;
            LastDuration = node.LastDuration;
            Share = share;
            Intensity = intensity;
            Color = color;
            IsAlert = alert != null;
            AlertReason = alert?.Reason;
            Bar = bar;
            Line = line;
        }

        /// <summary>The workflow of the node.</summary>
        public string WorkflowId { get; }
        /// <summary>The workflow's display name.</summary>
        public string WorkflowName { get; }
        /// <summary>1 for the slowest node.</summary>
        public int Rank { get; }
        /// <summary>The node's id.</summary>
        public string NodeId { get; }
        /// <summary>The node's display label.</summary>
        public string NodeLabel { get; }
        /// <summary>The node's kind, may be null.</summary>
        public string NodeType { get; }
        /// <summary>Window average, in milliseconds.</summary>
        public double AvgDuration { get; }
        /// <summary>The node's sample in its latest run, in milliseconds.</summary>
        public double LastDuration { get; }
        /// <summary>The node's average as a fraction (0 to 1) of the sum of all nodes' averages.</summary>
        public double Share { get; }
        /// <summary>0 to 1: the node's average relative to the slowest node's; drives bar length and colour.</summary>
        public double Intensity { get; }
        /// <summary>The row's colour as <c>#rrggbb</c> (green fast, red slow).</summary>
        public string Color { get; }
        /// <summary>True when the node tripped the bottleneck rule in the latest completed run.</summary>
        public bool IsAlert { get; }
        /// <summary>Why the rule fired, or null.</summary>
        public string AlertReason { get; }
        /// <summary>The bar alone, without colour.</summary>
        public string Bar { get; }
        /// <summary>The rendered line: with ANSI colour when the terminal shows colour, plain text otherwise.</summary>
        public string Line { get; }

        /// <summary>The rendered line.</summary>
        public override string ToString() => Line;
    }
}
