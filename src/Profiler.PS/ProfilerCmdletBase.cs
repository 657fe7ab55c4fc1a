using System;
using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>Shared plumbing of the Profiler.PS cmdlets: the session's profiler, error records and workflow lookup.</summary>
    public abstract class ProfilerCmdletBase : PSCmdlet
    {
        private ProfilerState _state;
        private string _errorPrefix;

        /// <summary>
        /// The calling runspace's profiler. Its first use in a command also runs the -OnBottleneck callbacks of alerts
        /// that other runspaces raised meanwhile, so they are delivered at this runspace's next Profiler.PS call.
        /// </summary>
        internal ProfilerState State
        {
            get
            {
                if (_state != null) return _state;
                _state = ProfilerState.Current;
                if (!_state.PendingAlerts.IsEmpty) DeliverPendingAlerts();
                return _state;
            }
        }

        internal ProfilerSession Session => State.Session;

        /// <summary>Stable ErrorId: the cmdlet's verb and noun followed by the problem, e.g. AddNodeTimingInvalidDuration.</summary>
        internal string ErrorId(string problem)
        {
            if (_errorPrefix == null)
            {
                var attribute = (CmdletAttribute)Attribute.GetCustomAttribute(GetType(), typeof(CmdletAttribute));
                _errorPrefix = attribute.VerbName + attribute.NounName;
            }
            return _errorPrefix + problem;
        }

        internal ErrorRecord ToErrorRecord(ProfilerException ex, object target)
            => new ErrorRecord(ex, ErrorId(ex.Kind.ToString()), CategoryOf(ex.Kind), target);

        internal ErrorRecord ToErrorRecord(ProfilerException ex, object target, ErrorCategory category)
            => new ErrorRecord(ex, ErrorId(ex.Kind.ToString()), category, target);

        internal static ErrorCategory CategoryOf(ProfilerErrorKind kind)
        {
            switch (kind)
            {
                case ProfilerErrorKind.InvalidNodeId:
                case ProfilerErrorKind.InvalidWorkflowId:
                case ProfilerErrorKind.InvalidDuration:
                case ProfilerErrorKind.InvalidSetting:
                    return ErrorCategory.InvalidArgument;
                case ProfilerErrorKind.RunClosed:
                    return ErrorCategory.ResourceUnavailable;
                case ProfilerErrorKind.RunNotFound:
                    return ErrorCategory.ObjectNotFound;
                case ProfilerErrorKind.InvalidFile:
                    return ErrorCategory.InvalidData;
                case ProfilerErrorKind.WorkflowExists:
                    return ErrorCategory.ResourceExists;
                case ProfilerErrorKind.FileAccessFailed:
                    return ErrorCategory.ResourceUnavailable;
                default:
                    return ErrorCategory.InvalidOperation;
            }
        }

        /// <summary>
        /// The workflows named by <paramref name="ids"/> (wildcards allowed). A literal id that does not exist
        /// writes an ObjectNotFound error, like Get-Process -Name; a wildcard matching nothing writes nothing.
        /// With no ids: every workflow when <paramref name="allWhenNone"/>, else the most recently started one.
        /// </summary>
        internal List<WorkflowProfiler> ResolveWorkflows(string[] ids, bool allWhenNone)
        {
            var result = new List<WorkflowProfiler>();
            if (ids == null || ids.Length == 0)
            {
                if (allWhenNone) result.AddRange(Session.GetWorkflows());
                else if (Session.DefaultWorkflow is WorkflowProfiler latest) result.Add(latest);
                return result;
            }
            WorkflowProfiler[] all = null;
            foreach (string id in ids)
            {
                if (id != null && WildcardPattern.ContainsWildcardCharacters(id))
                {
                    var pattern = new WildcardPattern(id, WildcardOptions.IgnoreCase);
                    foreach (WorkflowProfiler wf in all ?? (all = Session.GetWorkflows()))
                        if (pattern.IsMatch(wf.WorkflowId) && !result.Contains(wf)) result.Add(wf);
                    continue;
                }
                // A literal may hold escaped wildcard characters ('x`[1`]' names the workflow x[1]), as completion writes them.
                WorkflowProfiler found = Session.GetWorkflow(id == null ? null : WildcardPattern.Unescape(id));
                if (found == null) WriteError(WorkflowNotFound(id));
                else if (!result.Contains(found)) result.Add(found);
            }
            return result;
        }

        /// <summary>
        /// Delivers <paramref name="alert"/>, raised by a record into <paramref name="run"/>: in the runspace that started
        /// the run, its -OnBottleneck callback runs now (after any alerts still queued from other runspaces, so they keep
        /// their order); from another runspace (a ForEach-Object -Parallel branch recording with -Run) the callback is not
        /// ours to invoke, so the alert is queued for the owner, which runs it at its next Profiler.PS call
        /// (Complete-WorkflowProfile at the latest). The alert also stays in the run for the profile.
        /// </summary>
        internal void RaiseBottleneck(BottleneckAlert alert, WorkflowRun run = null)
        {
            WriteVerbose("Bottleneck: " + alert);
            ProfilerState owner = ProfilerState.OwnerOf(run);
            if (owner != null && owner != State)
            {
                owner.PendingAlerts.Enqueue(alert);
                WriteVerbose($"The bottleneck alert for node '{alert.NodeId}' goes to the runspace that started run {alert.RunNumber}: its -OnBottleneck runs at that runspace's next Profiler.PS command.");
                return;
            }
            DeliverPendingAlerts();
            InvokeCallback(alert);
        }

        /// <summary>Runs this runspace's callbacks for alerts queued by other runspaces, oldest first.</summary>
        internal void DeliverPendingAlerts()
        {
            while (State.PendingAlerts.TryDequeue(out BottleneckAlert pending))
            {
                WriteVerbose("Bottleneck (raised in another runspace): " + pending);
                InvokeCallback(pending);
            }
        }

        private void InvokeCallback(BottleneckAlert alert)
        {
            if (!State.Callbacks.TryGetValue(alert.WorkflowId, out ScriptBlock callback)) return;
            try
            {
                foreach (PSObject output in callback.Invoke(alert.NodeId, alert.Duration)) WriteObject(output);
            }
            catch (RuntimeException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorId("CallbackFailed"), ErrorCategory.NotSpecified, alert.NodeId));
            }
        }

        internal ErrorRecord WorkflowNotFound(string id)
        {
            var ex = new ItemNotFoundException(
                $"No workflow with id '{id}' is in this session. Run Get-WorkflowProfile to list the workflows, or Start-WorkflowProfile -WorkflowId {id} to create it.");
            return new ErrorRecord(ex, ErrorId("WorkflowNotFound"), ErrorCategory.ObjectNotFound, id);
        }
    }
}
