using System;
using System.Collections.Generic;

namespace Profiler.PS.Engine
{
    /// <summary>One execution of a completed run: where it lies in the run (milliseconds from the run's start), the
    /// lane (recording thread, numbered from 1 in the order of first records) and the enclosing execution.</summary>
    internal struct TimelineExecution
    {
        /// <summary>Index into <see cref="RunTimeline.NodeIds"/>.</summary>
        public int Node;
        /// <summary>Index of the enclosing execution in <see cref="RunTimeline.Executions"/>, or -1 at the top level.</summary>
        public int Parent;
        public int Lane;
        public NodeStatus Status;
        /// <summary>Start offset: the end offset minus the duration, so negative for a hand-given duration longer than the run so far.</summary>
        public double Start;
        public double Duration;
        public double SelfDuration;
    }

    /// <summary>
    /// The executions of a completed run in record order (a parent after its children), as the run in flight logs
    /// them. Kept with the run's summary for the runs in the window (WindowSize + 1), written to profile files and
    /// history lines from schema version 4, so completed runs are drawn as they ran. Immutable once built.
    /// </summary>
    internal sealed class RunTimeline
    {
        public RunTimeline(string[] nodeIds, TimelineExecution[] executions)
        {
            NodeIds = nodeIds;
            Executions = executions;
        }

        /// <summary>Offsets are floating point: a child starting this little (ms) before its parent still started with it.</summary>
        internal const double Tolerance = 1e-6;

        /// <summary>The run's node ids, each once, in order of first record.</summary>
        public string[] NodeIds { get; }
        public TimelineExecution[] Executions { get; }

        /// <summary>
        /// The executions as timing records, for <see cref="Export.RunLayout"/>: sequence = index + 1, the lane as
        /// its thread (completed runs keep no managed thread ids), type and label from <paramref name="describe"/>.
        /// </summary>
        public NodeTiming[] ToTimings(string workflowId, int runNumber, Func<string, (string Type, string Label)> describe)
        {
            var described = new (string Type, string Label)[NodeIds.Length];
            for (int i = 0; i < NodeIds.Length; i++) described[i] = describe(NodeIds[i]);
            var result = new NodeTiming[Executions.Length];
            for (int i = 0; i < result.Length; i++)
            {
                TimelineExecution e = Executions[i];
                string parent = e.Parent >= 0 ? NodeIds[Executions[e.Parent].Node] : null;
                result[i] = new NodeTiming(workflowId, runNumber, i + 1, NodeIds[e.Node], described[e.Node].Type, described[e.Node].Label ?? NodeIds[e.Node],
                    e.Duration, e.Start + e.Duration, e.Lane, parent, e.Parent + 1, e.SelfDuration, e.Status, e.Start, e.Lane, 0,
                    e.Parent >= 0 && e.Start < Executions[e.Parent].Start - Tolerance);
            }
            return result;
        }

        /// <summary>Node ids of a timeline built from executions naming nodes by id (first record order).</summary>
        internal static int IndexOf(Dictionary<string, int> index, List<string> ids, string nodeId)
        {
            if (!index.TryGetValue(nodeId, out int i))
            {
                index.Add(nodeId, i = ids.Count);
                ids.Add(nodeId);
            }
            return i;
        }
    }
}
