using System;
using System.Collections.Generic;
using System.Text;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// Insertions and replacements at offsets of one original text, applied in a single pass. Edits must not overlap;
    /// at one offset, insertions come before a replacement, in the order they were added.
    /// </summary>
    internal sealed class TextEdits
    {
        private readonly string _text;
        private readonly List<Edit> _edits = new List<Edit>();

        public TextEdits(string text) => _text = text ?? throw new ArgumentNullException(nameof(text));

        public void Insert(int offset, string value) => Replace(offset, 0, value);

        public void Replace(int offset, int length, string value)
        {
            if (offset < 0 || length < 0 || offset + length > _text.Length) throw new ArgumentOutOfRangeException(nameof(offset));
            _edits.Add(new Edit(offset, length, value, _edits.Count));
        }

        /// <summary>The text with every edit applied.</summary>
        public string Apply()
        {
            _edits.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset)
                : a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.Order.CompareTo(b.Order));
            var sb = new StringBuilder(_text.Length + _edits.Count * 32);
            int position = 0;
            foreach (Edit edit in _edits)
            {
                if (edit.Offset < position) throw new InvalidOperationException($"Overlapping edits at offset {edit.Offset}.");
                sb.Append(_text, position, edit.Offset - position).Append(edit.Value);
                position = edit.Offset + edit.Length;
            }
            return sb.Append(_text, position, _text.Length - position).ToString();
        }

        private readonly struct Edit
        {
            public Edit(int offset, int length, string value, int order)
            {
                Offset = offset;
                Length = length;
                Value = value;
                Order = order;
            }

            public int Offset { get; }
            public int Length { get; }
            public string Value { get; }
            public int Order { get; }
        }
    }
}
