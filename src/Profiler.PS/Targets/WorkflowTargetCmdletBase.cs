using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>What a cmdlet that targets workflows works on when it is given no -WorkflowId.</summary>
    internal enum WorkflowDefault
    {
        /// <summary>The default workflow (<see cref="ProfilerSession.DefaultWorkflow"/>): queries about one workflow's history.</summary>
        Latest,
        /// <summary>The workflow of the most recently started run in flight, the run recording goes to (Get-NodeTiming).</summary>
        RunInFlight,
        /// <summary>Every workflow of the session (exports); nothing profiled is the NoWorkflow error.</summary>
        Every,
        /// <summary>Every workflow of the session, and none is an answer too (listing and saving: Get-WorkflowProfile, Save-WorkflowHistory).</summary>
        EveryOrNone,
    }

    /// <summary>
    /// The one policy of every cmdlet that targets workflows of the session, after PSOpenAD's template base
    /// (OpenADSessionCmdletBase): the derived bases own the shared -WorkflowId (and -Run) parameters, resolve them here
    /// before the derived cmdlet runs, and hand it the workflows. So every cmdlet answers the same way:
    /// <list type="bullet">
    /// <item>An id names a workflow by the one id rule (<see cref="IdPattern"/>): an id that exists is literal even with
    /// '[', '*' or '?'; else a valid wildcard pattern selects every match (none: nothing, silently); an invalid pattern is
    /// &lt;Verb&gt;&lt;Noun&gt;InvalidPattern; a literal id that names nothing is &lt;Verb&gt;&lt;Noun&gt;WorkflowNotFound (ObjectNotFound,
    /// non-terminating, like Get-Process -Name), and the other ids are still served.</item>
    /// <item>No id: the target of <see cref="Default"/>. Says which workflow it picked (verbose), that one-off runs
    /// were passed over (verbose), and warns when the default has no data (<see cref="HasData"/>) while other workflows
    /// have, naming them, so an empty answer is never mistaken for "nothing was recorded".</item>
    /// <item>Nothing profiled at all: &lt;Verb&gt;&lt;Noun&gt;NoWorkflow (ObjectNotFound), one message for every cmdlet; it
    /// stops a cmdlet whose whole result needs a workflow (<see cref="NothingProfiledStops"/>: a gate, a file) and is
    /// written as a non-terminating error by queries. Listings (<see cref="WorkflowDefault.EveryOrNone"/>) answer nothing.</item>
    /// </list>
    /// </summary>
    public abstract class WorkflowTargetCmdletBase : ProfilerCmdletBase
    {
        /// <summary>What the cmdlet works on when given no -WorkflowId.</summary>
        internal virtual WorkflowDefault Default => WorkflowDefault.Latest;

        /// <summary>True when the cmdlet cannot do its job without a workflow (a gate, a file): NoWorkflow stops it.</summary>
        internal virtual bool NothingProfiledStops => false;

        /// <summary>Whether <paramref name="wf"/> holds what this cmdlet shows: completed runs, or for <see cref="WorkflowDefault.RunInFlight"/> a run in flight.</summary>
        internal virtual bool HasData(WorkflowProfiler wf)
            => Default == WorkflowDefault.RunInFlight ? wf.CurrentRun != null : wf.CompletedRunCount > 0;

        /// <summary>The default workflow when it has no data while others have (the warning was written), else null.</summary>
        internal WorkflowProfiler EmptyDefault { get; private set; }

        /// <summary>Writes an error of target resolution (WorkflowNotFound, InvalidPattern, a non-stopping NoWorkflow); a gate overrides it to count the problem.</summary>
        internal virtual void ReportTargetError(ErrorRecord record) => WriteError(record);

        /// <summary>
        /// The workflows <paramref name="ids"/> name, by the policy above; with no ids, the <see cref="Default"/> target.
        /// <paramref name="byPattern"/> holds those a pattern selected without naming them literally.
        /// </summary>
        internal List<WorkflowProfiler> ResolveTargets(string[] ids, out List<WorkflowProfiler> byPattern)
        {
            var result = new List<WorkflowProfiler>();
            byPattern = new List<WorkflowProfiler>();
            if (ids == null || ids.Length == 0)
            {
                AddDefault(result);
                return result;
            }
            foreach (string id in ids)
            {
                WorkflowProfiler literal = Literal(id);
                if (literal != null)
                {
                    if (!result.Contains(literal)) result.Add(literal);
                    continue;
                }
                if (id == null || !WildcardPattern.ContainsWildcardCharacters(id))
                {
                    ReportTargetError(WorkflowNotFound(id));
                    continue;
                }
                WildcardPattern pattern = IdPattern.TryCreate(id, out string invalid);
                if (pattern == null)
                {
                    ReportTargetError(new ErrorRecord(new System.ArgumentException(invalid + "."), ErrorId("InvalidPattern"), ErrorCategory.InvalidArgument, id));
                    continue;
                }
                foreach (WorkflowProfiler wf in Session.GetWorkflows())
                    if (pattern.IsMatch(wf.WorkflowId) && !result.Contains(wf))
                    {
                        result.Add(wf);
                        byPattern.Add(wf);
                    }
            }
            return result;
        }

        /// <summary>The workflow named exactly by <paramref name="id"/> (ignoring case), or by it with backtick escapes removed ('x`[1`]', as completion writes it); never a pattern.</summary>
        internal WorkflowProfiler Literal(string id)
        {
            if (id == null) return null;
            return Session.GetWorkflow(id) ?? (id.IndexOf('`') >= 0 ? Session.GetWorkflow(WildcardPattern.Unescape(id)) : null);
        }

        private void AddDefault(List<WorkflowProfiler> result)
        {
            WorkflowProfiler[] all = Session.GetWorkflows();
            if (all.Length == 0)
            {
                if (Default == WorkflowDefault.EveryOrNone) return;
                if (NothingProfiledStops) ThrowTerminatingError(NoWorkflow());
                ReportTargetError(NoWorkflow());
                return;
            }
            if (Default == WorkflowDefault.Every || Default == WorkflowDefault.EveryOrNone)
            {
                result.AddRange(all);
                return;
            }
            WorkflowProfiler chosen = Default == WorkflowDefault.RunInFlight ? Session.GetWorkflow(Session.DefaultRun?.WorkflowId) : Session.DefaultWorkflow;
            if (chosen == null)
            {
                WriteVerbose("No -WorkflowId, and no run is in flight: start one with Start-WorkflowProfile, or give -WorkflowId.");
                return;
            }
            SayDefault(chosen, all);
            result.Add(chosen);
        }

        private void SayDefault(WorkflowProfiler chosen, WorkflowProfiler[] all)
        {
            string rule = Default == WorkflowDefault.RunInFlight ? "the most recently started run in flight" : "the most recently started workflow";
            WriteVerbose($"No -WorkflowId: using workflow '{chosen.WorkflowId}', {rule}.");
            var oneOff = new List<string>();
            var withData = new List<string>();
            foreach (WorkflowProfiler wf in all)
            {
                if (wf == chosen) continue;
                if (wf.IsOneOff && !chosen.IsOneOff) oneOff.Add("'" + wf.WorkflowId + "'");
                if (HasData(wf)) withData.Add("'" + wf.WorkflowId + "'");
            }
            if (oneOff.Count > 0)
                WriteVerbose($"One-off runs (workflow {string.Join(", ", oneOff)}) are never the default target: give -WorkflowId to query them.");
            if (HasData(chosen) || withData.Count == 0) return;
            EmptyDefault = chosen;
            string what = Default == WorkflowDefault.RunInFlight ? "no run in flight" : "no completed run yet";
            WriteWarning($"Workflow '{chosen.WorkflowId}' (the default, {rule}) has {what}, but {string.Join(", ", withData)} " +
                $"{(withData.Count == 1 ? "has" : "have")}: give -WorkflowId to query another workflow.");
        }

        /// <summary>The one "nothing is profiled" error (ErrorId &lt;Verb&gt;&lt;Noun&gt;NoWorkflow).</summary>
        internal ErrorRecord NoWorkflow()
        {
            var ex = new ItemNotFoundException(
                "No workflow has been profiled in this session, so there is nothing to work on: record runs with Start-WorkflowProfile, Add-NodeTiming and Complete-WorkflowProfile (or Measure-WorkflowNode), or bring them in with Import-WorkflowProfile or Get-WorkflowProfile -HistoryPath.");
            return new ErrorRecord(ex, ErrorId("NoWorkflow"), ErrorCategory.ObjectNotFound, null);
        }

        /// <summary>The one "no workflow with that id" error (ErrorId &lt;Verb&gt;&lt;Noun&gt;WorkflowNotFound).</summary>
        internal ErrorRecord WorkflowNotFound(string id)
        {
            string safe = TerminalText.Safe(id);
            var ex = new ItemNotFoundException(
                $"No workflow with id '{safe}' is in this session. Run Get-WorkflowProfile to list the workflows, or Start-WorkflowProfile -WorkflowId {safe} to create it.");
            return new ErrorRecord(ex, ErrorId("WorkflowNotFound"), ErrorCategory.ObjectNotFound, id);
        }
    }
}
