using System.Management.Automation;

namespace Profiler.PS
{
    /// <summary>
    /// Getters of code properties (module/Profiler.PS.Types.ps1xml) that show an enum property to PowerShell as its
    /// name: ConvertTo-Json writes enums as numbers unless given -EnumsAsStrings, and a kind reads as a word.
    /// Same property names; Where-Object Kind -eq Regression and Sort-Object Kind (by name) work as before.
    /// </summary>
    public static class ReadableNames
    {
        /// <summary>WorkflowRecommendation.Kind as its name, for example <c>Regression</c>.</summary>
        public static string RecommendationKind(PSObject recommendation)
            => (recommendation?.BaseObject as WorkflowRecommendation)?.Kind.ToString();
    }
}
