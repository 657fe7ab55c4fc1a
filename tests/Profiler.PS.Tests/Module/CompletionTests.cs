using System;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Tab completion of -WorkflowId and -NodeId through the engine's completion API, as a shell would ask for it.</summary>
    public class CompletionTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();

        public CompletionTests() => _ps.RunClean(@"
            Start-WorkflowProfile build -WorkflowName 'Nightly build'
            Add-NodeTiming compile 10 -NodeType dotnet
            Add-NodeTiming 'compile tests' 5
            Add-NodeTiming ""it's"" 3
            $null = Complete-WorkflowProfile
            Start-WorkflowProfile 'release candidate'
            Add-NodeTiming restore 1
            Start-WorkflowProfile ""O'Brien""
            Start-WorkflowProfile deploy-prod
            Start-WorkflowProfile deploy-test
            Start-WorkflowProfile 'x[1]'
            Start-WorkflowProfile '-dash'");

        public void Dispose() => _ps.Dispose();

        private CompletionResult[] Complete(string input)
        {
            using PowerShell ps = PowerShell.Create(_ps.Runspace);
            return CommandCompletion.CompleteInput(input, input.Length, null, ps).CompletionMatches.ToArray();
        }

        private string[] Texts(string input) => Complete(input).Select(c => c.CompletionText).ToArray();

        [Fact]
        public void Every_WorkflowId_and_NodeId_parameter_of_every_cmdlet_has_its_completer()
        {
            string[] found = _ps.RunClean(@"
                foreach ($command in Get-Command -Module Profiler.PS) {
                    foreach ($p in $command.Parameters.Values) {
                        if ($p.Name -notlike '*WorkflowId' -and $p.Name -notlike '*NodeId') { continue }
                        $completers = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] } | ForEach-Object { $_.Type.Name })
                        '{0} -{1} {2}' -f $command.Name, $p.Name, ($completers -join ',')
                    }
                }").Output.Select(o => o.ToString()).ToArray();
            Assert.Contains("Add-NodeTiming -NodeId NodeIdCompleter", found);
            Assert.Contains("Get-WorkflowProfile -WorkflowId WorkflowIdCompleter", found);
            foreach (string line in found)
            {
                string[] parts = line.Split(' ');
                string expected = parts[1].EndsWith("WorkflowId", StringComparison.Ordinal) ? "WorkflowIdCompleter" : "NodeIdCompleter";
                Assert.True(parts.Length == 3 && parts[2] == expected, $"{parts[0]} {parts[1]} needs [ArgumentCompleter(typeof({expected}))]; it has '{(parts.Length > 2 ? parts[2] : "")}'.");
            }
        }

        [Fact]
        public void An_empty_word_offers_every_workflow_sorted_quoted_when_needed_with_tooltips()
        {
            CompletionResult[] all = Complete("Get-WorkflowProfile -WorkflowId ");
            Assert.Equal(new[] { "'-dash'", "build", "deploy-prod", "deploy-test", "'O''Brien'", "'release candidate'", "'x`[1`]'" },
                all.Select(c => c.CompletionText));
            Assert.Equal(new[] { "-dash", "build", "deploy-prod", "deploy-test", "O'Brien", "release candidate", "x[1]" }, all.Select(c => c.ListItemText));
            Assert.All(all, c => Assert.Equal(CompletionResultType.ParameterValue, c.ResultType));
            Assert.Equal("Nightly build: 1 completed run(s), 3 node(s)", all[1].ToolTip);
            Assert.Contains("a run in flight", all[5].ToolTip);
        }

        [Theory]
        [InlineData("dep", "deploy-prod|deploy-test")]
        [InlineData("DEP", "deploy-prod|deploy-test")]
        [InlineData("d*t", "deploy-test")]
        [InlineData("*can*", "'release candidate'")]
        [InlineData("?uild", "build")]
        [InlineData("'rel", "'release candidate'")]
        [InlineData("\"rel", "\"release candidate\"")]
        [InlineData("'O''B", "'O''Brien'")]
        [InlineData("\"O'B", "\"O'Brien\"")]
        [InlineData("'bu", "'build'")]
        [InlineData("x", "'x`[1`]'")]
        [InlineData("\"x", "\"x``[1``]\"")]
        [InlineData("x[", "'x`[1`]'")]
        [InlineData("zzz", "")]
        public void Prefixes_wildcards_and_typed_quotes_narrow_and_shape_the_candidates(string word, string expected)
        {
            Assert.Equal(expected, string.Join("|", Texts("Get-WorkflowProfile -WorkflowId " + word)));
        }

        [Fact]
        public void Ids_are_wildcard_escaped_only_for_parameters_that_take_wildcards()
        {
            Assert.Equal(new[] { "'x`[1`]'" }, Texts("Get-NodeStatistics -WorkflowId x"));
            Assert.Equal(new[] { "'x[1]'" }, Texts("Start-WorkflowProfile -WorkflowId x"));
            Assert.Equal(new[] { "'x[1]'" }, Texts("Add-NodeTiming a 1 -WorkflowId x"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("'")]
        [InlineData("\"")]
        public void Every_candidate_typed_back_names_exactly_its_workflow(string quote)
        {
            foreach (CompletionResult c in Complete("Get-WorkflowProfile -WorkflowId " + quote))
            {
                var found = _ps.RunClean("Get-WorkflowProfile -WorkflowId " + c.CompletionText).Objects<WorkflowPerformanceProfile>();
                Assert.Equal(c.ListItemText, Assert.Single(found).WorkflowId);
            }
            foreach (CompletionResult c in Complete("Start-WorkflowProfile -WorkflowId " + quote))
            {
                var run = (WorkflowRun)_ps.RunClean($"Start-WorkflowProfile -WorkflowId {c.CompletionText} -Force -PassThru").Single();
                Assert.Equal(c.ListItemText, run.WorkflowId);
            }
        }

        [Fact]
        public void Node_ids_come_from_the_workflows_named_on_the_line_including_runs_in_flight()
        {
            Assert.Equal(new[] { "compile", "'compile tests'", "'it''s'" }, Texts("Get-NodeStatistics -WorkflowId build -NodeId "));
            Assert.Equal(new[] { "restore" }, Texts("Get-NodeStatistics -WorkflowId rel* -NodeId "));
            Assert.Equal(new[] { "compile", "'compile tests'", "'it''s'", "restore" }, Texts("Get-NodeTiming -NodeId "));
            Assert.Equal(new[] { "compile", "'compile tests'", "'it''s'", "restore" }, Texts("Get-NodeStatistics -WorkflowId $nothing -NodeId "));
            Assert.Equal(new[] { "'it''s'" }, Texts("Add-NodeTiming -NodeId it"));
            Assert.Equal(new[] { "compile", "'compile tests'" }, Texts("Get-NodeStatistics -NodeId comp"));
            CompletionResult compile = Complete("Get-NodeStatistics -NodeId compile").First();
            Assert.Equal("compile (dotnet) in build: average 10.0 ms over 1 run(s)", compile.ToolTip);
        }

        [Fact]
        public void Odd_text_on_every_id_parameter_never_throws_and_yields_well_formed_candidates()
        {
            string[] parameters = _ps.RunClean(@"
                foreach ($command in Get-Command -Module Profiler.PS) {
                    foreach ($p in $command.Parameters.Values) {
                        if ($p.Name -like '*WorkflowId' -or $p.Name -like '*NodeId') { '{0} -{1}' -f $command.Name, $p.Name }
                    }
                }").Output.Select(o => o.ToString()).ToArray();
            Assert.NotEmpty(parameters);
            string[] odd = { "", "'", "\"", "''", "'O''", "\"a`\"b", "*", "?", "[", "]", "[a-", "`", "$", "$null", "'unterminated", "\"unterminated",
                "x,", "a,'b", "@(", "{", ";", "|", "\u2018smart", "*'*", "-", new string('a', 1000) };
            foreach (string parameter in parameters)
            {
                foreach (string word in odd)
                {
                    CompletionResult[] results = Complete(parameter + " " + word);
                    Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.CompletionText), $"{parameter} {word}: empty candidate"));
                }
                if (parameter.EndsWith("WorkflowId", StringComparison.Ordinal))
                    Assert.Equal(7, Complete(parameter + " *").Length);
            }
        }

        [Fact]
        public void The_completers_called_directly_with_hostile_arguments_return_quietly()
        {
            PsResult r = _ps.RunClean(@"
                $node = [Profiler.PS.NodeIdCompleter]::new()
                $workflow = [Profiler.PS.WorkflowIdCompleter]::new()
                $bound = @($null, @{}, @{ WorkflowId = { 1 } }, @{ WorkflowId = 42 }, @{ WorkflowId = @($null, '[') }, @{ WorkflowId = '[' }, @{ WorkflowId = 'build' })
                foreach ($b in $bound) {
                    foreach ($w in @($null, '', ""'"", '[', '`', '*')) {
                        @($node.CompleteArgument('Get-NodeStatistics', 'NodeId', $w, $null, $b)).Count
                        @($workflow.CompleteArgument($null, $null, $w, $null, $b)).Count
                    }
                }");
            int[] counts = r.Output.Select(o => (int)o.BaseObject).ToArray();
            Assert.Equal(7 * 6 * 2, counts.Length);
            Assert.Equal(4, counts[0]);                  // no -WorkflowId: every node
            Assert.Equal(7, counts[1]);                  // every workflow
            Assert.Equal(0, counts[5 * 12]);            // -WorkflowId '[' (no such workflow): no node
            Assert.Equal(3, counts[6 * 12]);            // -WorkflowId build: its three nodes
        }
    }
}
