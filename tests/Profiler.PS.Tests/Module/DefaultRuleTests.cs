using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// The one target policy (issue 13, issue 14 "one default rule"): every cmdlet that targets workflows of the session
    /// is run in the same three situations (nothing profiled, an unknown id, a default workflow with no data while another
    /// has some) and must answer the same way: the same ErrorId problem part, category and message, the same warning.
    /// </summary>
    public sealed class DefaultRuleTests : IDisposable
    {
        private enum Default { Latest, RunInFlight, Every, EveryOrNone }

        private sealed class Target
        {
            public Target(string command, Default rule, bool stops) { Command = command; Rule = rule; Stops = stops; }
            public string Command { get; }
            public Default Rule { get; }
            /// <summary>Nothing profiled stops it (a gate, a file) rather than writing a non-terminating error.</summary>
            public bool Stops { get; }
            public string Prefix => Command.Split(' ')[0].Replace("-", "");
            public override string ToString() => Command.Split(' ')[0];
        }

        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        /// <summary>Every query, export and gate cmdlet that takes -WorkflowId for workflows of the session.</summary>
        private Target[] Targets() => new[]
        {
            new Target("Get-NodeStatistics", Default.Latest, false),
            new Target("Get-Bottleneck", Default.Latest, false),
            new Target("Get-WorkflowRecommendation", Default.Latest, false),
            new Target("Show-Heatmap", Default.Latest, false),
            new Target("Compare-WorkflowRun", Default.Latest, false),
            new Target("Test-WorkflowBudget -NodeId a -Maximum 100", Default.Latest, true),
            new Target("Get-NodeTiming", Default.RunInFlight, false),
            new Target($"Export-WorkflowReport -Path '{_dir.File("r.html")}'", Default.Every, true),
            new Target($"Export-WorkflowProfile -Path '{_dir.File("p.json")}'", Default.Every, true),
            new Target("Get-WorkflowProfile", Default.EveryOrNone, false),
            new Target("Save-WorkflowHistory", Default.EveryOrNone, false),
        };

        /// <summary>Collects every broken expectation, so one run names every cmdlet that strays from the policy.</summary>
        private static void AssertAll(List<string> broken) => Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));

        [Fact]
        public void Nothing_profiled_is_one_NoWorkflow_error_that_stops_only_gates_and_files()
        {
            using var ps = new PsSession();
            var broken = new List<string>();
            var messages = new HashSet<string>();
            foreach (Target t in Targets())
            {
                PsResult r = ps.Run(t.Command);
                if (t.Rule == Default.EveryOrNone)
                {
                    if (r.Errors.Count + r.Output.Count + r.Warnings.Count > 0) broken.Add($"{t}: a listing of an empty session should write nothing");
                    continue;
                }
                ErrorRecord e = r.Errors.SingleOrDefault();
                if (e == null || !e.FullyQualifiedErrorId.StartsWith(t.Prefix + "NoWorkflow,", StringComparison.Ordinal))
                {
                    broken.Add($"{t}: expected one {t.Prefix}NoWorkflow, got [{string.Join(" | ", r.Errors.Select(x => x.FullyQualifiedErrorId))}]");
                    continue;
                }
                if (e.CategoryInfo.Category != ErrorCategory.ObjectNotFound) broken.Add($"{t}: category {e.CategoryInfo.Category}");
                messages.Add(e.Exception.Message);
                // -ErrorAction SilentlyContinue hides a non-terminating error; only a terminating one reaches catch.
                PsResult caught = ps.Run($"try {{ {t.Command} -ErrorAction SilentlyContinue }} catch {{ 'stopped' }}");
                bool stopped = caught.Output.Any(o => "stopped".Equals(o?.BaseObject));
                if (stopped != t.Stops) broken.Add($"{t}: stops={stopped}, the policy says {t.Stops}");
            }
            if (messages.Count != 1) broken.Add("messages differ: " + string.Join(" | ", messages));
            AssertAll(broken);
            Assert.Contains("Start-WorkflowProfile", messages.Single());
            Assert.Empty(System.IO.Directory.GetFiles(_dir.Path));   // no export wrote a file
        }

        [Fact]
        public void An_unknown_id_is_one_WorkflowNotFound_error_for_every_cmdlet_and_the_others_are_still_served()
        {
            using var ps = new PsSession();
            ps.RunClean("Start-WorkflowProfile build; Add-NodeTiming a 5; $null = Complete-WorkflowProfile");
            var broken = new List<string>();
            var messages = new HashSet<string>();
            foreach (Target t in Targets().Append(new Target("Clear-WorkflowProfile -Confirm:$false", Default.EveryOrNone, false)))
            {
                PsResult r = ps.Run(t.Command + " -WorkflowId nope");
                ErrorRecord e = r.Errors.FirstOrDefault(x => x.FullyQualifiedErrorId.StartsWith(t.Prefix + "WorkflowNotFound,", StringComparison.Ordinal));
                if (e == null || r.Errors.Count(x => x.FullyQualifiedErrorId.Contains("WorkflowNotFound")) != 1)
                {
                    broken.Add($"{t}: expected one {t.Prefix}WorkflowNotFound, got [{string.Join(" | ", r.Errors.Select(x => x.FullyQualifiedErrorId))}]");
                    continue;
                }
                if (e.CategoryInfo.Category != ErrorCategory.ObjectNotFound) broken.Add($"{t}: category {e.CategoryInfo.Category}");
                if (!"nope".Equals(e.TargetObject)) broken.Add($"{t}: target {e.TargetObject}");
                messages.Add(e.Exception.Message);
            }
            if (messages.Count != 1) broken.Add("messages differ: " + string.Join(" | ", messages));
            AssertAll(broken);
            // Non-terminating: the workflow named next to the unknown one is still served.
            Assert.Single(ps.Run("Get-Bottleneck -WorkflowId nope, build").Objects<BottleneckInfo>());
        }

        [Fact]
        public void A_default_with_no_data_while_another_has_some_warns_once_naming_it()
        {
            using var ps = new PsSession();
            ps.RunClean("Start-WorkflowProfile build; Add-NodeTiming a 5; $null = Complete-WorkflowProfile; Start-WorkflowProfile empty");
            const string Expected = "Workflow 'empty' (the default, the most recently started workflow) has no completed run yet, but 'build' has: give -WorkflowId to query another workflow.";
            var broken = new List<string>();
            foreach (Target t in Targets())
            {
                PsResult r = ps.Run(t.Command + " -Verbose");
                // Queries about one workflow warn once (Show-Heatmap's own "nothing to draw" is not repeated); the others
                // take every workflow or the run in flight, so the default's emptiness is no surprise there.
                bool ok = t.Rule == Default.Latest ? r.Warnings.SequenceEqual(new[] { Expected }) : !r.Warnings.Any(w => w.Contains("(the default"));
                if (!ok) broken.Add($"{t}: warnings [{string.Join(" | ", r.Warnings)}]");
                bool saysDefault = r.Verbose.Any(v => v.StartsWith("No -WorkflowId: using workflow 'empty'", StringComparison.Ordinal));
                if (saysDefault != (t.Rule == Default.Latest || t.Rule == Default.RunInFlight)) broken.Add($"{t}: verbose [{string.Join(" | ", r.Verbose)}]");
            }
            AssertAll(broken);
        }

        [Fact]
        public void One_off_runs_never_become_the_default_but_a_workflow_started_as_adhoc_does()
        {
            using var ps = new PsSession();
            ps.RunClean("Start-WorkflowProfile build; Add-NodeTiming sort 5; $null = Complete-WorkflowProfile; Measure-WorkflowNode lint { }");
            Assert.True((bool)ps.RunClean("(Get-WorkflowProfile adhoc).RunCount -eq 1").Single());
            var broken = new List<string>();
            foreach (Target t in Targets().Where(x => x.Rule == Default.Latest))
            {
                PsResult r = ps.Run(t.Command + " -Verbose");
                if (!r.Verbose.Any(v => v.StartsWith("No -WorkflowId: using workflow 'build'", StringComparison.Ordinal))) broken.Add($"{t}: verbose [{string.Join(" | ", r.Verbose)}]");
                if (!r.Verbose.Any(v => v.Contains("One-off runs (workflow 'adhoc') are never the default target"))) broken.Add($"{t}: does not say the one-off was passed over");
                // 'build' has one run: Get-WorkflowRecommendation's too-few-runs warning is expected (NotEnoughHistoryTests), no other.
                if (r.Warnings.Any(w => !w.StartsWith("Nothing to recommend yet: workflow 'build' has 1 completed run", StringComparison.Ordinal)))
                    broken.Add($"{t}: warnings [{string.Join(" | ", r.Warnings)}]");
            }
            AssertAll(broken);
            Assert.True((bool)ps.RunClean("Test-WorkflowBudget -NodeId sort -Maximum 10 -Quiet").Single());   // checks build, not adhoc

            // Started explicitly, 'adhoc' is an ordinary workflow and the default like any other.
            ps.RunClean("Start-WorkflowProfile adhoc; Add-NodeTiming step 7; $null = Complete-WorkflowProfile");
            PsResult after = ps.RunClean("Get-Bottleneck -Verbose");
            Assert.Contains("No -WorkflowId: using workflow 'adhoc', the most recently started workflow.", after.Verbose);
            Assert.Contains("step", after.Objects<BottleneckInfo>().Select(b => b.NodeId));
        }

        [Fact]
        public void Only_one_off_workflows_are_still_the_default_when_nothing_else_exists()
        {
            using var ps = new PsSession();
            ps.RunClean("Measure-WorkflowNode lint { }");
            Assert.Equal("lint", Assert.Single(ps.RunClean("Get-Bottleneck").Objects<BottleneckInfo>()).NodeId);
        }

        [Fact]
        public void Every_cmdlet_that_takes_a_session_workflow_id_uses_the_template_base()
        {
            using var ps = new PsSession();
            // Creators name a new workflow and history cmdlets name files: they do not target the session's workflows.
            var others = new[] { "Start-WorkflowProfile", "Import-WorkflowRun", "Measure-WorkflowScript", "Remove-WorkflowHistory", "Repair-WorkflowHistory" };
            string[] strays = ps.RunClean(@"Get-Command -Module Profiler.PS | Where-Object { $_.Parameters.ContainsKey('WorkflowId') } |
                Where-Object { -not $_.ImplementingType.IsSubclassOf([Profiler.PS.WorkflowTargetCmdletBase]) } | ForEach-Object Name")
                .Output.Select(o => o.ToString()).Except(others).ToArray();
            Assert.Empty(strays);
            string[] inTable = Targets().Select(t => t.ToString()).ToArray();
            string[] queries = ps.RunClean("Get-Command -Module Profiler.PS | Where-Object { $_.ImplementingType.IsSubclassOf([Profiler.PS.WorkflowsCmdletBase]) -or $_.ImplementingType.IsSubclassOf([Profiler.PS.WorkflowCmdletBase]) } | ForEach-Object Name")
                .Output.Select(o => o.ToString()).Where(n => n != "Clear-WorkflowProfile").ToArray();
            Assert.Equal(queries.OrderBy(n => n), inTable.OrderBy(n => n));   // the table above covers every one of them
        }
    }
}
