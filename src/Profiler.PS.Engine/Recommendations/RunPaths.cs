using System;
using System.Collections.Generic;

namespace Profiler.PS.Engine
{
    /// <summary>
    /// The critical path of each run in a profile, and what shortening one node would win in wall time.
    /// A run's recorded shape is trusted when its critical path is at most its wall time: hand-timed executions
    /// (Add-NodeTiming -Duration) that do not fit the clock are laid end to end, so their chain can exceed the clock,
    /// which no real schedule can. Such runs, and runs kept without a shape, are taken as sequential: every node is on
    /// the path, whose length is the sum of the nodes' self times. A run's path is made of top-level executions; a
    /// nested node (its parent as Get-NodeStatistics shows it, from the kept timelines) is on it when its top-level
    /// ancestor is, and shortening it shortens that ancestor by as much.
    /// </summary>
    internal sealed class RunPaths
    {
        private sealed class PathOfRun
        {
            public bool Trusted;
            public double Length;
            public double LongestOffPath;
            public HashSet<string> OnPath;
            /// <summary>Each top-level node's time in the run (inclusive): the most shortening anything inside it can win.</summary>
            public Dictionary<string, double> TopTime;
            public WorkflowRunSummary Summary;
        }

        private readonly Dictionary<int, PathOfRun> _runs = new Dictionary<int, PathOfRun>();
        /// <summary>Each nested node's top-level ancestor (absent: the node is top-level).</summary>
        private readonly Dictionary<string, string> _topOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _parentOf;

        public RunPaths(WorkflowPerformanceProfile profile)
        {
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (NodePerformanceData node in profile.NodeData) ids.Add(node.NodeId);
            var timelines = new List<RunTimeline>();
            foreach (WorkflowRunSummary r in profile.Runs) timelines.Add(r.Timeline);
            Dictionary<string, string> parentOf = _parentOf = NodeTree.Parents(timelines, ids.Contains);   // acyclic
            foreach (string id in parentOf.Keys)
            {
                string top = id;
                while (parentOf.TryGetValue(top, out string parent)) top = parent;
                _topOf[id] = top;
            }
            var summaries = new Dictionary<int, WorkflowRunSummary>();
            foreach (WorkflowRunSummary r in profile.Runs) summaries[r.RunNumber] = r;
            var samples = new Dictionary<int, List<KeyValuePair<NodePerformanceData, int>>>();
            foreach (NodePerformanceData node in profile.NodeData)
                for (int i = 0; i < node.RunNumbers.Length; i++)
                {
                    if (!samples.TryGetValue(node.RunNumbers[i], out var list)) samples[node.RunNumbers[i]] = list = new List<KeyValuePair<NodePerformanceData, int>>();
                    list.Add(new KeyValuePair<NodePerformanceData, int>(node, i));
                }
            foreach (var run in samples)
            {
                summaries.TryGetValue(run.Key, out WorkflowRunSummary summary);
                var path = new PathOfRun { Summary = summary, OnPath = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
                    TopTime = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) };
                foreach (var s in run.Value)
                    if (!_topOf.ContainsKey(s.Key.NodeId)) path.TopTime[s.Key.NodeId] = s.Key.Durations[s.Value];
                path.Trusted = summary != null && summary.CriticalPathNodes.Length > 0 && summary.CriticalPath > 0
                    // No longer than the run took: its total (the wall time, a total given to Complete, or the end of hand-given
                    // steps laid end to end, whose calls took no wall time to speak of), whatever the steps' statuses.
                    && summary.CriticalPath <= summary.TotalDuration * (1 + 1e-9) + 1e-6;
                if (path.Trusted)
                {
                    path.Length = summary.CriticalPath;
                    foreach (string id in summary.CriticalPathNodes) path.OnPath.Add(id);
                    // The longest top-level execution off the path (a nested one runs inside its ancestor's time).
                    foreach (var s in run.Value)
                        if (!_topOf.ContainsKey(s.Key.NodeId) && !path.OnPath.Contains(s.Key.NodeId))
                            path.LongestOffPath = Math.Max(path.LongestOffPath, s.Key.Durations[s.Value]);
                }
                else
                {
                    foreach (var s in run.Value)
                    {
                        path.OnPath.Add(s.Key.NodeId);
                        path.Length += s.Key.SelfDurations[s.Value];
                    }
                    // A hand-given child longer than its parent adds self time the run never took: no path outlasts the run.
                    if (summary != null) path.Length = Math.Min(path.Length, summary.TotalDuration);
                }
                _runs[run.Key] = path;
            }
        }

        /// <summary>True when <paramref name="nodeId"/> (or, for a nested node, its top-level ancestor) lies on the critical path of run <paramref name="runNumber"/>.</summary>
        public bool OnPath(string nodeId, int runNumber) => _runs.TryGetValue(runNumber, out PathOfRun p) && p.OnPath.Contains(Top(nodeId));

        /// <summary>True when <paramref name="ancestor"/> encloses <paramref name="nodeId"/> (its parent, or the parent's, and so on).</summary>
        public bool IsAncestor(string ancestor, string nodeId)
        {
            for (string p = nodeId; _parentOf.TryGetValue(p, out string parent); p = parent)
                if (string.Equals(parent, ancestor, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>The node's top-level ancestor, or the node itself at the top level.</summary>
        private string Top(string nodeId) => _topOf.TryGetValue(nodeId, out string top) ? top : nodeId;

        /// <summary>The critical path's length in the run, in milliseconds (0 for an unknown run).</summary>
        public double Length(int runNumber) => _runs.TryGetValue(runNumber, out PathOfRun p) ? p.Length : 0;

        /// <summary>
        /// The part of run <paramref name="runNumber"/>'s critical path that <paramref name="time"/> ms of
        /// <paramref name="nodeId"/> can account for: the time, but no more than the top-level step it lies in took in the
        /// run (a hand-given child longer than its parent does not lengthen the run) nor than the path itself; 0 off the
        /// path. Every saving and every share of the path goes through it, so none exceeds what the run took.
        /// </summary>
        public double TimeOnPath(string nodeId, int runNumber, double time)
        {
            if (!(time > 0) || !_runs.TryGetValue(runNumber, out PathOfRun p)) return 0;
            string top = Top(nodeId);
            if (!p.OnPath.Contains(top)) return 0;
            double bound = p.Length;
            if (p.TopTime.TryGetValue(top, out double topTime)) bound = Math.Min(bound, topTime);
            return Math.Min(time, bound);
        }

        /// <summary>
        /// Wall time run <paramref name="runNumber"/> would lose if <paramref name="nodeId"/> took
        /// <paramref name="reduction"/> ms less: 0 off the critical path (the longest chain is untouched); on it, the
        /// reduction as far as <see cref="TimeOnPath"/> allows, but no more than the path's lead over the longest
        /// execution off the path, which may then become the longest chain. Exact when the next-longest chain is a single
        /// execution, an upper bound when it is several in a row (the history keeps no execution times to find it).
        /// Never more than the run's critical path, so never more than the run's wall time (or total).
        /// </summary>
        public double Saving(string nodeId, int runNumber, double reduction)
        {
            double onPath = TimeOnPath(nodeId, runNumber, reduction);
            if (!(onPath > 0)) return 0;
            PathOfRun p = _runs[runNumber];
            return Math.Max(0, Math.Min(onPath, p.Length - p.LongestOffPath));
        }

        /// <summary>Runs whose recorded shape is trusted (see the class remarks) and that had no failed or stopped execution
        /// (a run cut short is no measure of its wall time), oldest first.</summary>
        public List<WorkflowRunSummary> TrustedRuns()
        {
            var list = new List<WorkflowRunSummary>();
            foreach (PathOfRun p in _runs.Values) if (p.Trusted && !p.Summary.HasFailures) list.Add(p.Summary);
            list.Sort((a, b) => a.RunNumber.CompareTo(b.RunNumber));
            return list;
        }
    }
}
