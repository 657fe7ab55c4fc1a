using System;
using System.IO;
using System.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>The rewriter's contracts through Measure-WorkflowScript in the real engine: names, nesting, lines, $?, returns, statuses.</summary>
    public class MeasureWorkflowScriptTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly string _folder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("n"));

        public MeasureWorkflowScriptTests() => Directory.CreateDirectory(_folder);

        public void Dispose()
        {
            _ps.Dispose();
            Directory.Delete(_folder, true);
        }

        private string Script(string name, string text)
        {
            string path = Path.Combine(_folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        /// <summary>Runs the script profiled inside an outer run and returns the run's timings and the script's output.</summary>
        private (NodeTiming[] Timings, string[] Output) Profile(string path, string arguments = "@{}", int depth = 3)
        {
            PsResult r = _ps.Run($"Start-WorkflowProfile outer; Measure-WorkflowScript -LiteralPath '{path}' -ArgumentList {arguments} -Depth {depth}");
            NodeTiming[] timings = _ps.RunClean("Get-NodeTiming -WorkflowId outer").Objects<NodeTiming>();
            _ps.RunClean("$null = Complete-WorkflowProfile -WorkflowId outer");
            return (timings, r.Output.Select(o => o?.ToString()).ToArray());
        }

        [Fact]
        public void Statements_are_named_by_line_and_first_line_of_text_and_definitions_are_not_steps()
        {
            string path = Script("s.ps1", "param($N = 2)\nfunction Get-One { 1 }\n$x   =   Get-One; 'two'\nif ($true) {\n  'three'\n}\n");
            var (timings, output) = Profile(path);
            Assert.Equal(new[] { "two", "three" }, output);
            Assert.Equal(new[] { "Get-One", "L3 $x = Get-One", "L3 'two'", "L4 if ($true) {" }, timings.Select(t => t.NodeId));
            Assert.All(timings.Where(t => t.NodeId.StartsWith("L")), t => Assert.Equal("statement", t.NodeType));
            Assert.Equal("L3 $x = Get-One", timings.Single(t => t.NodeId == "Get-One").ParentId);
        }

        [Fact]
        public void Long_statements_are_cut_to_60_characters()
        {
            string path = Script("long.ps1", "'" + new string('a', 100) + "'\n");
            var (timings, _) = Profile(path);
            Assert.Equal("L1 '" + new string('a', 56) + "...", Assert.Single(timings).NodeId);
        }

        [Fact]
        public void Probes_keep_dollar_question_mark_and_line_numbers()
        {
            string path = Script("q.ps1", "function f { 'f' }\nGet-Item -LiteralPath '/no/such/file' -ErrorAction SilentlyContinue\n\"after failure: $?\"\nf\n\"after f: $?\"\n$MyInvocation.ScriptLineNumber\n\"line $($MyInvocation.MyCommand.ScriptBlock.Ast.EndBlock.Statements.Where({ $_.Extent.File })[-1].Extent.StartLineNumber)\"\n");
            var (timings, output) = Profile(path);
            Assert.Contains("after failure: False", output);
            Assert.Contains("after f: True", output);
            Assert.Contains("line 7", output);
            // $? stays false for the script, but the statement silenced its own error: the step is not a failure.
            Assert.Equal(NodeStatus.Succeeded, timings.Single(t => t.NodeId.StartsWith("L2 ")).StatusValue);
        }

        [Fact]
        public void A_return_with_a_value_ends_the_call_after_its_output_and_a_call_ended_by_an_error_is_failed()
        {
            string path = Script("r.ps1", "function Get-Early([int]$n) { if ($n -gt 0) { return \"early $n\" }; 'late' }\nfunction Stop-It { throw 'x' }\nGet-Early 1\nGet-Early 0\ntry { Stop-It } catch { 'caught' }\n");
            var (timings, output) = Profile(path);
            Assert.Equal(new[] { "early 1", "late", "caught" }, output);
            NodeTiming[] early = timings.Where(t => t.NodeId == "Get-Early").ToArray();
            Assert.Equal(2, early.Length);
            Assert.All(early, t => Assert.Equal(NodeStatus.Succeeded, t.StatusValue));
            Assert.Equal(NodeStatus.Failed, timings.Single(t => t.NodeId == "Stop-It").StatusValue);
            Assert.Equal(NodeStatus.Succeeded, timings.Single(t => t.NodeId.StartsWith("L5 ")).StatusValue);
        }

        [Fact]
        public void Recursive_calls_nest_and_self_plus_children_is_inclusive()
        {
            string path = Script("rec.ps1", "function Get-Sum([int]$n) { if ($n -le 0) { return 0 }; $n + (Get-Sum ($n - 1)) }\nGet-Sum 4\n");
            var (timings, output) = Profile(path);
            Assert.Equal(new[] { "10" }, output);
            NodeTiming[] calls = timings.Where(t => t.NodeId == "Get-Sum").ToArray();
            Assert.Equal(5, calls.Length);
            Assert.Equal(4, calls.Count(t => t.ParentId == "Get-Sum"));
            foreach (NodeTiming t in timings)
            {
                double children = timings.Where(c => c.ParentSequence == t.Sequence && c.ParentId == t.NodeId).Sum(c => c.Duration);
                Assert.Equal(t.Duration, t.SelfDuration + children, 6);
            }
        }

        [Fact]
        public void Script_blocks_given_to_commands_and_classes_are_left_as_they_are()
        {
            string path = Script("sb.ps1", "class C { [int] Twice([int]$n) { try { return $n * 2 } catch { throw } } }\n$sb = { function Inner { 'inner' }; Inner }\n& $sb\n[C]::new().Twice(4)\n");
            var (timings, output) = Profile(path);
            Assert.Equal(new[] { "inner", "8" }, output);
            Assert.DoesNotContain(timings, t => t.NodeId == "Inner");
        }

        [Fact]
        public void Depth_one_times_statements_only()
        {
            string path = Script("d.ps1", "function f { 'f' }\nf\nf\n");
            var (timings, _) = Profile(path, depth: 1);
            Assert.Equal(new[] { "L2 f", "L3 f" }, timings.Select(t => t.NodeId));
        }

        [Fact]
        public void A_script_called_by_relative_path_is_a_call_named_after_its_file_with_its_functions_inside()
        {
            Directory.CreateDirectory(Path.Combine(_folder, "lib"));
            Script(Path.Combine("lib", "tools.ps1"), "param($Name)\nfunction Get-Tool { \"tool $Name from $PSScriptRoot\" }\nGet-Tool\n");
            string path = Script("main.ps1", "& \"$PSScriptRoot/lib/tools.ps1\" -Name hammer\n");
            var (timings, output) = Profile(path);
            Assert.Equal(new[] { "tool hammer from " + Path.Combine(_folder, "lib") }, output);
            // Named by its path below the profiled script's folder, so lib/tools.ps1 and tools/tools.ps1 stay apart.
            Assert.Equal("lib/tools.ps1", timings.Single(t => t.NodeId == "Get-Tool").ParentId);
            Assert.Equal("script", timings.Single(t => t.NodeId == "lib/tools.ps1").NodeType);
        }

        [Fact]
        public void Called_scripts_of_the_same_name_in_two_folders_are_two_nodes()
        {
            Directory.CreateDirectory(Path.Combine(_folder, "a"));
            Directory.CreateDirectory(Path.Combine(_folder, "b"));
            Script(Path.Combine("a", "step.ps1"), "'a'\n");
            Script(Path.Combine("b", "step.ps1"), "'b'\n");
            string path = Script("two.ps1", "& \"$PSScriptRoot/a/step.ps1\"\n& \"$PSScriptRoot/b/step.ps1\"\n");
            var (timings, output) = Profile(path);
            Assert.Equal(new[] { "a", "b" }, output);
            Assert.Equal(new[] { "a/step.ps1", "b/step.ps1" }, timings.Where(t => t.NodeType == "script").Select(t => t.NodeId));
        }

        [Fact]
        public void Functions_left_behind_record_nothing_after_the_script_ended()
        {
            string path = Script("g.ps1", "function global:Get-Left { 'left' }\nGet-Left\n");
            _ps.RunClean($"$null = Measure-WorkflowScript -LiteralPath '{path}' -WorkflowId g");
            PsResult r = _ps.RunClean("Set-StrictMode -Version Latest; Get-Left; (Get-WorkflowProfile -WorkflowId g).RunCount");
            Assert.Equal(new[] { "left", "1" }, r.Output.Select(o => o.ToString()));
        }
    }
}
