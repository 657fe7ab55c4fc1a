# Statuses of imported Pester runs: a Describe block and a file around a failed test (or around a BeforeAll or AfterAll
# that threw) are Failed, never Faster, as Measure-WorkflowNode blocks around a throw and Invoke-Build tasks around a
# failed task are; skipped, not-run and inconclusive tests fail nothing. The real Pester 5.9.1 runs in a child pwsh (a
# Pester run inside a Pester test would share Pester's state); the run objects and the JUnit, NUnit 2.5 and NUnit 3
# reports Pester writes for them are imported there, and what was recorded comes back as JSON.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:dir = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    . (Join-Path $PSScriptRoot 'Fixtures/ToolPaths.ps1')   # $pester, $invokeBuild
    . (Join-Path $PSScriptRoot 'Fixtures/ChildPwsh.ps1')   # $pwsh, $pwshPrefix
    $files = @{
        'repro/Api.Tests.ps1'        = "Describe 'Api' { It 'responds' { if (`$env:BREAK -eq '1') { throw 'refused' }; Start-Sleep -Milliseconds 300 } }"
        'ok/Ok.Tests.ps1'            = "Describe 'Ok' { Context 'Inner' { It 'waits' { Start-Sleep -Milliseconds 20 } }; It 'passes' { } }"
        'skips/Skips.Tests.ps1'      = "Describe 'Skips' { It 'later' -Skip { }; It 'unsure' { Set-ItResult -Inconclusive -Because 'no data' }; It 'passes' { } }"
        'before/Setup.Tests.ps1'     = "Describe 'Setup' { BeforeAll { throw 'no database' }; It 'reads' { } }"
        'after/Teardown.Tests.ps1'   = "Describe 'Teardown' { AfterAll { throw 'cleanup failed' }; It 'writes' { } }"
    }
    foreach ($name in $files.Keys) {
        $null = New-Item -ItemType Directory -Force (Split-Path (Join-Path $dir $name))
        Set-Content (Join-Path $dir $name) $files[$name]
    }
    $null = New-Item -ItemType Directory (Join-Path $dir 'reports')
    Set-Content (Join-Path $dir 'child.ps1') @'
param($Dir, $Module, $Pester)
$ErrorActionPreference = 'Stop'
Import-Module $Pester
Import-Module $Module
function Invoke($folder, $report) {
    $c = New-PesterConfiguration
    $c.Run.Path = Join-Path $Dir $folder; $c.Run.PassThru = $true; $c.Output.Verbosity = 'None'
    $run = Invoke-Pester -Configuration $c
    if ($report) {
        Export-JUnitReport -Result $run -Path (Join-Path $Dir "reports/junit-$report.xml")
        Export-NUnitReport -Result $run -Path (Join-Path $Dir "reports/nunit2-$report.xml") -Format NUnit2.5
        Export-NUnitReport -Result $run -Path (Join-Path $Dir "reports/nunit3-$report.xml") -Format NUnit3
    }
    $run
}
function Nodes($wf) {
    @(Get-NodeStatistics -WorkflowId $wf | ForEach-Object { [pscustomobject]@{ NodeId = $_.NodeId; NodeType = "$($_.NodeType)"; LastStatus = "$($_.LastStatus)"
        LastDuration = $_.LastDuration; LastSelfDuration = $_.LastSelfDuration } })
}
function Verdicts($wf) { @(Compare-WorkflowRun -WorkflowId $wf | ForEach-Object { [pscustomobject]@{ NodeId = $_.NodeId; Verdict = "$($_.Verdict)" } }) }
$out = [ordered]@{}
# The tester's repro: five passing runs, then one whose test throws at once (so its block and file end early).
foreach ($i in 1..6) {
    $env:BREAK = [int]($i -eq 6)
    $null = Invoke repro "repro-$i" | Import-WorkflowRun -WorkflowId repro
}
$out.Repro = [pscustomobject]@{ Nodes = Nodes repro; Verdicts = Verdicts repro; Run = (Get-WorkflowProfile repro).Runs[-1] }
foreach ($format in 'junit', 'nunit2', 'nunit3') {
    $null = Import-WorkflowRun -Path (Join-Path $Dir "reports/$format-repro-*.xml") -WorkflowId "repro-$format"
    $out["Repro-$format"] = [pscustomobject]@{ Nodes = Nodes "repro-$format"; Verdicts = Verdicts "repro-$format" }
}
foreach ($i in 1..3) { $null = Invoke ok | Import-WorkflowRun -WorkflowId ok }
$out.Ok = [pscustomobject]@{ Nodes = Nodes ok; Verdicts = Verdicts ok; Run = (Get-WorkflowProfile ok).Runs[-1] }
$imported = Invoke skips | Import-WorkflowRun -WorkflowId skips
$out.Skips = [pscustomobject]@{ Nodes = Nodes skips; Imported = $imported; Run = (Get-WorkflowProfile skips).Runs[-1] }
foreach ($case in 'before', 'after') {
    $null = Invoke $case $case | Import-WorkflowRun -WorkflowId $case
    $out[$case] = [pscustomobject]@{ Nodes = Nodes $case; Run = (Get-WorkflowProfile $case).Runs[-1] }
    foreach ($format in 'junit', 'nunit3') {
        $null = Import-WorkflowRun -Path (Join-Path $Dir "reports/$format-$case.xml") -WorkflowId "$case-$format"
        $out["$case-$format"] = [pscustomobject]@{ Nodes = Nodes "$case-$format" }
    }
}
[pscustomobject]$out | ConvertTo-Json -Depth 6 | Set-Content (Join-Path $Dir 'result.json')
'@
    & $pwsh @pwshPrefix -NoProfile -NonInteractive -File (Join-Path $dir 'child.ps1') $dir.FullName (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') $pester
    if ($LASTEXITCODE -ne 0) { throw "The child pwsh that runs Pester failed ($LASTEXITCODE)." }
    $script:result = Get-Content (Join-Path $dir 'result.json') -Raw | ConvertFrom-Json

    function script:StatusOf($case, $id) { ($result.$case.Nodes | Where-Object NodeId -eq $id).LastStatus }
    function script:VerdictOf($case, $id) { ($result.$case.Verdicts | Where-Object { $_.NodeId -eq $id }).Verdict }
}

AfterAll {
    Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A Pester run with a failed test' {
    It 'judges the failed test, its Describe block, its file and the workflow total Failed, never Faster' {
        VerdictOf Repro 'Api.Tests.ps1 > Api.responds' | Should -Be Failed
        VerdictOf Repro 'Api.Tests.ps1 > Api' | Should -Be Failed
        VerdictOf Repro 'Api.Tests.ps1' | Should -Be Failed
        VerdictOf Repro $null | Should -Be Failed   # the workflow total
        $result.Repro.Verdicts.Verdict | Should -Not -Contain Faster
    }

    It 'records the block and the file with LastStatus Failed, and counts their executions as failed' {
        StatusOf Repro 'Api.Tests.ps1 > Api' | Should -Be Failed
        StatusOf Repro 'Api.Tests.ps1' | Should -Be Failed
        StatusOf Repro '(discovery)' | Should -Be Succeeded
        $result.Repro.Run.FailedCount | Should -Be 3
    }

    It 'gives the same statuses from its <Format> reports' -TestCases @(
        @{ Format = 'junit' }, @{ Format = 'nunit2' }, @{ Format = 'nunit3' }
    ) {
        $case = "Repro-$Format"
        $suites = $result.$case.Nodes | Where-Object NodeType -in Suite, Container
        $suites | Should -Not -BeNullOrEmpty
        $suites.LastStatus | Should -Not -Contain Succeeded
        $verdicts = $result.$case.Verdicts
        ($verdicts | Where-Object NodeId -like '*Api.responds').Verdict | Should -Be Failed
        ($verdicts | Where-Object { $null -eq $_.NodeId }).Verdict | Should -Be Failed
        $verdicts.Verdict | Should -Not -Contain Faster
    }
}

Describe 'A Pester run where every test passed' {
    It 'keeps its blocks and file Succeeded, with timing verdicts' {
        $result.Ok.Nodes.LastStatus | Should -Not -Contain Failed
        $result.Ok.Run.FailedCount | Should -Be 0
        $result.Ok.Verdicts.Verdict | Should -Not -Contain Failed
        VerdictOf Ok 'Ok.Tests.ps1 > Ok' | Should -BeIn Same, Slower, Faster, Inconclusive
    }

    It 'gives a block the self time left after its tests and blocks' {
        $ok = $result.Ok.Nodes | Where-Object NodeId -eq 'Ok.Tests.ps1 > Ok'
        $children = ($result.Ok.Nodes | Where-Object NodeId -in 'Ok.Tests.ps1 > Ok.Inner', 'Ok.Tests.ps1 > Ok.passes' | Measure-Object LastDuration -Sum).Sum
        $ok.LastSelfDuration | Should -BeGreaterThan 0
        $ok.LastSelfDuration | Should -BeLessOrEqual ($ok.LastDuration - $children + 0.001)
    }
}

Describe 'Skipped and inconclusive tests' {
    It 'do not make their block, file or run Failed' {
        StatusOf Skips 'Skips.Tests.ps1 > Skips' | Should -Be Succeeded
        StatusOf Skips 'Skips.Tests.ps1' | Should -Be Succeeded
        $result.Skips.Run.FailedCount | Should -Be 0
        $result.Skips.Imported.FailedCount | Should -Be 0
        $result.Skips.Imported.SkippedCount | Should -Be 1
    }
}

Describe 'A Describe block whose <Hook> threw' -ForEach @(
    @{ Hook = 'BeforeAll'; Case = 'before'; File = 'Setup.Tests.ps1'; Block = 'Setup'; Test = 'reads'; TestStatus = 'Failed' }
    @{ Hook = 'AfterAll'; Case = 'after'; File = 'Teardown.Tests.ps1'; Block = 'Teardown'; Test = 'writes'; TestStatus = 'Succeeded' }
) {
    It 'is Failed, and so is its file' {
        StatusOf $Case "$File > $Block" | Should -Be Failed
        StatusOf $Case $File | Should -Be Failed
        StatusOf $Case "$File > $Block.$Test" | Should -Be $TestStatus   # Pester fails the tests a BeforeAll stopped
    }

    It 'fails the file in its <_> report too' -ForEach 'junit', 'nunit3' {
        $nodes = $result."$Case-$_".Nodes
        ($nodes | Where-Object NodeId -eq $File).LastStatus | Should -Be Failed
    }
}
