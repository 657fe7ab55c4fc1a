using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Profiler.PS.Json;

namespace Profiler.PS.Export
{
    /// <summary>
    /// The Chrome Trace Event format (JSON object form) that chrome://tracing and Perfetto open: one process per
    /// run (pid), named by process_name metadata and ordered by process_sort_index; complete events (ph "X")
    /// with ts and dur in microseconds. A completed run's nodes are laid end to end on thread 1 from 0 (no
    /// start times are kept, see <see cref="RunLayout"/>), with the run's total as a slice on thread 0; the run
    /// in flight uses its real start offsets with one thread (tid) per track of each lane, nested executions drawn
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
                    Meta(w, "thread_name", pid, 1, "name", "nodes end to end (completed runs keep no start times)");
                    if (s.Summary(run) is WorkflowRunSummary summary)
                        Complete(w, p.WorkflowName + " run " + run.ToString(CultureInfo.InvariantCulture), "run", 0, summary.TotalDuration, pid, 0, p.WorkflowId, null, run);
                    foreach (Slice slice in RunLayout.Completed(p, run))
                        Complete(w, slice, pid, 1, p.WorkflowId, run);
                }
                if (s.InFlight.Length == 0) continue;
                pid++;
                Meta(w, "process_name", pid, 0, "name", $"{p.WorkflowName} run {s.InFlightRunNumber} (in flight)");
                Meta(w, "process_sort_index", pid, 0, "sort_index", ++sortIndex);
                List<Track> tracks = RunLayout.InFlight(s.InFlight);
                for (int i = 0; i < tracks.Count; i++) Meta(w, "thread_name", pid, i + 1, "name", tracks[i].Name);
                for (int i = 0; i < tracks.Count; i++)
                    foreach (Slice slice in tracks[i].Slices) Complete(w, slice, pid, i + 1, p.WorkflowId, s.InFlightRunNumber);
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

        private static void Complete(JsonWriter w, Slice slice, int pid, int tid, string workflowId, int run)
        {
            StartComplete(w, slice.NodeLabel ?? slice.NodeId, slice.NodeType ?? "node", slice.Start, slice.Duration, pid, tid, workflowId, slice.NodeId, run);
            w.Property("selfDurationMs", slice.SelfDuration);
            if (slice.ParentId != null) w.Property("parentId", slice.ParentId);
            if (slice.Status != NodeStatus.Succeeded) w.Property("status", slice.Status.ToString());
            w.EndObject();
            w.EndObject();
        }

        private static void Complete(JsonWriter w, string name, string category, double startMs, double durationMs, int pid, int tid,
            string workflowId, string nodeId, int run)
        {
            StartComplete(w, name, category, startMs, durationMs, pid, tid, workflowId, nodeId, run);
            w.EndObject();
            w.EndObject();
        }

        /// <summary>Writes a complete event up to its open "args" object, which the caller ends (and the event after it).</summary>
        private static void StartComplete(JsonWriter w, string name, string category, double startMs, double durationMs, int pid, int tid,
            string workflowId, string nodeId, int run)
        {
            w.StartObject();
            w.Property("name", name);
            w.Property("cat", category);
            w.Property("ph", "X");
            w.Property("ts", startMs * 1000);
            w.Property("dur", durationMs * 1000);
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
