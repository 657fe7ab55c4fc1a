using System.Collections.Generic;
using System.Text;

namespace Profiler.PS.Tests.Support
{
    /// <summary>A strict RFC 4180 reader for checking exported CSV (the hosted runspace has no Import-Csv).</summary>
    public static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var cell = new StringBuilder();
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '"' && cell.Length == 0)
                {
                    i++;
                    while (true)
                    {
                        Assert.True(i < text.Length, "unterminated quoted field");
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                            i++;
                            break;
                        }
                        cell.Append(text[i++]);
                    }
                    Assert.True(i == text.Length || text[i] == ',' || text[i] == '\r', "text after a closing quote");
                    continue;
                }
                if (c == ',') { row.Add(cell.ToString()); cell.Clear(); i++; continue; }
                if (c == '\r')
                {
                    Assert.True(i + 1 < text.Length && text[i + 1] == '\n', "a bare CR ends no record");
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add(row.ToArray());
                    row.Clear();
                    i += 2;
                    continue;
                }
                Assert.False(c == '\n' || c == '"', "a bare LF or quote outside a quoted field");
                cell.Append(c);
                i++;
            }
            Assert.True(row.Count == 0 && cell.Length == 0, "the last record must end with CRLF");
            return rows;
        }
    }
}
