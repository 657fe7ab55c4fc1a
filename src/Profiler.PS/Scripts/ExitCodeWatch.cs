using System;
using System.Collections;
using Profiler.PS.Engine;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// Measure-WorkflowNode's exit-code rule, applied to each timed call and step of a Measure-WorkflowScript run: an
    /// execution during which $global:LASTEXITCODE was set (PowerShell stores a freshly boxed value each time a native
    /// command exits, a script exits or the variable is assigned, so a value object other than the one at the start means
    /// it was set, even to the same number; see <see cref="NodeBlock.ExitCodeSetBy"/>) keeps the last value as its
    /// ExitCode, and a non-zero one makes an execution that would otherwise be Succeeded Failed. So a failed native command
    /// inside a function fails the function, its callers and its statement (the code was set during each of them), as
    /// nested Measure-WorkflowNode blocks would record it, although PowerShell's <c>$?</c> after a function call stays true.
    /// A call with begin/process/end blocks counts only what was set while one of its blocks ran (not the other commands
    /// of its pipeline, which run between them).
    /// </summary>
    internal sealed class ExitCodeWatch
    {
        private readonly Func<object> _read;
        private readonly Func<IList> _errors;
        /// <summary>$global:Error's count and newest record when the current step began (-IgnoreExitCode only).</summary>
        private int _errorCount;
        private object _newestError;

        /// <param name="read">Reads $global:LASTEXITCODE's value object (null when the variable does not exist).</param>
        /// <param name="errors">With -IgnoreExitCode, reads $global:Error: codes are then kept but change no status; else null.</param>
        public ExitCodeWatch(Func<object> read, Func<IList> errors)
        {
            _read = read;
            _errors = errors;
        }

        /// <summary>True with -IgnoreExitCode: a native command's non-zero exit code fails nothing by itself.</summary>
        public bool Ignores => _errors != null;

        /// <summary>$global:LASTEXITCODE's value object now, or null.</summary>
        public object Read() => _read();

        /// <summary>The probe's call or step starts (or a block of it resumes) with <paramref name="now"/> in $LASTEXITCODE.</summary>
        public static void Start(ScriptProbe probe, object now) => probe.ExitCodeMark = now;

        /// <summary>A block of the probe's call ends: what was set while it ran is the call's, what is set while it waits is not.</summary>
        public void Pause(ScriptProbe probe)
        {
            object now = _read();
            if (now != null && !ReferenceEquals(now, probe.ExitCodeMark)) probe.ExitCodeSet = now;
        }

        /// <summary>The exit code set during the probe's execution (the last one), or null when none was set.</summary>
        public int? CodeOf(ScriptProbe probe)
        {
            object now = probe.Scope != null && probe.Scope.IsSuspended ? null : _read();
            object set = now != null && !ReferenceEquals(now, probe.ExitCodeMark) ? now : probe.ExitCodeSet;
            return set == null ? (int?)null : NodeBlock.ExitCodeOf(set);
        }

        /// <summary>A top-level step starts: with -IgnoreExitCode, notes $global:Error as it is (new records are inserted at index 0).</summary>
        public void StartStep()
        {
            if (!Ignores) return;
            IList errors = _errors();
            _errorCount = errors?.Count ?? 0;
            _newestError = _errorCount > 0 ? errors[0] : null;
        }

        /// <summary>
        /// With -IgnoreExitCode, true when a step after which <c>$?</c> is false failed by its exit code alone: it set a
        /// non-zero code and wrote no error record (PowerShell sets <c>$?</c> false after a native command that exits
        /// non-zero, with no error; under $PSNativeCommandUseErrorActionPreference the code is an error, and it counts).
        /// </summary>
        public bool FailedByExitCodeOnly(ScriptProbe step)
        {
            if (!Ignores) return false;
            int? code = CodeOf(step);
            if (!code.HasValue || code.Value == 0) return false;
            IList errors = _errors();
            int count = errors?.Count ?? 0;
            return count == _errorCount && (count == 0 || ReferenceEquals(errors[0], _newestError));
        }

        /// <summary>
        /// The status an execution ending with <paramref name="status"/> and <paramref name="code"/> is recorded with:
        /// Failed for a non-zero code when it would otherwise be Succeeded (a Stopped or Failed one stays so, as in
        /// Measure-WorkflowNode), unless <see cref="Ignores"/>.
        /// </summary>
        public NodeStatus Judge(NodeStatus status, int? code)
            => status == NodeStatus.Succeeded && code.HasValue && code.Value != 0 && !Ignores ? NodeStatus.Failed : status;
    }
}
