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
        /// <summary>Sum of the executions' self times (Total minus time in nested nodes).</summary>
        public double SelfTotal;
        public long Executions;
        public bool Alerted;
        /// <summary>Window average over earlier runs, read when the node first ran in this run.</summary>
        public double BaselineAverage { get; }
        public int BaselineSamples { get; }
    }

    /// <summary>One recorded execution, kept as a struct so that recording allocates nothing once the node exists.</summary>
    internal struct TimingSample
    {
        public int NodeIndex;
        public double Duration;
        public double EndOffset;
        public int ThreadId;
        public double StartOffset;
        public double SelfDuration;
        public double Overhead;
        public NodeStatus Status;
        public int Lane;
        /// <summary>The enclosing execution of the same run, or null; its Sequence is known once it has ended.</summary>
        public NodeScope Parent;
    }
}
