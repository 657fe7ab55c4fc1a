using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Json
{
    /// <summary>
    /// Writes JSON deterministically: members in the order written, invariant culture, doubles in their
    /// shortest round-trip form, "\n" line ends when indented, and only the escapes JSON requires (plus lone
    /// surrogates, which UTF-8 cannot carry). The same values always give the same text, on every runtime.
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder _sb;
        private readonly bool _indented;
        private readonly Stack<bool> _hasItems = new Stack<bool>();
        private bool _afterName;

        public JsonWriter(StringBuilder sb, bool indented)
        {
            _sb = sb;
            _indented = indented;
        }

        public void StartObject() { BeforeValue(); _sb.Append('{'); _hasItems.Push(false); }
        public void EndObject() => End('}');
        public void StartArray() { BeforeValue(); _sb.Append('['); _hasItems.Push(false); }
        public void EndArray() => End(']');

        public void Name(string name)
        {
            BeforeValue();
            AppendString(_sb, name);
            _sb.Append(_indented ? ": " : ":");
            _afterName = true;
        }

        public void String(string value)
        {
            BeforeValue();
            if (value == null) _sb.Append("null");
            else AppendString(_sb, value);
        }

        public void Number(double value) { BeforeValue(); _sb.Append(FormatDouble(value)); }
        public void Number(long value) { BeforeValue(); _sb.Append(value.ToString(CultureInfo.InvariantCulture)); }
        public void Bool(bool value) { BeforeValue(); _sb.Append(value ? "true" : "false"); }
        public void Null() { BeforeValue(); _sb.Append("null"); }

        public void Property(string name, string value) { Name(name); String(value); }
        public void Property(string name, double value) { Name(name); Number(value); }
        public void Property(string name, long value) { Name(name); Number(value); }
        public void Property(string name, bool value) { Name(name); Bool(value); }

        /// <summary>An array of numbers on one line, so sample windows stay compact when indented.</summary>
        public void InlineArray(double[] values)
        {
            BeforeValue();
            _sb.Append('[');
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) _sb.Append(',');
                _sb.Append(FormatDouble(values[i]));
            }
            _sb.Append(']');
        }

        public void InlineArray(int[] values)
        {
            BeforeValue();
            _sb.Append('[');
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) _sb.Append(',');
                _sb.Append(values[i].ToString(CultureInfo.InvariantCulture));
            }
            _sb.Append(']');
        }

        /// <summary>
        /// The shortest text that parses back to exactly <paramref name="value"/>: "R" where it round-trips
        /// (always on .NET Core 3.0 and later), else 17 significant digits (.NET Framework's "R" misses a few values).
        /// Zero is written as 0 whatever its sign. NaN and infinities have no JSON form and are refused.
        /// </summary>
        public static string FormatDouble(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
                throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no form for NaN or infinity.");
            if (value == 0) return "0";
            string r = value.ToString("R", CultureInfo.InvariantCulture);
            if (double.Parse(r, NumberStyles.Float, CultureInfo.InvariantCulture) != value) r = value.ToString("G17", CultureInfo.InvariantCulture);
            return r;
        }

        /// <summary>Appends <paramref name="value"/> as a quoted JSON string.</summary>
        public static void AppendString(StringBuilder sb, string value)
        {
            sb.Append('"');
            int run = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                string escape = null;
                if (c == '"') escape = "\\\"";
                else if (c == '\\') escape = "\\\\";
                else if (c < 0x20)
                {
                    switch (c)
                    {
                        case '\n': escape = "\\n"; break;
                        case '\r': escape = "\\r"; break;
                        case '\t': escape = "\\t"; break;
                        case '\b': escape = "\\b"; break;
                        case '\f': escape = "\\f"; break;
                        default: escape = Unicode(c); break;
                    }
                }
                else if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { run += 2; i++; continue; }
                    escape = Unicode(c);
                }
                else if (char.IsLowSurrogate(c)) escape = Unicode(c);
                if (escape == null) { run++; continue; }
                sb.Append(value, i - run, run).Append(escape);
                run = 0;
            }
            sb.Append(value, value.Length - run, run).Append('"');
        }

        private static string Unicode(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);

        private void BeforeValue()
        {
            if (_afterName) { _afterName = false; return; }
            if (_hasItems.Count == 0) return;
            if (_hasItems.Peek()) _sb.Append(',');
            _hasItems.Pop();
            _hasItems.Push(true);
            NewLine(_hasItems.Count);
        }

        private void End(char close)
        {
            bool any = _hasItems.Pop();
            if (any) NewLine(_hasItems.Count);
            _sb.Append(close);
        }

        private void NewLine(int depth)
        {
            if (!_indented) return;
            _sb.Append('\n').Append(' ', depth * 2);
        }
    }
}
