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
        /// running to its latest record, and appended to its workflow's history; pending history writes of every workflow
        /// get their last retry, and runs that still cannot be written go to a recovery file
        /// (<see cref="WorkflowProfiler.SaveHistoryAtEnd"/>). A run that recorded nothing changes nothing. Never throws:
        /// there is no caller left to tell.
        /// </summary>
        /// <param name="scopes">The ending runspace's executions in flight (Measure-WorkflowNode blocks), or null.</param>
        /// <param name="occasion">Why the session ends, as the notices say it: "when its runspace closed", "when the process exited".</param>
        /// <returns>One notice per completed run that had a history to go to (where it went), and per workflow whose
        /// history writes failed (where their records went instead).</returns>
        public IReadOnlyList<SessionEndNotice> CompleteRunsInFlight(NodeScopeStack scopes, string occasion = "when its runspace closed")
        {
            EndOpenScopes(scopes);
            var notices = new List<SessionEndNotice>();
            foreach (WorkflowProfiler wf in GetWorkflows())
            {
                try
                {
                    WorkflowRun run = wf.CurrentRun;
                    RunCompletion completion = run != null ? wf.CompleteAtLastRecord(run) : null;
                    SessionEndNotice saved = wf.SaveHistoryAtEnd(occasion, completion?.HistoryError);
                    if (completion?.Run != null && wf.HistoryFile != null) notices.Add(EndNotice(wf, completion, saved, occasion));
                    else if (saved != null) notices.Add(saved);
                }
                catch (ProfilerException)
                {
                    // Completed meanwhile by another thread holding the run object: that caller reports it.
                }
            }
            return notices;
        }

        /// <summary>
        /// The last retry of every workflow's pending history writes, because the session ends without its runspace
        /// closing (the module is removed): see <see cref="WorkflowProfiler.SaveHistoryAtEnd"/>. Runs in flight are left
        /// as they are. Returns one notice per workflow whose writes failed again.
        /// </summary>
        public IReadOnlyList<SessionEndNotice> SaveHistoryAtEnd(string occasion)
        {
            var notices = new List<SessionEndNotice>();
            foreach (WorkflowProfiler wf in GetWorkflows())
                if (wf.SaveHistoryAtEnd(occasion) is SessionEndNotice notice) notices.Add(notice);
            return notices;
        }

        /// <summary>The notice of a run completed at the session's end, with <paramref name="saved"/>'s text when its history write failed.</summary>
        private static SessionEndNotice EndNotice(WorkflowProfiler wf, RunCompletion completion, SessionEndNotice saved, string occasion)
        {
            WorkflowRunSummary run = completion.Run;
            string message = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "Run {0} of workflow '{1}' was still in flight {4} (the script ended before Complete-WorkflowProfile), " +
                "so it was completed with {2} failed or stopped execution(s){3}. To complete runs yourself, end scripts with " +
                "try {{ ... }} finally {{ Complete-WorkflowProfile }}.",
                run.RunNumber, TerminalText.Safe(wf.WorkflowId), run.FailedCount,
                saved == null ? $" and saved to its history '{TerminalText.Safe(wf.HistoryFile)}'" : "", occasion);
            return saved == null
                ? new SessionEndNotice(wf.WorkflowId, message, null, false)
                : new SessionEndNotice(wf.WorkflowId, message + " " + saved.Message, saved.RecoveryFile, true);
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
