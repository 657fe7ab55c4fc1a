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

        // Every text the cmdlets write to the host passes TerminalText.Safe here, once: these members hide the
        // Cmdlet ones for every derived cmdlet, so ids holding escape sequences cannot drive the terminal.

        /// <summary>Writes a warning with control characters neutralised.</summary>
        internal new void WriteWarning(string text) => base.WriteWarning(TerminalText.Safe(text));

        /// <summary>Writes a verbose message with control characters neutralised.</summary>
        internal new void WriteVerbose(string text) => base.WriteVerbose(TerminalText.Safe(text));

        /// <summary>Writes an error whose displayed message has control characters neutralised.</summary>
        internal new void WriteError(ErrorRecord record) => base.WriteError(Safe(record));

        /// <summary>Stops the command with an error whose displayed message has control characters neutralised.</summary>
        internal new void ThrowTerminatingError(ErrorRecord record)
        {
            record = Safe(record);
            StoppingWith(record);
            base.ThrowTerminatingError(record);
        }

        /// <summary>Called before the command stops with <paramref name="record"/>; a gate (Test-WorkflowBudget -Quiet or
        /// -Assert) throws here to give its own verdict instead of ending only the caller's statement.</summary>
        internal virtual void StoppingWith(ErrorRecord record) { }

        /// <summary>ShouldProcess (WhatIf and Confirm text) with control characters in the target neutralised.</summary>
        internal new bool ShouldProcess(string target, string action) => base.ShouldProcess(TerminalText.Safe(target), TerminalText.Safe(action));

        /// <summary>
        /// Refuses an explicit -WorkflowId of $null, '' or blank text (or a list that is empty or holds such an item) with
        /// &lt;Verb&gt;&lt;Noun&gt;InvalidWorkflowId: read as "not given" it would pick the default workflow, and a gate given an
        /// unset variable would check the wrong one. Leaving -WorkflowId out still means the default. Ids bound from the
        /// pipeline are each command's own business. Derived cmdlets that override this call it first.
        /// </summary>
        protected override void BeginProcessing()
        {
            // The runspace's profiler, whose first use runs the -OnBottleneck callbacks of alerts that other runspaces
            // raised meanwhile: so every Profiler.PS command delivers them, also one given only -Run, which never
            // looks the session up otherwise (Complete-WorkflowProfile -Run $run would have left them queued).
            _ = State;
            if (!WorkflowIdIsMandatory)
                RefuseEmpty("WorkflowId", "InvalidWorkflowId",
                    "-WorkflowId is $null or empty: give a workflow id (Get-WorkflowProfile lists them), or leave -WorkflowId out for the default workflow.");
        }

        /// <summary>True for a cmdlet whose -WorkflowId cannot be left out (Start-WorkflowProfile): it checks the id itself.</summary>
        internal virtual bool WorkflowIdIsMandatory => false;

        /// <summary>
        /// Stops the command with &lt;Verb&gt;&lt;Noun&gt;<paramref name="problem"/> (InvalidArgument) when <paramref name="parameter"/>
        /// was given on the command line but names nothing: $null, '' or blank text, or a list that is empty or holds such
        /// an item. The one rule for ids: an explicit empty value is never read as "not given".
        /// </summary>
        internal void RefuseEmpty(string parameter, string problem, string message)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out object given) && !NamesSomething(given))
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), ErrorId(problem), ErrorCategory.InvalidArgument, given));
        }

        private static bool NamesSomething(object given)
        {
            switch (given)
            {
                case null: return false;
                case string id: return !string.IsNullOrWhiteSpace(id);
                case string[] ids:
                    if (ids.Length == 0) return false;
                    foreach (string id in ids) if (string.IsNullOrWhiteSpace(id)) return false;
                    return true;
                default: return true;
            }
        }

        /// <summary>ShouldContinue with control characters in the question neutralised.</summary>
        internal new bool ShouldContinue(string query, string caption) => base.ShouldContinue(TerminalText.Safe(query), TerminalText.Safe(caption));

        /// <summary>The record, with ErrorDetails set to the neutralised message when the exception's message holds control characters.</summary>
        internal static ErrorRecord Safe(ErrorRecord record)
        {
            string message = record.ErrorDetails?.Message ?? record.Exception?.Message;
            string safe = TerminalText.Safe(message);
            if (!ReferenceEquals(safe, message)) record.ErrorDetails = new ErrorDetails(safe);
            return record;
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
                case ProfilerErrorKind.InvalidHistoryPath:
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
                case ProfilerErrorKind.HistoryWritePending:
                    return ErrorCategory.WriteError;
                default:
                    return ErrorCategory.InvalidOperation;
            }
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
    }
}
