using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// A node's accumulation within one run in flight. Its sums are written and read under the run's lock
    /// (<see cref="WorkflowRun"/>), or after the run is closed.
    /// </summary>
    internal sealed class RunNode
    {
        public RunNode(string nodeId, int index, BaselineSummary baseline)
        {
            NodeId = nodeId;
            Index = index;
            Baseline = baseline;
        }

        public string NodeId { get; }
        /// <summary>Position in the run's first-recorded order.</summary>
        public int Index { get; }
        public string NodeType;
        public string NodeLabel;
        /// <summary>The node's successful samples of earlier runs (its window), read when it first ran in this run.</summary>
        public BaselineSummary Baseline { get; }

        /// <summary>Sum of the node's executions in this run (outermost ones when it re-enters itself): the run's sample for the node.</summary>
        public double Total;
        /// <summary>Sum of the executions' self times (duration minus time in nested nodes).</summary>
        public double SelfTotal;
        public long Executions;
        /// <summary>Executions that failed, and that were stopped.</summary>
        public long Failed, Stopped;
        /// <summary>True once the node raised its provisional bottleneck alert in this run (at most once).</summary>
        public bool Alerted;

        /// <summary>Stopped when any execution in the run was stopped, else Failed when any failed, else Succeeded.</summary>
        public NodeStatus Status => Stopped > 0 ? NodeStatus.Stopped : Failed > 0 ? NodeStatus.Failed : NodeStatus.Succeeded;
    }

    /// <summary>
    /// One recorded execution, kept as a struct in the run's log so that recording allocates nothing once the
    /// node exists (beyond the log's growth). 56 bytes: what cannot be derived. StartOffset is EndOffset - Duration
    /// (for measured executions too: Duration is the clock's end minus start); ThreadId comes from Lane.
    /// </summary>
    internal struct TimingSample
    {
        /// <summary>The enclosing execution of the same run, or null; its Sequence is known once it has ended.
        /// A reference because a parent ends (and gets its Sequence) after its children are recorded.</summary>
        public NodeScope Parent;
        public double Duration;
        public double EndOffset;
        public double SelfDuration;
        /// <summary>The measuring cmdlet's own time around the block, in milliseconds; 0 for hand-timed records.
        /// A float (7 significant digits of a sub-millisecond value) so that the exit code fits in the same 56 bytes.</summary>
        public float Overhead;
        /// <summary>1-based order in the run (the log's position + 1).</summary>
        public int Sequence;
        public int NodeIndex;
        /// <summary>1-based number of the recording thread in the run.</summary>
        public int Lane;
        private int _exitCode;
        private byte _status;
        private bool _hasExitCode;

        /// <summary>Kept in a byte: it has three values.</summary>
        public NodeStatus Status
        {
            get => (NodeStatus)_status;
            set => _status = (byte)value;
        }

        /// <summary>$LASTEXITCODE as the measured block left it, or null when it ran no native command (and for hand-timed records).</summary>
        public int? ExitCode
        {
            get => _hasExitCode ? _exitCode : (int?)null;
            set
            {
                _hasExitCode = value.HasValue;
                _exitCode = value ?? 0;
            }
        }
    }
}
