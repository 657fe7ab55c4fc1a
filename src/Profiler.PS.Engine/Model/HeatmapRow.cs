using Profiler.PS.Rendering;

namespace Profiler.PS
{
    /// <summary>
    /// One row of a heatmap (Show-Heatmap): a node's values, or the "Others" row that folds the nodes below the
    /// top ones. The row holds data only: its bar and sparkline as plain characters and its heat level. Colour,
    /// width and layout are decided when the row is displayed (<see cref="HeatmapRenderer.Format"/>), so a row
    /// kept in a variable, sorted or redirected to a file is drawn for wherever it is finally shown.
    /// </summary>
    public sealed class HeatmapRow
    {
        internal HeatmapRow(string workflowId, string workflowName, int rank, NodePerformanceData node, int nodeCount,
            string nodeLabel, double avgDuration, double lastDuration, double share, double intensity, string color,
            HeatmapScale scale, BottleneckAlert alert)
        {
            WorkflowId = workflowId;
            WorkflowName = workflowName;
            Rank = rank;
            NodeId = node?.NodeId;
            NodeLabel = nodeLabel;
            NodeType = node?.NodeType;
            NodeCount = nodeCount;
            IsOthers = node == null;
            AvgValue = avgDuration;
            LastValue = lastDuration;
            Share = share;
            Intensity = intensity;
            Heat = IsOthers ? null : HeatmapRenderer.HeatWord(intensity);
            Color = color;
            Scale = scale.ToString();
            IsAlert = alert != null;
            AlertReason = alert?.Reason;
            Alert = alert;
        }

        /// <summary>Completed runs with a successful sample of the row's node (the Others row: of its nodes); 0 when
        /// every run failed or was stopped, so the row has no time to show (drawn as '-' and 'n/a', never 0 ms).</summary>
        public int RunCount { get; private set; }

        /// <summary>Sets <see cref="RunCount"/>; a node without a successful run gets the heat word n/a.</summary>
        internal void SetRunCount(int runCount)
        {
            RunCount = runCount;
            if (runCount == 0 && !IsOthers) Heat = "n/a";
        }

        /// <summary>Window failures and stops of the row's node (the Others row: of its nodes), shown as a mark on the line.</summary>
        internal void SetFailures(int failed, int stopped)
        {
            WindowFailedCount = failed;
            WindowStoppedCount = stopped;
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
        /// <summary>
        /// Window average, in milliseconds. On the Others row: the total of its nodes' averages (shown as
        /// "total"), so that the rows' values add up to the run. Null when <see cref="RunCount"/> is 0 (no successful run).
        /// </summary>
        public double? AvgDuration => RunCount > 0 ? AvgValue : (double?)null;
        /// <summary>The node's sample in its latest successful run, in milliseconds (the Others row: the sum of its nodes'
        /// last samples); null when <see cref="RunCount"/> is 0.</summary>
        public double? LastDuration => RunCount > 0 ? LastValue : (double?)null;
        /// <summary>The ranked average the bar is drawn from (0 without a successful run).</summary>
        internal double AvgValue { get; }
        /// <summary>The last sample (0 without a successful run).</summary>
        internal double LastValue { get; }
        /// <summary>The row's average as a fraction (0 to 1) of the sum of all nodes' averages.</summary>
        public double Share { get; }
        /// <summary>0 (green) to 1 (red) on the heatmap's <see cref="Scale"/> (the Others row: of its nodes' mean average).</summary>
        public double Intensity { get; }
        /// <summary>The heat level in a word, the plain-text stand-in for colour: cool (intensity below 1/3), warm (below 2/3) or hot; n/a for a node without a successful run; null on the Others row.</summary>
        public string Heat { get; private set; }
        /// <summary>The row's colour as <c>#rrggbb</c> (green fast, red slow; grey for the Others row).</summary>
        public string Color { get; }
        /// <summary>What the colours are measured against: Relative (the slowest node) or Absolute (thresholds).</summary>
        public string Scale { get; }
        /// <summary>True when the node tripped the bottleneck rule in the latest completed run.</summary>
        public bool IsAlert { get; }
        /// <summary>Why the rule fired, or null.</summary>
        public string AlertReason { get; }
        /// <summary>Runs in the node's window in which it failed (the Others row: the sum over its nodes); these runs are not in the averages.</summary>
        public int WindowFailedCount { get; private set; }
        /// <summary>Runs in the node's window in which it was stopped (the Others row: the sum over its nodes).</summary>
        public int WindowStoppedCount { get; private set; }
        /// <summary>
        /// The bar as plain characters, <see cref="HeatmapRenderer.StoredBarWidth"/> cells for the slowest node,
        /// eighth-cell precision; every bar of a heatmap is on that scale (the Others bar is capped at it).
        /// </summary>
        public string Bar { get; internal set; }
        /// <summary>
        /// The node's recent runs as <c>▁▂▃▄▅▆▇█</c>, oldest first, scaled from the series' minimum to its maximum;
        /// a space for a run it was not in.
        /// </summary>
        public string Sparkline { get; internal set; }

        // Display inputs, kept off the public surface so exports show data only.
        internal BottleneckAlert Alert { get; }
        internal double BarFraction { get; set; }
        internal double[] Samples { get; set; }
        internal double[] SampleIntensities { get; set; }
        internal HeatmapFrame Frame { get; set; }
        /// <summary>The row's place in <see cref="HeatmapFrame.Labels"/>.</summary>
        internal int FrameIndex { get; set; }
        internal bool PlainText { get; set; }

        /// <summary>The row as plain text at 120 columns.</summary>
        public override string ToString() => HeatmapRenderer.Format(this, 120, false);
    }

    /// <summary>What the rows of one heatmap share, so each row can be laid out alone and still line up.</summary>
    internal sealed class HeatmapFrame
    {
        public int LongestLabel;
        public bool AnyAlert;
        public int WidestFailure;
        /// <summary>Every row's label, so that shortened labels can be kept apart (<see cref="CellText.Distinct"/>).</summary>
        public System.Collections.Generic.List<string> Labels = new System.Collections.Generic.List<string>();
        public int Runs;
    }
}
