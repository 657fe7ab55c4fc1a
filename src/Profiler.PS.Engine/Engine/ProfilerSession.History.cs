using System;
using System.Collections.Generic;
using System.IO;
using Profiler.PS.Persistence;

namespace Profiler.PS.Engine
{
    public sealed partial class ProfilerSession
    {
        private string _defaultHistoryPath;

        /// <summary>
        /// The history folder of workflows created from now on when their start gives none (Set-ProfilerOption
        /// -HistoryPath); null for none. Workflows already in the session keep theirs.
        /// </summary>
        public string DefaultHistoryPath
        {
            get { lock (_gate) return _defaultHistoryPath; }
            set
            {
                if (value != null && string.IsNullOrWhiteSpace(value))
                    throw new ProfilerException(ProfilerErrorKind.InvalidSetting, "HistoryPath is empty: give a folder, or $null for none.");
                if (value != null) HistoryLocation.CheckWritableFolder(value);
                lock (_gate) _defaultHistoryPath = value;
            }
        }

        /// <summary>The workflow loaded from its history folder when it does not exist yet and has one; else null.</summary>
        private WorkflowProfiler LoadIfNew(string workflowId, WorkflowSettings settings, out string[] warnings)
        {
            warnings = Array.Empty<string>();
            string folder = settings?.HistoryPath ?? DefaultHistoryPath;
            if (folder == null || GetWorkflow(workflowId) != null) return null;
            var list = new List<string>();
            string file = HistoryPathOf(folder, workflowId);
            HistoryLocation.CheckUsable(file);
            WorkflowProfiler wf = WorkflowProfiler.LoadHistory(workflowId, file, settings, Clock, list);
            warnings = list.ToArray();
            return wf;
        }

        /// <summary>A start naming a history folder for a workflow that exists must name the one it already has.</summary>
        private static void CheckHistory(WorkflowProfiler wf, string folder)
        {
            if (folder == null) return;
            string file = HistoryPathOf(folder, wf.WorkflowId);
            // Windows file names ignore case; elsewhere two spellings are two files.
            StringComparison comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (string.Equals(file, wf.HistoryFile, comparison)) return;
            string now = wf.HistoryFile == null ? "no history folder" : $"the history '{wf.HistoryFile}'";
            throw new ProfilerException(ProfilerErrorKind.HistoryConflict,
                $"Workflow '{wf.WorkflowId}' is already in this session with {now}; history is loaded only when a workflow is created. Run Clear-WorkflowProfile {wf.WorkflowId} first, then start it with -HistoryPath.");
        }

        private static string HistoryPathOf(string folder, string workflowId)
        {
            try
            {
                return HistoryFileName.PathIn(folder, workflowId);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                throw new ProfilerException(ProfilerErrorKind.InvalidSetting, $"HistoryPath '{folder}' is not a usable folder path: {ex.Message}");
            }
        }
    }
}
