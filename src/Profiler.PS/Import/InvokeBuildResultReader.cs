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
                Add(run, root, RunningAround(run, root, tasks), byName, added, started);
            return run;
        }

        /// <summary>
        /// The index in <paramref name="run"/> of the innermost task already added whose time contains
        /// <paramref name="task"/>'s (it started no earlier, and ended no later, than that task, and started before it
        /// ended), or -1: a task of a nested build ran inside the task that called Invoke-Build.
        /// </summary>
        private static int RunningAround(ImportedRun run, object task, List<object> tasks)
        {
            if (!(Time(task, "Started") is DateTimeOffset start) || !(Get(task, "Elapsed") is TimeSpan elapsed)) return -1;
            DateTimeOffset end = start + elapsed;
            object best = null;
            TimeSpan bestElapsed = TimeSpan.MaxValue;
            foreach (object other in tasks)
            {
                if (ReferenceEquals(other, task) || !(Time(other, "Started") is DateTimeOffset s) || !(Get(other, "Elapsed") is TimeSpan e)) continue;
                if (s <= start && end <= s + e && start < s + e && e <= bestElapsed && e >= elapsed) { best = other; bestElapsed = e; }
            }
            string name = best == null ? null : String(best, "Name");
            for (int i = run.Nodes.Count - 1; name != null && i >= 0; i--)
                if (string.Equals(run.Nodes[i].NodeId, name, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
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
                double? start = Time(t, "Started") is DateTimeOffset s && buildStart.HasValue ? (s - buildStart.Value).TotalMilliseconds : (double?)null;
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
