# Import-WorkflowRun of a 10,000-test JUnit report: wall time and this process's CPU time (less sensitive to a loaded machine).
Import-Module ./output/Profiler.PS/Profiler.PS.psd1
# Run from the repository root after `dotnet build`. The reports have the shape ReportImportBenchmarks writes:
# 100 suites x 100 Surefire-style cases, each with a line of system-out, one failure in 50. The Pester-shaped report
# names its suites by absolute file paths (as Pester's JUnitXml does), so ids are made relative to their common folder.
function Write-Report($path, $stamp, $variant, [switch] $PesterShaped) {
    $sb = [Text.StringBuilder]::new()
    $null = $sb.Append("<?xml version=`"1.0`" encoding=`"UTF-8`"?>`n<testsuites time=`"126`">`n")
    foreach ($s in 0..99) {
        $suite = if ($PesterShaped) { "/home/runner/work/shop/shop/tests/suite$s/Service.Tests.ps1" } else { "com.example.suite$s.ServiceTest" }
        $null = $sb.Append("<testsuite name=`"$suite`" tests=`"100`" time=`"1.25`" timestamp=`"$stamp`">`n")
        foreach ($c in 0..99) {
            $t = (0.001 + (($s * 31 + $c * 17 + $variant) % 23) / 1000.0).ToString('0.000', [cultureinfo]::InvariantCulture)
            $fail = if ($c % 50 -eq 7) { '<failure message="expected 1 but was 2" type="AssertionError">at ServiceTest.java:42</failure>' } else { '' }
            $null = $sb.Append("  <testcase classname=`"$suite`" name=`"Service.handles case $c`" time=`"$t`">$fail<system-out>case $c of suite $s ran</system-out></testcase>`n")
        }
        $null = $sb.Append("</testsuite>`n")
    }
    [IO.File]::WriteAllText($path, $sb.Append("</testsuites>`n").ToString())
}
$f = Join-Path ([IO.Path]::GetTempPath()) 'profiler-ps-import-10000.xml'
$p = Join-Path ([IO.Path]::GetTempPath()) 'profiler-ps-import-previous.xml'
Write-Report $f '2026-03-01T02:00:00Z' 0
Write-Report $p '2026-02-28T02:00:00Z' 1
$q = Join-Path ([IO.Path]::GetTempPath()) 'profiler-ps-import-10000-pester.xml'
Write-Report $q '2026-03-01T02:00:00Z' 0 -PesterShaped
$me = [Diagnostics.Process]::GetCurrentProcess()
foreach ($i in 1..7) {
    foreach ($report in $f, $q) {
        Clear-WorkflowProfile -WorkflowId tests -Confirm:$false -ErrorAction SilentlyContinue   # literal: a wildcard asks first
        $null = Import-WorkflowRun -Path $p -WorkflowId tests
        $me.Refresh(); $cpu = $me.TotalProcessorTime
        $wall = Measure-Command { $script:imported = Import-WorkflowRun -Path $report -WorkflowId tests }
        $me.Refresh()
        if ($imported.AlreadyImported -or $imported.TestCount -ne 10000) { throw "The import measured added nothing: $($imported | Out-String)" }
        '{0,2}: wall {1,6:N0} ms   cpu {2,6:N0} ms   {3}' -f $i, $wall.TotalMilliseconds, ($me.TotalProcessorTime - $cpu).TotalMilliseconds, $(if ($report -eq $q) { 'Pester-shaped' } else { 'Surefire-shaped' })
    }
}
