using System;
using System.Globalization;
using Profiler.PS.Statistics;

namespace Profiler.PS
{
    /// <summary>
    /// Statistics of one node (workflow step) over the workflow's completed runs. Avg, Median, P95, Min, Max,
    /// StdDev and the outlier flags are over the window (the last <c>WindowSize</c> runs in which the node ran,
    /// see <see cref="Durations"/>); <see cref="ExecutionCount"/>, <see cref="RunCount"/> and the AllTime*
    /// properties are all-time. A value never changes once created.
    /// </summary>
    public sealed class NodePerformanceData
    {
        /// <summary>Creates a snapshot whose robust and all-time statistics are computed from <paramref name="durations"/> alone.</summary>
        public NodePerformanceData(string workflowId, string nodeId, string nodeType, string nodeLabel,
            double[] durations, int[] runNumbers, double lastDuration, long executionCount, int runCount)
            : this(workflowId, nodeId, nodeType, nodeLabel, durations, runNumbers, lastDuration, executionCount, runCount, null, null)
        {
        }

        /// <summary>Creates a snapshot with self times (see <see cref="SelfDurations"/>); the other statistics are computed from <paramref name="durations"/>.</summary>
        public NodePerformanceData(string workflowId, string nodeId, string nodeType, string nodeLabel,
            double[] durations, int[] runNumbers, double lastDuration, long executionCount, int runCount, double[] selfDurations)
            : this(workflowId, nodeId, nodeType, nodeLabel, durations, runNumbers, lastDuration, executionCount, runCount, null, selfDurations)
        {
        }

        /// <summary>Creates a snapshot; the engine does this, users get them from Get-NodeStatistics. A null
        /// <paramref name="statistics"/> computes them from <paramref name="durations"/> alone; null
        /// <paramref name="selfDurations"/> means the node never had nested nodes (its self time is its time).</summary>
        public NodePerformanceData(string workflowId, string nodeId, string nodeType, string nodeLabel,
            double[] durations, int[] runNumbers, double lastDuration, long executionCount, int runCount, DurationStatistics statistics,
            double[] selfDurations = null)
        {
            WorkflowId = workflowId;
            NodeId = nodeId;
            NodeType = nodeType;
            NodeLabel = nodeLabel;
            Durations = durations ?? Array.Empty<double>();
            RunNumbers = runNumbers ?? Array.Empty<int>();
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
            statistics = statistics ?? DurationStatistics.Compute(Durations, Durations.Length == runCount, RunningStatistics.Of(Durations));
            if (Durations.Length > 0)
            {
                // Without a successful sample there is no statistic: null (blank in CSV, null in JSON, '-' in views), not 0 ms.
                LastDuration = lastDuration;
                MedianDuration = statistics.Median;
                P95Duration = statistics.P95;
                StdDevDuration = statistics.StandardDeviation;
                CoefficientOfVariation = statistics.CoefficientOfVariation;
            }
            KeptDurations = Durations;
            KeptRunNumbers = RunNumbers;
            Outliers = (bool[])statistics.Outliers.Clone();   // statistics may be shared by several snapshots
            foreach (bool o in Outliers) if (o) OutlierCount++;
            IsFirstRunSlow = statistics.IsFirstRunSlow;
            if (statistics.AllTime.Count > 0)
            {
                AllTimeAvgDuration = statistics.AllTime.Mean;
                AllTimeMinDuration = statistics.AllTime.Min;
                AllTimeMaxDuration = statistics.AllTime.Max;
                AllTimeStdDevDuration = statistics.AllTime.StandardDeviation;
            }
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
        /// <summary>Mean of <see cref="Durations"/>, in milliseconds; null when the node has no successful sample (every
        /// run of it failed or was stopped), as are every other duration statistic of the node.</summary>
        public double? AvgDuration { get; }
        /// <summary>Smallest of <see cref="Durations"/>, in milliseconds; null without a successful sample.</summary>
        public double? MinDuration { get; }
        /// <summary>Largest of <see cref="Durations"/>, in milliseconds; null without a successful sample.</summary>
        public double? MaxDuration { get; }
        /// <summary>The node's sample in the latest run it succeeded in, in milliseconds; null without a successful sample.</summary>
        public double? LastDuration { get; }
        /// <summary>All-time number of executions recorded (a node timed three times in a loop counts three).</summary>
        public long ExecutionCount { get; }
        /// <summary>All-time number of completed runs the node ran in: the count of the AllTime statistics.</summary>
        public int RunCount { get; }
        /// <summary>Median of <see cref="Durations"/>, in milliseconds: the typical run, unmoved by one slow run; null without a successful sample.</summary>
        public double? MedianDuration { get; }
        /// <summary>
        /// 95th percentile of <see cref="Durations"/>, in milliseconds, by linear interpolation between closest
        /// ranks (type 7): with n sorted samples it sits at rank 0.95 (n - 1). With one sample it is that sample;
        /// with fewer than 20 it lies between the two largest samples, so read it as "close to the worst run". Null
        /// without a successful sample.
        /// </summary>
        public double? P95Duration { get; }
        /// <summary>Sample standard deviation of <see cref="Durations"/> (n - 1 denominator), in milliseconds; 0 for one sample, null for none.</summary>
        public double? StdDevDuration { get; }
        /// <summary>StdDevDuration divided by AvgDuration: the node's noise (0.05 is steady, 0.5 is erratic); 0 when the
        /// average is 0, null without a successful sample.</summary>
        public double? CoefficientOfVariation { get; }
        /// <summary>
        /// One flag per sample of <see cref="Durations"/> (same order): true when the sample is an outlier by the
        /// workflow's regression rule (<see cref="Statistics.RegressionRule.Outliers"/>): its distance from the window's
        /// median passes both thresholds (by default 10% and 5 ms) and its modified z-score 0.6745 (x - median) / MAD is
        /// above 3.5 in absolute value (Iglewicz and Hoaglin; hyperfine uses the same score with a looser bar). When
        /// more than half the samples are equal the MAD is 0 and, as in hyperfine, it is replaced by the machine epsilon:
        /// a sample past the thresholds away from that majority is flagged; jitter within them never is.
        /// </summary>
        public bool[] Outliers { get; }
        /// <summary>How many of <see cref="Outliers"/> are true.</summary>
        public int OutlierCount { get; }
        /// <summary>
        /// True when the node's first-ever run is still in the window and was slow (a cold start: empty caches,
        /// first compilation): the workflow's regression rule judges it Slower than the later samples (by default
        /// 10% and 5 ms above their median and outside their noise, with at least 3 later samples). Such a warm-up run is worth discarding from comparisons.
        /// </summary>
        public bool IsFirstRunSlow { get; }
        /// <summary>Mean of every successful sample ever (not only the window), in milliseconds; null when there is none.</summary>
        public double? AllTimeAvgDuration { get; }
        /// <summary>Smallest successful sample ever, in milliseconds; null when there is none.</summary>
        public double? AllTimeMinDuration { get; }
        /// <summary>Largest successful sample ever, in milliseconds; null when there is none.</summary>
        public double? AllTimeMaxDuration { get; }
        /// <summary>Standard deviation of every successful sample ever, in milliseconds; null when there is none.</summary>
        public double? AllTimeStdDevDuration { get; }
        /// <summary>Self time per completed run (the window, same order as <see cref="Durations"/>): each run's
        /// time in the node minus the time of the nodes nested in it, in milliseconds.</summary>
        public double[] SelfDurations { get; }
        /// <summary>Mean of <see cref="SelfDurations"/>, in milliseconds: time spent in the node itself, not in children;
        /// null without a successful sample.</summary>
        public double? AvgSelfDuration { get; }
        /// <summary>The node's self time in the latest run it succeeded in, in milliseconds; null without a successful sample.</summary>
        public double? LastSelfDuration { get; }

        /// <summary>Runs among the node's last WindowSize runs in which it failed (kept out of every statistic above).</summary>
        public int WindowFailedCount { get; private set; }
        /// <summary>Runs among the node's last WindowSize runs in which it was stopped (kept out of every statistic above).</summary>
        public int WindowStoppedCount { get; private set; }
        /// <summary>All-time number of completed runs in which the node failed; they are not in <see cref="RunCount"/>.</summary>
        public long AllTimeFailedCount { get; private set; }
        /// <summary>All-time number of completed runs in which the node was stopped; they are not in <see cref="RunCount"/>.</summary>
        public long AllTimeStoppedCount { get; private set; }
        /// <summary>How the node ended in the latest run it ran in: Failed or Stopped when any execution in that run did.
        /// A <see cref="NodeStatus"/> name: a string, so that ConvertTo-Json and Export-Csv write the name.</summary>
        public string LastStatus => LastStatusValue.ToString();
        /// <summary>How the node ended in the latest run it ran in, as the enum.</summary>
        internal NodeStatus LastStatusValue { get; private set; }

        /// <summary>The node this node ran inside (its caller), or null at the top level: from the latest kept run
        /// timeline that has the node (see Get-NodeStatistics); null for runs loaded from files older than schema 4.</summary>
        public string ParentId { get; private set; }
        /// <summary>Nesting level in <see cref="ParentId"/>'s tree: 0 at the top level, 1 for a child, and so on.</summary>
        public int Depth { get; private set; }

        /// <summary>The ids shown with this one (the same command's output) and this one's place among them, so a view can keep shortened ids apart.</summary>
        internal Rendering.IdSet Ids { get; set; }
        /// <summary>This row's index in <see cref="Ids"/>.</summary>
        internal int IdIndex { get; set; }

        /// <summary>Sets the node's place in the tree (once, before the snapshot is handed out).</summary>
        internal void SetPlace(string parentId, int depth)
        {
            ParentId = parentId;
            Depth = depth;
        }

        /// <summary>Successful samples kept for comparisons: the window and up to WindowSize before it, the baselines of the window's runs (oldest first).</summary>
        internal double[] KeptDurations { get; private set; }
        /// <summary>Run numbers of <see cref="KeptDurations"/>.</summary>
        internal int[] KeptRunNumbers { get; private set; }
        /// <summary>Recent runs in which the node failed or was stopped, oldest first.</summary>
        internal int[] UnsuccessfulRunNumbers { get; private set; } = Array.Empty<int>();
        /// <summary>The status of each of <see cref="UnsuccessfulRunNumbers"/>.</summary>
        internal NodeStatus[] UnsuccessfulStatuses { get; private set; } = Array.Empty<NodeStatus>();

        /// <summary>The latest completed run the node ran in, successful or not; 0 when it has none.</summary>
        internal int LastRunNumber => Math.Max(RunNumbers.Length > 0 ? RunNumbers[RunNumbers.Length - 1] : 0,
            UnsuccessfulRunNumbers.Length > 0 ? UnsuccessfulRunNumbers[UnsuccessfulRunNumbers.Length - 1] : 0);

        /// <summary>Adds what the engine knows beyond the window (set once, before the snapshot is handed out).</summary>
        internal void SetOutcomes(double[] keptDurations, int[] keptRunNumbers, int[] unsuccessfulRuns, NodeStatus[] statuses,
            int windowFailed, int windowStopped, long allTimeFailed, long allTimeStopped, NodeStatus lastStatus)
        {
            KeptDurations = keptDurations;
            KeptRunNumbers = keptRunNumbers;
            UnsuccessfulRunNumbers = unsuccessfulRuns;
            UnsuccessfulStatuses = statuses;
            WindowFailedCount = windowFailed;
            WindowStoppedCount = windowStopped;
            AllTimeFailedCount = allTimeFailed;
            AllTimeStoppedCount = allTimeStopped;
            LastStatusValue = lastStatus;
        }

        /// <summary>A one-line summary, for example <c>restore: avg 2,500.0 ms over 5 runs</c>, or
        /// <c>failer: no successful run (3 failed)</c>.</summary>
        public override string ToString() => AvgDuration is double avg
            ? string.Format(CultureInfo.InvariantCulture, "{0}: avg {1:N1} ms over {2} run{3}", NodeId, avg, Durations.Length, Durations.Length == 1 ? "" : "s")
            : string.Format(CultureInfo.InvariantCulture, "{0}: no successful run ({1} failed, {2} stopped)", NodeId, AllTimeFailedCount, AllTimeStoppedCount);
    }
}
