using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Import-WorkflowRun in the real PowerShell engine: report files into history, duplicates, bad input, pipeline.</summary>
    public class ImportWorkflowRunTests : IDisposable
    {
        private readonly TempFolder _dir = new TempFolder();

        public void Dispose() => _dir.Dispose();

        /// <summary>A nightly report: one suite with the tests 'login' and 'search', written on 2026-03-&lt;day&gt;.</summary>
        private string Nightly(int day, double login, string name = null)
        {
            string file = _dir.File(name ?? $"nightly-{day:00}.xml");
            File.WriteAllText(file, $@"<testsuites time=""{login + 1}""><testsuite name=""api"" time=""{login + 0.75}"" timestamp=""2026-03-{day:00}T02:00:00Z"">
<testcase classname=""api"" name=""login"" time=""{login}""/><testcase classname=""api"" name=""search"" time=""0.5""/>
<testcase classname=""api"" name=""export"" time=""0""><skipped/></testcase></testsuite></testsuites>");
            return file;
        }

        [Fact]
        public void A_folder_of_reports_becomes_history_oldest_first_whatever_the_file_names()
        {
            // File names sort against time: z-... is the oldest report.
            Nightly(1, 1, "z-first.xml");
            Nightly(2, 1, "b-second.xml");
            Nightly(3, 1, "a-third.xml");
            using var ps = new PsSession();
            PsResult r = ps.RunClean($"Import-WorkflowRun -Path '{_dir.Path}/*.xml' -WorkflowId ci -HistoryPath '{_dir.Path}/history'");
            Assert.Equal(new[] { ("z-first.xml", 1), ("b-second.xml", 2), ("a-third.xml", 3) },
                r.Output.Select(o => (Path.GetFileName((string)o.Properties["Source"].Value), (int)o.Properties["RunNumber"].Value)));
            PSObject first = r.Output[0];
            Assert.Equal("JUnit", first.Properties["Format"].Value);
            Assert.Equal(2, first.Properties["TestCount"].Value);
            Assert.Equal(1, first.Properties["SkippedCount"].Value);
            Assert.Equal(2000.0, first.Properties["TotalDuration"].Value);
            Assert.Equal(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), first.Properties["StartTime"].Value);
            Assert.Equal(3, File.ReadAllLines(Path.Combine(_dir.Path, "history", "ci.jsonl")).Length);
            Assert.Equal(new[] { "api", "api > login", "api > search" },
                ps.RunClean("(Get-NodeStatistics -WorkflowId ci).NodeId").Output.Select(o => o.ToString()).OrderBy(s => s, StringComparer.Ordinal));
        }

        [Fact]
        public void Importing_the_same_report_again_adds_nothing_and_says_so()
        {
            string file = Nightly(1, 1);
            using var ps = new PsSession();
            ps.RunClean($"$null = Import-WorkflowRun -LiteralPath '{file}' -WorkflowId ci");
            PsResult again = ps.Run($"[System.IO.FileInfo]::new('{file}') | Import-WorkflowRun -WorkflowId ci");
            Assert.Empty(again.Errors);
            Assert.True((bool)again.Output.Single().Properties["AlreadyImported"].Value);
            Assert.Equal(1, again.Output.Single().Properties["RunNumber"].Value);   // the run it was imported as
            Assert.Contains(again.Warnings, w => w.Contains("already in workflow 'ci'"));
            Assert.Equal(1, ps.RunClean("(Get-WorkflowProfile ci).RunCount").Output.Single().BaseObject);
        }

        [Fact]
        public void A_report_older_than_the_latest_run_is_appended_with_a_warning_a_duplicate_without_one()
        {
            string older = Nightly(1, 1), newer = Nightly(2, 1);
            using var ps = new PsSession();
            ps.RunClean($"$null = Import-WorkflowRun -Path '{newer}' -WorkflowId ci");
            PsResult r = ps.Run($"Import-WorkflowRun -Path '{older}' -WorkflowId ci");
            Assert.Equal(2, r.Output.Single().Properties["RunNumber"].Value);
            Assert.Contains("not in time order", Assert.Single(r.Warnings));
            r = ps.Run($"Import-WorkflowRun -Path '{older}' -WorkflowId ci");
            Assert.Contains("already in workflow", Assert.Single(r.Warnings));
        }

        [Fact]
        public void Downstream_cmdlets_judge_imported_runs_slower_bottlenecks_budgets_and_exports()
        {
            for (int day = 1; day <= 6; day++) Nightly(day, day == 6 ? 3 : 1);
            using var ps = new PsSession();
            ps.RunClean($"$null = Import-WorkflowRun -Path '{_dir.Path}/*.xml' -WorkflowId ci");
            PsResult compare = ps.RunClean("Compare-WorkflowRun -WorkflowId ci | Where-Object NodeId -eq 'api > login'");
            Assert.Equal("Slower", compare.Output.Single().Properties["Verdict"].Value.ToString());
            Assert.Equal("api > login", ps.RunClean("(Get-Bottleneck -WorkflowId ci -Top 3 | Where-Object NodeType -eq Test)[0].NodeId").Output.Single().ToString());
            Assert.False((bool)ps.RunClean("Test-WorkflowBudget -WorkflowId ci -NodeId 'api > login' -Maximum 2000 -Statistic Last -Quiet").Output.Single().BaseObject);
            string md = _dir.File("summary.md");
            ps.RunClean($"Export-WorkflowProfile -WorkflowId ci -Format Markdown -Path '{md}'; Export-WorkflowReport -WorkflowId ci -Path '{_dir.File("r.html")}'");
            Assert.Contains(@"api \> login", File.ReadAllText(md));   // Markdown escapes the path separator
        }

        [Fact]
        public void Bad_reports_write_one_error_each_naming_the_file_and_the_good_ones_still_import()
        {
            Nightly(1, 1);
            File.WriteAllText(_dir.File("ant.xml"), "<project name='x'/>");
            File.WriteAllText(_dir.File("cut.xml"), "<testsuites><testsuite name='a' time='1'><testcase name='b' time='1'/>");
            File.WriteAllText(_dir.File("dtd.xml"), "<!DOCTYPE testsuite [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><testsuite name='&e;'/>");
            File.WriteAllText(_dir.File("negative.xml"), "<testsuite name='a'><testcase name='b' time='-1'/></testsuite>");
            using var ps = new PsSession();
            PsResult r = ps.Run($"Import-WorkflowRun -Path '{_dir.Path}/*.xml', '{_dir.Path}/missing.xml' -WorkflowId ci");
            Assert.Null(r.Terminating);
            Assert.Equal(new[]
                {
                    ("ant.xml", "ImportWorkflowRunUnknownFormat"), ("cut.xml", "ImportWorkflowRunInvalidXml"), ("dtd.xml", "ImportWorkflowRunDtdProhibited"),
                    ("negative.xml", "ImportWorkflowRunInvalidTime"), ("missing.xml", "ImportWorkflowRunFileNotFound"),
                },
                r.Errors.Select(e => (Path.GetFileName(e.TargetObject.ToString()), e.FullyQualifiedErrorId.Split(',')[0])));
            Assert.All(r.Errors.Take(4), e => Assert.Contains(e.TargetObject.ToString(), e.Exception.Message));
            Assert.Single(r.Output);
            Assert.Equal(1, ps.RunClean("(Get-WorkflowProfile ci).RunCount").Output.Single().BaseObject);
        }

        [Fact]
        public void Objects_that_are_not_tool_results_are_refused_and_a_run_in_flight_stops_the_command()
        {
            string file = Nightly(1, 1);
            using var ps = new PsSession();
            PsResult r = ps.Run("42, 'text', [pscustomobject]@{ Tasks = 1 } | Import-WorkflowRun -WorkflowId ci");
            Assert.Equal(3, r.Errors.Count);
            Assert.All(r.Errors, e => Assert.StartsWith("ImportWorkflowRunUnsupportedInput", e.FullyQualifiedErrorId));
            Assert.Empty(r.Output);
            Assert.Empty(ps.RunClean("Get-WorkflowProfile").Output);

            ps.RunClean("Start-WorkflowProfile ci");
            // Statement-terminating: the command stops (a script goes on, as for Start-WorkflowProfile's RunInProgress).
            r = ps.Run($"Import-WorkflowRun -Path '{file}', '{file}' -WorkflowId ci; 'after'");
            Assert.StartsWith("ImportWorkflowRunRunInProgress", r.Errors.Single().FullyQualifiedErrorId);
            Assert.Equal("after", r.Output.Single().ToString());
        }

        [Fact]
        public void An_empty_pipeline_imports_nothing_and_null_says_what_to_pipe()
        {
            string file = Nightly(1, 1);
            using var ps = new PsSession();
            PsResult empty = ps.Run("@() | Import-WorkflowRun -WorkflowId ci; Import-WorkflowRun -InputObject @() -WorkflowId ci");
            Assert.Empty(empty.Errors);
            Assert.Empty(empty.Output);
            PsResult nulls = ps.Run($"$null | Import-WorkflowRun -WorkflowId ci; Import-WorkflowRun -InputObject @($null, (Get-Item '{file}')) -WorkflowId ci");
            Assert.Equal(2, nulls.Errors.Count);
            Assert.All(nulls.Errors, e =>
            {
                Assert.StartsWith("ImportWorkflowRunNullInput,", e.FullyQualifiedErrorId);
                Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
                Assert.Contains("Invoke-Pester -PassThru", e.Exception.Message);
            });
            Assert.Equal(1, nulls.Output.Single().Properties["RunNumber"].Value);   // the file in the array is imported
        }

        [Fact]
        public void The_output_is_plain_data_and_WhatIf_imports_nothing()
        {
            string file = Nightly(1, 1);
            using var ps = new PsSession();
            Assert.Empty(ps.RunClean($"Import-WorkflowRun -Path '{file}' -WorkflowId ci -WhatIf").Output);
            Assert.Empty(ps.RunClean("Get-WorkflowProfile").Output);
            PsResult r = ps.RunClean($"Import-WorkflowRun -Path '{file}' -WorkflowId ci");
            object result = r.Output.Single().BaseObject;
            string json = System.Text.Json.JsonSerializer.Serialize(result, result.GetType());
            Assert.Contains("\"TestCount\":2", json);
            // Not a terminal: the whole Source, laid out by PowerShell (here at 400 columns, so nothing is cut).
            string shown = ps.RunClean($"Import-WorkflowRun -Path '{file}' -WorkflowId ci -WarningAction SilentlyContinue | Out-String -Width 400").Objects<string>()[0];
            Assert.Contains(file, shown);
        }
    }
}
