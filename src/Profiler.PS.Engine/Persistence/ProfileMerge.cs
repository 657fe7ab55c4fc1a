using System;
using System.Collections.Generic;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// Merges two histories of one workflow into one, in time order. Runs with a summary are ordered by start
    /// time; samples of older runs (kept only in some node's window, so without a time) are placed just before
    /// their side's oldest summarised run, in run-number order. Runs are renumbered so the newest is RunCount
    /// (the sum of both sides'); each node keeps its newest samples, as many as a session keeps (the window and the baselines of its runs); all-time counters add up.
    /// Settings and the name come from <c>existing</c>; the latest total, alerts and timestamp from the side
    /// that ran last. Run shapes and self times travel with their runs. The caller refuses sides sharing a run id.
    /// </summary>
    internal static class ProfileMerge
    {
        private struct RunKey
        {
            public int Side;
            public int Number;
            public long Ticks;
            public bool Known;
        }

        public static WorkflowState Merge(WorkflowState existing, WorkflowState incoming)
        {
            WorkflowState[] sides = { existing, incoming };
            var keys = new List<RunKey>();
            var summaries = new Dictionary<long, WorkflowRunSummary>();
            for (int side = 0; side < 2; side++)
            {
                WorkflowState s = sides[side];
                var numbers = new SortedSet<int>();
                foreach (WorkflowRunSummary r in s.Runs) { numbers.Add(r.RunNumber); summaries[Id(side, r.RunNumber)] = r; }
                foreach (NodeState n in s.Nodes) foreach (int r in n.RunNumbers) numbers.Add(r);
                long oldest = s.Runs.Length > 0 ? s.Runs[0].StartTime.UtcTicks : long.MinValue;
                foreach (int number in numbers)
                {
                    bool known = summaries.TryGetValue(Id(side, number), out WorkflowRunSummary r);
                    keys.Add(new RunKey { Side = side, Number = number, Known = known, Ticks = known ? r.StartTime.UtcTicks : oldest });
                }
            }
            keys.Sort((a, b) =>
            {
                int c = a.Ticks.CompareTo(b.Ticks);
                if (c == 0) c = a.Known.CompareTo(b.Known);    // undated older runs first
                if (c == 0) c = a.Side.CompareTo(b.Side);
                return c != 0 ? c : a.Number.CompareTo(b.Number);
            });
            int runCount = existing.RunCount + incoming.RunCount;
            var renumber = new Dictionary<long, int>();
            for (int i = 0; i < keys.Count; i++) renumber[Id(keys[i].Side, keys[i].Number)] = runCount - (keys.Count - 1 - i);

            var runs = new List<WorkflowRunSummary>();
            foreach (RunKey k in keys)
                if (k.Known)
                {
                    WorkflowRunSummary r = summaries[Id(k.Side, k.Number)];
                    runs.Add(new WorkflowRunSummary(renumber[Id(k.Side, k.Number)], r.RunId, r.StartTime, r.EndTime, r.TotalDuration,
                        r.NodeCount, r.ExecutionCount, r.AlertCount, ShapeFields.Of(r)).WithTimeline(r.Timeline).WithTestCounts(r.SkippedCount, r.NotRunCount));
                }
            int kept = Engine.WorkflowSettings.KeptRuns(existing.WindowSize);
            if (runs.Count > kept) runs.RemoveRange(0, runs.Count - kept);

            int lastSide = keys.Count > 0 ? keys[keys.Count - 1].Side : 0;
            WorkflowState latest = sides[lastSide];
            var alerts = new List<BottleneckAlert>();
            foreach (BottleneckAlert a in latest.LastAlerts)
                if (renumber.TryGetValue(Id(lastSide, a.RunNumber), out int number))
                    alerts.Add(new BottleneckAlert(existing.WorkflowId, number, a.NodeId, a.NodeLabel, a.Duration, a.BaselineMedian,
                        a.BaselineSamples, a.Timestamp));

            return new WorkflowState
            {
                WorkflowId = existing.WorkflowId,
                WorkflowName = existing.WorkflowName,
                WindowSize = existing.WindowSize,
                RelativeThreshold = existing.RelativeThreshold,
                AbsoluteThreshold = existing.AbsoluteThreshold,
                MinimumSamples = existing.MinimumSamples,
                RunCount = runCount,
                LastTotalDuration = latest.LastTotalDuration,
                Timestamp = latest.Timestamp,
                Runs = runs.ToArray(),
                LastAlerts = alerts.ToArray(),
                Nodes = MergeNodes(existing, incoming, renumber),
            };
        }

        private static NodeState[] MergeNodes(WorkflowState existing, WorkflowState incoming, Dictionary<long, int> renumber)
        {
            var order = new List<string>();
            var bySide = new Dictionary<string, NodeState[]>(StringComparer.OrdinalIgnoreCase);
            WorkflowState[] sides = { existing, incoming };
            for (int side = 0; side < 2; side++)
                foreach (NodeState n in sides[side].Nodes)
                {
                    if (!bySide.TryGetValue(n.NodeId, out NodeState[] pair)) { bySide[n.NodeId] = pair = new NodeState[2]; order.Add(n.NodeId); }
                    pair[side] = n;
                }
            var result = new NodeState[order.Count];
            for (int i = 0; i < result.Length; i++)
            {
                NodeState[] pair = bySide[order[i]];
                var samples = new List<(int Run, double Duration, double Self)>();
                int newestSide = pair[0] != null ? 0 : 1, newest = 0;
                for (int side = 0; side < 2; side++)
                {
                    if (pair[side] == null) continue;
                    for (int j = 0; j < pair[side].RunNumbers.Length; j++)
                    {
                        int number = renumber[Id(side, pair[side].RunNumbers[j])];
                        samples.Add((number, pair[side].Durations[j], pair[side].SelfDurations[j]));
                        if (number > newest) { newest = number; newestSide = side; }
                    }
                }
                samples.Sort((a, b) => a.Run.CompareTo(b.Run));
                // Samples before the window are kept as the baselines of its runs (see NodeHistory).
                int kept = Engine.WorkflowSettings.KeptRuns(existing.WindowSize);
                if (samples.Count > kept) samples.RemoveRange(0, samples.Count - kept);
                NodeState first = pair[0] ?? pair[1], meta = pair[newestSide];
                var merged = new NodeState
                {
                    NodeId = first.NodeId,
                    NodeType = meta.NodeType ?? pair[1 - newestSide]?.NodeType,
                    NodeLabel = meta.NodeLabel,
                    ExecutionCount = (pair[0]?.ExecutionCount ?? 0) + (pair[1]?.ExecutionCount ?? 0),
                    AllTime = (pair[0]?.AllTime ?? default).Combine(pair[1]?.AllTime ?? default),
                    RunNumbers = new int[samples.Count],
                    Durations = new double[samples.Count],
                    SelfDurations = new double[samples.Count],
                };
                var unsuccessful = new List<(int Run, NodeStatus Status)>();
                for (int side = 0; side < 2; side++)
                {
                    if (pair[side] == null) continue;
                    merged.FailedCount += pair[side].FailedCount;
                    merged.StoppedCount += pair[side].StoppedCount;
                    for (int j = 0; j < pair[side].UnsuccessfulRunNumbers.Length; j++)
                        if (renumber.TryGetValue(Id(side, pair[side].UnsuccessfulRunNumbers[j]), out int number))
                            unsuccessful.Add((number, pair[side].UnsuccessfulStatuses[j]));
                }
                unsuccessful.Sort((a, b) => a.Run.CompareTo(b.Run));
                merged.UnsuccessfulRunNumbers = unsuccessful.ConvertAll(u => u.Run).ToArray();
                merged.UnsuccessfulStatuses = unsuccessful.ConvertAll(u => u.Status).ToArray();
                for (int j = 0; j < samples.Count; j++)
                {
                    merged.RunNumbers[j] = samples[j].Run;
                    merged.Durations[j] = samples[j].Duration;
                    merged.SelfDurations[j] = samples[j].Self;
                }
                result[i] = merged;
            }
            return result;
        }

        private static long Id(int side, int number) => ((long)side << 32) | (uint)number;
    }
}
