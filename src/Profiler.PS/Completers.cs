using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>Completes -WorkflowId from the workflows of the current session.</summary>
    public sealed class WorkflowIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var ids = new List<string>();
            foreach (WorkflowProfiler wf in ProfilerState.Current.Session.GetWorkflows()) ids.Add(wf.WorkflowId);
            return CompletionText.Complete(ids, wordToComplete, id => ProfilerState.Current.Session.GetWorkflow(id)?.WorkflowName);
        }
    }

    /// <summary>Completes -NodeId from the nodes of the workflow named by -WorkflowId, else of every workflow.</summary>
    public sealed class NodeIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            ProfilerSession session = ProfilerState.Current.Session;
            string workflowFilter = null;
            if (fakeBoundParameters != null && fakeBoundParameters.Contains("WorkflowId"))
                workflowFilter = LanguagePrimitives.ConvertTo<string[]>(fakeBoundParameters["WorkflowId"]) is string[] a && a.Length > 0 ? a[0] : null;
            var pattern = new WildcardPattern(string.IsNullOrEmpty(workflowFilter) ? "*" : workflowFilter, WildcardOptions.IgnoreCase);
            var ids = new List<string>();
            var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (WorkflowProfiler wf in session.GetWorkflows())
            {
                if (!pattern.IsMatch(wf.WorkflowId)) continue;
                foreach (NodePerformanceData n in wf.GetNodeStatistics()) Add(n.NodeId, n.NodeLabel);
                if (wf.CurrentRun is WorkflowRun run)
                    foreach (NodeTiming t in run.GetTimings()) Add(t.NodeId, t.NodeLabel);
            }
            return CompletionText.Complete(ids, wordToComplete, id => labels.TryGetValue(id, out string l) ? l : null);

            void Add(string id, string label)
            {
                if (labels.ContainsKey(id)) return;
                labels[id] = label;
                ids.Add(id);
            }
        }
    }

    /// <summary>Shared matching and quoting of completion candidates.</summary>
    internal static class CompletionText
    {
        public static IEnumerable<CompletionResult> Complete(List<string> candidates, string wordToComplete, Func<string, string> tooltip)
        {
            string word = Unquote(wordToComplete ?? string.Empty);
            var pattern = new WildcardPattern(WildcardPattern.Escape(word).Replace("`*", "*").Replace("`?", "?") + "*", WildcardOptions.IgnoreCase);
            candidates.Sort(StringComparer.OrdinalIgnoreCase);
            var results = new List<CompletionResult>();
            foreach (string id in candidates)
            {
                if (!pattern.IsMatch(id)) continue;
                string tip = tooltip(id);
                results.Add(new CompletionResult(Quote(id), id, CompletionResultType.ParameterValue, string.IsNullOrEmpty(tip) ? id : tip));
            }
            return results;
        }

        private static string Unquote(string word)
        {
            if (word.Length > 0 && (word[0] == '\'' || word[0] == '"')) word = word.Substring(1);
            if (word.Length > 0 && (word[word.Length - 1] == '\'' || word[word.Length - 1] == '"')) word = word.Substring(0, word.Length - 1);
            return word;
        }

        /// <summary>Single-quotes ids that the parser would otherwise split or expand.</summary>
        private static string Quote(string id)
        {
            foreach (char c in id)
            {
                if (char.IsWhiteSpace(c) || "'\"`$&|;,(){}[]@#<>".IndexOf(c) >= 0)
                    return "'" + id.Replace("'", "''") + "'";
            }
            return id;
        }
    }
}
