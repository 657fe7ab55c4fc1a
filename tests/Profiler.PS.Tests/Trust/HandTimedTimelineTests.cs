using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;
using Xunit;

namespace Profiler.PS.Tests.Trust
{
    /// <summary>
    /// Steps timed by hand (Add-NodeTiming outside any block) never overlap the previous step of their lane: each ended
    /// when recorded unless that overlaps, and then follows it, so steps recorded one after another lie end to end in
    /// record order and the critical path, the run's total and the exports agree with Get-WorkflowRecommendation, which
    /// reads them as sequential, whenever the calls were made; live-measured steps keep their clock times.
    /// </summary>
    public class HandTimedTimelineTests : IDisposable
    {
        private readonly ManualClock _clock = new ManualClock();
        private readonly TempFolder _dir = new TempFolder();
        private readonly ProfilerSession _session;

        public HandTimedTimelineTests() => _session = new ProfilerSession(_clock);

        public void Dispose() => _dir.Dispose();

        /// <summary>Records 100, 200 and 50 ms by hand, with the clock moved by the given gaps between the calls.</summary>
        private WorkflowRun ThreeSteps(string workflowId, double firstGap, double secondGap)
        {
            WorkflowRun run = _session.StartRun(workflowId);
            run.Record("a", 100);
            _clock.Advance(firstGap);   // an -OnBottleneck callback, or the script's own work, between the calls
            run.Record("b", 200);
            _clock.Advance(secondGap);
            run.Record("c", 50);
            return run;
        }

        [Theory]
        [InlineData(0, 0, 300)]
        [InlineData(70, 0, 300)]
        [InlineData(1, 1, 300)]
        [InlineData(0, 500, 450)]   // c was recorded at 500 ms: it ended then, as the clock leaves room for it
        public void Three_steps_timed_by_hand_lie_end_to_end_whenever_they_were_recorded(double firstGap, double secondGap, double cStart)
        {
            WorkflowRun run = ThreeSteps("hand", firstGap, secondGap);
            Assert.Equal(new[] { 0.0, 100, cStart }, run.GetTimings().Select(t => t.StartOffset));
            Assert.Equal(new[] { 100.0, 300, cStart + 50 }, run.GetTimings().Select(t => t.EndOffset));
            WorkflowRunSummary done = run.Complete().Run;
            Assert.Equal((350.0, 350.0), (done.CriticalPath, done.NodeTimeSum));
            Assert.Equal(new[] { "a", "b", "c" }, done.CriticalPathNodes);
            Assert.Equal(Math.Max(350, firstGap + secondGap), done.TotalDuration);
        }

        [Fact]
        public void A_step_timed_by_hand_after_a_measured_one_starts_where_it_ended_and_measured_steps_keep_their_clock_times()
        {
            WorkflowRun run = _session.StartRun("mixed");
            var stack = new NodeScopeStack();
            _clock.Advance(5);
            NodeScope restore = stack.Begin(run, "restore");
            _clock.Advance(500);
            stack.End(restore, NodeStatus.Succeeded);
            run.Record("compile", 100);   // timed by hand just after restore ended
            _clock.Advance(10);
            NodeScope test = stack.Begin(run, "test");
            _clock.Advance(30);
            stack.End(test, NodeStatus.Succeeded);
            NodeTiming[] t = run.GetTimings();
            Assert.Equal(new[] { 5.0, 505, 515 }, t.Select(x => x.StartOffset));
            Assert.Equal(new[] { 505.0, 605, 545 }, t.Select(x => x.EndOffset));
            WorkflowRunSummary done = run.Complete().Run;
            Assert.Equal(new[] { "restore", "compile" }, done.CriticalPathNodes);
            Assert.Equal((600.0, 605.0, "Timeline"), (done.CriticalPath, done.TotalDuration, done.TotalSource));
        }

        [Fact]
        public void Each_lane_lays_out_its_own_steps_and_the_longest_lane_is_the_total()
        {
            WorkflowRun run = _session.StartRun("lanes");
            run.Record("a", 300);
            var other = new Thread(() => { run.Record("x", 100); run.Record("y", 100); });
            other.Start();
            other.Join();
            NodeTiming[] t = run.GetTimings();
            Assert.Equal(new[] { "1 a 0", "2 x 0", "2 y 100" }, t.Select(x => $"{x.Lane} {x.NodeId} {x.StartOffset}"));
            WorkflowRunSummary done = run.Complete().Run;
            Assert.Equal((300.0, 300.0, 500.0), (done.CriticalPath, done.TotalDuration, done.NodeTimeSum));
        }

        [Fact]
        public void Chrome_trace_and_speedscope_draw_the_steps_end_to_end_as_long_as_the_total()
        {
            ThreeSteps("hand", 70, 1).Complete();
            string path = _dir.File("t.json");
            _session.ExportProfile(path, _session.GetWorkflows(), ProfileExportFormat.ChromeTrace);
            using (JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path)))
                Assert.Equal(new[] { "(run) 0 350000", "a 0 100000", "b 100000 200000", "c 300000 50000" },
                    doc.RootElement.GetProperty("traceEvents").EnumerateArray().Where(e => e.GetProperty("ph").GetString() == "X")
                        .Select(e => $"{(e.GetProperty("args").TryGetProperty("nodeId", out JsonElement id) ? id.GetString() : "(run)")} {e.GetProperty("ts").GetInt64()} {e.GetProperty("dur").GetInt64()}"));
            _session.ExportProfile(path, _session.GetWorkflows(), ProfileExportFormat.Speedscope);
            using (JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path)))
            {
                JsonElement profile = Assert.Single(doc.RootElement.GetProperty("profiles").EnumerateArray());
                Assert.Equal(350, profile.GetProperty("endValue").GetDouble());
                Assert.Equal(new[] { 0.0, 100, 100, 300, 300, 350 }, profile.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("at").GetDouble()));
            }
        }

        [Fact]
        public void A_step_that_would_take_the_run_past_TimeSpan_MaxValue_is_refused_and_changes_nothing()
        {
            WorkflowRun run = _session.StartRun("big");
            run.Record("big", 922337203685000);
            var refused = Assert.Throws<ProfilerException>(() => run.Record("big2", 922337203685000));
            Assert.Equal(ProfilerErrorKind.InvalidDuration, refused.Kind);
            Assert.Contains("TimeSpan.MaxValue", refused.Message);
            Assert.Single(run.GetTimings());
            run.Record("small", 477);   // what still fits is taken: the run reaches TimeSpan.MaxValue exactly
            WorkflowRunSummary done = run.Complete().Run;
            Assert.Equal(TimeSpan.MaxValue.TotalMilliseconds, done.TotalDuration);
            Assert.Equal(2, done.NodeCount);
        }
    }
}
