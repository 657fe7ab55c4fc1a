using System;
using System.Globalization;
using System.Management.Automation;

namespace Profiler.PS
{
    /// <summary>
    /// Lets a milliseconds parameter also take a <see cref="TimeSpan"/> (for example Measure-Command's output)
    /// or text from a CSV file ("2500", or "00:00:02.5"). Other values pass through for normal binding.
    /// </summary>
    public sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>
        /// True for a nullable parameter whose cmdlet reports a missing duration itself (Add-NodeTiming, with its own
        /// ErrorId, for each record): $null, '' and blank text then bind as null instead of failing in the binder.
        /// </summary>
        public bool EmptyIsMissing { get; set; }

        /// <inheritdoc />
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (EmptyIsMissing && IsEmpty(value)) return null;
            switch (value)
            {
                case TimeSpan span:
                    return span.TotalMilliseconds;
                case string text:
                    return Parse(text);
                // Numbers become double here, so a row's Duration binds by property name without PowerShell's
                // type-coercion pass (which first tries, and fails, every by-value parameter with each row).
                case double _:
                    return value;
                case int _: case long _: case float _: case decimal _: case short _: case byte _: case uint _: case ulong _:
                    return Convert.ToDouble(value, CultureInfo.InvariantCulture);
                default:
                    return inputData;
            }
        }

        /// <summary>True for $null, '' and blank text: no duration at all, not a bad one.</summary>
        internal static bool IsEmpty(object value)
        {
            value = value is PSObject wrapped ? wrapped.BaseObject : value;
            return value == null || value is string text && string.IsNullOrWhiteSpace(text);
        }

        /// <summary>Milliseconds from a piped value: a TimeSpan, a number or duration text; anything else is an invalid cast.</summary>
        internal static double ToMilliseconds(object value)
        {
            object transformed = new DurationTransformationAttribute().Transform(null, value);
            return LanguagePrimitives.ConvertTo<double>(transformed);
        }

        /// <summary>
        /// Milliseconds from text, read with the invariant culture only, so a CSV gives the same numbers on every
        /// machine: a number with '.' as the decimal point and no thousands separator (2500, 2.5, 1e3), or a TimeSpan
        /// in the invariant form ([d.]hh:mm:ss[.fffffff]). A ',' is never guessed at: '1,500' is 1500 in en-US and 1.5
        /// in de-DE, so it is an error naming the value and the accepted forms.
        /// </summary>
        internal static double Parse(string text)
        {
            string s = text.Trim();
            if (s.IndexOf(',') < 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double ms)) return ms;
            if (s.IndexOf(':') >= 0 && s.IndexOf(',') < 0 && TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out TimeSpan span)) return span.TotalMilliseconds;
            string why = s.IndexOf(',') >= 0 ? " (a ',' is ambiguous: it is a thousands separator in some cultures and the decimal point in others)" : "";
            throw new ArgumentTransformationMetadataException(
                $"'{Engine.TerminalText.Safe(text)}' is not a duration{why}: give milliseconds with '.' as the decimal point and no thousands separator (1500, 2.5) or a TimeSpan (00:00:02.5).");
        }
    }
}
