using System.Management.Automation;

namespace Profiler.PS.Commands
{
    // Reading one record's duration and status from the parameters, the piped row or the piped object.
    public sealed partial class AddNodeTimingCommand
    {
        /// <summary>
        /// The record's milliseconds: -Duration, else the row's Duration column, else the piped object itself (a
        /// TimeSpan, number or text); writes AddNodeTimingMissingDuration or AddNodeTimingInvalidDuration and returns false.
        /// </summary>
        private bool TryDuration(TimingRow row, object piped, string nodeId, out double duration)
        {
            duration = Duration;
            if (_given.Duration) return true;
            object value = row.Duration;
            if (value == null)
            {
                if (piped == null || piped is WorkflowRun || piped is PSCustomObject)
                {
                    WriteError(new ErrorRecord(new PSArgumentException(
                        $"No duration for node '{nodeId}': give -Duration (milliseconds or a TimeSpan), pipe a TimeSpan or a number, or pipe objects with a Duration property."),
                        ErrorId("MissingDuration"), ErrorCategory.InvalidArgument, InputObject));
                    return false;
                }
                value = InputObject;
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
