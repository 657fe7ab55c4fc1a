using System;
using System.Collections.Generic;
using Profiler.PS.Import;

namespace Profiler.PS.Engine
{
    public sealed partial class WorkflowProfiler
    {
        /// <summary>Every run id the workflow has completed, loaded or imported, with its run number: an imported run already among them is not recorded again.</summary>
        private readonly Dictionary<Guid, int> _runIds = new Dictionary<Guid, int>();

        /// <summary>
        /// Records <paramref name="imported"/> as the next completed run, through the same recording and completion as a
        /// live run (so statistics, comparison, alerts, shape and the history file treat it alike): each node becomes one
        /// execution, children before their parent so self times exclude children, laid out at the tool's start offsets.
        /// The run starts at the report's timestamp and ends <see cref="ImportedRun.TotalDuration"/> later.
        /// </summary>
        /// <returns>The completion, or null when a run with the same id is already in the workflow (nothing changed).</returns>
        /// <exception cref="ProfilerException">RunInProgress: a live run of the workflow is in flight; nothing changed.</exception>
        internal RunCompletion Import(ImportedRun imported, DateTimeOffset startTime, WorkflowSettings settings)
        {
            lock (SyncRoot)
            {
                if (_current != null)
                    throw new ProfilerException(ProfilerErrorKind.RunInProgress,
                        $"Run {_current.RunNumber} of workflow '{WorkflowId}' is in flight: complete it with Complete-WorkflowProfile before importing into it, or import into another -WorkflowId.");
                if (_runIds.ContainsKey(imported.RunId)) return null;
                Apply(settings);
                var run = new WorkflowRun(this, _runCount + 1, startTime, Clock.GetTimestamp(), imported.RunId)
                    { SkippedCount = imported.SkippedCount, NotRunCount = imported.NotRunCount };
                _current = run;
                try
                {
                    RecordTree(run, imported);
                }
                catch
                {
                    run.Close(WorkflowRunState.Abandoned);
                    _current = null;
                    throw;
                }
                return CompleteAt(run, imported.TotalDuration, startTime.AddMilliseconds(imported.TotalDuration));
            }
        }

        /// <summary>True when the workflow has completed, loaded or imported a run with this id.</summary>
        public bool HasRun(Guid runId)
        {
            lock (SyncRoot) return _runIds.ContainsKey(runId);
        }

        /// <summary>The number the workflow gave the run with this id (completed, loaded or imported), or null when it has no such run.</summary>
        public int? RunNumberOf(Guid runId)
        {
            lock (SyncRoot) return _runIds.TryGetValue(runId, out int number) ? number : (int?)null;
        }

        /// <summary>Notes a run id as known, with its run number. Caller holds the lock.</summary>
        private void KnowRunLocked(Guid runId, int runNumber) => _runIds[runId] = runNumber;

        /// <summary>Records every node, each after its children (post-order), as Measure-WorkflowNode does for nested blocks.</summary>
        private static void RecordTree(WorkflowRun run, ImportedRun imported)
        {
            List<ImportedNode> nodes = imported.Nodes;
            double[] starts = imported.StartOffsets();
            var children = new List<int>[nodes.Count];
            var roots = new List<int>();
            for (int i = 0; i < nodes.Count; i++)
                (nodes[i].Parent < 0 ? roots : children[nodes[i].Parent] ?? (children[nodes[i].Parent] = new List<int>())).Add(i);
            var scopes = new NodeScope[nodes.Count];
            // An explicit stack: a report may nest deeply, and recursion depth should not depend on input.
            var stack = new Stack<(int Node, bool Expanded)>();
            for (int r = roots.Count - 1; r >= 0; r--) stack.Push((roots[r], false));
            while (stack.Count > 0)
            {
                (int i, bool expanded) = stack.Pop();
                ImportedNode n = nodes[i];
                NodeScope parent = n.Parent < 0 ? null : scopes[n.Parent];
                if (!expanded)
                {
                    scopes[i] = new NodeScope(run, n.NodeId, n.NodeType, null, parent, null);
                    stack.Push((i, true));
                    List<int> kids = children[i];
                    if (kids != null) for (int k = kids.Count - 1; k >= 0; k--) stack.Push((kids[k], false));
                    continue;
                }
                double childTime = 0;
                if (children[i] != null) foreach (int k in children[i]) childTime += nodes[k].Duration;
                // Tools round each time on its own, so children may add up to a little more than their parent.
                double self = Math.Max(0, n.Duration - childTime);
                run.RecordExecution(n.NodeId, n.Duration, n.NodeType, null, parent, self, n.Status, false, 0, 0, 0, scopes[i],
                    endOffsetMs: starts[i] + n.Duration);
            }
        }
    }
}
