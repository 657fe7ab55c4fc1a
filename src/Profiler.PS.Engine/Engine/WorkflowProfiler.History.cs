using System.Collections.Generic;
using Profiler.PS.Persistence;

namespace Profiler.PS.Engine
{
    public sealed partial class WorkflowProfiler
    {
        /// <summary>The JSON Lines file completed runs are appended to, or null when the workflow has no history folder.</summary>
        public string HistoryFile { get; internal set; }

        /// <summary>The name and settings the history file was last seen to hold (loaded or written by this session), or null.</summary>
        private WorkflowSettings _historySettings;
        /// <summary>While loading: the settings the start gave, which win over those the file holds.</summary>
        private WorkflowSettings _givenSettings;

        /// <summary>
        /// A new workflow holding the history in <paramref name="file"/> (none when it does not exist), read line by
        /// line into the node windows: memory follows the window, not the number of runs in the file. The name and
        /// settings the file holds apply as they change along it; those <paramref name="settings"/> gives win.
        /// </summary>
        internal static WorkflowProfiler LoadHistory(string workflowId, string file, WorkflowSettings settings, IProfilerClock clock, List<string> warnings)
        {
            var wf = new WorkflowProfiler(workflowId, clock) { HistoryFile = file };
            // The file's last window applies from its first line (HistoryWindow), unless the start gives one.
            if (settings?.WindowSize == null && HistoryWindow.Last(file) is int window)
                settings = new WorkflowSettings
                {
                    WorkflowName = settings?.WorkflowName, WindowSize = window, RelativeThreshold = settings?.RelativeThreshold,
                    AbsoluteThreshold = settings?.AbsoluteThreshold, MinimumSamples = settings?.MinimumSamples, HistoryPath = settings?.HistoryPath,
                };
            lock (wf.SyncRoot)
            {
                wf.Apply(settings);
                wf._givenSettings = settings;
                Persistence.HistoryFile.Load(file, workflowId, wf.ReplayLocked, warnings);
                wf._givenSettings = null;
                wf.RefreshComparisonLocked();
            }
            return wf;
        }

        /// <summary>Folds one history record in as the completed run its number says, as Complete would have. Caller holds the lock.</summary>
        private void ReplayLocked(HistoryRecord r)
        {
            if (r.Settings != null)
            {
                _historySettings = r.Settings;
                WorkflowSettings given = _givenSettings;
                Apply(new WorkflowSettings
                {
                    WorkflowName = string.IsNullOrWhiteSpace(given?.WorkflowName) ? r.Settings.WorkflowName : null,
                    WindowSize = given?.WindowSize == null ? r.Settings.WindowSize : null,
                    RelativeThreshold = given?.RelativeThreshold == null ? r.Settings.RelativeThreshold : null,
                    AbsoluteThreshold = given?.AbsoluteThreshold == null ? r.Settings.AbsoluteThreshold : null,
                    MinimumSamples = given?.MinimumSamples == null ? r.Settings.MinimumSamples : null,
                });
            }
            int runNumber = r.RunNumber > _runCount ? r.RunNumber : _runCount + 1;
            foreach (HistoryNode n in r.Nodes) Fold(n.NodeId, n.NodeType, n.NodeLabel, n.Duration, n.SelfDuration ?? n.Duration, n.Executions, runNumber, n.Status);
            _runCount = runNumber;
            KnowRunLocked(r.RunId, runNumber);
            _lastTotal = r.TotalDuration;
            _timestamp = r.EndTime;
            var alerts = new BottleneckAlert[r.Alerts.Length];
            for (int i = 0; i < alerts.Length; i++) alerts[i] = r.Alerts[i].WithRunNumber(runNumber);
            _lastAlerts = alerts;
            if (r.Timeline != null)
            {
                r.Timeline.ShareNodeIds(_lastTimeline);
                _lastTimeline = r.Timeline;
            }
            _runs.Add(r.ToSummary(runNumber, r.Nodes.Length, alerts.Length));
            TrimRunsLocked();
        }

        /// <summary>The workflow's name and settings as a history line stores them. Caller holds the lock.</summary>
        private WorkflowSettings CurrentSettingsLocked() => new WorkflowSettings
        {
            WorkflowName = WorkflowName, WindowSize = WindowSize, RelativeThreshold = Rule.RelativeThreshold,
            AbsoluteThreshold = Rule.AbsoluteThreshold, MinimumSamples = MinimumSamples,
        };

        /// <summary>Completed runs whose history line is not in the file yet, oldest first. Guarded by the workflow's lock.</summary>
        private readonly List<HistoryRecord> _pending = new List<HistoryRecord>();

        /// <summary>How many completed runs wait to be written to the history file (a write failed).</summary>
        public int PendingHistoryWrites { get { lock (SyncRoot) return _pending.Count; } }

        /// <summary>
        /// Writes the runs whose history write is pending, oldest first; each line is appended once (a failed append
        /// leaves the file as it was). A pending run is numbered when it is written, so it may get a later number than the
        /// session gave it when other processes appended meanwhile. Returns how many were written and the error that
        /// stopped the rest, or null.
        /// </summary>
        public ProfilerException SaveHistory(out int written)
        {
            lock (SyncRoot) return FlushPendingLocked(out written);
        }

        /// <summary>
        /// Queues the completed run's history record and writes every pending one; the run takes the number its record
        /// got (<see cref="WorkflowRun.RunNumber"/>). It runs under the workflow's lock so that records land in completion
        /// order; a failure is returned, never thrown: the run is completed in memory and its write stays pending.
        /// </summary>
        private ProfilerException AppendHistoryLocked(WorkflowRun run, WorkflowRunSummary summary, BottleneckAlert[] alerts = null)
        {
            if (HistoryFile == null) return null;
            HistoryRecord record = run != null ? RecordOf(run, summary, alerts) : null;
            if (record != null) _pending.Add(record);
            ProfilerException error = FlushPendingLocked(out _);
            if (record != null && !_pending.Contains(record)) run.RunNumber = record.RunNumber;
            return error;
        }

        private ProfilerException FlushPendingLocked(out int written)
        {
            written = 0;
            while (_pending.Count > 0)
            {
                HistoryRecord next = _pending[0];
                try
                {
                    WorkflowSettings settings = CurrentSettingsLocked();
                    Persistence.HistoryFile.Append(HistoryFile, WorkflowId, next, settings, !SettingsFields.Same(settings, _historySettings));
                    if (next.Settings != null) _historySettings = settings;
                }
                catch (ProfilerException ex)
                {
                    bool one = _pending.Count == 1;
                    return new ProfilerException(ProfilerErrorKind.HistoryWritePending,
                        $"The history write of {PendingRunsLocked()} of workflow '{TerminalText.Safe(WorkflowId)}' is pending: " +
                        (one ? "the run is completed in this session. " : "the runs are completed in this session. ") +
                        Sentence(ex.Message) + (one ? " The run is kept: its write" : " The runs are kept: their write") +
                        " is retried by the next Complete-WorkflowProfile of this workflow, by Save-WorkflowHistory, and when the module is removed or the " +
                        "session ends; if it fails then too, " + (one ? "the run is" : "the runs are") +
                        " written to a recovery file beside the history (or in the temp folder), and a warning names it.", ex);
                }
                _pending.RemoveAt(0);
                written++;
            }
            return null;
        }

        /// <summary>"run 2" or "2 runs (2 to 3)": the pending runs by the numbers this session gave them. Caller holds the lock.</summary>
        private string PendingRunsLocked() => _pending.Count == 1
            ? $"run {_pending[0].RunNumber}"
            : $"{_pending.Count} runs ({_pending[0].RunNumber} to {_pending[_pending.Count - 1].RunNumber})";

        /// <summary><paramref name="text"/> as a sentence that ends in a full stop (one, whatever the text ended with).</summary>
        private static string Sentence(string text) => text.TrimEnd().TrimEnd('.') + ".";

        private static HistoryRecord RecordOf(WorkflowRun run, WorkflowRunSummary summary, BottleneckAlert[] alerts)
        {
            var nodes = new HistoryNode[run.Nodes.Count];
            for (int i = 0; i < nodes.Length; i++)
            {
                RunNode n = run.Nodes[i];
                nodes[i] = new HistoryNode { NodeId = n.NodeId, NodeType = n.NodeType, NodeLabel = n.NodeLabel, Duration = n.Total,
                    SelfDuration = n.SelfTotal, Executions = n.Executions, Status = n.Status };
            }
            HistoryRecord record = HistoryRecord.Of(summary);
            record.Nodes = nodes;
            record.Alerts = alerts;
            return record;
        }
    }
}
