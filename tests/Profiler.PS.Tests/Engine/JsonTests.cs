using System;
using System.Linq;
using System.Text;
using Profiler.PS.Json;

namespace Profiler.PS.Tests.Engine
{
    /// <summary>The engine's strict JSON parser and deterministic writer, including hostile input.</summary>
    public class JsonTests
    {
        [Fact]
        public void Valid_documents_parse_with_order_escapes_and_numbers_kept()
        {
            JsonValue v = JsonParser.Parse(" {\"b\": [1, -0.5, 2e3, 1E-2, 0], \"a\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\", \"t\": true, \"f\": false, \"n\": null, \"o\": {}, \"e\": []}\r\n");
            Assert.Equal(new[] { "b", "a", "t", "f", "n", "o", "e" }, v.Members.Select(m => m.Key));
            Assert.Equal(new[] { "1", "-0.5", "2e3", "1E-2", "0" }, v["b"].Items.Select(i => i.Text));
            Assert.Equal("x\"\\/\b\f\n\r\t\u00e9\U0001F600", v["a"].Text);
            Assert.Equal(JsonKind.True, v["t"].Kind);
            Assert.Equal(JsonKind.Null, v["n"].Kind);
            Assert.True(v["b"].Items[2].TryGetDouble(out double d) && d == 2000);
            Assert.False(v["b"].Items[1].TryGetInt64(out _));
        }

        [Theory]
        [InlineData("", "empty")]
        [InlineData("   ", "empty")]
        [InlineData("{", "truncated")]
        [InlineData("{\"a\":", "truncated")]
        [InlineData("[1,2", "truncated")]
        [InlineData("\"abc", "truncated")]
        [InlineData("[1,]", "unexpected character ']'")]
        [InlineData("{\"a\":1,}", "member name")]
        [InlineData("[01]", "leading zeros")]
        [InlineData("[1.]", "after the decimal point")]
        [InlineData("[.5]", "unexpected character '.'")]
        [InlineData("[-]", "digit after '-'")]
        [InlineData("[1e]", "exponent")]
        [InlineData("NaN", "unexpected character 'N'")]
        [InlineData("[Infinity]", "unexpected character 'I'")]
        [InlineData("{'a':1}", "member name")]
        [InlineData("// comment\n1", "unexpected character '/'")]
        [InlineData("[1] [2]", "after the end")]
        [InlineData("\"a\u0001b\"", "control character")]
        [InlineData("\"\\x\"", "not a JSON escape")]
        [InlineData("\"\\u12g4\"", "four hexadecimal digits")]
        [InlineData("{\"a\":1,\"a\":2}", "appears twice")]
        [InlineData("[tru]", "unexpected character 't'")]
        [InlineData("{\"a\" 1}", "expected ':'")]
        [InlineData("[1 2]", "expected ',' or ']'")]
        [InlineData("\u00a0[]", "U+00A0")]
        public void Invalid_text_is_refused_with_a_reason(string text, string reason)
        {
            var ex = Assert.Throws<JsonFormatException>(() => JsonParser.Parse(text));
            Assert.Contains(reason, ex.Message);
            Assert.StartsWith("line ", ex.Message);
        }

        [Fact]
        public void Errors_give_line_and_column()
        {
            var ex = Assert.Throws<JsonFormatException>(() => JsonParser.Parse("{\n  \"a\": 1,\n  \"b\": tru\n}"));
            Assert.StartsWith("line 3, column 8:", ex.Message);
        }

        [Fact]
        public void Nesting_deeper_than_the_limit_is_refused_without_exhausting_the_stack()
        {
            JsonParser.Parse(new string('[', 64) + new string(']', 64));
            var ex = Assert.Throws<JsonFormatException>(() => JsonParser.Parse(new string('[', 65) + new string(']', 65)));
            Assert.Contains("nested more than 64 deep", ex.Message);
            Assert.Throws<JsonFormatException>(() => JsonParser.Parse(new string('[', 1_000_000)));
            Assert.Throws<JsonFormatException>(() => JsonParser.Parse(string.Concat(Enumerable.Repeat("{\"a\":", 100_000))));
        }

        [Fact]
        public void Strings_and_item_counts_are_bounded()
        {
            var limits = new JsonLimits { MaxStringLength = 10, MaxItems = 3 };
            JsonParser.Parse("[\"0123456789\", \"\\u0041123456789\"]", limits);
            Assert.Contains("longer than 10", Assert.Throws<JsonFormatException>(() => JsonParser.Parse("\"01234567890\"", limits)).Message);
            Assert.Contains("longer than 10", Assert.Throws<JsonFormatException>(() => JsonParser.Parse("\"\\n1234567890\"", limits)).Message);
            Assert.Contains("more than 3 items", Assert.Throws<JsonFormatException>(() => JsonParser.Parse("[1,2,3,4]", limits)).Message);
            Assert.Contains("more than 3 members", Assert.Throws<JsonFormatException>(() => JsonParser.Parse("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", limits)).Message);
            Assert.Contains("64 characters", Assert.Throws<JsonFormatException>(() => JsonParser.Parse(new string('1', 65))).Message);
        }

        [Fact]
        public void Huge_numbers_parse_as_text_and_are_refused_as_doubles()
        {
            JsonValue v = JsonParser.Parse("[1e999, 99999999999999999999]");
            Assert.False(v.Items[0].TryGetDouble(out _));
            Assert.False(v.Items[1].TryGetInt64(out _));
        }

        [Fact]
        public void Many_duplicate_checks_stay_linear()
        {
            string members = string.Join(",", Enumerable.Range(0, 50_000).Select(i => "\"k" + i + "\":" + i));
            Assert.Equal(50_000, JsonParser.Parse("{" + members + "}").Members.Count);
            Assert.Contains("\"k7\" appears twice", Assert.Throws<JsonFormatException>(() => JsonParser.Parse("{" + members + ",\"k7\":1}")).Message);
        }

        [Fact]
        public void Strings_round_trip_including_control_characters_and_lone_surrogates()
        {
            string[] samples = { "", "plain", "quote\" back\\slash", "\u0000\u0001\u001f\n\r\t\b\f", "é ü 日本 \U0001F600", "lone \ud800 high", "lone \udc00 low", "\udc00\ud800" };
            foreach (string s in samples)
            {
                var sb = new StringBuilder();
                JsonWriter.AppendString(sb, s);
                string json = sb.ToString();
                Assert.Equal(s, JsonParser.Parse(json).Text);
                Assert.DoesNotContain(json.Skip(1).Take(json.Length - 2), c => c < 0x20);
                Assert.Equal(json, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(json)));   // survives UTF-8 unchanged
            }
            var one = new StringBuilder();
            JsonWriter.AppendString(one, "a\u0001\ud800");
            Assert.Equal("\"a\\u0001\\ud800\"", one.ToString());
        }

        [Fact]
        public void Doubles_are_written_shortest_and_parse_back_exactly()
        {
            Assert.Equal("0.1", JsonWriter.FormatDouble(0.1));
            Assert.Equal("0", JsonWriter.FormatDouble(-0.0));
            Assert.Equal("1E-300", JsonWriter.FormatDouble(1e-300));
            Assert.Equal("2500", JsonWriter.FormatDouble(2500));
            Assert.Throws<ArgumentOutOfRangeException>(() => JsonWriter.FormatDouble(double.NaN));
            Assert.Throws<ArgumentOutOfRangeException>(() => JsonWriter.FormatDouble(double.PositiveInfinity));
            var random = new Random(7);
            var bytes = new byte[8];
            for (int i = 0; i < 20_000; i++)
            {
                random.NextBytes(bytes);
                double d = BitConverter.ToDouble(bytes, 0);
                if (double.IsNaN(d) || double.IsInfinity(d) || d == 0) continue;
                Assert.True(JsonParser.Parse(JsonWriter.FormatDouble(d)).TryGetDouble(out double back));
                Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(back));
            }
            foreach (double d in new[] { double.MaxValue, double.Epsilon, 1.0 / 3, 123456.789e-7 })
                Assert.True(JsonParser.Parse(JsonWriter.FormatDouble(d)).TryGetDouble(out double back) && back == d);
        }

        [Fact]
        public void The_writer_nests_and_indents_deterministically()
        {
            var sb = new StringBuilder();
            var w = new JsonWriter(sb, indented: true);
            w.StartObject();
            w.Property("a", 1L);
            w.Name("b");
            w.StartArray();
            w.Number(1.5);
            w.String(null);
            w.StartObject();
            w.EndObject();
            w.EndArray();
            w.Name("c");
            w.InlineArray(new[] { 1, 2 });
            w.EndObject();
            Assert.Equal("{\n  \"a\": 1,\n  \"b\": [\n    1.5,\n    null,\n    {}\n  ],\n  \"c\": [1,2]\n}", sb.ToString());
            JsonParser.Parse(sb.ToString());
        }
    }
}
