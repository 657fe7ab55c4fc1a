namespace Profiler.PS.Engine
{
    /// <summary>A node's accumulation within one run in flight. Guarded by its workflow's lock.</summary>
    internal sealed class RunNode
    {
        public RunNode(string nodeId, int index, double baselineAverage, int baselineSamples)
        {
            NodeId = nodeId;
            Index = index;
            BaselineAverage = baselineAverage;
            BaselineSamples = baselineSamples;
        }

        public string NodeId { get; }
        /// <summary>Position in the run's first-recorded order.</summary>
        public int Index { get; }
        public string NodeType;
        public string NodeLabel;
        /// <summary>Sum of the node's executions in this run: the run's sample for the node.</summary>
        public double Total;
        public long Executions;
        public bool Alerted;
        /// <summary>Window average over earlier runs, read when the node first ran in this run.</summary>
        public double BaselineAverage { get; }
        public int BaselineSamples { get; }
    }

    /// <summary>One recorded execution, kept as a struct so that recording allocates nothing once the node exists.
    /// The doubles come first so the struct packs into 24 bytes instead of 32.</summary>
    internal struct TimingSample
    {
        public double Duration;
        public double EndOffset;
        public int NodeIndex;
        public int ThreadId;
    }
}
