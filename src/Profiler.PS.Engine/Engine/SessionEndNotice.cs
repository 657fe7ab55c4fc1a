namespace Profiler.PS.Engine
{
    /// <summary>
    /// What a session's end (module removal, its runspace closing) has to tell about one workflow: a run completed
    /// because it was still in flight, or history writes whose last retry failed and where their records went instead.
    /// </summary>
    public sealed class SessionEndNotice
    {
        internal SessionEndNotice(string workflowId, string message, string recoveryFile, bool historyFailed)
        {
            WorkflowId = workflowId;
            Message = message;
            RecoveryFile = recoveryFile;
            HistoryWriteFailed = historyFailed;
        }

        /// <summary>The workflow the notice is about.</summary>
        public string WorkflowId { get; }

        /// <summary>The text for the user, naming any recovery file and the command that puts its records in the history.</summary>
        public string Message { get; }

        /// <summary>The file the runs that could not be written to the history were saved in, or null (none was needed, or none could be written).</summary>
        public string RecoveryFile { get; }

        /// <summary>
        /// True when runs could not be written to the history: they are in <see cref="RecoveryFile"/>, or, when that is null,
        /// only in the message. Such a notice must reach the user even with the host gone (standard error).
        /// </summary>
        public bool HistoryWriteFailed { get; }
    }
}
