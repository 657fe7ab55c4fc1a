using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Profiler.PS
{
    /// <summary>
    /// Lets a run-number parameter also take run objects: a WorkflowRunSummary (from (Get-WorkflowProfile).Runs),
    /// a WorkflowRun (Start-WorkflowProfile -PassThru) or anything with a RunNumber property, alone or in a list.
    /// Numbers and text pass through for normal binding.
    /// </summary>
    public sealed class RunNumberTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string || value == null) return inputData;
            if (value is IEnumerable list)
            {
                var numbers = new List<object>();
                foreach (object item in list) numbers.Add(One(item));
                return numbers.ToArray();
            }
            return One(inputData);
        }

        private static object One(object item)
        {
            object value = item is PSObject wrapped ? wrapped.BaseObject : item;
            switch (value)
            {
                case WorkflowRunSummary summary: return summary.RunNumber;
                case WorkflowRun run: return run.RunNumber;
            }
            if (item is PSObject ps && ps.Properties["RunNumber"]?.Value is object number) return number;
            return item;
        }
    }
}
