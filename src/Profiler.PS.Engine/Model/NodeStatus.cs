namespace Profiler.PS
{
    /// <summary>How one execution of a node ended.</summary>
    public enum NodeStatus
    {
        /// <summary>It ran to the end (or was recorded by hand with Add-NodeTiming).</summary>
        Succeeded,
        /// <summary>It threw a terminating error; its time up to the error is kept.</summary>
        Failed,
        /// <summary>It was stopped (Ctrl+C, PowerShell.Stop, or a downstream command that stopped the pipeline).</summary>
        Stopped,
    }
}
