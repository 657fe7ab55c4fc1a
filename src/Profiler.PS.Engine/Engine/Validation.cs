using System.Globalization;

namespace Profiler.PS.Engine
{
    /// <summary>Input checks shared by the engine's entry points, with messages that say what to do.</summary>
    internal static class Validation
    {
        public static void NodeId(string nodeId)
        {
            if (string.IsNullOrWhiteSpace(nodeId))
                throw new ProfilerException(ProfilerErrorKind.InvalidNodeId,
                    "A node timing needs a NodeId: give the step's name, for example -NodeId compile.");
        }

        public static void WorkflowId(string workflowId)
        {
            if (string.IsNullOrWhiteSpace(workflowId))
                throw new ProfilerException(ProfilerErrorKind.InvalidWorkflowId,
                    "A workflow needs a WorkflowId: give a name, for example -WorkflowId build.");
        }

        public static void Duration(double milliseconds, string what)
        {
            if (double.IsNaN(milliseconds) || double.IsInfinity(milliseconds) || milliseconds < 0)
                throw new ProfilerException(ProfilerErrorKind.InvalidDuration,
                    $"{what} {milliseconds.ToString(CultureInfo.InvariantCulture)} is not a valid duration: give milliseconds as a finite number of 0 or more, or a TimeSpan.");
        }
    }
}
