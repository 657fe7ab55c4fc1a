using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Engine
{
    /// <summary>Run numbers in words for messages, with their gaps: "run 4", "runs 5 to 8", "runs 2, 4 to 6 and 9".</summary>
    internal static class RunRanges
    {
        /// <summary>The run numbers of <paramref name="runs"/> (ascending, as a workflow keeps them) in words; "no run" when empty.</summary>
        public static string Describe(IReadOnlyList<WorkflowRunSummary> runs)
        {
            var numbers = new int[runs.Count];
            for (int i = 0; i < numbers.Length; i++) numbers[i] = runs[i].RunNumber;
            return Describe(numbers);
        }

        /// <summary>Ascending, distinct <paramref name="numbers"/> in words; consecutive numbers become "a to b".</summary>
        public static string Describe(int[] numbers)
        {
            if (numbers.Length == 0) return "no run";
            if (numbers.Length == 1) return "run " + numbers[0].ToString(CultureInfo.InvariantCulture);
            var parts = new List<string>();
            for (int i = 0; i < numbers.Length; i++)
            {
                int j = i;
                while (j + 1 < numbers.Length && numbers[j + 1] == numbers[j] + 1) j++;
                if (j >= i + 2) parts.Add(Number(numbers[i]) + " to " + Number(numbers[j]));
                else for (int k = i; k <= j; k++) parts.Add(Number(numbers[k]));
                i = j;
            }
            var text = new StringBuilder("runs ");
            for (int i = 0; i < parts.Count; i++)
                text.Append(i == 0 ? "" : i == parts.Count - 1 ? " and " : ", ").Append(parts[i]);
            return text.ToString();
        }

        private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
