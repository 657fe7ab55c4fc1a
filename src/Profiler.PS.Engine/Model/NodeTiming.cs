using System.Globalization;

namespace Profiler.PS
{
    /// <summary>One execution of a node recorded in a run (Add-NodeTiming -PassThru, Get-NodeTiming).</summary>
    public sealed class NodeTiming
    {
        /// <summary>Creates a timing record.</summary>
        public NodeTiming(string workflowId, int runNumber, long sequence, string nodeId, string nodeType,
            string nodeLabel, double duration, double endOffset, int threadId)
        {
            WorkflowId = workflowId;
            RunNumber = runNumber;
            Sequence = sequence;
            NodeId = nodeId;
            NodeType = nodeType;
            NodeLabel = nodeLabel;
            Duration = duration;
            EndOffset = endOffset;
            ThreadId = threadId;
        }

        /// <summary>The workflow of the run.</summary>
        public string WorkflowId { get; }
        /// <summary>The run's number in its workflow, 1 for the first run.</summary>
        public int RunNumber { get; }
        /// <summary>1-based order of the record within its run.</summary>
        public long Sequence { get; }
        /// <summary>The node's id.</summary>
        public string NodeId { get; }
        /// <summary>The node's kind, may be null.</summary>
        public string NodeType { get; }
        /// <summary>The node's display label.</summary>
        public string NodeLabel { get; }
        /// <summary>Duration of this execution, in milliseconds.</summary>
        public double Duration { get; }
        /// <summary>Milliseconds from the start of the run to when the timing was recorded.</summary>
        public double EndOffset { get; }
        /// <summary>Managed thread id that recorded the timing (its lane when branches run in parallel).</summary>
        public int ThreadId { get; }

        /// <summary>For example <c>compile: 812.5 ms</c>.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1:N1} ms", NodeId, Duration);
    }
}
