using System;
using System.Collections.Generic;
using System.Linq;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// Compare-WorkflowRun -Run N on a run of the window (Runs) after later runs slid the window on: it judges the run as
    /// it was judged when it completed (its alerts, AlertCount, Complete's Comparison), -Run accepts exactly the runs
    /// Runs lists, and a node that ran in an earlier kept run is never New.
    /// </summary>
    public class WindowVerdictTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        private static RunCompletion Run(ProfilerSession session, string workflow, WorkflowSettings settings, params (string Node, double Ms)[] timings)
        {
            WorkflowRun run = session.StartRun(workflow, settings, false, out _);
            foreach (var (node, ms) in timings) run.Record(node, ms);
            return run.Complete();
        }

        private static RunComparison[] Compare(WorkflowProfiler wf, int[] runs = null, int[] baseline = null)
            => wf.Compare(runs, baseline, null, null, null, out _);

        private static RunComparison Line(RunComparison[] lines, string node)
            => lines.Single(l => node == null ? l.ScopeValue == ComparisonScope.Workflow : l.NodeId == node);

        [Fact]
        public void A_run_whose_first_baseline_runs_slid_out_of_the_window_keeps_its_Slower_verdict_and_its_alert()
        {
            // The tester's repro: window 4, b spikes in run 6; after run 8, Runs lists 5-8 and run 6 still has its alert.
            var session = new ProfilerSession(new ManualClock());
            var settings = new WorkflowSettings { WindowSize = 4 };
            double[] durations = { 100, 100, 100, 100, 100, 200, 100, 100 };
            RunCompletion sixth = null;
            for (int i = 0; i < durations.Length; i++)
            {
                RunCompletion done = Run(session, "w", settings, ("b", durations[i]));
                if (i == 5) sixth = done;
            }
            Assert.Equal(new[] { "b" }, sixth.Alerts.Select(a => a.NodeId));
            WorkflowProfiler wf = session.GetWorkflow("w");
            WorkflowPerformanceProfile profile = wf.GetProfile();
            Assert.Equal(new[] { 5, 6, 7, 8 }, profile.Runs.Select(r => r.RunNumber));
            Assert.Equal(1, profile.Runs.Single(r => r.RunNumber == 6).AlertCount);

            RunComparison b = Line(Compare(wf, new[] { 6 }), "b");
            Assert.Equal(ComparisonVerdict.Slower, b.VerdictValue);
            Assert.Equal(new[] { 2, 3, 4, 5 }, b.BaselineRunNumbers);   // the baseline run 6 had when it completed
            Assert.Equal(sixth.Alerts[0].BaselineMedian, b.BaselineDuration);
            Assert.Equal(sixth.Profile.Comparison.VerdictValue, Line(Compare(wf, new[] { 6 }), null).VerdictValue);
            // Every run Runs lists: Slower nodes are exactly as many as its AlertCount.
            foreach (WorkflowRunSummary r in profile.Runs)
                Assert.Equal(r.AlertCount, Compare(wf, new[] { r.RunNumber }).Count(l => l.VerdictValue == ComparisonVerdict.Slower && l.ScopeValue == ComparisonScope.Node));
        }

        [Fact]
        public void Run_accepts_exactly_the_runs_Runs_lists_and_its_error_names_them()
        {
            // The tester's second variant: window 3, five runs of b at 100 ms.
            var session = new ProfilerSession(new ManualClock());
            var settings = new WorkflowSettings { WindowSize = 3 };
            for (int i = 0; i < 5; i++) Run(session, "v", settings, ("b", 100));
            WorkflowProfiler wf = session.GetWorkflow("v");
            Assert.Equal(new[] { 3, 4, 5 }, wf.GetProfile().Runs.Select(r => r.RunNumber));
            foreach (int refused in new[] { 1, 2, 6 })
            {
                var ex = Assert.Throws<ProfilerException>(() => Compare(wf, new[] { refused }));
                Assert.Equal(ProfilerErrorKind.RunNotFound, ex.Kind);
                Assert.Contains($"Run {refused} is not in the window of workflow 'v', which holds runs 3 to 5 (", ex.Message);
            }
            // Run 3 is judged against runs 1 and 2, as when it completed: b ran there, so it is not New.
            RunComparison b = Line(Compare(wf, new[] { 3 }), "b");
            Assert.Equal(new[] { 1, 2 }, b.BaselineRunNumbers);
            Assert.Equal(ComparisonVerdict.Inconclusive, b.VerdictValue);
            Assert.Equal(new[] { 1, 2 }, Line(Compare(wf, new[] { 3 }), null).BaselineRunNumbers);
            // A baseline may name the runs kept before the window, and the error names what is kept.
            Assert.Equal(new[] { 1, 2 }, Line(Compare(wf, new[] { 5 }, new[] { 1, 2 }), "b").BaselineRunNumbers);
            var bad = Assert.Throws<ProfilerException>(() => Compare(wf, new[] { 5 }, new[] { 0 }));
            Assert.Contains("which keeps runs 1 to 5 (its window, runs 3 to 5, and the runs before it", bad.Message);
        }

        [Theory]
        [InlineData(new[] { 3 }, "run 3")]
        [InlineData(new[] { 4, 5 }, "runs 4 and 5")]
        [InlineData(new[] { 2, 3, 4, 30 }, "runs 2 to 4 and 30")]
        [InlineData(new[] { 2, 4, 5, 6, 9, 10 }, "runs 2, 4 to 6, 9 and 10")]
        public void Run_numbers_with_gaps_are_named_with_their_gaps(int[] numbers, string expected)
            => Assert.Equal(expected, RunRanges.Describe(numbers));

        [Fact]
        public void A_node_that_ran_before_is_never_New_and_a_baseline_the_window_cut_short_says_so()
        {
            // Window 2 keeps runs 3-6; widened to 5, the window shows runs 3-7, whose baselines reach before run 3.
            var session = new ProfilerSession(new ManualClock());
            for (int i = 0; i < 6; i++) Run(session, "g", new WorkflowSettings { WindowSize = 2 }, ("b", 100));
            Run(session, "g", new WorkflowSettings { WindowSize = 5 }, ("b", 100));
            WorkflowProfiler wf = session.GetWorkflow("g");
            Assert.Equal(new[] { 3, 4, 5, 6, 7 }, wf.GetProfile().Runs.Select(r => r.RunNumber));

            RunComparison[] third = Compare(wf, new[] { 3 });
            Assert.Equal(ComparisonVerdict.Inconclusive, Line(third, "b").VerdictValue);
            Assert.Equal("the node ran before, but in no baseline run still kept", Line(third, "b").Reason);
            Assert.Equal(ComparisonVerdict.Inconclusive, Line(third, null).VerdictValue);
            Assert.Equal("earlier runs had totals, but no baseline run is still kept", Line(third, null).Reason);

            RunComparison fifth = Line(Compare(wf, new[] { 5 }), "b");
            Assert.Equal(new[] { 3, 4 }, fifth.BaselineRunNumbers);
            Assert.Equal("only 2 baseline runs: at least 3 are needed to judge; this node's samples before run 3 are no longer kept, " +
                "so its baseline has 2 of 5 runs", fifth.Reason);
            Assert.EndsWith("the workflow keeps no run before run 3, so the total's baseline reaches back 2 of 5 runs", Line(Compare(wf, new[] { 5 }), null).Reason);
            // Run 7 was judged on the same short baseline when it completed, and its Reason says so too.
            Assert.EndsWith("this node's samples before run 3 are no longer kept, so its baseline has 4 of 5 runs", Line(Compare(wf), "b").Reason);
            Assert.Equal(new[] { 3, 4, 5, 6 }, Line(Compare(wf), "b").BaselineRunNumbers);
        }

        [Fact]
        public void Runs_kept_only_as_baselines_drop_their_timelines_unless_a_failure_needs_it()
        {
            var session = new ProfilerSession(new ManualClock());
            var settings = new WorkflowSettings { WindowSize = 3 };
            for (int i = 1; i <= 9; i++)
            {
                WorkflowRun run = session.StartRun("t", settings, false, out _);
                var stack = new NodeScopeStack();
                stack.Record(run, "b", 100, status: i == 4 ? NodeStatus.Stopped : NodeStatus.Succeeded);
                stack.Record(run, "c", 10);   // a step after the stopped one: run 4 was not cut short, which only its timeline tells
                run.Complete();
            }
            WorkflowRunSummary[] kept = session.GetWorkflow("t").CaptureState().Runs;
            Assert.Equal(new[] { 4, 5, 6, 7, 8, 9 }, kept.Select(r => r.RunNumber));          // 2 x WindowSize
            Assert.Equal(new[] { true, false, true, true, true, true }, kept.Select(r => r.Timeline != null));
            Assert.False(kept[0].HasFailures);
            Assert.Equal(new[] { 4, 5, 6 }, Line(Compare(session.GetWorkflow("t"), new[] { 7 }), null).BaselineRunNumbers);
        }

        /// <summary>One generated history (failures, skipped nodes, spikes); after every run, every run of the window is
        /// judged exactly as when it completed, and its AlertCount is its Slower nodes.</summary>
        private void RunHistory(int seed, List<string> failures, int[] seen)
        {
            var rng = new Random(seed);
            var session = new ProfilerSession(new ManualClock());
            int window = rng.Next(1, 7), nodes = rng.Next(1, 5), runs = rng.Next(window + 2, 3 * window + 6);
            var settings = new WorkflowSettings { WindowSize = window, MinimumSamples = rng.Next(1, 4), HistoryPath = rng.Next(3) == 0 ? _dir.Path : null };
            string id = "h" + seed;
            var atCompletion = new Dictionary<int, string>();
            var alerts = new Dictionary<int, string>();
            for (int r = 0; r < runs; r++)
            {
                WorkflowRun run = session.StartRun(id, settings, false, out _);
                var stack = new NodeScopeStack();
                for (int n = 0; n < nodes; n++)
                {
                    if (rng.Next(4) == 0) continue;
                    double ms = rng.Next(5) == 0 ? 100 + rng.Next(50, 400) : 100 + rng.Next(0, 3);
                    NodeStatus status = rng.Next(10) == 0 ? NodeStatus.Failed : rng.Next(20) == 0 ? NodeStatus.Stopped : NodeStatus.Succeeded;
                    stack.Record(run, "n" + n, ms, status: status);
                }
                RunCompletion done = run.Complete();
                if (done.RecordedNothing) continue;
                WorkflowProfiler wf = session.GetWorkflow(id);
                int number = done.Run.RunNumber;
                atCompletion[number] = Signature(Compare(wf, new[] { number }));
                alerts[number] = string.Join(",", done.Alerts.Select(a => a.NodeId).OrderBy(x => x));
                seen[0] += done.Alerts.Length;
                Check(wf, $"seed {seed}, window {window}, after run {number}", atCompletion, alerts, failures, seen);
            }
            WorkflowProfiler last = session.GetWorkflow(id);
            if (last == null) return;
            var imported = new ProfilerSession(new ManualClock());
            string file = _dir.Export(session, id + ".json");
            imported.ImportProfile(file, ImportMode.Replace);
            Check(imported.GetWorkflow(id), $"seed {seed}, window {window}, imported", atCompletion, alerts, failures, seen);
            // The kept runs (baselines without their timelines) make the same file again.
            if (System.IO.File.ReadAllText(_dir.Export(imported, id + "-again.json")) != System.IO.File.ReadAllText(file))
                failures.Add($"seed {seed}: export, import, export gave a different file");
            if (settings.HistoryPath == null) return;
            var reloaded = new ProfilerSession(new ManualClock());
            reloaded.StartRun(id, settings, false, out _);
            Check(reloaded.GetWorkflow(id), $"seed {seed}, window {window}, reloaded from history", atCompletion, alerts, failures, seen);
        }

        private static void Check(WorkflowProfiler wf, string where, Dictionary<int, string> atCompletion, Dictionary<int, string> alerts,
            List<string> failures, int[] seen)
        {
            foreach (WorkflowRunSummary run in wf.GetProfile().Runs)
            {
                RunComparison[] lines = Compare(wf, new[] { run.RunNumber });
                string now = Signature(lines);
                if (now != atCompletion[run.RunNumber]) failures.Add($"{where}: run {run.RunNumber} was {atCompletion[run.RunNumber]}, now {now}");
                string slower = string.Join(",", lines.Where(l => l.ScopeValue == ComparisonScope.Node && l.VerdictValue == ComparisonVerdict.Slower)
                    .Select(l => l.NodeId).OrderBy(x => x));
                if (slower != alerts[run.RunNumber] || run.AlertCount != lines.Count(l => l.ScopeValue == ComparisonScope.Node && l.VerdictValue == ComparisonVerdict.Slower))
                    failures.Add($"{where}: run {run.RunNumber} alerts [{alerts[run.RunNumber]}] (AlertCount {run.AlertCount}) vs Slower [{slower}]");
                seen[1]++;
            }
        }

        private static string Signature(RunComparison[] lines) => string.Join(" | ", lines.Select(l =>
            $"{l.NodeId ?? "(total)"} {l.Verdict} [{string.Join(",", l.BaselineRunNumbers)}] {l.CurrentDuration} {l.BaselineDuration} {l.Reason}"));

        [Fact]
        public void Every_run_of_the_window_is_judged_as_when_it_completed_over_600_generated_histories()
        {
            var failures = new List<string>();
            var seen = new int[2];
            for (int seed = 1; seed <= 600; seed++) RunHistory(seed, failures, seen);
            Assert.True(failures.Count == 0, failures.Count + " disagreements, first: " + string.Join("\n", failures.Take(5)));
            // The histories must raise alerts and judge runs that slid, or the agreement would say nothing.
            Assert.True(seen[0] > 300, "only " + seen[0] + " alerts");
            Assert.True(seen[1] > 10000, "only " + seen[1] + " runs judged again");
        }
    }
}
