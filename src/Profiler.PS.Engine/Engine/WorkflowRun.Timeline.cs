using System;
using System.Collections.Generic;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>The completed run's executions with their place in time, kept with its summary.</summary>
    public sealed partial class WorkflowRun
    {
        /// <summary>
        /// The kept executions (at most <see cref="MaxSamplesPerRun"/>) in record order with start, lane and parent.
        /// A parent beyond the kept records (a run over the cap) leaves its children at the top level. The run is closed.
        /// </summary>
        internal RunTimeline Timeline()
        {
            TimingSample[] samples;
            lock (_gate) samples = _log.ToArray();
            var ids = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var executions = new TimelineExecution[samples.Length];
            for (int i = 0; i < samples.Length; i++)
            {
                TimingSample s = samples[i];
                long parent = s.Parent?.Sequence ?? 0;
                executions[i] = new TimelineExecution
                {
                    Node = RunTimeline.IndexOf(index, ids, _nodeOrder[s.NodeIndex].NodeId),
                    Parent = parent > 0 && parent <= samples.Length ? (int)parent - 1 : -1,
                    Lane = s.Lane,
                    Status = s.Status,
                    Start = s.EndOffset - s.Duration,
                    Duration = s.Duration,
                    SelfDuration = s.SelfDuration,
                };
            }
            return new RunTimeline(ids.ToArray(), executions);
        }

        /// <summary>The profiler's overhead is kept as a float to keep a log entry at 56 bytes; rounding to 0.1 us
        /// shows the value it held rather than float-to-double noise (0.0123 rather than 0.012300000526).</summary>
        private static double VisibleOverhead(float overhead) => Math.Round(overhead, 4);

        /// <summary>True when the sample starts before its parent did (see <see cref="NodeTiming.ExceedsParent"/>).</summary>
        private bool ExceedsParent(in TimingSample s)
            => s.Parent != null && s.EndOffset - s.Duration < _owner.Clock.ElapsedMilliseconds(StartTimestamp, s.Parent.StartTimestamp) - RunTimeline.Tolerance;
    }
}
