namespace Profiler.PS
{
    /// <summary>
    /// One row of a heatmap (Show-Heatmap): a node's values and its rendered line, or the "Others" row that
    /// folds the nodes below the top ones. The default view prints <see cref="Line"/>; the other properties
    /// are there to filter, sort and export.
    /// </summary>
    public sealed class HeatmapRow
    {
        /// <summary>Creates a row; the renderer does this. <paramref name="node"/> is null for the Others row.</summary>
        public HeatmapRow(string workflowId, string workflowName, int rank, NodePerformanceData node, int nodeCount,
            string nodeLabel, double avgDuration, double lastDuration, double share, double intensity, string color,
            string scale, BottleneckAlert alert, string bar, string sparkline, string line)
        {
            WorkflowId = workflowId;
            WorkflowName = workflowName;
            Rank = rank;
            NodeId = node?.NodeId;
            NodeLabel = nodeLabel;
            NodeType = node?.NodeType;
            NodeCount = nodeCount;
            IsOthers = node == null;
            AvgDuration = avgDuration;
            LastDuration = lastDuration;
            Share = share;
            Intensity = intensity;
            Color = color;
            Scale = scale;
            IsAlert = alert != null;
            AlertReason = alert?.Reason;
            Bar = bar;
            Sparkline = sparkline;
            Line = line;
        }

        /// <summary>The workflow of the node.</summary>
        public string WorkflowId { get; }
        /// <summary>The workflow's display name.</summary>
        public string WorkflowName { get; }
        /// <summary>1 for the slowest node; the Others row comes last, after the top nodes.</summary>
        public int Rank { get; }
        /// <summary>The node's id; null on the Others row.</summary>
        public string NodeId { get; }
        /// <summary>The node's display label; <c>Others (n nodes)</c> on the Others row.</summary>
        public string NodeLabel { get; }
        /// <summary>The node's kind, may be null.</summary>
        public string NodeType { get; }
        /// <summary>How many nodes the row stands for: 1, or the number folded into the Others row.</summary>
        public int NodeCount { get; }
        /// <summary>True on the row that folds the nodes below the top ones.</summary>
        public bool IsOthers { get; }
        /// <summary>Window average, in milliseconds (the Others row: the sum of its nodes' averages).</summary>
        public double AvgDuration { get; }
        /// <summary>The node's sample in its latest run, in milliseconds (the Others row: the sum of its nodes' last samples).</summary>
        public double LastDuration { get; }
        /// <summary>The row's average as a fraction (0 to 1) of the sum of all nodes' averages.</summary>
        public double Share { get; }
        /// <summary>0 (green) to 1 (red) on the heatmap's <see cref="Scale"/> (the Others row: of its nodes' mean average).</summary>
        public double Intensity { get; }
        /// <summary>The row's colour as <c>#rrggbb</c> (green fast, red slow; grey for the Others row).</summary>
        public string Color { get; }
        /// <summary>What the colours are measured against: Relative (the slowest node) or Absolute (thresholds).</summary>
        public string Scale { get; }
        /// <summary>True when the node tripped the bottleneck rule in the latest completed run.</summary>
        public bool IsAlert { get; }
        /// <summary>Why the rule fired, or null.</summary>
        public string AlertReason { get; }
        /// <summary>The bar alone, without colour; its length is proportional to <see cref="AvgDuration"/>.</summary>
        public string Bar { get; }
        /// <summary>The node's recent runs as <c>▁▂▃▄▅▆▇█</c>, oldest first, a space for a run it was not in.</summary>
        public string Sparkline { get; }
        /// <summary>The rendered line: with ANSI colour when the terminal shows colour, plain text otherwise.</summary>
        public string Line { get; }

        /// <summary>The rendered line.</summary>
        public override string ToString() => Line;
    }
}
