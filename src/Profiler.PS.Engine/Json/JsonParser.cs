using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Profiler.PS.Json
{
    /// <summary>
    /// A strict RFC 8259 JSON parser: no comments, no trailing commas, no single quotes, no NaN, no leading
    /// zeros, no unescaped control characters, no duplicate member names, nothing after the value. Nesting,
    /// string length and item counts are bounded by <see cref="JsonLimits"/>. Errors give line and column.
    /// </summary>
    internal sealed partial class JsonParser
    {
        private readonly string _text;
        private readonly JsonLimits _limits;
        private readonly StringBuilder _buffer = new StringBuilder();
        /// <summary>Member names seen recently, by hash: the same few names repeat in every record, so each is allocated once.</summary>
        private readonly string[] _names = new string[64];
        private int _pos;
        private int _depth;

        private JsonParser(string text, JsonLimits limits)
        {
            _text = text;
            _limits = limits ?? JsonLimits.Default;
        }

        /// <summary>Parses one JSON text.</summary>
        /// <exception cref="JsonFormatException">The text is not JSON or exceeds a limit.</exception>
        public static JsonValue Parse(string text, JsonLimits limits = null)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var parser = new JsonParser(text, limits);
            parser.SkipWhitespace();
            if (parser._pos == text.Length) throw parser.Error("the text is empty");
            JsonValue value = parser.ParseValue();
            parser.SkipWhitespace();
            if (parser._pos < text.Length) throw parser.Error("unexpected text after the end of the JSON value");
            return value;
        }

        private JsonValue ParseValue()
        {
            if (_pos >= _text.Length) throw Error("unexpected end of the text (is it truncated?)");
            char c = _text[_pos];
            switch (c)
            {
                case '{': return ParseObject();
                case '[': return ParseArray();
                case '"': return JsonValue.String(ParseString());
                case 't': Literal("true"); return JsonValue.True;
                case 'f': Literal("false"); return JsonValue.False;
                case 'n': Literal("null"); return JsonValue.Null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                    throw Error($"unexpected character '{Printable(c)}'");
            }
        }

        private JsonValue ParseObject()
        {
            Enter();
            _pos++;
            var members = new List<KeyValuePair<string, JsonValue>>(8);
            HashSet<string> names = null;
            SkipWhitespace();
            if (Peek() == '}') { _pos++; _depth--; return JsonValue.Object(members); }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"') throw Error(_pos >= _text.Length ? "unexpected end of the text inside an object (is it truncated?)" : "expected a member name in double quotes");
                int namePos = _pos;
                string name = ParseName();
                if (members.Count >= 8 && names == null)
                {
                    names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var m in members) names.Add(m.Key);
                }
                bool duplicate = names != null ? !names.Add(name) : members.Exists(m => string.Equals(m.Key, name, StringComparison.Ordinal));
                if (duplicate) throw Error($"the member name \"{name}\" appears twice", namePos);
                SkipWhitespace();
                Expect(':', "expected ':' after a member name");
                SkipWhitespace();
                if (members.Count >= _limits.MaxItems) throw Error($"an object has more than {_limits.MaxItems} members");
                members.Add(new KeyValuePair<string, JsonValue>(name, ParseValue()));
                SkipWhitespace();
                char c = Peek();
                _pos++;
                if (c == ',') continue;
                if (c == '}') break;
                _pos--;
                throw Error(_pos >= _text.Length ? "unexpected end of the text inside an object (is it truncated?)" : "expected ',' or '}' after an object member");
            }
            _depth--;
            return JsonValue.Object(members);
        }

        private JsonValue ParseArray()
        {
            Enter();
            _pos++;
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (Peek() == ']') { _pos++; _depth--; return JsonValue.Array(items); }
            while (true)
            {
                SkipWhitespace();
                if (items.Count >= _limits.MaxItems) throw Error($"an array has more than {_limits.MaxItems} items");
                items.Add(ParseValue());
                SkipWhitespace();
                char c = Peek();
                _pos++;
                if (c == ',') continue;
                if (c == ']') break;
                _pos--;
                throw Error(_pos >= _text.Length ? "unexpected end of the text inside an array (is it truncated?)" : "expected ',' or ']' after an array item");
            }
            _depth--;
            return JsonValue.Array(items);
        }

        private JsonValue ParseNumber()
        {
            int start = _pos;
            if (Peek() == '-') _pos++;
            if (Peek() == '0') _pos++;
            else if (IsDigit(Peek())) while (IsDigit(Peek())) _pos++;
            else throw Error("a number needs a digit after '-'");
            if (Peek() == '.')
            {
                _pos++;
                if (!IsDigit(Peek())) throw Error("a number needs a digit after the decimal point");
                while (IsDigit(Peek())) _pos++;
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-') _pos++;
                if (!IsDigit(Peek())) throw Error("a number needs a digit in its exponent");
                while (IsDigit(Peek())) _pos++;
            }
            if (IsDigit(Peek())) throw Error("a number may not have leading zeros");
            if (_pos - start > 64) throw Error("a number has more than 64 characters", start);
            return JsonValue.Number(_text.Substring(start, _pos - start));
        }

        private void Literal(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) throw Error($"unexpected character '{Printable(_text[_pos])}'");
            _pos += word.Length;
        }

        private void Enter()
        {
            if (++_depth > _limits.MaxDepth) throw Error($"arrays and objects are nested more than {_limits.MaxDepth} deep");
        }

        private void CheckLength(int length)
        {
            if (length > _limits.MaxStringLength) throw Error($"a string is longer than {_limits.MaxStringLength} characters");
        }

        private void Expect(char c, string message)
        {
            if (Peek() != c) throw Error(_pos >= _text.Length ? "unexpected end of the text (is it truncated?)" : message);
            _pos++;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                _pos++;
            }
        }

        private static string Printable(char c) => c < 0x20 || c > 0x7e ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();

        private JsonFormatException Error(string message) => Error(message, _pos);

        private JsonFormatException Error(string message, int position)
        {
            int line = 1, column = 1;
            for (int i = 0; i < position && i < _text.Length; i++)
            {
                if (_text[i] == '\n') { line++; column = 1; }
                else column++;
            }
            return new JsonFormatException($"line {line}, column {column}: {message}");
        }
    }
}
