using System;

namespace Profiler.PS.Engine
{
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
            return Push(run, nodeId, nodeType, nodeLabel, FindOpen(run), enteredTimestamp);
        }

        /// <summary>
        /// As <see cref="Begin"/>, with the parent given (null: none) instead of the innermost execution on the stack:
        /// for a call whose caller is known while the stack also holds executions it does not belong to, such as the
        /// upstream command of a pipeline, whose output call runs the downstream command's block.
        /// </summary>
        /// <exception cref="ProfilerException">Bad node id, or the run no longer takes timings; nothing is started.</exception>
        public NodeScope BeginChild(WorkflowRun run, NodeScope parent, string nodeId, string nodeType = null)
        {
            if (run == null) throw new ArgumentNullException(nameof(run));
            return Push(run, nodeId, nodeType, null, parent, null);
        }

        private NodeScope Push(WorkflowRun run, string nodeId, string nodeType, string nodeLabel, NodeScope parent, long? enteredTimestamp)
        {
            Validation.NodeId(nodeId);
            run.EnsureRunning();
            var scope = new NodeScope(run, nodeId, nodeType, nodeLabel, parent, _top);
            _top = scope;
            IProfilerClock clock = run.Owner.Clock;
            scope.StartTimestamp = scope.SliceStart = clock.GetTimestamp();
            if (enteredTimestamp is long entered) scope.PreOverhead = Math.Max(0, clock.ElapsedMilliseconds(entered, scope.StartTimestamp));
            return scope;
        }

        /// <summary>
        /// Stops <paramref name="scope"/>'s clock and takes it off the stack until <see cref="Resume"/>, keeping its time
        /// so far: a command of a pipeline between its blocks (after begin, after each process, before end), while other
        /// commands run. Does nothing for an execution already suspended or ended.
        /// </summary>
        public void Suspend(NodeScope scope)
        {
            if (scope == null) throw new ArgumentNullException(nameof(scope));
            if (scope.IsEnded || scope.IsSuspended) return;
            long now = scope.Run.Owner.Clock.GetTimestamp();
            double slice = scope.Run.Owner.Clock.ElapsedMilliseconds(scope.SliceStart, now);
            scope.ActiveDuration += slice;
            Pop(scope, slice);
            scope.IsSuspended = true;
        }

        /// <summary>Puts a suspended <paramref name="scope"/> back on top of the stack and restarts its clock. Does nothing otherwise.</summary>
        public void Resume(NodeScope scope)
        {
            if (scope == null) throw new ArgumentNullException(nameof(scope));
            if (scope.IsEnded || !scope.IsSuspended) return;
            scope.IsSuspended = false;
            scope.Previous = _top;
            _top = scope;
            scope.SliceStart = scope.Run.Owner.Clock.GetTimestamp();
            scope.ExcludedAtSliceStart = scope.ExcludedDuration;
        }

        /// <summary>How far below the top of the stack <paramref name="scope"/> is (0: the innermost), or -1 when it is not on the stack (suspended, ended, or another stack's).</summary>
        public int DepthOf(NodeScope scope)
        {
            int depth = 0;
            for (NodeScope s = _top; s != null; s = s.Previous, depth++)
                if (ReferenceEquals(s, scope)) return depth;
            return -1;
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
            double slice = scope.IsSuspended ? 0 : scope.Run.Owner.Clock.ElapsedMilliseconds(scope.SliceStart, end);
            if (!scope.IsSuspended) Pop(scope, slice);
            // Inclusive: its slices, less what unrelated executions took while they ran above it.
            double inclusive = Math.Max(0, scope.ActiveDuration + slice - scope.ExcludedDuration);
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

        /// <summary>
        /// Takes <paramref name="scope"/> off the stack with any execution left above it (never ended: it leaves too).
        /// The executions between it and its parent did not call it (a pipeline's upstream commands, whose output call
        /// ran its block): its <paramref name="slice"/> is excluded from their time, less what the slice itself excluded
        /// (a block further downstream that ran inside it was excluded from them already, when it ended).
        /// </summary>
        private void Pop(NodeScope scope, double slice)
        {
            for (NodeScope s = _top; s != null; s = s.Previous)
            {
                if (!ReferenceEquals(s, scope)) continue;
                _top = scope.Previous;
                if (scope.Parent != null && !IsBelow(scope.Parent)) return;   // its parent is not running here: nothing to exclude from
                double own = slice - (scope.ExcludedDuration - scope.ExcludedAtSliceStart);
                for (NodeScope between = _top; between != null && !ReferenceEquals(between, scope.Parent); between = between.Previous)
                    if (ReferenceEquals(between.Run, scope.Run)) between.ExcludedDuration += own;
                return;
            }
        }

        private bool IsBelow(NodeScope scope)
        {
            for (NodeScope s = _top; s != null; s = s.Previous)
                if (ReferenceEquals(s, scope)) return true;
            return false;
        }
    }
}
