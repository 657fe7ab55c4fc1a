using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Profiler.PS.Json;

namespace Profiler.PS.Export
{
    /// <summary>
    /// speedscope's file format (https://www.speedscope.app/file-format-schema.json) with evented profiles: one
    /// profile per track of each completed run with a timeline (schema version 4, each as long as the run's wall
    /// time), one per completed run stored before (nodes end to end, see <see cref="RunLayout"/>) and one per track of
    /// the run in flight, in milliseconds rounded to whole microseconds. Each slice is an open (O) and a close (C) event of its node's frame; a nested
    /// execution opens after and closes before its parent, and slices on a track otherwise never overlap, so
    /// events are in non-decreasing order and balanced. The first workflow's newest completed run is the
    /// profile speedscope opens.
    /// </summary>
    internal static class SpeedscopeExport
    {
        public const string Schema = "https://www.speedscope.app/file-format-schema.json";

        private sealed class Profile
        {
            public string Name;
            public double End;
            public List<Slice> Slices;
            public int[] Frames;
        }

        public static string Write(IReadOnlyList<ExportSource> sources)
        {
            var frames = new List<string>();
            var frameIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var profiles = new List<Profile>();
            int active = 0;
            foreach (ExportSource s in sources)
            {
                WorkflowPerformanceProfile p = s.Profile;
                foreach (int run in s.CompletedRunNumbers())
                {
                    if (ReferenceEquals(s, sources[0])) active = profiles.Count;
                    NodeTiming[] timings = s.CompletedTimings(run);
                    if (timings == null)
                    {
                        profiles.Add(Build($"{p.WorkflowName} run {run}", RunLayout.Completed(p, run), s.Summary(run)?.TotalDuration ?? 0, p.WorkflowId, frames, frameIndex));
                        continue;
                    }
                    // Every lane's profile is as long as the run (its wall time, or its hand-timed timeline), so lanes line up side by side.
                    foreach (Track track in RunLayout.InFlight(timings))
                        profiles.Add(Build($"{p.WorkflowName} run {run} {track.Name}", track.Slices, s.Summary(run).TimelineLength, p.WorkflowId, frames, frameIndex));
                }
                if (s.InFlight.Length == 0) continue;
                foreach (Track track in RunLayout.InFlight(s.InFlight))
                {
                    string name = string.Format(CultureInfo.InvariantCulture, "{0} run {1} (in flight) {2}", p.WorkflowName, s.InFlightRunNumber, track.Name);
                    profiles.Add(Build(name, track.Slices, 0, p.WorkflowId, frames, frameIndex));
                }
            }

            var sb = new StringBuilder();
            var w = new JsonWriter(sb, indented: false);
            w.StartObject();
            w.Property("$schema", Schema);
            w.Name("shared");
            w.StartObject();
            w.Name("frames");
            w.StartArray();
            foreach (string frame in frames)
            {
                w.StartObject();
                w.Property("name", frame);
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
            w.Name("profiles");
            w.StartArray();
            foreach (Profile profile in profiles) WriteProfile(w, profile);
            w.EndArray();
            w.Property("name", sources.Count == 1 ? sources[0].Profile.WorkflowName : "Profiler.PS workflows");
            w.Property("activeProfileIndex", active);
            w.Property("exporter", "Profiler.PS");
            w.EndObject();
            return sb.Append('\n').ToString();
        }

        private static Profile Build(string name, List<Slice> slices, double total, string workflowId, List<string> frames, Dictionary<string, int> frameIndex)
        {
            var profile = new Profile { Name = name, End = total, Slices = slices, Frames = new int[slices.Count] };
            for (int i = 0; i < slices.Count; i++)
            {
                Slice s = slices[i];
                profile.End = Math.Max(profile.End, s.End);
                string key = workflowId.ToUpperInvariant() + "\u0000" + s.NodeId.ToUpperInvariant();
                if (!frameIndex.TryGetValue(key, out int index))
                {
                    frames.Add(s.NodeLabel ?? s.NodeId);
                    frameIndex.Add(key, index = frames.Count - 1);
                }
                profile.Frames[i] = index;
            }
            return profile;
        }

        private static void WriteProfile(JsonWriter w, Profile profile)
        {
            w.StartObject();
            w.Property("type", "evented");
            w.Property("name", profile.Name);
            w.Property("unit", "milliseconds");
            w.Property("startValue", 0L);
            w.Property("endValue", Milliseconds(profile.End));
            w.Name("events");
            w.StartArray();
            // Slices come parents first; before one opens, the slices open above its parent close (a call stack).
            var open = new Stack<int>();
            for (int i = 0; i < profile.Slices.Count; i++)
            {
                Slice s = profile.Slices[i];
                while (open.Count > 0 && open.Peek() != s.Parent) Close(w, profile, open.Pop());
                Event(w, "O", profile.Frames[i], s.Start);
                open.Push(i);
            }
            while (open.Count > 0) Close(w, profile, open.Pop());
            w.EndArray();
            w.EndObject();
        }

        private static void Close(JsonWriter w, Profile profile, int slice) => Event(w, "C", profile.Frames[slice], profile.Slices[slice].End);

        /// <summary>An offset rounded to whole microseconds (from the run's start, the one origin), so events that meet
        /// in milliseconds meet exactly and rounding never reorders a close before an open.</summary>
        private static double Milliseconds(double at) => RunLayout.Microseconds(at) / 1000.0;

        private static void Event(JsonWriter w, string type, int frame, double at)
        {
            w.StartObject();
            w.Property("type", type);
            w.Property("frame", frame);
            w.Property("at", Milliseconds(at));
            w.EndObject();
        }
    }
}
