namespace Profiler.PS.Json
{
    internal sealed partial class JsonParser
    {
        /// <summary>A member name: an escape-free name is looked up among the names already seen before allocating.</summary>
        private string ParseName()
        {
            int start = _pos + 1, end = start, hash = 17;
            while (end < _text.Length)
            {
                char c = _text[end];
                if (c == '"') break;
                if (c == '\\' || c < 0x20 || end - start > 64) return ParseString();
                hash = hash * 31 + c;
                end++;
            }
            if (end >= _text.Length) return ParseString();
            int length = end - start, slot = hash & (_names.Length - 1);
            string cached = _names[slot];
            if (cached == null || cached.Length != length || string.CompareOrdinal(_text, start, cached, 0, length) != 0)
                _names[slot] = cached = _text.Substring(start, length);
            _pos = end + 1;
            return cached;
        }

        private string ParseString()
        {
            int start = ++_pos;
            // Fast path: no escapes.
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '"')
                {
                    CheckLength(_pos - start);
                    return _text.Substring(start, _pos++ - start);
                }
                if (c == '\\' || c < 0x20) break;
                _pos++;
            }
            _buffer.Clear();
            _buffer.Append(_text, start, _pos - start);
            while (true)
            {
                if (_pos >= _text.Length) throw Error("unexpected end of the text inside a string (is it truncated?)");
                char c = _text[_pos++];
                if (c == '"') break;
                if (c < 0x20) throw Error($"a control character (U+{(int)c:X4}) must be escaped inside a string", _pos - 1);
                if (c != '\\') { _buffer.Append(c); }
                else
                {
                    if (_pos >= _text.Length) throw Error("unexpected end of the text inside a string (is it truncated?)");
                    char e = _text[_pos++];
                    switch (e)
                    {
                        case '"': _buffer.Append('"'); break;
                        case '\\': _buffer.Append('\\'); break;
                        case '/': _buffer.Append('/'); break;
                        case 'b': _buffer.Append('\b'); break;
                        case 'f': _buffer.Append('\f'); break;
                        case 'n': _buffer.Append('\n'); break;
                        case 'r': _buffer.Append('\r'); break;
                        case 't': _buffer.Append('\t'); break;
                        case 'u': _buffer.Append(Hex4()); break;
                        default: throw Error($"'\\{Printable(e)}' is not a JSON escape", _pos - 2);
                    }
                }
                CheckLength(_buffer.Length);
            }
            CheckLength(_buffer.Length);
            return _buffer.ToString();
        }

        private char Hex4()
        {
            if (_pos + 4 > _text.Length) throw Error("unexpected end of the text inside a \\u escape (is it truncated?)");
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                char h = _text[_pos + i];
                int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (d < 0) throw Error("a \\u escape needs four hexadecimal digits", _pos + i);
                value = value * 16 + d;
            }
            _pos += 4;
            return (char)value;
        }
    }
}
