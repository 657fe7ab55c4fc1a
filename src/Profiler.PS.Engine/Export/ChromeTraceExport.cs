using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Profiler.PS.Json;

namespace Profiler.PS.Export
{
    /// <summary>
    /// The Chrome Trace Event format (JSON object form) that chrome://tracing and Perfetto open: one process per
    /// run (pid), named by process_name metadata and ordered by process_sort_index; complete events (ph "X")
    /// with ts and dur in microseconds. A completed run stored before schema version 4 has its nodes laid end to end on thread 1 from 0 (no
    /// start times are kept, see <see cref="RunLayout"/>), with the run's total as a slice on thread 0; other runs
    /// (the run in flight, completed runs with a timeline, with their wall time on thread 0) use their real start offsets with one thread (tid) per track of each lane, nested executions drawn
    /// inside their parent (complete events on one tid nest by time, as the format requires).
    /// </summary>
    internal static class ChromeTraceExport
    {
        public static string Write(IReadOnlyList<ExportSource> sources)
        {
            var sb = new StringBuilder();
            var w = new JsonWriter(sb, indented: false);
            w.StartObject();
            w.Name("traceEvents");
            w.StartArray();
            int pid = 0, sortIndex = 0;
            foreach (ExportSource s in sources)
            {
                WorkflowPerformanceProfile p = s.Profile;
                foreach (int run in s.CompletedRunNumbers())
                {
                    pid++;
                    Meta(w, "process_name", pid, 0, "name", $"{p.WorkflowName} run {run}");
                    Meta(w, "process_sort_index", pid, 0, "sort_index", ++sortIndex);
                    Meta(w, "thread_name", pid, 0, "name", "run total");
                    WorkflowRunSummary summary = s.Summary(run);
                    NodeTiming[] timings = s.CompletedTimings(run);
                    if (summary != null)
                        Complete(w, p.WorkflowName + " run " + run.ToString(CultureInfo.InvariantCulture), "run", 0,
                            timings != null ? summary.TimelineLength : summary.TotalDuration, pid, 0, p.WorkflowId, null, run);
                    if (timings == null)
                    {
                        Meta(w, "thread_name", pid, 1, "name", "nodes end to end (runs stored before schema version 4 keep no start times)");
                        foreach (Slice slice in RunLayout.Completed(p, run)) Complete(w, slice, pid, 1, p.WorkflowId, run);
                        continue;
                    }
                    Tracks(w, RunLayout.InFlight(timings), pid, p.WorkflowId, run);
                }
                if (s.InFlight.Length == 0) continue;
                pid++;
                Meta(w, "process_name", pid, 0, "name", $"{p.WorkflowName} run {s.InFlightRunNumber} (in flight)");
                Meta(w, "process_sort_index", pid, 0, "sort_index", ++sortIndex);
                Tracks(w, RunLayout.InFlight(s.InFlight), pid, p.WorkflowId, s.InFlightRunNumber);
            }
            w.EndArray();
            w.Property("displayTimeUnit", "ms");
            w.Name("otherData");
            w.StartObject();
            w.Property("exporter", "Profiler.PS");
            w.EndObject();
            w.EndObject();
            return sb.Append('\n').ToString();
        }

        /// <summary>One thread (tid 1, 2...) per track of a run drawn from its start offsets.</summary>
        private static void Tracks(JsonWriter w, List<Track> tracks, int pid, string workflowId, int run)
        {
            for (int i = 0; i < tracks.Count; i++) Meta(w, "thread_name", pid, i + 1, "name", tracks[i].Name);
            for (int i = 0; i < tracks.Count; i++)
                foreach (Slice slice in tracks[i].Slices) Complete(w, slice, pid, i + 1, workflowId, run);
        }

        private static void Complete(JsonWriter w, Slice slice, int pid, int tid, string workflowId, int run)
        {
            StartComplete(w, slice.NodeLabel ?? slice.NodeId, slice.NodeType ?? "node", slice.Start, slice.End, pid, tid, workflowId, slice.NodeId, run);
            w.Property("selfDurationMs", slice.SelfDuration);
            if (slice.ParentId != null) w.Property("parentId", slice.ParentId);
            if (slice.Status != NodeStatus.Succeeded) w.Property("status", slice.Status.ToString());
            w.EndObject();
            w.EndObject();
        }

        private static void Complete(JsonWriter w, string name, string category, double startMs, double durationMs, int pid, int tid,
            string workflowId, string nodeId, int run)
        {
            StartComplete(w, name, category, startMs, startMs + durationMs, pid, tid, workflowId, nodeId, run);
            w.EndObject();
            w.EndObject();
        }

        /// <summary>
        /// Writes a complete event up to its open "args" object, which the caller ends (and the event after it). ts and
        /// the end are integer microseconds from the run's start and dur = end - ts, so slices that meet in milliseconds
        /// meet exactly and a child never ends after its parent (rounding keeps order).
        /// </summary>
        private static void StartComplete(JsonWriter w, string name, string category, double startMs, double endMs, int pid, int tid,
            string workflowId, string nodeId, int run)
        {
            long ts = RunLayout.Microseconds(startMs), end = RunLayout.Microseconds(endMs);
            double durationMs = endMs - startMs;
            w.StartObject();
            w.Property("name", name);
            w.Property("cat", category);
            w.Property("ph", "X");
            w.Property("ts", ts);
            w.Property("dur", end - ts);
            w.Property("pid", pid);
            w.Property("tid", tid);
            w.Name("args");
            w.StartObject();
            w.Property("workflowId", workflowId);
            if (nodeId != null) w.Property("nodeId", nodeId);
            w.Property("runNumber", run);
            w.Property("durationMs", durationMs);
        }

        private static void Meta(JsonWriter w, string name, int pid, int tid, string arg, string value)
        {
            StartMeta(w, name, pid, tid);
            w.Property(arg, value);
            w.EndObject();
            w.EndObject();
        }

        private static void Meta(JsonWriter w, string name, int pid, int tid, string arg, long value)
        {
            StartMeta(w, name, pid, tid);
            w.Property(arg, value);
            w.EndObject();
            w.EndObject();
        }

        private static void StartMeta(JsonWriter w, string name, int pid, int tid)
        {
            w.StartObject();
            w.Property("name", name);
            w.Property("ph", "M");
            w.Property("pid", pid);
            w.Property("tid", tid);
            w.Name("args");
            w.StartObject();
        }
    }
}
