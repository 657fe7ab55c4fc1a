using System;
using System.Globalization;

namespace Profiler.PS
{
    /// <summary>
    /// What Import-WorkflowRun did with one input (a Pester run, an Invoke-Build result or a test report): the run it
    /// became, or that the same run was already in the workflow's history.
    /// </summary>
    public sealed class ImportedWorkflowRun
    {
        /// <summary>Creates the result; the cmdlet fills it from the engine's completion.</summary>
        public ImportedWorkflowRun(string workflowId, int runNumber, Guid runId, string source, string format, DateTimeOffset startTime,
            double totalDuration, int nodeCount, int testCount, int failedCount, int skippedCount, int notRunCount, bool alreadyImported)
        {
            WorkflowId = workflowId;
            RunNumber = runNumber;
            RunId = runId;
            Source = source;
            Format = format;
            StartTime = startTime;
            TotalDuration = totalDuration;
            NodeCount = nodeCount;
            TestCount = testCount;
            FailedCount = failedCount;
            SkippedCount = skippedCount;
            NotRunCount = notRunCount;
            AlreadyImported = alreadyImported;
        }

        /// <summary>The workflow the run was imported into.</summary>
        public string WorkflowId { get; }
        /// <summary>The run's number in the workflow; when <see cref="AlreadyImported"/>, the number the run was imported as.</summary>
        public int RunNumber { get; }
        /// <summary>The run's id: a hash of what was measured, so the same report always has the same id.</summary>
        public Guid RunId { get; }
        /// <summary>The report's path, or a description of the piped object.</summary>
        public string Source { get; }
        /// <summary>JUnit, NUnit2, NUnit3, Pester or InvokeBuild.</summary>
        public string Format { get; }
        /// <summary>When the run started: the report's timestamp (the file's last write time when the report has none).</summary>
        public DateTimeOffset StartTime { get; }
        /// <summary>The run's total in milliseconds, as the tool measured it.</summary>
        public double TotalDuration { get; }
        /// <summary>Nodes recorded: executed tests and the suites, blocks and files holding them, or tasks.</summary>
        public int NodeCount { get; }
        /// <summary>Executed tests recorded (0 for a build).</summary>
        public int TestCount { get; }
        /// <summary>Executed tests (or tasks) that failed: recorded with status Failed.</summary>
        public int FailedCount { get; }
        /// <summary>Tests skipped or ignored: counted here, not recorded as samples.</summary>
        public int SkippedCount { get; }
        /// <summary>Tests not run (filtered out, or after their block failed): counted here, not recorded as samples.</summary>
        public int NotRunCount { get; }
        /// <summary>True when the workflow already had this run (the same report imported before): nothing was recorded.</summary>
        public bool AlreadyImported { get; }

        /// <summary>For example <c>tests run 3: 120 tests (2 failed) from TestResults.xml</c>.</summary>
        public override string ToString() => AlreadyImported
            ? string.Format(CultureInfo.InvariantCulture, "{0}: {1} was already imported as run {2}", WorkflowId, Source, RunNumber)
            : string.Format(CultureInfo.InvariantCulture, "{0} run {1}: {2} tests ({3} failed) from {4}", WorkflowId, RunNumber, TestCount, FailedCount, Source);
    }
}
