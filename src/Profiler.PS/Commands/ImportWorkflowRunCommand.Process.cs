using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Import;

namespace Profiler.PS.Commands
{
    public sealed partial class ImportWorkflowRunCommand
    {
        /// <summary>The inputs read so far, with their start times: imported oldest first at the end of the pipeline.</summary>
        private readonly List<(ImportedRun Run, DateTimeOffset Start, object Target)> _pending = new List<(ImportedRun, DateTimeOffset, object)>();

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == "InputObject") ReadObject(InputObject);
            else foreach (string file in ResolveFiles(ParameterSetName == "Path" ? Path : LiteralPath, ParameterSetName == "LiteralPath")) ReadReport(file);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var settings = new WorkflowSettings { WorkflowName = WorkflowName };
            if (HistoryPath != null)
                settings.HistoryPath = string.IsNullOrWhiteSpace(HistoryPath) ? HistoryPath : SessionState.Path.GetUnresolvedProviderPathFromPSPath(HistoryPath);
            // Oldest first, ties in input order, so a folder of past reports becomes history in time order.
            var order = new List<int>();
            for (int i = 0; i < _pending.Count; i++) order.Add(i);
            order.Sort((a, b) => _pending[a].Start != _pending[b].Start ? _pending[a].Start.CompareTo(_pending[b].Start) : a.CompareTo(b));
            foreach (int i in order)
            {
                (ImportedRun run, DateTimeOffset start, object target) = _pending[i];
                if (!ShouldProcess(run.Source, $"Import as a run of workflow '{WorkflowId}'")) continue;
                WarnIfOlderThanLatest(run, start);
                RunCompletion completion;
                try
                {
                    completion = Session.ImportRun(WorkflowId, settings, run, start, out string[] warnings);
                    foreach (string warning in warnings) WriteWarning(warning);
                }
                catch (ProfilerException ex) when (ex.Kind == ProfilerErrorKind.InvalidFile || ex.Kind == ProfilerErrorKind.InvalidDuration || ex.Kind == ProfilerErrorKind.InvalidNodeId)
                {
                    WriteError(ToErrorRecord(ex, target));
                    continue;
                }
                catch (ProfilerException ex)
                {
                    // Unusable call (a run in flight, another history folder, a bad id or setting): no input can be imported.
                    ThrowTerminatingError(ToErrorRecord(ex, WorkflowId));
                    return;
                }
                State.WatchClose(System.Management.Automation.Runspaces.Runspace.DefaultRunspace, Host);   // a failed history write gets its last retry at the session's end
                WriteResult(run, start, completion);
            }
        }

        /// <summary>Runs are appended; one older than the workflow's latest run lands after it, which the user should know.</summary>
        private void WarnIfOlderThanLatest(ImportedRun run, DateTimeOffset start)
        {
            WorkflowProfiler workflow = Session.GetWorkflow(WorkflowId);
            if (workflow == null || workflow.HasRun(run.RunId)) return;
            WorkflowRunSummary[] runs = workflow.GetProfile().Runs;
            if (runs == null || runs.Length == 0 || runs[runs.Length - 1].StartTime <= start) return;
            WorkflowRunSummary latest = runs[runs.Length - 1];
            WriteWarning($"{run.Source} started at {start:u}, before run {latest.RunNumber} of workflow '{WorkflowId}' ({latest.StartTime:u}); it is appended after it, so the history is not in time order there. Import older reports first, or all in one call (which orders them).");
        }

        private void WriteResult(ImportedRun run, DateTimeOffset start, RunCompletion completion)
        {
            int tests = run.CountTests(out int failed);
            if (completion == null)
                WriteWarning($"{run.Source} is already in workflow '{WorkflowId}' (run {run.RunId}): it was imported before, so nothing was added.");
            else
            {
                if (completion.HistoryError != null) WriteError(ToErrorRecord(completion.HistoryError, WorkflowId, ErrorCategory.WriteError));
                foreach (BottleneckAlert alert in completion.Alerts) RaiseBottleneck(alert);
            }
            // A run imported before keeps the number it was imported as (0 only if the workflow no longer knows it).
            int runNumber = completion?.Run.RunNumber ?? Session.GetWorkflow(WorkflowId)?.RunNumberOf(run.RunId) ?? 0;
            WriteObject(new ImportedWorkflowRun(completion?.Profile.WorkflowId ?? WorkflowId, runNumber, run.RunId, run.Source,
                run.Format, start, run.TotalDuration, run.Nodes.Count, tests, failed, run.SkippedCount, run.NotRunCount, completion == null));
        }

        private void ReadObject(PSObject input)
        {
            object value = input?.BaseObject;
            if (value == null)
            {
                // Usually a variable that was never set, or a tool that returned nothing ($r of Invoke-Pester without -PassThru).
                var ex = new ArgumentException("Import-WorkflowRun got $null, so there is nothing to import. Pipe the object Invoke-Pester -PassThru returns (Invoke-Pester without -PassThru returns nothing), an Invoke-Build result (Invoke-Build ... -Result r; $r), or report files (Get-ChildItem *.xml); or give reports with -Path.");
                WriteError(new ErrorRecord(ex, ErrorId("NullInput"), ErrorCategory.InvalidArgument, null));
                return;
            }
            if (value is FileInfo file) { ReadReport(file.FullName); return; }
            try
            {
                if (PesterRunReader.IsRun(input)) Add(PesterRunReader.Read(input), DateTimeOffset.Now, input);
                else if (InvokeBuildResultReader.AsResult(input) is object result) Add(InvokeBuildResultReader.Read(result), DateTimeOffset.Now, input);
                else if (value is IList list)
                {
                    // -InputObject $runs (an array, not piped): each item as if piped; an empty array imports nothing.
                    foreach (object item in list) ReadObject(item == null ? null : PSObject.AsPSObject(item));
                }
                else
                {
                    string type = input.TypeNames.Count > 0 ? input.TypeNames[0] : value.GetType().FullName;
                    var ex = new ArgumentException($"Import-WorkflowRun cannot import a {type}: pipe the object Invoke-Pester -PassThru returns (Pester.Run) or an Invoke-Build result (Invoke-Build ... -Result r), or give JUnit or NUnit report files with -Path.");
                    WriteError(new ErrorRecord(ex, ErrorId("UnsupportedInput"), ErrorCategory.InvalidType, value));
                }
            }
            catch (FormatException ex)
            {
                var error = new ArgumentException($"The {(PesterRunReader.IsRun(input) ? "Pester run" : "Invoke-Build result")} cannot be imported: {ex.Message} Pipe the object exactly as the tool returned it.", ex);
                WriteError(new ErrorRecord(error, ErrorId("UnsupportedInput"), ErrorCategory.InvalidData, value));
            }
        }

        private void ReadReport(string file)
        {
            try
            {
                ImportedRun run = TestReportReader.ReadFile(file);
                // A report with no timestamp starts at the file's last write time, and that time is part of its run id:
                // two nightly reports with the same tests and times are two runs, while the same file imported twice is one.
                run.Timestamp = run.Timestamp ?? new DateTimeOffset(File.GetLastWriteTime(file));
                Add(run, run.Timestamp.Value, file);
            }
            catch (TestReportException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorId(ex.Problem.ToString()), ex.Problem == TestReportProblem.TooLarge ? ErrorCategory.LimitsExceeded : ErrorCategory.InvalidData, file));
            }
            catch (ProfilerException ex)
            {
                WriteError(ToErrorRecord(ex, file, ex.Kind == ProfilerErrorKind.FileAccessFailed ? ErrorCategory.ReadError : CategoryOf(ex.Kind)));
            }
        }

        /// <summary>Checks the run now, so its error comes in input order and the end of the pipeline only records.</summary>
        private void Add(ImportedRun run, DateTimeOffset fallbackStart, object target)
        {
            try
            {
                run.Validate();
            }
            catch (ProfilerException ex)
            {
                WriteError(ToErrorRecord(ex, target));
                return;
            }
            _pending.Add((run, run.Timestamp ?? fallbackStart, target));
        }

        private IEnumerable<string> ResolveFiles(string[] paths, bool literal)
        {
            foreach (string path in paths)
                foreach (string file in InputPath.Resolve(this, path, literal, "Report", "give the path of a JUnit or NUnit XML file (wildcards allowed with -Path)."))
                    yield return file;
        }
    }
}
