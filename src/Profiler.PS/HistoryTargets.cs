using System;
using System.Collections.Generic;
using System.Management.Automation;
using Profiler.PS.Persistence;

namespace Profiler.PS
{
    /// <summary>The history files a maintenance cmdlet (Remove-, Repair-WorkflowHistory) works on: a folder and the ids in it.</summary>
    internal static class HistoryTargets
    {
        /// <summary>
        /// The folder: <paramref name="historyPath"/> resolved against the current location, else the session's
        /// default (Set-ProfilerOption -HistoryPath). Null, after a terminating error, when there is neither.
        /// </summary>
        public static string Folder(ProfilerCmdletBase cmdlet, string historyPath)
        {
            if (!string.IsNullOrEmpty(historyPath)) return cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(historyPath);
            string folder = cmdlet.Session.DefaultHistoryPath;
            if (folder != null) return folder;
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("No history folder is given: use -HistoryPath <folder>, or set a default with Set-ProfilerOption -HistoryPath."),
                cmdlet.ErrorId("NoHistoryPath"), ErrorCategory.InvalidArgument, null));
            return null;
        }

        /// <summary>
        /// The history entries for <paramref name="ids"/> in <paramref name="folder"/>: wildcards match the ids the files
        /// hold unless one is that id literally (<see cref="IdPattern"/>; an invalid pattern is &lt;Verb&gt;&lt;Noun&gt;InvalidPattern);
        /// a literal id without a file writes an ObjectNotFound error (&lt;Verb&gt;&lt;Noun&gt;HistoryNotFound).
        /// </summary>
        public static List<HistoryEntry> Resolve(ProfilerCmdletBase cmdlet, string folder, string[] ids)
        {
            var result = new List<HistoryEntry>();
            HistoryEntry[] all = null;
            foreach (string id in ids)
            {
                if (id != null && WildcardPattern.ContainsWildcardCharacters(id))
                {
                    // The one id rule: 'x[1]' removes or repairs the history of x[1] when the folder holds one, never x1's.
                    List<HistoryEntry> named = IdPattern.Select(id, all ?? (all = HistoryFolder.List(folder)), h => h.WorkflowId, out string invalid);
                    foreach (HistoryEntry e in named)
                        if (!result.Exists(x => x.Path == e.Path)) result.Add(e);
                    if (invalid != null)
                        cmdlet.WriteError(new ErrorRecord(new ArgumentException(invalid + "."), cmdlet.ErrorId("InvalidPattern"), ErrorCategory.InvalidArgument, id));
                    continue;
                }
                string literal = WildcardPattern.Unescape(id ?? "");
                HistoryEntry found = HistoryFolder.Find(folder, literal);
                if (found != null) { if (!result.Exists(x => x.Path == found.Path)) result.Add(found); continue; }
                cmdlet.WriteError(new ErrorRecord(
                    new ItemNotFoundException($"The folder '{folder}' holds no history of workflow '{literal}'. Run Get-WorkflowProfile -HistoryPath '{folder}' to see the workflows it holds."),
                    cmdlet.ErrorId("HistoryNotFound"), ErrorCategory.ObjectNotFound, literal));
            }
            return result;
        }
    }
}
