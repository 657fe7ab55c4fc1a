using System;
using System.Management.Automation;

namespace Profiler.PS
{
    /// <summary>
    /// The columns of one object piped to Add-NodeTiming (an Import-Csv row, a [pscustomobject], a NodeTiming): its
    /// NodeId, Duration, NodeType, NodeLabel, WorkflowId and Status properties, each looked up by name (ignoring case)
    /// only when the matching parameter was not given on the command line, which wins as it does in by-property-name
    /// binding.
    /// </summary>
    /// <remarks>
    /// Why Add-NodeTiming reads rows itself instead of declaring its parameters ValueFromPipelineByPropertyName:
    /// PowerShell's binder does that work per by-name parameter per object, and for a parameter whose property holds
    /// another type (a number for a double) it first fails a bind without coercion, then retries with it. Reading the
    /// six columns from one by-value PSObject parameter costs less than the binder's two-column floor
    /// (docs/benchmarks.md, issue 12), so piping 100,000 CSV rows pays for the recording, not the binding.
    /// </remarks>
    internal struct TimingRow
    {
        /// <summary>True when the row has a NodeId property (its value may still be null or empty: the engine rejects those).</summary>
        public bool HasNodeId;
        public string NodeId;
        /// <summary>The Duration property's value (a number, text or TimeSpan), or null when the row has none or it is null.</summary>
        public object Duration;
        public string NodeType;
        public string NodeLabel;
        public string WorkflowId;
        /// <summary>The Status property's value (a NodeStatus or its name), or null.</summary>
        public object Status;

        /// <summary>
        /// Reads the columns of <paramref name="row"/> that <paramref name="given"/> (the names bound on the command
        /// line) does not already supply.
        /// </summary>
        public static TimingRow Read(PSObject row, GivenParameters given)
        {
            var result = new TimingRow();
            PSMemberInfoCollection<PSPropertyInfo> properties = row.Properties;
            if (!given.NodeId && properties["NodeId"] is PSPropertyInfo nodeId)
            {
                result.HasNodeId = true;
                result.NodeId = Text(nodeId.Value);
            }
            if (!given.Duration) result.Duration = Unwrap(properties["Duration"]?.Value);
            if (!given.NodeType) result.NodeType = Text(properties["NodeType"]?.Value);
            if (!given.NodeLabel) result.NodeLabel = Text(properties["NodeLabel"]?.Value);
            if (!given.WorkflowId) result.WorkflowId = Text(properties["WorkflowId"]?.Value);
            if (!given.Status) result.Status = Unwrap(properties["Status"]?.Value);
            return result;
        }

        /// <summary>A Status cell as a NodeStatus: an enum value, or its name in any case ('failed').</summary>
        /// <exception cref="PSInvalidCastException">Any other value; the message lists the statuses.</exception>
        public static NodeStatus ToStatus(object value)
        {
            if (value is NodeStatus status) return status;
            if (value is string text && Enum.TryParse(text.Trim(), true, out status) && Enum.IsDefined(typeof(NodeStatus), status)
                && !int.TryParse(text.Trim(), out _))
                return status;
            throw new PSInvalidCastException(
                $"'{Engine.TerminalText.Safe(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))}' is not a node status: give Succeeded, Failed or Stopped.");
        }

        private static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string Text(object value)
        {
            value = Unwrap(value);
            return value == null ? null : value as string ?? LanguagePrimitives.ConvertTo<string>(value);
        }
    }

    /// <summary>Which of Add-NodeTiming's row columns were given on the command line (read once per command, not per row).</summary>
    internal struct GivenParameters
    {
        public bool NodeId, Duration, NodeType, NodeLabel, WorkflowId, Status;

        public static GivenParameters From(System.Collections.Generic.IDictionary<string, object> bound) => new GivenParameters
        {
            NodeId = bound.ContainsKey("NodeId"),
            Duration = bound.ContainsKey("Duration"),
            NodeType = bound.ContainsKey("NodeType"),
            NodeLabel = bound.ContainsKey("NodeLabel"),
            WorkflowId = bound.ContainsKey("WorkflowId"),
            Status = bound.ContainsKey("Status"),
        };
    }
}
