using System.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// The statuses Import-WorkflowRun gives the blocks and files of a Pester run, from a Pester.Run shaped as Pester 5
    /// returns it (its members by name): a failed test fails its blocks and file; a block whose own setup or teardown
    /// failed (its ErrorRecord) fails its file; skipped, not-run and inconclusive tests fail nothing.
    /// </summary>
    public class ImportPesterFailureTests
    {
        private const string Shapes = @"
function ms($n) { [timespan]::FromMilliseconds($n) }
function t($name, $path, $result, $n) { [pscustomobject]@{ Name = $name; ExpandedName = $name; ExpandedPath = $path; Result = $result; Duration = ms $n } }
function b($name, $path, $n, $tests, $blocks = @(), $errors = @()) {
    [pscustomobject]@{ Name = $name; ExpandedName = $name; ExpandedPath = $path; Duration = ms $n; Tests = @($tests); Blocks = @($blocks); ErrorRecord = @($errors) } }
function c($name, $n, $blocks) { [pscustomobject]@{ Name = $name; Duration = ms $n; DiscoveryDuration = ms 1; Blocks = @($blocks); ErrorRecord = @() } }
function run($containers) {
    $r = [pscustomobject]@{ Containers = @($containers); Duration = ms 400; DiscoveryDuration = ms 5; ExecutedAt = [datetime]'2026-03-01T10:00:00Z' }
    $r.PSTypeNames.Insert(0, 'Pester.Run'); $r }
";

        [Fact]
        public void A_failed_test_fails_its_blocks_and_file_a_failed_AfterAll_fails_its_file_and_skips_fail_nothing()
        {
            using var ps = new PsSession();
            PsResult r = ps.RunClean(Shapes + @"
$api = c '/t/Api.Tests.ps1' 201 @(
    b 'Api' 'Api' 150 @(t 'up' 'Api.up' 'Passed' 20) @(
        b 'Auth' 'Api.Auth' 100 @((t 'login' 'Api.Auth.login' 'Failed' 40), (t 'logout' 'Api.Auth.logout' 'Passed' 30))
        b 'Misc' 'Api.Misc' 20 @((t 'later' 'Api.Misc.later' 'Skipped' 0), (t 'maybe' 'Api.Misc.maybe' 'Inconclusive' 5), (t 'ok' 'Api.Misc.ok' 'Passed' 10), (t 'off' 'Api.Misc.off' 'NotRun' 0))))
$db = c '/t/Db.Tests.ps1' 101 @(b 'Db' 'Db' 80 @(t 'reads' 'Db.reads' 'Passed' 50) -errors @('cleanup failed'))
$ui = c '/t/Ui.Tests.ps1' 51 @(b 'Ui' 'Ui' 40 @(t 'draws' 'Ui.draws' 'Passed' 30))
$imported = run @($api, $db, $ui) | Import-WorkflowRun -WorkflowId p
'{0} {1} {2} {3}' -f $imported.TestCount, $imported.FailedCount, $imported.SkippedCount, $imported.NotRunCount
Get-NodeStatistics -WorkflowId p | Sort-Object NodeId | ForEach-Object { '{0}: {1}' -f $_.NodeId, $_.LastStatus }");
            Assert.Equal(new[]
            {
                "7 1 1 1",   // tests, failed tests (blocks are not tests), skipped, not run
                "(discovery): Succeeded",
                "(framework): Succeeded",
                "Api.Tests.ps1: Failed",
                "Api.Tests.ps1 > Api: Failed",
                "Api.Tests.ps1 > Api.Auth: Failed",
                "Api.Tests.ps1 > Api.Auth.login: Failed",
                "Api.Tests.ps1 > Api.Auth.logout: Succeeded",
                "Api.Tests.ps1 > Api.Misc: Succeeded",
                "Api.Tests.ps1 > Api.Misc.maybe: Succeeded",
                "Api.Tests.ps1 > Api.Misc.ok: Succeeded",
                "Api.Tests.ps1 > Api.up: Succeeded",
                "Db.Tests.ps1: Failed",
                "Db.Tests.ps1 > Db: Failed",
                "Db.Tests.ps1 > Db.reads: Succeeded",
                "Ui.Tests.ps1: Succeeded",
                "Ui.Tests.ps1 > Ui: Succeeded",
                "Ui.Tests.ps1 > Ui.draws: Succeeded",
            }, r.Output.Select(o => o.BaseObject.ToString()));
        }
    }
}
