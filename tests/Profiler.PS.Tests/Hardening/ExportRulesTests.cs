using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Hardening
{
    /// <summary>Issue 13, faults 7 and 9: export paths through the provider, one overwrite rule, CSV formulas, -Top.</summary>
    public class ExportRulesTests : IDisposable
    {
        private readonly PsSession _ps = new PsSession();
        private readonly TempFolder _dir = new TempFolder();

        public ExportRulesTests() => _ps.RunClean($"$ExecutionContext.SessionState.Path.SetLocation('{_dir.Path.Replace("'", "''")}') | Out-Null; Start-WorkflowProfile ci; Add-NodeTiming ' =1+1' 5; Add-NodeTiming ok 3; $null = Complete-WorkflowProfile");

        public void Dispose()
        {
            _ps.Dispose();
            _dir.Dispose();
        }

        [Theory]
        [InlineData("Export-WorkflowProfile")]
        [InlineData("Export-WorkflowReport")]
        public void Both_exports_replace_a_file_like_Export_Csv_and_NoClobber_refuses(string cmdlet)
        {
            File.WriteAllText(_dir.File("out.txt"), "old");
            _ps.RunClean($"{cmdlet} -Path out.txt");   // relative to $PWD, not the process's folder
            Assert.NotEqual("old", File.ReadAllText(_dir.File("out.txt")));
            File.WriteAllText(_dir.File("out.txt"), "old");
            PsResult r = _ps.Run($"{cmdlet} -Path out.txt -NoClobber");
            ErrorRecord e = r.Terminating?.ErrorRecord ?? Assert.Single(r.Errors);
            Assert.EndsWith("FileExists", e.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal("old", File.ReadAllText(_dir.File("out.txt")));
        }

        [Fact]
        public void A_path_on_another_provider_is_an_error_not_a_file_in_the_working_folder()
        {
            PsResult r = _ps.Run("Export-WorkflowProfile -Path Variable:/x");
            ErrorRecord e = r.Terminating?.ErrorRecord ?? Assert.Single(r.Errors);
            Assert.StartsWith("ExportWorkflowProfileInvalidPath,", e.FullyQualifiedErrorId);
            Assert.Contains("provider", e.Exception.Message);
            Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "x")));
        }

        [Fact]
        public void Csv_cells_starting_with_blanks_then_a_formula_character_are_neutralised()
        {
            _ps.RunClean("Export-WorkflowProfile -Path stats.csv -Format Csv");
            string csv = File.ReadAllText(_dir.File("stats.csv"));
            Assert.Contains("' =1+1", csv);
            Assert.DoesNotContain(", =1+1", csv);
        }

        [Fact]
        public void A_huge_Top_returns_every_node_instead_of_crashing()
        {
            PsResult r = _ps.RunClean("Get-Bottleneck -Top 268435456");
            Assert.Equal(2, r.Objects<BottleneckInfo>().Length);
        }
    }
}
