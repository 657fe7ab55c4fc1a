using System.Collections.Generic;
using Profiler.PS.Persistence;

namespace Profiler.PS.Engine
{
    public sealed partial class ProfilerSession
    {
        /// <summary>
        /// Brings <paramref name="workflowId"/>'s history from <paramref name="folder"/> into the session without
        /// starting a run, and returns its profile; the workflow becomes the default target of queries. Runs
        /// completed later are appended to that history, as after Start-WorkflowProfile -HistoryPath. A workflow
        /// already in the session with the same history is returned as it is (it already holds that history and
        /// the runs since); <paramref name="warnings"/> describes damaged lines skipped while loading.
        /// </summary>
        /// <exception cref="ProfilerException">RunNotFound when the folder has no history of the workflow;
        /// HistoryConflict when the workflow is in the session with no or another history; InvalidFile,
        /// FileAccessFailed from reading the file.</exception>
        public WorkflowPerformanceProfile OpenHistory(string folder, string workflowId, out string[] warnings)
        {
            Validation.WorkflowId(workflowId);
            warnings = System.Array.Empty<string>();
            string file = HistoryPathOf(folder, workflowId);
            WorkflowProfiler existing = GetWorkflow(workflowId);
            if (existing != null)
            {
                CheckHistory(existing, folder);
                lock (_gate) existing.StartSequence = ++_startSequence;
                return existing.GetProfile();
            }
            if (!System.IO.File.Exists(file))
                throw new ProfilerException(ProfilerErrorKind.RunNotFound,
                    $"The folder '{folder}' holds no history of workflow '{workflowId}' (no file '{System.IO.Path.GetFileName(file)}'): check -HistoryPath, or run Get-WorkflowProfile -HistoryPath '{folder}' to open every history in it.");
            var list = new List<string>();
            WorkflowProfiler wf = WorkflowProfiler.LoadHistory(workflowId, file, null, Clock, list);
            warnings = list.ToArray();
            lock (_gate)
            {
                // Another thread may have created it meanwhile: the session's copy wins, as a Start would.
                if (_byId.TryGetValue(workflowId, out WorkflowProfiler raced)) return raced.GetProfile();
                Install(wf);
            }
            return wf.GetProfile();
        }
    }
}
