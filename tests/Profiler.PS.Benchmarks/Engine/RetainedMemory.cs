using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Profiler.PS.Engine;

namespace Profiler.PS.Benchmarks.Engine
{
    /// <summary>
    /// What a session keeps after many recordings into 1,000 nodes, measured as the growth of the live heap
    /// (GC.GetTotalMemory(true) after a full collection, before and after). Goal: proportional to nodes x window,
    /// not to recordings. Two shapes: many runs of 1,000 nodes (1 recording per node per run), and one huge run
    /// (which keeps at most WorkflowRun.MaxSamplesPerRun execution records by design, until it completes).
    /// BenchmarkDotNet measures time and allocations, not what stays alive, hence this separate mode.
    /// </summary>
    public static class RetainedMemory
    {
        private const int Nodes = 1_000;
        private static readonly int[] Recordings = { 10_000, 100_000, 1_000_000 };

        /// <summary>Measures every shape and size; prints a markdown table and returns it.</summary>
        public static string Run()
        {
            string[] ids = new string[Nodes];
            for (int i = 0; i < Nodes; i++) ids[i] = "node" + i;
            var rows = new List<string>();
            foreach (int n in Recordings) rows.Add(Row("many runs (1,000 nodes x 1 per run)", n, "after the last run completed", ManyRuns(ids, n)));
            foreach (int n in Recordings) rows.Add(Row("one huge run", n, "run still in flight", OneRun(ids, n, complete: false)));
            foreach (int n in Recordings) rows.Add(Row("one huge run", n, "after it completed", OneRun(ids, n, complete: true)));
            var table = new StringBuilder();
            table.AppendLine("| Shape | Recordings | Measured | Retained bytes | Bytes per node |");
            table.AppendLine("|---|---:|---|---:|---:|");
            foreach (string row in rows) table.AppendLine(row);
            return table.ToString();
        }

        private static string Row(string shape, int recordings, string when, long bytes) => string.Format(CultureInfo.InvariantCulture,
            "| {0} | {1:N0} | {2} | {3:N0} | {4:N0} |", shape, recordings, when, bytes, bytes / Nodes);

        private static long ManyRuns(string[] ids, int recordings) => Retained(() =>
        {
            var session = new ProfilerSession();
            for (int r = 0; r < recordings / Nodes; r++)
            {
                WorkflowRun run = session.StartRun("w");
                foreach (string id in ids) run.Record(id, 10);
                run.Complete();
            }
            return session;
        });

        private static long OneRun(string[] ids, int recordings, bool complete) => Retained(() =>
        {
            var session = new ProfilerSession();
            WorkflowRun run = session.StartRun("w");
            for (int i = 0; i < recordings; i++) run.Record(ids[i % Nodes], 10);
            if (complete) run.Complete();
            return session;
        });

        private static long Retained(Func<ProfilerSession> build)
        {
            build();  // warm-up: JIT and type statics are not the session's memory
            long before = GC.GetTotalMemory(true);
            ProfilerSession session = build();
            long after = GC.GetTotalMemory(true);
            GC.KeepAlive(session);
            return after - before;
        }
    }
}
