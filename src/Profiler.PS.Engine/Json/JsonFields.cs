using System;
using System.Collections.Generic;
using System.Globalization;

namespace Profiler.PS.Json
{
    /// <summary>
    /// Typed, strict reads of members of parsed JSON objects for schema readers. Errors name the member's path
    /// (for example <c>workflows[0].nodes[2].durations[4]</c>); the path text is built only when there is an error.
    /// </summary>
    internal static class JsonFields
    {
        public static JsonFormatException Error(string path, string message) => new JsonFormatException(path + ": " + message);

        public static string Join(string parent, string name) => string.IsNullOrEmpty(parent) ? name : parent + "." + name;

        public static string Index(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

        /// <summary>Insists <paramref name="value"/> is an object whose members are exactly <paramref name="names"/>.</summary>
        public static void ExactMembers(JsonValue value, string path, params string[] names)
        {
            if (value.Kind != JsonKind.Object) throw Error(path, "expected an object, found " + value.Describe());
            List<KeyValuePair<string, JsonValue>> members = value.Members;
            if (members.Count == names.Length)
            {
                int i = 0;
                while (i < names.Length && string.Equals(members[i].Key, names[i], StringComparison.Ordinal)) i++;
                if (i == names.Length) return;   // the usual case: the members in the order they are written
            }
            foreach (KeyValuePair<string, JsonValue> m in value.Members)
                if (System.Array.IndexOf(names, m.Key) < 0) throw Error(Join(path, m.Key), "is not part of the schema");
            if (value.Members.Count != names.Length)
                foreach (string name in names)
                    if (value[name] == null) throw Error(Join(path, name), "is missing");
        }

        /// <summary>
        /// Insists <paramref name="value"/> is an object with every one of <paramref name="required"/> and otherwise
        /// only members of <paramref name="optional"/> (members a newer schema version added beside the old ones).
        /// </summary>
        public static void KnownMembers(JsonValue value, string path, string[] required, string[] optional)
        {
            if (value.Kind != JsonKind.Object) throw Error(path, "expected an object, found " + value.Describe());
            foreach (KeyValuePair<string, JsonValue> m in value.Members)
                if (System.Array.IndexOf(required, m.Key) < 0 && System.Array.IndexOf(optional, m.Key) < 0)
                    throw Error(Join(path, m.Key), "is not part of the schema");
            foreach (string name in required)
                if (value[name] == null) throw Error(Join(path, name), "is missing");
        }

        /// <summary>Requires exactly <paramref name="required"/>, or also allows <paramref name="optional"/> when <paramref name="allowOptional"/>.</summary>
        public static void Members(JsonValue value, string path, bool allowOptional, string[] required, string[] optional)
        {
            if (allowOptional) KnownMembers(value, path, required, optional);
            else ExactMembers(value, path, required);
        }

        public static JsonValue Member(JsonValue obj, string path, string name)
        {
            JsonValue v = obj.Kind == JsonKind.Object ? obj[name] : null;
            if (v == null) throw Error(Join(path, name), "is missing");
            return v;
        }

        public static List<JsonValue> Array(JsonValue obj, string path, string name)
        {
            JsonValue v = Member(obj, path, name);
            if (v.Kind != JsonKind.Array) throw Error(Join(path, name), "expected an array, found " + v.Describe());
            return v.Items;
        }

        public static string String(JsonValue obj, string path, string name, bool allowNull = false, bool nonBlank = false)
        {
            JsonValue v = Member(obj, path, name);
            if (v.Kind == JsonKind.Null && allowNull) return null;
            if (v.Kind != JsonKind.String) throw Error(Join(path, name), "expected a string, found " + v.Describe());
            if (nonBlank && string.IsNullOrWhiteSpace(v.Text)) throw Error(Join(path, name), "may not be empty");
            return v.Text;
        }

        public static double Double(JsonValue obj, string path, string name, double min = double.MinValue)
            => Double(Member(obj, path, name), path, name, -1, min);

        /// <summary>Item <paramref name="index"/> of the array at <paramref name="listPath"/> as a double of at least <paramref name="min"/>.</summary>
        public static double ItemDouble(JsonValue item, string listPath, int index, double min) => Double(item, listPath, null, index, min);

        public static long Long(JsonValue obj, string path, string name, long min, long max)
            => Long(Member(obj, path, name), path, name, -1, min, max);

        /// <summary>Item <paramref name="index"/> of the array at <paramref name="listPath"/> as a whole number in range.</summary>
        public static long ItemLong(JsonValue item, string listPath, int index, long min, long max) => Long(item, listPath, null, index, min, max);

        // The value's path is parent.name, or parent[index] (name null); it is built only for an error message.
        private static string PathOf(string parent, string name, int index) => name == null ? Index(parent, index) : Join(parent, name);

        private static double Double(JsonValue v, string parent, string name, int index, double min)
        {
            if (v.Kind != JsonKind.Number) throw Error(PathOf(parent, name, index), "expected a number, found " + v.Describe());
            if (!v.TryGetDouble(out double d)) throw Error(PathOf(parent, name, index), $"the number {v.Text} is out of range");
            if (d < min) throw Error(PathOf(parent, name, index), $"expected a number of {min.ToString(CultureInfo.InvariantCulture)} or more, found {v.Text}");
            return d;
        }

        private static long Long(JsonValue v, string parent, string name, int index, long min, long max)
        {
            if (v.Kind != JsonKind.Number) throw Error(PathOf(parent, name, index), "expected a whole number, found " + v.Describe());
            if (!v.TryGetInt64(out long n)) throw Error(PathOf(parent, name, index), $"expected a whole number, found {v.Text}");
            if (n < min || n > max)
                throw Error(PathOf(parent, name, index), string.Format(CultureInfo.InvariantCulture, "expected a whole number from {0} to {1}, found {2}", min, max, n));
            return n;
        }

        public static int Int(JsonValue obj, string path, string name, int min, int max) => (int)Long(obj, path, name, min, max);

        private static readonly string[] IsoForms =
        {
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm'Z'",
        };

        public static DateTimeOffset Time(JsonValue obj, string path, string name)
        {
            string text = String(obj, path, name);
            // The writer's round-trip form first; then other ISO 8601 forms a person may type, with an offset or Z.
            if (!DateTimeOffset.TryParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset t)
                && !DateTimeOffset.TryParseExact(text, IsoForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out t))
                throw Error(Join(path, name), $"'{text}' is not an ISO 8601 time such as 2026-01-01T00:00:00.0000000+00:00");
            return t;
        }

        public static Guid Guid(JsonValue obj, string path, string name)
        {
            string text = String(obj, path, name);
            if (!System.Guid.TryParseExact(text, "D", out Guid g)) throw Error(Join(path, name), $"'{text}' is not a GUID");
            return g;
        }
    }
}
