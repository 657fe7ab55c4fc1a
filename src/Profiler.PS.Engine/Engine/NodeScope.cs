using System;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// One execution of a node in flight: Measure-WorkflowNode's block while it runs. Created by
    /// <see cref="NodeScopeStack.Begin"/> and recorded once by <see cref="NodeScopeStack.End"/>.
    /// </summary>
    public sealed class NodeScope
    {
        internal NodeScope(WorkflowRun run, string nodeId, string nodeType, string nodeLabel, NodeScope parent, NodeScope previous)
        {
            Run = run;
            NodeId = nodeId;
            NodeType = nodeType;
            NodeLabel = nodeLabel;
            Parent = parent;
            Previous = previous;
        }

        /// <summary>The run the execution is recorded into.</summary>
        public WorkflowRun Run { get; }
        /// <summary>The node's id.</summary>
        public string NodeId { get; }
        /// <summary>The node's kind, may be null.</summary>
        public string NodeType { get; }
        /// <summary>The display label, may be null.</summary>
        public string NodeLabel { get; }
        /// <summary>The innermost enclosing execution of the same run on the same stack, or null.</summary>
        public NodeScope Parent { get; }
        /// <summary>True once the execution has been ended (recorded or not).</summary>
        public bool IsEnded { get; private set; }

        internal NodeScope Previous { get; }
        internal long StartTimestamp;
        internal double PreOverhead;
        /// <summary>Inclusive milliseconds of the direct children recorded so far.</summary>
        internal double ChildDuration;
        /// <summary>The execution's Sequence in its run once recorded, else 0. Written and read under the run's lock.</summary>
        internal long Sequence;

        internal void MarkEnded() => IsEnded = true;

        /// <summary>For example <c>compile (running)</c>.</summary>
        public override string ToString() => NodeId + (IsEnded ? " (ended)" : " (running)");
    }

    /// <summary>
    /// The executions in flight on one runspace or thread, innermost on top, so that nested executions know
    /// their parent and a parent's self time excludes its children. Not thread-safe: keep one per runspace
    /// (a runspace runs one pipeline at a time) or per thread; parallel branches each have their own.
    /// </summary>
    public sealed class NodeScopeStack
    {
        private NodeScope _top;

        /// <summary>The innermost execution in flight, or null.</summary>
        public NodeScope Current => _top;

        /// <summary>
        /// Starts timing an execution of <paramref name="nodeId"/> in <paramref name="run"/>; its parent is the innermost
        /// execution of the same run on this stack. <paramref name="enteredTimestamp"/> (a timestamp of the run's clock
        /// taken when the caller was entered) makes the time before the clock starts count as overhead.
        /// </summary>
        /// <exception cref="ProfilerException">Bad node id, or the run no longer takes timings; nothing is started.</exception>
        public NodeScope Begin(WorkflowRun run, string nodeId, string nodeType = null, string nodeLabel = null, long? enteredTimestamp = null)
        {
            if (run == null) throw new ArgumentNullException(nameof(run));
            Validation.NodeId(nodeId);
            run.EnsureRunning();
            var scope = new NodeScope(run, nodeId, nodeType, nodeLabel, FindOpen(run), _top);
            _top = scope;
            IProfilerClock clock = run.Owner.Clock;
            scope.StartTimestamp = clock.GetTimestamp();
            if (enteredTimestamp is long entered) scope.PreOverhead = Math.Max(0, clock.ElapsedMilliseconds(entered, scope.StartTimestamp));
            return scope;
        }

        /// <summary>
        /// Stops <paramref name="scope"/>'s clock and records the execution with <paramref name="status"/> (and
        /// <paramref name="exitCode"/>, the block's $LASTEXITCODE, null when it ran no native command): its duration is
        /// inclusive, its self time excludes the children recorded inside it, and the parent's self time will exclude it.
        /// </summary>
        /// <exception cref="ProfilerException">The run was completed or abandoned meanwhile; the execution is not recorded.</exception>
        public RecordResult End(NodeScope scope, NodeStatus status, int? exitCode = null)
        {
            if (scope == null) throw new ArgumentNullException(nameof(scope));
            long end = scope.Run.Owner.Clock.GetTimestamp();
            if (scope.IsEnded) throw new InvalidOperationException($"The execution of '{scope.NodeId}' has already ended.");
            scope.MarkEnded();
            Pop(scope);
            double inclusive = scope.Run.Owner.Clock.ElapsedMilliseconds(scope.StartTimestamp, end);
            // Hand-given child durations (Add-NodeTiming inside a block) can exceed the block; self time stays >= 0.
            double self = Math.Max(0, inclusive - scope.ChildDuration);
            RecordResult result = scope.Run.RecordExecution(scope.NodeId, inclusive, scope.NodeType, scope.NodeLabel,
                scope.Parent, self, status, true, scope.StartTimestamp, end, scope.PreOverhead, scope, exitCode: exitCode);
            if (scope.Parent != null) scope.Parent.ChildDuration += inclusive;
            return result;
        }

        /// <summary>
        /// Records a hand-timed execution (Add-NodeTiming) as a child of the innermost execution of
        /// <paramref name="run"/> in flight on this stack, if any; see <see cref="WorkflowRun.Record"/>.
        /// </summary>
        public RecordResult Record(WorkflowRun run, string nodeId, double durationMs, string nodeType = null, string nodeLabel = null,
            NodeStatus status = NodeStatus.Succeeded)
        {
            if (run == null) throw new ArgumentNullException(nameof(run));
            NodeScope parent = FindOpen(run);
            RecordResult result = run.RecordExecution(nodeId, durationMs, nodeType, nodeLabel, parent, durationMs,
                status, false, 0, 0, 0, null);
            if (parent == null) return result;
            parent.ChildDuration += durationMs;
            // Accepted as given, but flagged: a child cannot have started before its parent.
            double elapsed = run.Owner.Clock.ElapsedMilliseconds(parent.StartTimestamp, run.Owner.Clock.GetTimestamp());
            return durationMs > elapsed ? new RecordResult(result.Sequence, result.EndOffset, result.Alert, result.Lane, parent.NodeId, elapsed) : result;
        }

        /// <summary>Throws what <see cref="Begin"/> would throw for <paramref name="run"/> (null, or no longer running), so callers can check before preparing work.</summary>
        /// <exception cref="ProfilerException">Kind RunClosed.</exception>
        public void EnsureCanBegin(WorkflowRun run)
        {
            if (run == null) throw new ArgumentNullException(nameof(run));
            run.EnsureRunning();
        }

        /// <summary>Throws the engine's InvalidNodeId error for a null, empty or white-space id, so callers can check before starting anything.</summary>
        /// <exception cref="ProfilerException">Kind InvalidNodeId.</exception>
        public static void ValidateNodeId(string nodeId) => Validation.NodeId(nodeId);

        /// <summary>The innermost execution in flight of <paramref name="run"/> on this stack, or null.</summary>
        public NodeScope FindOpen(WorkflowRun run)
        {
            for (NodeScope s = _top; s != null; s = s.Previous)
                if (ReferenceEquals(s.Run, run)) return s;
            return null;
        }

        private void Pop(NodeScope scope)
        {
            // Ends normally come innermost first; if an inner execution was never ended, it leaves the stack too.
            for (NodeScope s = _top; s != null; s = s.Previous)
            {
                if (!ReferenceEquals(s, scope)) continue;
                _top = scope.Previous;
                return;
            }
        }
    }
}
