using System.Collections.Generic;

namespace Profiler.PS.Engine
{
    public sealed partial class ProfilerSession
    {
        /// <summary>
        /// Completes every run still in flight because the session is ending (its runspace closed) before
        /// Complete-WorkflowProfile was called, as when a CI script stops at its first error. Nothing recorded is lost: the
        /// executions still open on <paramref name="scopes"/> are recorded Stopped, each run is completed as
        /// Complete-WorkflowProfile would complete it (its failed and stopped executions in FailedCount), its wall time
        /// running to its latest record, and appended to its workflow's history, and pending history writes of every workflow are retried.
        /// A run that recorded nothing changes nothing. Never throws: there is no caller left to tell.
        /// </summary>
        /// <param name="scopes">The ending runspace's executions in flight (Measure-WorkflowNode blocks), or null.</param>
        /// <returns>One warning per completed run that had a history to go to: where it went, or why its write failed.</returns>
        public IReadOnlyList<string> CompleteRunsInFlight(NodeScopeStack scopes)
        {
            EndOpenScopes(scopes);
            var warnings = new List<string>();
            foreach (WorkflowProfiler wf in GetWorkflows())
            {
                try
                {
                    WorkflowRun run = wf.CurrentRun;
                    RunCompletion completion = run != null ? wf.CompleteAtLastRecord(run) : null;
                    if (completion == null) wf.SaveHistory(out _);
                    else if (completion.Run != null && wf.HistoryFile != null) warnings.Add(EndWarning(wf, completion));
                }
                catch (ProfilerException)
                {
                    // Completed meanwhile by another thread holding the run object: that caller reports it.
                }
            }
            return warnings;
        }

        private static string EndWarning(WorkflowProfiler wf, RunCompletion completion)
        {
            WorkflowRunSummary run = completion.Run;
            string saved = completion.HistoryError == null
                ? $"saved to its history '{TerminalText.Safe(wf.HistoryFile)}'"
                : "but it could not be saved: " + completion.HistoryError.Message;
            return string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "Run {0} of workflow '{1}' was still in flight when its runspace closed (the script ended before Complete-WorkflowProfile), " +
                "so it was completed with {2} failed or stopped execution(s) and {3}. To complete runs yourself, end scripts with " +
                "try {{ ... }} finally {{ Complete-WorkflowProfile }}.",
                run.RunNumber, TerminalText.Safe(wf.WorkflowId), run.FailedCount, saved);
        }

        /// <summary>Records every execution still open on <paramref name="scopes"/> as Stopped, innermost first.</summary>
        private static void EndOpenScopes(NodeScopeStack scopes)
        {
            for (NodeScope open = scopes?.Current; open != null && !open.IsEnded; open = scopes.Current)
            {
                try
                {
                    scopes.End(open, NodeStatus.Stopped);
                }
                catch (ProfilerException)
                {
                    // Its run was closed meanwhile: the execution leaves the stack unrecorded, as it would have.
                }
            }
        }
    }
}
