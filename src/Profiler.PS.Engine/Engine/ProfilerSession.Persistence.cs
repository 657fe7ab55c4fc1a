using System;
using System.Collections.Generic;
using Profiler.PS.Persistence;

namespace Profiler.PS.Engine
{
    /// <summary>What importing a workflow that already exists in the session does.</summary>
    public enum ImportMode
    {
        /// <summary>Refuse: the session keeps its workflow and nothing is imported.</summary>
        Add,
        /// <summary>Merge the file's runs with the session's, in time order.</summary>
        Merge,
        /// <summary>Replace the session's workflow with the file's.</summary>
        Replace,
    }

    public sealed partial class ProfilerSession
    {
        /// <summary>Writes the completed history of <paramref name="workflows"/> to <paramref name="path"/> as a profile file (JSON).</summary>
        /// <exception cref="ProfilerException">FileAccessFailed.</exception>
        public void ExportProfile(string path, IReadOnlyList<WorkflowProfiler> workflows)
            => ExportProfile(path, workflows, ProfileExportFormat.Json);

        /// <summary>
        /// Writes <paramref name="workflows"/> to <paramref name="path"/> in <paramref name="format"/>. Json is the full,
        /// re-importable profile; the others are views for other tools (CSV files start with a UTF-8 byte order mark
        /// so spreadsheets read non-ASCII names right).
        /// </summary>
        /// <exception cref="ProfilerException">FileAccessFailed.</exception>
        public void ExportProfile(string path, IReadOnlyList<WorkflowProfiler> workflows, ProfileExportFormat format)
        {
            if (format == ProfileExportFormat.Json)
            {
                var states = new WorkflowState[workflows.Count];
                for (int i = 0; i < states.Length; i++) states[i] = workflows[i].CaptureState();
                AtomicFile.WriteAllText(path, ProfileJsonWriter.Write(states));
                return;
            }
            var sources = new Export.ExportSource[workflows.Count];
            for (int i = 0; i < sources.Length; i++) sources[i] = new Export.ExportSource(workflows[i]);
            switch (format)
            {
                case ProfileExportFormat.Csv: AtomicFile.WriteAllText(path, Export.CsvExport.Statistics(sources), bom: true); break;
                case ProfileExportFormat.SamplesCsv: AtomicFile.WriteAllText(path, Export.CsvExport.Samples(sources), bom: true); break;
                case ProfileExportFormat.ChromeTrace: AtomicFile.WriteAllText(path, Export.ChromeTraceExport.Write(sources)); break;
                case ProfileExportFormat.Speedscope: AtomicFile.WriteAllText(path, Export.SpeedscopeExport.Write(sources)); break;
                case ProfileExportFormat.Markdown: AtomicFile.WriteAllText(path, Export.MarkdownExport.Write(sources)); break;
                default: throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format.");
            }
        }

        /// <summary>
        /// Imports every workflow of the profile file at <paramref name="path"/>, all or nothing: the file is read and
        /// validated, and every conflict checked, before the session changes. Returns the imported workflows' profiles.
        /// </summary>
        /// <exception cref="ProfilerException">InvalidFile, FileAccessFailed, WorkflowExists, RunInProgress or RunsOverlap; nothing was imported.</exception>
        public WorkflowPerformanceProfile[] ImportProfile(string path, ImportMode mode)
        {
            WorkflowState[] states = ProfileJsonReader.ReadFile(path);
            var built = new WorkflowProfiler[states.Length];
            lock (_gate)
            {
                for (int i = 0; i < states.Length; i++)
                {
                    WorkflowState incoming = states[i];
                    if (!_byId.TryGetValue(incoming.WorkflowId, out WorkflowProfiler existing))
                    {
                        built[i] = WorkflowProfiler.FromState(incoming, Clock);
                        continue;
                    }
                    string id = existing.WorkflowId;
                    if (mode == ImportMode.Add)
                        throw new ProfilerException(ProfilerErrorKind.WorkflowExists,
                            $"Workflow '{id}' from '{path}' is already in this session: use -Merge to add its runs in time order, -Replace to overwrite it, or Clear-WorkflowProfile {id} first. Nothing was imported.");
                    if (existing.CurrentRun is WorkflowRun run)
                        throw new ProfilerException(ProfilerErrorKind.RunInProgress,
                            $"Run {run.RunNumber} of workflow '{id}' is in flight: complete it with Complete-WorkflowProfile before importing '{path}'. Nothing was imported.");
                    if (mode == ImportMode.Replace)
                    {
                        built[i] = WorkflowProfiler.FromState(incoming, Clock);
                        built[i].HistoryFile = existing.HistoryFile;
                        continue;
                    }
                    WorkflowState current = existing.CaptureState();
                    HashSet<Guid> ids = WorkflowProfiler.RunIds(current);
                    foreach (WorkflowRunSummary r in incoming.Runs)
                        if (ids.Contains(r.RunId))
                            throw new ProfilerException(ProfilerErrorKind.RunsOverlap,
                                $"Run {r.RunId} of workflow '{id}' in '{path}' is already in this session (was the file imported before?): use -Replace to overwrite the session's workflow instead. Nothing was imported.");
                    built[i] = WorkflowProfiler.FromState(ProfileMerge.Merge(current, incoming), Clock);
                    built[i].HistoryFile = existing.HistoryFile;   // runs completed from now on still go to its history
                }
                for (int i = 0; i < built.Length; i++) Install(built[i]);
            }
            var profiles = new WorkflowPerformanceProfile[built.Length];
            for (int i = 0; i < built.Length; i++) profiles[i] = built[i].GetProfile();
            return profiles;
        }

        /// <summary>Adds <paramref name="wf"/>, or puts it in the place of the workflow with its id. Caller holds the gate.</summary>
        private void Install(WorkflowProfiler wf)
        {
            if (_byId.TryGetValue(wf.WorkflowId, out WorkflowProfiler old)) _order[_order.IndexOf(old)] = wf;
            else _order.Add(wf);
            _byId[wf.WorkflowId] = wf;
            wf.StartSequence = ++_startSequence;
        }
    }
}
