using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Engine;
using static Profiler.PS.Import.PSObjects;

namespace Profiler.PS.Import
{
    /// <summary>
    /// Turns an Invoke-Build result (<c>Invoke-Build ... -Result r</c>: the object, or the hashtable whose Value it is)
    /// into an imported run: a node per task, named by the task, nested as tasks call tasks. Invoke-Build runs a task's
    /// referenced tasks inside it (the first reference runs the task, later ones find it done), so a task's parent is the
    /// task whose job list first reached it; its Elapsed is inclusive, and its self time is what its own script blocks
    /// took. A task with an error is Failed. The run starts at the build's Started and lasts its Elapsed.
    /// </summary>
    internal static class InvokeBuildResultReader
    {
        /// <summary>The result object inside <paramref name="value"/> when it is an Invoke-Build result, else null.</summary>
        public static object AsResult(object value)
        {
            if (value is PSObject wrapped && wrapped.BaseObject is IDictionary) value = wrapped.BaseObject;
            if (value is IDictionary table && table.Contains("Value")) value = table["Value"];
            return Has(value, "Tasks") && Has(value, "Elapsed") && Has(value, "Started") && Has(value, "Errors")
                && Items(value, "Tasks").All(t => Has(t, "Name") && Has(t, "Elapsed") && Has(t, "Jobs")) ? value : null;
        }

        /// <exception cref="FormatException">A task has no Elapsed time.</exception>
        public static ImportedRun Read(object result)
        {
            var tasks = Items(result, "Tasks").ToList();
            var byName = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (object t in tasks) byName[String(t, "Name") ?? ""] = t;
            var called = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (object t in tasks) foreach (string job in TaskJobs(t)) called.Add(job);
            DateTimeOffset? started = Time(result, "Started");
            var run = new ImportedRun("Invoke-Build result" + (String(result, "File") is string file ? " of " + file : ""), "InvokeBuild")
            {
                Timestamp = started,
                TotalDuration = Milliseconds(result, "Elapsed", "The Invoke-Build result"),
            };
            var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // Tasks nobody called were invoked by the command line, in the order they started; or by a nested build
            // (Invoke-Build called in a task's script), whose tasks the result also lists: those ran inside that task.
            foreach (object root in tasks.Where(t => !called.Contains(String(t, "Name") ?? "")).OrderBy(t => Time(t, "Started") ?? DateTimeOffset.MinValue))
                Add(run, root, RunningAround(run, Offset(root, started), Milliseconds(root, "Elapsed", $"Task '{String(root, "Name")}'")), byName, added, started);
            return run;
        }

        /// <summary>A task's start in milliseconds from the build's start, or null without both times.</summary>
        private static double? Offset(object task, DateTimeOffset? buildStart)
            => Time(task, "Started") is DateTimeOffset s && buildStart.HasValue ? (s - buildStart.Value).TotalMilliseconds : (double?)null;

        /// <summary>
        /// The index in <paramref name="run"/> of the innermost task already added whose time contains the span from
        /// <paramref name="start"/> lasting <paramref name="duration"/> (it started no later, ended no earlier, and the
        /// span starts before it ends), or -1: a task of a nested build ran inside the task that called Invoke-Build.
        /// </summary>
        private static int RunningAround(ImportedRun run, double? start, double duration)
        {
            if (!(start is double from)) return -1;
            int best = -1;
            for (int i = 0; i < run.Nodes.Count; i++)
            {
                ImportedNode node = run.Nodes[i];
                if (!(node.StartOffset is double s)) continue;
                double end = s + node.Duration;
                if (s <= from && from + duration <= end && from < end && node.Duration >= duration
                    && (best < 0 || node.Duration <= run.Nodes[best].Duration))
                    best = i;
            }
            return best;
        }

        private static void Add(ImportedRun run, object task, int parent, Dictionary<string, object> byName, HashSet<string> added, DateTimeOffset? buildStart)
        {
            var pending = new Stack<(object Task, int Parent)>();
            pending.Push((task, parent));
            while (pending.Count > 0)
            {
                (object t, int p) = pending.Pop();
                string name = String(t, "Name");
                if (!added.Add(name ?? "")) continue;
                double? start = Offset(t, buildStart);
                int index = run.Nodes.Count;
                run.Nodes.Add(new ImportedNode(name, ImportedNodeTypes.Task, p, Milliseconds(t, "Elapsed", $"Task '{name}'"),
                    Get(t, "Error") != null ? NodeStatus.Failed : NodeStatus.Succeeded, start));
                List<string> jobs = TaskJobs(t).ToList();
                for (int j = jobs.Count - 1; j >= 0; j--)
                    if (byName.TryGetValue(jobs[j], out object child)) pending.Push((child, index));
            }
        }

        /// <summary>The task names in a task's job list ('?' marks a reference whose failure is tolerated).</summary>
        private static IEnumerable<string> TaskJobs(object task)
        {
            foreach (object job in Items(task, "Jobs"))
                if (job is string name) yield return name.TrimStart('?');
        }
    }
}
