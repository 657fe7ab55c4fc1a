using System;
using System.IO;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Import;
using Profiler.PS.Persistence;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>Imported runs recorded through the live recording and completion path: nesting, self time, status, identity, history.</summary>
    public class ImportRunTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();
        private readonly ManualClock _clock = new ManualClock();

        public void Dispose() => _dir.Dispose();

        private static ImportedRun Suite(double test1, double test2, string day = "01", NodeStatus second = NodeStatus.Succeeded)
            => TestReportReaderTests.Read($@"<testsuites time=""{(test1 + test2 + 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture)}"">
<testsuite name=""api"" time=""{(test1 + test2 + 0.25).ToString(System.Globalization.CultureInfo.InvariantCulture)}"" timestamp=""2026-03-{day}T02:00:00Z"">
<testcase name=""login"" time=""{test1.ToString(System.Globalization.CultureInfo.InvariantCulture)}""/>
<testcase name=""search"" time=""{test2.ToString(System.Globalization.CultureInfo.InvariantCulture)}"">{(second == NodeStatus.Failed ? "<failure/>" : "")}</testcase>
<testcase name=""later"" time=""0""><skipped/></testcase>
</testsuite></testsuites>");

        private WorkflowSettings Settings => new WorkflowSettings { HistoryPath = _dir.Path };

        [Fact]
        public void An_imported_run_is_one_completed_run_with_nested_self_times_statuses_and_the_report_times()
        {
            var session = new ProfilerSession(_clock);
            ImportedRun imported = Suite(1, 2, second: NodeStatus.Failed);
            var start = imported.Timestamp.Value;
            RunCompletion done = session.ImportRun("ci", null, imported, start, out _);
            WorkflowRunSummary run = done.Run;
            Assert.Equal(1, run.RunNumber);
            Assert.Equal(imported.RunId, run.RunId);
            Assert.Equal(start, run.StartTime);
            Assert.Equal(start.AddMilliseconds(3500), run.EndTime);
            Assert.Equal(3500, run.TotalDuration);
            Assert.Equal(3500, run.WallTime);
            Assert.Equal(3, run.NodeCount);
            Assert.Equal(2, run.FailedCount);      // the failed test and the suite around it
            Assert.Equal(3250, run.NodeTimeSum);   // self times: suite 250 + tests 1000 + 2000
            Assert.Equal(3250, run.CriticalPath);  // the one top-level suite
            NodePerformanceData[] nodes = session.GetWorkflow("ci").GetNodeStatistics();
            // The failed test's run is kept out of its statistics (issue 11): no successful sample, one failure counted.
            // Tree order: the suite, then its tests (they completed, so were recorded, before it).
            // 'api > search' and the suite around it only failed: no successful sample, so no durations (null, not 0 ms).
            Assert.Equal(new (string, string, double?, double?)[] { ("api", "Suite", null, null), ("api > login", "Test", 1000.0, 1000.0), ("api > search", "Test", null, null) },
                nodes.Select(n => (n.NodeId, n.NodeType, n.LastDuration, n.AvgSelfDuration)));
            Assert.Equal((NodeStatus.Failed, 1L), (nodes[2].LastStatusValue, nodes[2].AllTimeFailedCount));
            Assert.Equal((NodeStatus.Failed, 1L), (nodes[0].LastStatusValue, nodes[0].AllTimeFailedCount));
            Assert.Equal(new[] { 0, 1, 1 }, nodes.Select(n => n.Depth));
            Assert.Equal(new[] { null, "api", "api" }, nodes.Select(n => n.ParentId));
            Assert.Null(session.GetWorkflow("ci").CurrentRun);
        }

        [Fact]
        public void The_same_report_imported_twice_is_recorded_once_even_after_the_history_is_reloaded()
        {
            var session = new ProfilerSession(_clock);
            ImportedRun first = Suite(1, 2);
            Assert.NotNull(session.ImportRun("ci", Settings, first, first.Timestamp.Value, out _));
            Assert.Null(session.ImportRun("ci", Settings, Suite(1, 2), first.Timestamp.Value, out _));
            Assert.Equal(1, session.GetWorkflow("ci").GetProfile().RunCount);
            Assert.Single(File.ReadAllLines(HistoryFileName.PathIn(_dir.Path, "ci")));

            var later = new ProfilerSession(new ManualClock());
            Assert.Null(later.ImportRun("ci", Settings, Suite(1, 2), first.Timestamp.Value, out string[] warnings));
            Assert.Empty(warnings);
            RunCompletion second = later.ImportRun("ci", Settings, Suite(1.5, 2, "02"), DateTimeOffset.Parse("2026-03-02T02:00:00Z"), out _);
            Assert.Equal(2, second.Run.RunNumber);
            Assert.Equal(2, File.ReadAllLines(HistoryFileName.PathIn(_dir.Path, "ci")).Length);
        }

        [Fact]
        public void Imported_runs_feed_the_comparison_like_live_runs()
        {
            var session = new ProfilerSession(_clock);
            for (int day = 1; day <= 5; day++)
            {
                ImportedRun r = Suite(day == 5 ? 4 : 1, 2, "0" + day);
                session.ImportRun("ci", null, r, r.Timestamp.Value, out _);
            }
            RunComparison[] verdicts = session.GetWorkflow("ci").Compare(null, null, null, 0.10, 5, out _);
            Assert.Equal(ComparisonVerdict.Slower, verdicts.Single(v => v.NodeId == "api > login").VerdictValue);
            Assert.Equal(ComparisonVerdict.Same, verdicts.Single(v => v.NodeId == "api > search").VerdictValue);
        }

        [Fact]
        public void A_run_in_flight_or_a_bad_node_stops_the_import_and_changes_nothing()
        {
            var session = new ProfilerSession(_clock);
            WorkflowRun live = session.StartRun("ci");
            ImportedRun r = Suite(1, 2);
            var ex = Assert.Throws<ProfilerException>(() => session.ImportRun("ci", null, r, r.Timestamp.Value, out _));
            Assert.Equal(ProfilerErrorKind.RunInProgress, ex.Kind);
            Assert.Same(live, session.GetWorkflow("ci").CurrentRun);

            var bad = new ImportedRun("x", "Pester") { TotalDuration = 10 };
            bad.Nodes.Add(new ImportedNode("a", "Test", -1, 5));
            bad.Nodes.Add(new ImportedNode("b", "Test", -1, -1));
            ex = Assert.Throws<ProfilerException>(() => session.ImportRun("other", null, bad, DateTimeOffset.Now, out _));
            Assert.Equal(ProfilerErrorKind.InvalidDuration, ex.Kind);
            Assert.Null(session.GetWorkflow("other"));
        }

        [Fact]
        public void Nodes_without_start_offsets_are_laid_out_one_after_another_inside_their_parent()
        {
            var run = new ImportedRun("x", "InvokeBuild") { TotalDuration = 100 };
            run.Nodes.Add(new ImportedNode("build", "Task", -1, 60));
            run.Nodes.Add(new ImportedNode("restore", "Task", 0, 20));
            run.Nodes.Add(new ImportedNode("compile", "Task", 0, 30));
            run.Nodes.Add(new ImportedNode("test", "Task", -1, 30, NodeStatus.Failed, startOffset: 65));
            Assert.Equal(new double[] { 0, 0, 20, 65 }, run.StartOffsets());
        }
    }
}
