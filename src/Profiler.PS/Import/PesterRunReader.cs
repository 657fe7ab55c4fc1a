using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Profiler.PS.Engine;
using static Profiler.PS.Import.PSObjects;

namespace Profiler.PS.Import
{
    /// <summary>
    /// Turns the object Invoke-Pester -PassThru returns (Pester 5, type name Pester.Run) into an imported run: a node per
    /// executed test (It) under its blocks (Describe, Context) under its file, with Pester's own durations. Ids are the
    /// file's path relative to the directory the run's files share, then Pester's full name of the block or test, the
    /// dotted ExpandedPath its JUnit and NUnit reports use (<c>a.Tests.ps1 &gt; Describe.Context.It 1</c>), joined and
    /// escaped by <see cref="NodePath"/>: the reports of the same run give the same ids. A file's node is its
    /// execution time (Duration minus DiscoveryDuration), so its self time is Pester's framework time around its blocks;
    /// the run's discovery time is the node <c>(discovery)</c>, and any rest of the run's Duration the node
    /// <c>(framework)</c>, so the nodes at the top add up to Pester's total. A failed test is Failed, and so is every
    /// block and file around it; an inconclusive test is recorded as Succeeded; skipped and not-run tests are counted only.
    /// </summary>
    internal static class PesterRunReader
    {
        public const string TypeName = "Pester.Run";
        public const string DiscoveryNode = "(discovery)", FrameworkNode = "(framework)";

        public static bool IsRun(object value) => IsType(value, TypeName);

        /// <exception cref="FormatException">A duration is missing: the object is not a complete Pester 5 run.</exception>
        public static ImportedRun Read(object pesterRun)
        {
            var containers = Items(pesterRun, "Containers").ToList();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            string[] relative = NodePath.Relativize(containers.Select(ContainerName).ToList(), out _);
            var containerNames = relative.Select(name => Unique(names, NodePath.Escape(name))).ToList();
            string source = "Pester run of " + (containerNames.Count == 0 ? "no file" : string.Join(", ", containerNames.Take(3)) + (containerNames.Count > 3 ? $" and {containerNames.Count - 3} more" : ""));
            var run = new ImportedRun(source, "Pester")
            {
                Timestamp = Time(pesterRun, "ExecutedAt"),
                TotalDuration = Milliseconds(pesterRun, "Duration", "The Pester run"),
            };
            double discovery = Milliseconds(pesterRun, "DiscoveryDuration", "The Pester run");
            run.Nodes.Add(new ImportedNode(DiscoveryNode, ImportedNodeTypes.Framework, -1, discovery));
            double rest = run.TotalDuration - discovery;
            for (int i = 0; i < containers.Count; i++)
            {
                object c = containers[i];
                double execution = Math.Max(0, Milliseconds(c, "Duration", containerNames[i]) - Milliseconds(c, "DiscoveryDuration", containerNames[i]));
                int index = run.Nodes.Count;
                run.Nodes.Add(new ImportedNode(containerNames[i], ImportedNodeTypes.Container, -1, execution, Status(c)));
                bool any = false;
                foreach (object block in Items(c, "Blocks")) any |= AddBlock(run, block, index, containerNames[i], null);
                if (!any && Status(c) == NodeStatus.Succeeded) run.Nodes.RemoveAt(index);
                else rest -= execution;
            }
            // Rounding in Pester's own sums leaves fractions of a millisecond; only real time gets a node.
            if (rest > 0.001) run.Nodes.Add(new ImportedNode(FrameworkNode, ImportedNodeTypes.Framework, -1, rest));
            run.FailEnclosingNodes();   // a block or file around a failed test or block failed too, as Pester's own Result says
            run.MakeNodeIdsUnique();
            return run;
        }

        /// <summary>Adds the block and what ran in it; true when it holds an executed test (else it is removed again).</summary>
        private static bool AddBlock(ImportedRun run, object block, int parent, string containerId, string parentPath)
        {
            string path = FullName(block, parentPath);
            string id = containerId + NodePath.Separator + NodePath.Escape(path);
            int index = run.Nodes.Count;
            run.Nodes.Add(new ImportedNode(id, ImportedNodeTypes.Block, parent, Milliseconds(block, "Duration", id), Status(block)));
            bool any = false;
            foreach (object test in Items(block, "Tests"))
            {
                string result = String(test, "Result");
                if (result == "Skipped") { run.SkippedCount++; continue; }
                if (result == "NotRun") { run.NotRunCount++; continue; }
                if (result != "Passed" && result != "Failed" && result != "Inconclusive") { run.SkippedCount++; continue; }
                string testId = containerId + NodePath.Separator + NodePath.Escape(FullName(test, path));
                run.Nodes.Add(new ImportedNode(testId, ImportedNodeTypes.Test, index, Milliseconds(test, "Duration", testId),
                    result == "Failed" ? NodeStatus.Failed : NodeStatus.Succeeded));
                any = true;
            }
            foreach (object child in Items(block, "Blocks")) any |= AddBlock(run, child, index, containerId, path);
            if (!any && run.Nodes[index].Status == NodeStatus.Succeeded)
            {
                run.Nodes.RemoveAt(index);   // nothing after it was kept, so it is the last node
                return false;
            }
            return true;
        }

        /// <summary>Failed when the block or file failed on its own (BeforeAll, AfterAll, a file that does not parse); a failed
        /// test or block inside it makes it Failed later (<see cref="ImportedRun.FailEnclosingNodes"/>).</summary>
        private static NodeStatus Status(object item) => Items(item, "ErrorRecord").Any() ? NodeStatus.Failed : NodeStatus.Succeeded;

        private static string Name(object item)
        {
            string name = String(item, "ExpandedName");
            return string.IsNullOrWhiteSpace(name) ? String(item, "Name") ?? "(unnamed)" : name;
        }

        /// <summary>Pester's dotted full name with data-driven names expanded (ExpandedPath), as its reports write it.</summary>
        private static string FullName(object item, string parentPath)
        {
            string path = String(item, "ExpandedPath");
            return !string.IsNullOrWhiteSpace(path) ? path : parentPath == null ? Name(item) : parentPath + "." + Name(item);
        }

        /// <summary>The file's full path (as Pester's reports name it), or a script block container's name.</summary>
        private static string ContainerName(object container)
        {
            string name = String(container, "Name");
            if (!string.IsNullOrWhiteSpace(name)) return name;
            return Get(container, "Item") is FileInfo file ? file.FullName : "(container)";
        }

        private static string Unique(HashSet<string> names, string name)
        {
            string candidate = name;
            for (int n = 2; !names.Add(candidate); n++) candidate = $"{name} ({n})";
            return candidate;
        }
    }
}
