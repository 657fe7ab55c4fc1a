using System.Management.Automation;

namespace Profiler.PS.Commands
{
    // Reading one record's duration and status from the parameters, the piped row or the piped object.
    public sealed partial class AddNodeTimingCommand
    {
        /// <summary>
        /// The record's milliseconds: -Duration, else the row's Duration column, else the piped object itself (a
        /// TimeSpan, number or text). None, $null or blank writes AddNodeTimingMissingDuration, a value that is no
        /// duration AddNodeTimingInvalidDuration (negative or NaN ones are the engine's, as for every record); each is
        /// non-terminating and returns false, so the other records of a pipeline are still kept.
        /// </summary>
        private bool TryDuration(TimingRow row, object piped, string nodeId, out double duration)
        {
            duration = Duration ?? 0;
            if (_given.Duration && Duration.HasValue) return true;   // the common by-parameter call: already milliseconds
            object value = _given.Duration ? null : row.Duration;
            bool pipedValue = !_given.Duration && value == null && !(piped == null || piped is WorkflowRun || piped is PSCustomObject);
            if (pipedValue) value = InputObject;   // a piped TimeSpan, number or text is the duration itself
            if (DurationTransformationAttribute.IsEmpty(value))
            {
                string got = _given.Duration ? "-Duration is $null or empty" : pipedValue ? "the piped value is empty" : "none given, or its Duration is $null or empty";
                WriteError(new ErrorRecord(new PSArgumentException(
                    $"No duration for node '{nodeId}' ({got}): give -Duration (milliseconds or a TimeSpan), pipe a TimeSpan or a number, or pipe objects with a Duration property that has a value."),
                    ErrorId("MissingDuration"), ErrorCategory.InvalidArgument, (object)InputObject ?? nodeId));
                return false;
            }
            try
            {
                duration = DurationTransformationAttribute.ToMilliseconds(value);
                return true;
            }
            catch (System.Exception ex) when (ex is ArgumentTransformationMetadataException || ex is PSInvalidCastException)
            {
                WriteError(new ErrorRecord(ex, ErrorId("InvalidDuration"), ErrorCategory.InvalidArgument, InputObject));
                return false;
            }
        }

        /// <summary>-Status, else the row's Status column (Succeeded when it has none); a bad cell writes AddNodeTimingInvalidStatus.</summary>
        private bool TryStatus(TimingRow row, out NodeStatus status)
        {
            status = Status;
            if (_given.Status || row.Status == null) return true;
            try
            {
                status = TimingRow.ToStatus(row.Status);
                return true;
            }
            catch (PSInvalidCastException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorId("InvalidStatus"), ErrorCategory.InvalidArgument, InputObject));
                return false;
            }
        }
    }
}
