using System;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Running;
using Profiler.PS.Benchmarks.Engine;

namespace Profiler.PS.Benchmarks
{
    /// <summary>
    /// Runs the BenchmarkDotNet suite with the given arguments (see docs/benchmarks.md), then the retained-memory
    /// measurement when the filter selects it ('*' does). `-- retained` runs only the retained-memory measurement.
    /// </summary>
    public static class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main(string[] args)
        {
            if (args.Length == 1 && args[0] == "retained")
            {
                Retained();
                return;
            }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            if (FilterSelects(args, nameof(RetainedMemory))) Retained();
        }

        private static void Retained()
        {
            Console.WriteLine("// Retained memory (GC.GetTotalMemory(true) before and after)");
            string table = RetainedMemory.Run();
            RetainedMemory.Save(table);
            Console.WriteLine(table);
        }

        /// <summary>True when a --filter glob (BenchmarkDotNet syntax) matches <paramref name="name"/>.</summary>
        private static bool FilterSelects(string[] args, string name)
        {
            int at = Array.FindIndex(args, a => a == "--filter" || a == "-f");
            if (at < 0) return false;
            return args.Skip(at + 1).TakeWhile(a => !a.StartsWith("-", StringComparison.Ordinal)).Any(glob =>
                Regex.IsMatch(name, "^" + Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase));
        }
    }
}
