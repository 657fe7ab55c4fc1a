using System;
using System.IO;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// Reads lines ending in '\n' (a '\r' before it is dropped) as bytes, never more than <c>limit</c> bytes of the
    /// stream and never holding more than <c>max</c> bytes of one line. '\n' is never part of a multi-byte UTF-8
    /// character, so splitting bytes there is safe; each line is decoded on its own.
    /// </summary>
    internal sealed class HistoryLineReader
    {
        private readonly Stream _stream;
        private readonly int _max;
        private readonly byte[] _buffer = new byte[1 << 16];
        private byte[] _line = new byte[256];
        private long _remaining;
        private int _pos, _len, _count;

        public HistoryLineReader(Stream stream, long limit, int max)
        {
            _stream = stream;
            _remaining = limit;
            _max = max;
        }

        /// <summary>True when the line just returned was the last (it had no newline after it).</summary>
        public bool AtEnd { get; private set; }

        public bool Next(out byte[] line, out int count, out bool tooLong)
        {
            _count = 0;
            tooLong = false;
            bool any = false;
            while (true)
            {
                if (_pos == _len)
                {
                    _len = _remaining <= 0 ? 0 : _stream.Read(_buffer, 0, (int)Math.Min(_buffer.Length, _remaining));
                    _remaining -= _len;
                    _pos = 0;
                    if (_len <= 0)
                    {
                        _len = 0;
                        AtEnd = true;
                        return Finish(any, tooLong, out line, out count);
                    }
                }
                any = true;
                int start = _pos;
                int newline = Array.IndexOf(_buffer, (byte)'\n', _pos, _len - _pos);
                _pos = newline < 0 ? _len : newline;
                int n = _pos - start;
                if (!tooLong && (long)_count + n > _max) { tooLong = true; _count = 0; }
                if (!tooLong) Append(start, n);
                if (_pos < _len)
                {
                    _pos++;   // the newline
                    AtEnd = false;
                    return Finish(true, tooLong, out line, out count);
                }
            }
        }

        private void Append(int start, int n)
        {
            if (_count + n > _line.Length) Array.Resize(ref _line, Math.Max(_line.Length * 2, _count + n));
            Buffer.BlockCopy(_buffer, start, _line, _count, n);
            _count += n;
        }

        private bool Finish(bool any, bool tooLong, out byte[] line, out int count)
        {
            line = _line;
            count = tooLong ? 0 : _count;
            if (count > 0 && _line[count - 1] == '\r') count--;
            return any;
        }
    }
}
