using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Text;

namespace Profiler.PS
{
    /// <summary>
    /// A list property as PowerShell sees it (module/Profiler.PS.Types.ps1xml): an ordinary read-only list (index,
    /// Count, enumeration, a JSON array in ConvertTo-Json) whose text is its items joined with ';' in the invariant
    /// culture, so Export-Csv writes <c>812.5;900</c> where a plain array would give <c>System.Double[]</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    public sealed class ReadableList<T> : ReadOnlyCollection<T>
    {
        /// <summary>Wraps <paramref name="items"/> (null gives an empty list); the items are not copied.</summary>
        public ReadableList(IList<T> items) : base(items ?? Array.Empty<T>()) { }

        /// <summary>The items joined with ';', each in the invariant culture.</summary>
        public override string ToString()
        {
            var sb = new StringBuilder();
            foreach (T item in this)
            {
                if (sb.Length > 0) sb.Append(';');
                sb.Append(Convert.ToString(item, CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }
    }

    /// <summary>
    /// Getters of the code properties that Profiler.PS.Types.ps1xml puts over the output types' array properties
    /// (same names, so scripts index and enumerate them as before, while Export-Csv gets readable text).
    /// </summary>
    public static class ReadableLists
    {
        /// <summary>NodePerformanceData.Durations.</summary>
        public static object Durations(PSObject node) => Wrap((node?.BaseObject as NodePerformanceData)?.Durations);
        /// <summary>NodePerformanceData.RunNumbers.</summary>
        public static object NodeRunNumbers(PSObject node) => Wrap((node?.BaseObject as NodePerformanceData)?.RunNumbers);
        /// <summary>NodePerformanceData.Outliers.</summary>
        public static object Outliers(PSObject node) => Wrap((node?.BaseObject as NodePerformanceData)?.Outliers);
        /// <summary>NodePerformanceData.SelfDurations.</summary>
        public static object SelfDurations(PSObject node) => Wrap((node?.BaseObject as NodePerformanceData)?.SelfDurations);
        /// <summary>RunComparison.RunNumbers.</summary>
        public static object ComparisonRunNumbers(PSObject comparison) => Wrap((comparison?.BaseObject as RunComparison)?.RunNumbers);
        /// <summary>RunComparison.BaselineRunNumbers.</summary>
        public static object BaselineRunNumbers(PSObject comparison) => Wrap((comparison?.BaseObject as RunComparison)?.BaselineRunNumbers);
        /// <summary>RunComparisonSummary.SlowerNodes.</summary>
        public static object SlowerNodes(PSObject summary) => Wrap((summary?.BaseObject as RunComparisonSummary)?.SlowerNodes);
        /// <summary>RunComparisonSummary.FasterNodes.</summary>
        public static object FasterNodes(PSObject summary) => Wrap((summary?.BaseObject as RunComparisonSummary)?.FasterNodes);
        /// <summary>WorkflowRunSummary.CriticalPathNodes.</summary>
        public static object CriticalPathNodes(PSObject run) => Wrap((run?.BaseObject as WorkflowRunSummary)?.CriticalPathNodes);
        /// <summary>WorkflowPerformanceProfile.Bottlenecks.</summary>
        public static object Bottlenecks(PSObject profile) => Wrap((profile?.BaseObject as WorkflowPerformanceProfile)?.Bottlenecks);
        /// <summary>WorkflowPerformanceProfile.NodeData.</summary>
        public static object NodeData(PSObject profile) => Wrap((profile?.BaseObject as WorkflowPerformanceProfile)?.NodeData);
        /// <summary>WorkflowPerformanceProfile.Alerts.</summary>
        public static object Alerts(PSObject profile) => Wrap((profile?.BaseObject as WorkflowPerformanceProfile)?.Alerts);
        /// <summary>WorkflowPerformanceProfile.Runs.</summary>
        public static object Runs(PSObject profile) => Wrap((profile?.BaseObject as WorkflowPerformanceProfile)?.Runs);

        private static object Wrap<T>(T[] items) => items == null ? null : new ReadableList<T>(items);
    }
}
