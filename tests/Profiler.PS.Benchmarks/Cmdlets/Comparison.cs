using System.Collections.Generic;

namespace Profiler.PS.Benchmarks.Cmdlets
{
    /// <summary>One way of doing the thing being compared: a script that makes <see cref="Comparison.Calls"/> calls.</summary>
    public sealed class Variant
    {
        public Variant(string name, string script, bool records = false)
        {
            Name = name;
            Script = script;
            Records = records;
        }

        public string Name { get; }
        public string Script { get; }
        /// <summary>True when each call records one timing into the run in $run; the harness checks none was lost.</summary>
        public bool Records { get; }
    }

    /// <summary>
    /// A baseline and the variants measured against it in the same runspace, in interleaved rounds, so a
    /// machine busy with other work slows both sides of each ratio alike.
    /// </summary>
    public sealed class Comparison
    {
        /// <summary>Calls per round.</summary>
        public const int Calls = 500;

        public Comparison(string title, string setup, Variant baseline, params Variant[] variants)
        {
            Title = title;
            Setup = setup;
            Baseline = baseline;
            Variants = variants;
        }

        public string Title { get; }
        /// <summary>Script run once before the rounds (it may set $run, the run recording variants record into).</summary>
        public string Setup { get; }
        public Variant Baseline { get; }
        public IReadOnlyList<Variant> Variants { get; }

        /// <summary>A script that runs <paramref name="body"/> <see cref="Calls"/> times in a foreach loop.</summary>
        public static string Loop(string body) => $"foreach ($i in 1..{Calls}) {{ {body} }}";
    }
}
