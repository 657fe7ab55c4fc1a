using System.Collections.Generic;
using System.Diagnostics;
using Profiler.PS.Persistence;

namespace Profiler.PS.Engine
{
    // The last chance of pending history writes: the one place that decides what happens to runs whose write still fails as the session ends.
    public sealed partial class WorkflowProfiler
    {
        /// <summary>
        /// Retries the pending history writes one last time because the session is ending (<paramref name="occasion"/>, as
        /// "when the module was removed"); when the history still cannot be written, their records go to a recovery file
        /// (<see cref="RecoveryFile"/>) and stop being pending, and the notice names the file and the command that appends it
        /// to the history. When not even a recovery file can be written, the runs stay pending (the session may go on) and
        /// the notice carries their records. Null when nothing was pending or the retry wrote everything.
        /// </summary>
        /// <param name="occasion">Why the session ends, to finish "failed again ...".</param>
        /// <param name="lastError">The failure of a write just tried (a run completed at the session's end): not retried at once,
        /// since a history locked by another process costs a lock timeout per try.</param>
        public SessionEndNotice SaveHistoryAtEnd(string occasion, ProfilerException lastError = null)
        {
            lock (SyncRoot)
            {
                if (_pending.Count == 0) return null;
                ProfilerException error = lastError ?? FlushPendingLocked(out _);
                if (error == null) return null;
                bool one = _pending.Count == 1;
                string cause = Sentence((error.InnerException ?? error).Message);
                string head = $"The history write of {PendingRunsLocked()} of workflow '{TerminalText.Safe(WorkflowId)}' failed again {occasion} (the last retry). {cause} ";
                var failures = new List<string>();
                string text = RecoveryFile.Text(WorkflowId, _pending, CurrentSettingsLocked());
                string file = RecoveryFile.Write(HistoryFile, text, Clock.Now, ProcessId(), failures);
                if (file == null)
                {
                    string lines = text.Trim('\n');
                    return new SessionEndNotice(WorkflowId, head +
                        $"No recovery file could be written either ({string.Join("; ", failures)}), so {(one ? "the run is" : "the runs are")} lost when " +
                        $"this session ends unless you keep {(one ? "its record" : "their records")}, printed below as JSON lines: save the lines to a file and, " +
                        $"once the history can be written, append that file to it (each record takes the next run number there):\n    {AppendCommand("<file>", HistoryFile)}\n" +
                        lines, null, true);
                }
                _pending.Clear();
                return new SessionEndNotice(WorkflowId, head +
                    $"So that {(one ? "the run is" : "the runs are")} not lost, {(one ? "its record was" : "their records were")} saved to the recovery file " +
                    $"'{TerminalText.Safe(file)}'. Once the history can be written again, append that file to it (each record takes the next run number " +
                    "there; do it while no other session writes to the history), then delete the file:\n" +
                    $"    {AppendCommand(file, HistoryFile)}; Remove-Item -LiteralPath {Quoted(file)}", file, true);
            }
        }

        /// <summary>The PowerShell command that appends the lines of <paramref name="from"/> to the history <paramref name="to"/>, as UTF-8 in Windows PowerShell too.</summary>
        private static string AppendCommand(string from, string to)
            => $"Get-Content -LiteralPath {Quoted(from)} -Encoding UTF8 | Add-Content -LiteralPath {Quoted(to)} -Encoding UTF8";

        /// <summary><paramref name="path"/> as a PowerShell single-quoted string (quote characters doubled), safe to print.</summary>
        private static string Quoted(string path) => SingleQuoted.Of(TerminalText.Safe(path));

        private static int ProcessId()
        {
            using (Process self = Process.GetCurrentProcess()) return self.Id;
        }
    }
}
