# Import-WorkflowRun of a 10,000-test JUnit report: wall time and this process's CPU time (less sensitive to a loaded machine).
Import-Module ./output/Profiler.PS/Profiler.PS.psd1
# Run from the repository root after `dotnet build`. The reports have the shape ReportImportBenchmarks writes:
# 100 suites x 100 Surefire-style cases, each with a line of system-out, one failure in 50.
function Write-Report($path, $stamp, $variant) {
    $sb = [Text.StringBuilder]::new()
    $null = $sb.Append("<?xml version=`"1.0`" encoding=`"UTF-8`"?>`n<testsuites time=`"126`">`n")
    foreach ($s in 0..99) {
        $null = $sb.Append("<testsuite name=`"com.example.suite$s.ServiceTest`" tests=`"100`" time=`"1.25`" timestamp=`"$stamp`">`n")
        foreach ($c in 0..99) {
            $t = (0.001 + (($s * 31 + $c * 17 + $variant) % 23) / 1000.0).ToString('0.000', [cultureinfo]::InvariantCulture)
            $fail = if ($c % 50 -eq 7) { '<failure message="expected 1 but was 2" type="AssertionError">at ServiceTest.java:42</failure>' } else { '' }
            $null = $sb.Append("  <testcase classname=`"com.example.suite$s.ServiceTest`" name=`"handlesCase$c`" time=`"$t`">$fail<system-out>case $c of suite $s ran</system-out></testcase>`n")
        }
        $null = $sb.Append("</testsuite>`n")
    }
    [IO.File]::WriteAllText($path, $sb.Append("</testsuites>`n").ToString())
}
$f = Join-Path ([IO.Path]::GetTempPath()) 'profiler-ps-import-10000.xml'
$p = Join-Path ([IO.Path]::GetTempPath()) 'profiler-ps-import-previous.xml'
Write-Report $f '2026-03-01T02:00:00Z' 0
Write-Report $p '2026-02-28T02:00:00Z' 1
$me = [Diagnostics.Process]::GetCurrentProcess()
foreach ($i in 1..7) {
    Clear-WorkflowProfile -WorkflowId * -Confirm:$false
    $null = Import-WorkflowRun -Path $p -WorkflowId tests
    $me.Refresh(); $cpu = $me.TotalProcessorTime
    $wall = Measure-Command { $null = Import-WorkflowRun -Path $f -WorkflowId tests }
    $me.Refresh()
    '{0,2}: wall {1,6:N0} ms   cpu {2,6:N0} ms' -f $i, $wall.TotalMilliseconds, ($me.TotalProcessorTime - $cpu).TotalMilliseconds
}
