using System.Threading;
using Profiler.PS.Engine;

namespace Profiler.PS.Tests.Support
{
    /// <summary>
    /// Records a run with nested, failed, hand-timed and parallel executions on a manual clock (issue 5's data), for the
    /// persistence and export tests:
    /// build [0, 430+s] (self 30): restore [10, 110+s]; compile [115+s, 415+s] (self 230): codegen [135+s, 165+s], Failed,
    /// and a hand-timed 'manual' [165+s, 205+s]; 'side' (7 ms, hand-timed on another thread, so a second lane) ends at 415+s.
    /// Run shape: node time 437+s, critical path 430+s through build alone, 2 lanes, 1 failure.
    /// </summary>
    internal static class NestedRun
    {
        public static WorkflowRun Record(ProfilerSession session, ManualClock clock, string workflowId, WorkflowSettings settings = null, double stretch = 0)
        {
            var stack = new NodeScopeStack();
            WorkflowRun run = session.StartRun(workflowId, settings, false, out _, out _);
            NodeScope build = stack.Begin(run, "build", "script", "Build all");
            clock.Advance(10);
            NodeScope restore = stack.Begin(run, "restore", "dotnet");
            clock.Advance(100 + stretch);
            stack.End(restore, NodeStatus.Succeeded);
            clock.Advance(5);
            NodeScope compile = stack.Begin(run, "compile", "dotnet");
            clock.Advance(20);
            NodeScope codegen = stack.Begin(run, "codegen");
            clock.Advance(30);
            stack.End(codegen, NodeStatus.Failed);
            clock.Advance(40);
            stack.Record(run, "manual", 40);
            clock.Advance(210);
            stack.End(compile, NodeStatus.Succeeded);
            var side = new Thread(() => run.Record("side", 7));
            side.Start();
            side.Join();
            clock.Advance(15);
            stack.End(build, NodeStatus.Succeeded);
            return run;
        }
    }
}
