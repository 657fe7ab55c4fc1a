using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// Completes -WorkflowId from the workflows of the current session: wildcard-aware, quoted when needed,
    /// with the workflow's name, run count and node count as the tooltip.
    /// </summary>
    public sealed class WorkflowIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            // Tab must never fail in the user's face: any surprise yields no candidates instead.
            try
            {
                var candidates = new List<CompletionCandidate>();
                foreach (WorkflowProfiler wf in ProfilerState.Current.Session.GetWorkflows())
                {
                    WorkflowPerformanceProfile p = wf.GetProfile();
                    string tip = string.Format(CultureInfo.CurrentCulture, "{0}: {1} completed run(s), {2} node(s){3}",
                        p.WorkflowName, p.RunCount, p.NodeData.Length, p.IsRunInProgress ? ", a run in flight" : string.Empty);
                    candidates.Add(new CompletionCandidate(wf.WorkflowId, tip));
                }
                return CompletionText.Complete(candidates, commandName, parameterName, wordToComplete);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }

    /// <summary>
    /// Completes -NodeId from the nodes of the workflows named by -WorkflowId (wildcards allowed), else of every
    /// workflow: completed nodes and those recorded so far in runs in flight.
    /// </summary>
    public sealed class NodeIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                List<Func<string, bool>> workflowFilters = WorkflowFilters(fakeBoundParameters);
                var candidates = new List<CompletionCandidate>();
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (WorkflowProfiler wf in ProfilerState.Current.Session.GetWorkflows())
                {
                    if (workflowFilters.Count > 0 && !workflowFilters.Exists(f => f(wf.WorkflowId))) continue;
                    foreach (NodePerformanceData n in wf.GetNodeStatistics())
                    {
                        if (!seen.Add(n.NodeId)) continue;
                        candidates.Add(new CompletionCandidate(n.NodeId, n.AvgDuration is double avg
                            ? string.Format(CultureInfo.CurrentCulture, "{0}{1} in {2}: average {3:N1} ms over {4} run(s)", n.NodeLabel,
                                TypeSuffix(n.NodeType), wf.WorkflowId, avg, n.Durations.Length)
                            : string.Format(CultureInfo.CurrentCulture, "{0}{1} in {2}: no successful run", n.NodeLabel,
                                TypeSuffix(n.NodeType), wf.WorkflowId)));
                    }
                    if (!(wf.CurrentRun is WorkflowRun run)) continue;
                    foreach (NodeTiming t in run.GetTimings())
                        if (seen.Add(t.NodeId))
                            candidates.Add(new CompletionCandidate(t.NodeId, string.Format(CultureInfo.CurrentCulture,
                                "{0}{1} in {2}: recorded in the run in flight", t.NodeLabel, TypeSuffix(t.NodeType), wf.WorkflowId)));
                }
                return CompletionText.Complete(candidates, commandName, parameterName, wordToComplete);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return Array.Empty<CompletionResult>();
            }
        }

        private static string TypeSuffix(string nodeType) => string.IsNullOrEmpty(nodeType) ? string.Empty : " (" + nodeType + ")";

        /// <summary>Matchers for the -WorkflowId values already typed on the line, if any.</summary>
        private static List<Func<string, bool>> WorkflowFilters(IDictionary fakeBoundParameters)
        {
            var filters = new List<Func<string, bool>>();
            if (fakeBoundParameters == null || !fakeBoundParameters.Contains("WorkflowId")) return filters;
            object value = fakeBoundParameters["WorkflowId"];
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            // Plain values and lists of them filter; anything else (a script block, an object) leaves every workflow.
            IEnumerable items = value is string || value is IConvertible ? new[] { value } : value as IEnumerable;
            if (items == null) return filters;
            foreach (object item in items)
            {
                string id = (item is PSObject p ? p.BaseObject : item) is IConvertible c ? c.ToString(CultureInfo.InvariantCulture) : null;
                if (!string.IsNullOrEmpty(id)) filters.Add(CompletionText.Matcher(id, prefix: false));
            }
            return filters;
        }
    }

    /// <summary>
    /// Completes -Run and -Baseline of Compare-WorkflowRun with the completed run numbers of the workflow named by
    /// -WorkflowId (else the default workflow), latest first, each with its start time and total as the tooltip.
    /// </summary>
    public sealed class RunNumberCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                ProfilerSession session = ProfilerState.Current.Session;
                object id = fakeBoundParameters != null && fakeBoundParameters.Contains("WorkflowId") ? fakeBoundParameters["WorkflowId"] : null;
                if (id is PSObject wrapped) id = wrapped.BaseObject;
                WorkflowProfiler wf = id is string name ? session.GetWorkflow(name) : session.DefaultWorkflow;
                var results = new List<CompletionResult>();
                if (wf == null) return results;
                WorkflowRunSummary[] runs = wf.GetProfile().Runs;
                for (int i = runs.Length - 1; i >= 0; i--)
                {
                    string number = runs[i].RunNumber.ToString(CultureInfo.InvariantCulture);
                    if (!number.StartsWith(wordToComplete ?? "", StringComparison.Ordinal)) continue;
                    string tip = string.Format(CultureInfo.CurrentCulture, "run {0} of {1}: started {2:g}, {3:N1} ms",
                        number, wf.WorkflowId, runs[i].StartTime.LocalDateTime, runs[i].TotalDuration);
                    results.Add(new CompletionResult(number, number, CompletionResultType.ParameterValue, tip));
                }
                return results;
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
