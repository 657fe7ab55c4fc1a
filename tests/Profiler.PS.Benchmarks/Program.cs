using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Running;
using Profiler.PS.Benchmarks.Cmdlets;
using Profiler.PS.Benchmarks.Engine;

namespace Profiler.PS.Benchmarks
{
    /// <summary>
    /// Runs the BenchmarkDotNet suite (the engine) with the given arguments, then the two measurements that are
    /// not BenchmarkDotNet benchmarks when the --filter selects them ('*' does): CmdletCosts (interleaved A/B
    /// rounds in a hosted runspace), ConcurrencyRounds (interleaved one- and two-thread rounds) and RetainedMemory.
    /// `-- cmdlets`, `-- concurrency` or `-- retained` runs only that one (`-- cmdlets script` only the comparisons
    /// whose title contains 'script').
    /// See docs/benchmarks.md.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args.Length >= 1 && args[0] == "cmdlets") { CmdletCosts(args.Length > 1 ? args[1] : null); return; }
            if (args.Length == 1 && args[0] == "retained") { Retained(); return; }
            if (args.Length == 1 && args[0] == "concurrency") { Concurrency(); return; }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            if (FilterSelects(args, "CmdletCosts")) CmdletCosts();
            if (FilterSelects(args, "ConcurrencyRounds")) Concurrency();
            if (FilterSelects(args, "RetainedMemory")) Retained();
        }

        private static void Concurrency() => Save("ConcurrencyRounds", ConcurrencyRounds.Run());

        /// <summary>Every comparison, or those whose title contains <paramref name="titleContains"/> (`-- cmdlets Measure`).</summary>
        private static void CmdletCosts(string titleContains = null)
        {
            string table = InterleavedRunner.Run(CmdletComparisons.All().Where(c =>
                titleContains == null || c.Title.IndexOf(titleContains, StringComparison.OrdinalIgnoreCase) >= 0));
            Save("CmdletCosts", table);
        }

        private static void Retained()
        {
            Console.WriteLine("// Retained memory (GC.GetTotalMemory(true) before and after)");
            Save("RetainedMemory", RetainedMemory.Run());
        }

        /// <summary>Prints a result table and writes it next to BenchmarkDotNet's reports.</summary>
        private static void Save(string name, string table)
        {
            Console.WriteLine();
            Console.WriteLine("// * " + name + " *");
            Console.WriteLine(table);
            string folder = Path.Combine("BenchmarkDotNet.Artifacts", "results");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + "-report.md"), "# " + name + "\n\n" + table);
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
