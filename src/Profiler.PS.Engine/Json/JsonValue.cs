using System;
using System.Collections.Generic;
using System.Globalization;

namespace Profiler.PS.Json
{
    /// <summary>The kind of a parsed JSON value.</summary>
    internal enum JsonKind { Null, False, True, Number, String, Array, Object }

    /// <summary>
    /// One parsed JSON value. Numbers keep their text, so reading one as a double or an integer is exact and
    /// decided by the schema reader; object members keep their order (duplicates are refused by the parser).
    /// </summary>
    internal sealed class JsonValue
    {
        public static readonly JsonValue Null = new JsonValue(JsonKind.Null);
        public static readonly JsonValue True = new JsonValue(JsonKind.True);
        public static readonly JsonValue False = new JsonValue(JsonKind.False);

        private JsonValue(JsonKind kind) => Kind = kind;

        public static JsonValue String(string text) => new JsonValue(JsonKind.String) { Text = text };
        public static JsonValue Number(string text) => new JsonValue(JsonKind.Number) { Text = text };
        public static JsonValue Array(List<JsonValue> items) => new JsonValue(JsonKind.Array) { Items = items };
        public static JsonValue Object(List<KeyValuePair<string, JsonValue>> members) => new JsonValue(JsonKind.Object) { Members = members };

        public JsonKind Kind { get; }
        /// <summary>A string's value or a number's text.</summary>
        public string Text { get; private set; }
        public List<JsonValue> Items { get; private set; }
        public List<KeyValuePair<string, JsonValue>> Members { get; private set; }

        /// <summary>The member named <paramref name="name"/> (ordinal), or null.</summary>
        public JsonValue this[string name]
        {
            get
            {
                foreach (KeyValuePair<string, JsonValue> m in Members)
                    if (string.Equals(m.Key, name, StringComparison.Ordinal)) return m.Value;
                return null;
            }
        }

        /// <summary>The number as a double; false when it does not fit (for example 1e999).</summary>
        public bool TryGetDouble(out double value)
        {
            try
            {
                value = double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                value = 0;   // .NET Framework throws where .NET Core returns infinity
                return false;
            }
            return !double.IsInfinity(value) && !double.IsNaN(value);
        }

        /// <summary>The number as a whole long; false when it has a fraction, an exponent or is out of range.</summary>
        public bool TryGetInt64(out long value)
            => long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        /// <summary>How the kind reads in an error message.</summary>
        public string Describe()
        {
            switch (Kind)
            {
                case JsonKind.Null: return "null";
                case JsonKind.True:
                case JsonKind.False: return "a boolean";
                case JsonKind.Number: return "a number";
                case JsonKind.String: return "a string";
                case JsonKind.Array: return "an array";
                default: return "an object";
            }
        }
    }

    /// <summary>Text that is not JSON, or JSON beyond the reader's limits; the message says where.</summary>
    internal sealed class JsonFormatException : FormatException
    {
        public JsonFormatException(string message) : base(message) { }
    }
}
