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

        /// <summary>The execution below this one on its stack (set again when a suspended execution resumes).</summary>
        internal NodeScope Previous { get; set; }
        internal long StartTimestamp;
        /// <summary>When the current slice began: the start, or the last resume of a suspended execution.</summary>
        internal long SliceStart;
        /// <summary>Milliseconds of the slices that ended with a suspend.</summary>
        internal double ActiveDuration;
        /// <summary>
        /// Milliseconds of executions that are not its descendants but ran while it was on the stack below them: the
        /// downstream commands of a pipeline, whose blocks run inside the upstream command's output call. Not its time.
        /// </summary>
        internal double ExcludedDuration;
        /// <summary><see cref="ExcludedDuration"/> when the current slice began: what the slice's own time excludes.</summary>
        internal double ExcludedAtSliceStart;
        /// <summary>True between <see cref="NodeScopeStack.Suspend"/> and <see cref="NodeScopeStack.Resume"/>: off the stack, its clock stopped.</summary>
        public bool IsSuspended { get; internal set; }
        internal double PreOverhead;
        /// <summary>Inclusive milliseconds of the direct children recorded so far.</summary>
        internal double ChildDuration;
        /// <summary>The execution's Sequence in its run once recorded, else 0. Written and read under the run's lock.</summary>
        internal long Sequence;

        internal void MarkEnded() => IsEnded = true;

        /// <summary>For example <c>compile (running)</c>.</summary>
        public override string ToString() => NodeId + (IsEnded ? " (ended)" : " (running)");
    }
}
