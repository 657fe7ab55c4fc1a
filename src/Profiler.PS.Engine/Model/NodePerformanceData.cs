using System;
using System.Globalization;

namespace Profiler.PS
{
    /// <summary>
    /// Statistics of one node (workflow step) over the workflow's completed runs. Avg, Min and Max are over
    /// the window (the last <c>WindowSize</c> runs in which the node ran, see <see cref="Durations"/>);
    /// <see cref="ExecutionCount"/> and <see cref="RunCount"/> are all-time. A value never changes once created.
    /// </summary>
    public sealed class NodePerformanceData
    {
        /// <summary>Creates a snapshot; the engine does this, users get them from Get-NodeStatistics.</summary>
        public NodePerformanceData(string workflowId, string nodeId, string nodeType, string nodeLabel,
            double[] durations, int[] runNumbers, double lastDuration, long executionCount, int runCount,
            double[] selfDurations = null)
        {
            WorkflowId = workflowId;
            NodeId = nodeId;
            NodeType = nodeType;
            NodeLabel = nodeLabel;
            Durations = durations ?? Array.Empty<double>();
            RunNumbers = runNumbers ?? Array.Empty<int>();
            LastDuration = lastDuration;
            ExecutionCount = executionCount;
            RunCount = runCount;
            if (Durations.Length > 0)
            {
                double sum = 0, min = double.MaxValue, max = double.MinValue;
                foreach (double d in Durations)
                {
                    sum += d;
                    if (d < min) min = d;
                    if (d > max) max = d;
                }
                AvgDuration = sum / Durations.Length;
                MinDuration = min;
                MaxDuration = max;
            }
            // A node never measured with children has no separate self window: its self time is its time.
            SelfDurations = selfDurations ?? Durations;
            if (SelfDurations.Length > 0)
            {
                double sum = 0;
                foreach (double d in SelfDurations) sum += d;
                AvgSelfDuration = sum / SelfDurations.Length;
                LastSelfDuration = SelfDurations[SelfDurations.Length - 1];
            }
        }

        /// <summary>The workflow the node belongs to.</summary>
        public string WorkflowId { get; }
        /// <summary>The node's id, unique in its workflow (compared case-insensitively).</summary>
        public string NodeId { get; }
        /// <summary>The node's kind (for example the tool or task type); may be null.</summary>
        public string NodeType { get; }
        /// <summary>The node's display label; the NodeId when none was given.</summary>
        public string NodeLabel { get; }
        /// <summary>One sample per completed run, in milliseconds, oldest first (the window). A run's sample is
        /// the sum of all the node's executions in that run.</summary>
        public double[] Durations { get; }
        /// <summary>The run number each of <see cref="Durations"/> came from (same order), to line samples up by run.</summary>
        public int[] RunNumbers { get; }
        /// <summary>Mean of <see cref="Durations"/>, in milliseconds.</summary>
        public double AvgDuration { get; }
        /// <summary>Smallest of <see cref="Durations"/>, in milliseconds.</summary>
        public double MinDuration { get; }
        /// <summary>Largest of <see cref="Durations"/>, in milliseconds.</summary>
        public double MaxDuration { get; }
        /// <summary>The node's sample in the latest run it ran in, in milliseconds.</summary>
        public double LastDuration { get; }
        /// <summary>All-time number of executions recorded (a node timed three times in a loop counts three).</summary>
        public long ExecutionCount { get; }
        /// <summary>All-time number of completed runs the node ran in.</summary>
        public int RunCount { get; }
        /// <summary>Self time per completed run (the window, same order as <see cref="Durations"/>): each run's
        /// time in the node minus the time of the nodes nested in it, in milliseconds.</summary>
        public double[] SelfDurations { get; }
        /// <summary>Mean of <see cref="SelfDurations"/>, in milliseconds: time spent in the node itself, not in children.</summary>
        public double AvgSelfDuration { get; }
        /// <summary>The node's self time in the latest run it ran in, in milliseconds.</summary>
        public double LastSelfDuration { get; }

        /// <summary>A one-line summary, for example <c>restore: avg 2,500.0 ms over 5 runs</c>.</summary>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0}: avg {1:N1} ms over {2} run{3}", NodeId, AvgDuration, Durations.Length, Durations.Length == 1 ? "" : "s");
    }
}
