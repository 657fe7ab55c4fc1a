namespace Profiler.PS.Json
{
    /// <summary>Bounds the parser enforces, so a hostile file cannot exhaust the stack or memory.</summary>
    internal sealed class JsonLimits
    {
        /// <summary>Deepest nesting of arrays and objects (the profile schema needs 5).</summary>
        public int MaxDepth { get; set; } = 64;
        /// <summary>Longest string, in characters.</summary>
        public int MaxStringLength { get; set; } = 1 << 20;
        /// <summary>Most elements of one array or members of one object.</summary>
        public int MaxItems { get; set; } = 1 << 20;

        public static readonly JsonLimits Default = new JsonLimits();
    }
}
