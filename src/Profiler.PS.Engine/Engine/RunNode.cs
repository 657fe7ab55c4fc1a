using System.Threading;
using Profiler.PS.Statistics;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// A node's accumulation within one run in flight. Each recording lane adds to its own part (under the lane's
    /// lock); the sums add the parts up, exactly once the run is closed.
    /// </summary>
    internal sealed class RunNode
    {
        private readonly NodePart[] _parts = new NodePart[RunLane.Count];
        private int _alerted;

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

        /// <summary>Stopped when any execution in the run was stopped, else Failed when any failed, else Succeeded.</summary>
        public NodeStatus Status
        {
            get
            {
                NodeStatus status = NodeStatus.Succeeded;
                foreach (NodePart part in _parts)
                {
                    if (part == null) continue;
                    if (Volatile.Read(ref part.Stopped) > 0) return NodeStatus.Stopped;
                    if (Volatile.Read(ref part.Failed) > 0) status = NodeStatus.Failed;
                }
                return status;
            }
        }

        /// <summary>Sum of the node's executions in this run: the run's sample for the node.</summary>
        public double Total
        {
            get
            {
                double total = 0;
                foreach (NodePart part in _parts) if (part != null) total += Volatile.Read(ref part.Total);
                return total;
            }
        }

        /// <summary>Sum of the executions' self times (Total minus time in nested nodes).</summary>
        public double SelfTotal
        {
            get
            {
                double total = 0;
                foreach (NodePart part in _parts) if (part != null) total += Volatile.Read(ref part.SelfTotal);
                return total;
            }
        }

        public long Executions
        {
            get
            {
                long executions = 0;
                foreach (NodePart part in _parts) if (part != null) executions += Volatile.Read(ref part.Executions);
                return executions;
            }
        }

        public bool Alerted => Volatile.Read(ref _alerted) != 0;

        /// <summary>Marks the node alerted; true only for the first caller, so a run alerts once per node.</summary>
        public bool TryMarkAlerted() => Interlocked.Exchange(ref _alerted, 1) == 0;

        /// <summary>The lane's part of this node, created on first use. Caller holds the lane's lock.</summary>
        public NodePart PartFor(int lane) => _parts[lane] ?? (_parts[lane] = new NodePart(this));
    }

    /// <summary>
    /// One recorded execution, kept as a struct in the lane's log so that recording allocates nothing once the
    /// node exists. 56 bytes: what cannot be derived. StartOffset is EndOffset - Duration (for measured
    /// executions too: Duration is the clock's end minus start), ThreadId comes from Lane (a lane is one thread).
    /// </summary>
    internal struct TimingSample
    {
        /// <summary>The enclosing execution of the same run, or null; its Sequence is known once it has ended.
        /// A reference because a parent ends (and gets its Sequence) after its children are recorded.</summary>
        public NodeScope Parent;
        public double Duration;
        public double EndOffset;
        public double SelfDuration;
        /// <summary>The measuring cmdlet's own time around the block, in milliseconds; 0 for hand-timed records.</summary>
        public double Overhead;
        /// <summary>1-based order in the run: lanes' logs are merged by it.</summary>
        public int Sequence;
        public int NodeIndex;
        /// <summary>1-based number of the recording thread in the run.</summary>
        public int Lane;
        public NodeStatus Status;
    }
}
