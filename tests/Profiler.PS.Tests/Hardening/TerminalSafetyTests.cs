using System;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Engine;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Hardening
{
    /// <summary>Issue 13, fault 5: escape sequences in ids and names never reach the terminal raw.</summary>
    public class TerminalSafetyTests : IDisposable
    {
        /// <summary>An OSC 8 link, a window title, clear screen, a cursor move and a C1 CSI.</summary>
        private const string Hostile = "x\u001b]8;;http://evil\u0007link\u001b]8;;\u0007\u001b]0;title\u0007\u001b[2J\u001b[10;10H\u009b31m";
        private readonly PsSession _ps = new PsSession();

        public TerminalSafetyTests()
        {
            _ps.Runspace.SessionStateProxy.SetVariable("evil", Hostile);
            _ps.RunClean("foreach ($i in 1..3) { Start-WorkflowProfile $evil -WorkflowName $evil; Add-NodeTiming $evil (10 * $i) -NodeLabel $evil -NodeType $evil; Add-NodeTiming other 5; $null = Complete-WorkflowProfile }; Start-WorkflowProfile $evil; Add-NodeTiming $evil 1");
        }

        public void Dispose() => _ps.Dispose();

        private static void AssertNoControl(string text)
        {
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\u0007', text);
            Assert.DoesNotContain('\u009b', text);
        }

        [Fact]
        public void The_one_function_neutralises_C0_C1_and_bidi_controls()
        {
            Assert.Equal("a?[2Jb?c?d?e", TerminalText.Safe("a\u001b[2Jb\u009bc\u202ed\u0000e"));
            Assert.Same("plain ünïcode 😀", TerminalText.Safe("plain ünïcode 😀"));
            Assert.Null(TerminalText.Safe((string)null));
        }

        [Theory]
        [InlineData("Get-NodeStatistics -WorkflowId $evil")]
        [InlineData("Get-WorkflowProfile")]
        [InlineData("Get-Bottleneck -WorkflowId $evil")]
        [InlineData("Get-NodeTiming -WorkflowId $evil")]
        [InlineData("Show-Heatmap -WorkflowId $evil -NoColor")]
        [InlineData("Show-Heatmap -WorkflowId $evil")]
        [InlineData("Test-WorkflowBudget -WorkflowId $evil -NodeId $evil -Maximum 1")]
        [InlineData("Compare-WorkflowRun -WorkflowId $evil")]
        public void Views_and_group_headers_show_no_raw_control_character(string command)
        {
            string text = _ps.ShowPlain(command);
            Assert.Contains("x?]8;;http://evil?link", text);
            AssertNoControl(text);
        }

        [Fact]
        public void Messages_WhatIf_and_the_Assert_error_are_neutralised()
        {
            PsResult r = _ps.Run("Clear-WorkflowProfile -WorkflowId $evil -WhatIf; Get-NodeStatistics -WorkflowId ($evil + 'missing'); Test-WorkflowBudget -WorkflowId $evil -NodeId $evil -Maximum 1 -Assert");
            AssertNoControl(_ps.HostText);
            ErrorRecord notFound = Assert.Single(r.Errors);
            AssertNoControl(notFound.ErrorDetails?.Message ?? notFound.Exception.Message);
            Assert.NotNull(r.Terminating);
            AssertNoControl(r.Terminating.Message);
            string display = _ps.ShowPlain("$(try { Test-WorkflowBudget -WorkflowId $evil -NodeId $evil -Maximum 1 -Assert } catch { $_ })");
            AssertNoControl(display);
        }

        [Fact]
        public void Completion_text_list_text_and_tooltips_carry_no_raw_control_character()
        {
            PsResult r = _ps.RunClean("(TabExpansion2 -inputScript 'Get-NodeStatistics -WorkflowId x' -cursorColumn 32).CompletionMatches");
            CompletionResult c = Assert.Single(r.Objects<CompletionResult>());
            AssertNoControl(c.CompletionText + c.ListItemText + c.ToolTip);
            var named = (WorkflowPerformanceProfile)_ps.RunClean("Get-WorkflowProfile -WorkflowId " + c.CompletionText).Single();
            Assert.Equal(Hostile, named.WorkflowId);   // the completion still names the workflow
        }
    }
}
