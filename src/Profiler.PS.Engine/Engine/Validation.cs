using System;
using System.Globalization;

namespace Profiler.PS.Engine
{
    /// <summary>Input checks shared by the engine's entry points, with messages that say what to do.</summary>
    internal static class Validation
    {
        /// <summary>
        /// Longest id, in characters: the profile and history readers refuse longer strings (JsonLimits), so an
        /// id is refused at record time rather than exported and then refused on import.
        /// </summary>
        public const int MaxIdLength = 1 << 16;

        /// <summary>
        /// Largest duration, run total or node total in one lane, in milliseconds: the longest TimeSpan (about 29,000
        /// years). Any sum or statistic of such values (squares included) stays a finite double, so everything
        /// recorded stays exportable; 1e308 twice would sum to infinity.
        /// </summary>
        public static readonly double MaxDurationMs = TimeSpan.MaxValue.TotalMilliseconds;

        public static void NodeId(string nodeId)
        {
            if (string.IsNullOrWhiteSpace(nodeId))
                throw new ProfilerException(ProfilerErrorKind.InvalidNodeId,
                    "A node timing needs a NodeId: give the step's name, for example -NodeId compile.");
            string problem = IdProblem(nodeId);
            if (problem != null)
                throw new ProfilerException(ProfilerErrorKind.InvalidNodeId, $"NodeId '{TerminalText.Safe(Shorten(nodeId))}' {problem}.");
        }

        public static void WorkflowId(string workflowId)
        {
            if (string.IsNullOrWhiteSpace(workflowId))
                throw new ProfilerException(ProfilerErrorKind.InvalidWorkflowId,
                    "A workflow needs a WorkflowId: give a name, for example -WorkflowId build.");
            string problem = IdProblem(workflowId);
            if (problem != null)
                throw new ProfilerException(ProfilerErrorKind.InvalidWorkflowId, $"WorkflowId '{TerminalText.Safe(Shorten(workflowId))}' {problem}.");
        }

        public static void Duration(double milliseconds, string what)
        {
            if (double.IsNaN(milliseconds) || double.IsInfinity(milliseconds) || milliseconds < 0)
                throw new ProfilerException(ProfilerErrorKind.InvalidDuration,
                    $"{what} {milliseconds.ToString(CultureInfo.InvariantCulture)} is not a valid duration: give milliseconds as a finite number of 0 or more, or a TimeSpan.");
            if (milliseconds > MaxDurationMs)
                throw new ProfilerException(ProfilerErrorKind.InvalidDuration, TooLarge(what, milliseconds));
        }

        /// <summary>Refuses a sum (a node's total in a run) that would pass <see cref="MaxDurationMs"/>.</summary>
        public static void Total(double current, double adding, string nodeId)
        {
            if (current + adding > MaxDurationMs)
                throw new ProfilerException(ProfilerErrorKind.InvalidDuration, string.Format(CultureInfo.InvariantCulture,
                    "Adding {0} ms to node '{1}' (already {2} ms in this run) would pass the largest total, {3} ms (TimeSpan.MaxValue), so the timing was refused: check the value's unit.",
                    adding, TerminalText.Safe(Shorten(nodeId)), current, MaxDurationMs));
        }

        /// <summary>Refuses a hand-timed step starting at <paramref name="start"/> (ms into the run) that would end its lane's
        /// timeline, and so the run's total, past <see cref="MaxDurationMs"/>.</summary>
        public static void RunTotal(double start, double adding, string nodeId)
        {
            if (start + adding > MaxDurationMs)
                throw new ProfilerException(ProfilerErrorKind.InvalidDuration, string.Format(CultureInfo.InvariantCulture,
                    "Node '{1}' ({0} ms, laid from {2} ms into the run) would pass the largest run total, {3} ms (TimeSpan.MaxValue), so the timing was refused: check the value's unit.",
                    adding, TerminalText.Safe(Shorten(nodeId)), start, MaxDurationMs));
        }

        private static string TooLarge(string what, double milliseconds) => string.Format(CultureInfo.InvariantCulture,
            "{0} {1} ms is larger than the longest duration, {2} ms (TimeSpan.MaxValue), so totals and statistics would overflow: check the value's unit.",
            what, milliseconds, MaxDurationMs);

        /// <summary>Why an id cannot be stored (too long for the profile and history readers), or null.</summary>
        private static string IdProblem(string id)
        {
            if (id.Length > MaxIdLength)
                return string.Format(CultureInfo.InvariantCulture, "is {0:N0} characters long; ids are limited to {1:N0} characters so profile and history files can hold them", id.Length, MaxIdLength);
            return null;
        }

        private static string Shorten(string id) => id.Length <= 80 ? id : id.Substring(0, 80) + "...";
    }
}
