using System.Globalization;

namespace Profiler.PS
{
    /// <summary>
    /// One execution of a node recorded in a run (Add-NodeTiming -PassThru, Get-NodeTiming). Executions timed
    /// inside another node's Measure-WorkflowNode block name it as <see cref="ParentId"/>; <see cref="Duration"/>
    /// is inclusive and <see cref="SelfDuration"/> is the part not spent in children.
    /// </summary>
    public sealed class NodeTiming
    {
        /// <summary>Creates a timing record. The trailing parameters default to a top-level execution that
        /// succeeded, ended at <paramref name="endOffset"/>, had no children and ran no native command.</summary>
        public NodeTiming(string workflowId, int runNumber, long sequence, string nodeId, string nodeType,
            string nodeLabel, double duration, double endOffset, int threadId, string parentId = null,
            long parentSequence = 0, double? selfDuration = null, NodeStatus status = NodeStatus.Succeeded,
            double? startOffset = null, int lane = 0, double overhead = 0, bool exceedsParent = false, int? exitCode = null)
        {
            ExitCode = exitCode;
            ExceedsParent = exceedsParent;
            WorkflowId = workflowId;
            RunNumber = runNumber;
            Sequence = sequence;
            NodeId = nodeId;
            NodeType = nodeType;
            NodeLabel = nodeLabel;
            Duration = duration;
            EndOffset = endOffset;
            ThreadId = threadId;
            ParentId = parentId;
            ParentSequence = parentSequence;
            SelfDuration = selfDuration ?? duration;
            StatusValue = status;
            StartOffset = startOffset ?? endOffset - duration;
            Lane = lane;
            Overhead = overhead;
        }

        /// <summary>
        /// True for a hand-given duration longer than its parent had run when it was recorded: it would have started before
        /// its parent, so it cannot lie inside it. It is kept as given (and named in Add-NodeTiming's verbose stream); traces
        /// draw it beside its parent, not inside.
        /// </summary>
        public bool ExceedsParent { get; }
        /// <summary>The workflow of the run.</summary>
        public string WorkflowId { get; }
        /// <summary>The run's number in its workflow, 1 for the first run.</summary>
        public int RunNumber { get; }
        /// <summary>1-based order of the record within its run (a parent is recorded after its children).</summary>
        public long Sequence { get; }
        /// <summary>The node's id.</summary>
        public string NodeId { get; }
        /// <summary>The node's kind, may be null.</summary>
        public string NodeType { get; }
        /// <summary>The node's display label.</summary>
        public string NodeLabel { get; }
        /// <summary>Duration of this execution, in milliseconds, children included (inclusive time).</summary>
        public double Duration { get; }
        /// <summary>Milliseconds from the start of the run to the execution's end: when Measure-WorkflowNode's block ended, or when
        /// Add-NodeTiming recorded the timing, unless a top-level step recorded then would overlap its lane's previous top-level
        /// step: it then ends <see cref="Duration"/> after that step.</summary>
        public double EndOffset { get; }
        /// <summary>Managed thread id that recorded the timing (its lane when branches run in parallel).</summary>
        public int ThreadId { get; }
        /// <summary>The node whose Measure-WorkflowNode block this execution ran in, or null at the top level.</summary>
        public string ParentId { get; }
        /// <summary>The <see cref="Sequence"/> of the parent's execution; 0 at the top level or while the parent still runs.</summary>
        public long ParentSequence { get; }
        /// <summary>Milliseconds of <see cref="Duration"/> not spent in child executions (exclusive time).</summary>
        public double SelfDuration { get; }
        /// <summary>Succeeded, Failed (the block threw) or Stopped (the pipeline was stopped): a <see cref="NodeStatus"/>
        /// name. A string, so that ConvertTo-Json and Export-Csv write the name (an enum is written as its number).</summary>
        public string Status => StatusValue.ToString();
        /// <summary>How the execution ended, as the enum the engine reasons with.</summary>
        internal NodeStatus StatusValue { get; }
        /// <summary>Milliseconds from the start of the run to when the execution started: <see cref="EndOffset"/> minus
        /// <see cref="Duration"/>. A top-level Add-NodeTiming step never starts before its lane's previous top-level step ended
        /// (nor before the run), so steps timed by hand one after another lie end to end in record order; a child timing given
        /// by hand starts that long before it was recorded, earlier than its parent when the duration is longer than the
        /// parent had run (<see cref="ExceedsParent"/>).</summary>
        public double StartOffset { get; }
        /// <summary>1-based lane of the execution in its run: threads numbered in the order they first recorded.</summary>
        public int Lane { get; }
        /// <summary>Milliseconds Measure-WorkflowNode itself spent around the block (not part of <see cref="Duration"/>); 0 for Add-NodeTiming.</summary>
        public double Overhead { get; }

        /// <summary>
        /// The block's $LASTEXITCODE when Measure-WorkflowNode ran it: the exit code of the last native command the block
        /// ran (or a value the block assigned to $LASTEXITCODE); null when it ran none, and for Add-NodeTiming records. A
        /// non-zero code makes the execution Failed unless -IgnoreExitCode was given.
        /// </summary>
        public int? ExitCode { get; }

        /// <summary>For example <c>compile: 812.5 ms</c>, with the status when it did not succeed.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1:N1} ms{2}", NodeId, Duration,
            StatusValue == NodeStatus.Succeeded ? "" : " (" + Status + ")");
    }
}
