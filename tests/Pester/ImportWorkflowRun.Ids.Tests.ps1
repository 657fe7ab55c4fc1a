# Node ids of imported test runs. The real Pester 5.9.1 runs the same test files from two different folders (two CI
# agents' checkouts) in a child pwsh (a Pester run inside a Pester test would share Pester's state), and writes its
# JUnit, NUnit 2.5 and NUnit 3 reports; the run object and the three reports, from both folders, must give the same
# ids: the file's path relative to the run's common folder, then Pester's full name, with ' > ' in a name escaped.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:dir = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    . (Join-Path $PSScriptRoot 'Fixtures/ToolPaths.ps1')   # $pester, $invokeBuild
    . (Join-Path $PSScriptRoot 'Fixtures/ChildPwsh.ps1')   # $pwsh, $pwshPrefix

    foreach ($agent in 'agent1/work/shop', 'agent2/s') {
        $tests = New-Item -ItemType Directory (Join-Path $dir "$agent/tests/unit")
        Set-Content (Join-Path $tests.Parent 'Cart.Tests.ps1') @'
Describe 'Cart' {
    Context 'Totals' {
        It 'adds <n> items' -TestCases @(@{ n = 1 }, @{ n = 2 }) { }
        It 'fails' { 1 | Should -Be 2 }
        It 'adds' { }
    }
    # Under the old ids ('file > Describe > Context > It'), this test and Totals' 'adds' were the same node.
    It 'Totals > adds' { }
    # Pester's full name of this block is the one of the test above: the test keeps it, the block gets ' (2)'.
    Context 'Totals > adds' { It 'one' { } }
    It 'skipped' -Skip { }
}
Describe 'Region <_>' -ForEach 'EU', 'US' {
    It 'ships to <_>' { }
}
'@
        Set-Content (Join-Path $tests 'Price.Tests.ps1') "Describe 'Price' { It 'rounds 2.5 > 2' { } }"
    }
    Set-Content (Join-Path $dir 'child.ps1') @'
param($Root, $Module, $Pester)
$ErrorActionPreference = 'Stop'
Import-Module $Pester
$c = New-PesterConfiguration
$c.Run.Path = Join-Path $Root 'tests'; $c.Run.PassThru = $true; $c.Output.Verbosity = 'None'
$run = Invoke-Pester -Configuration $c
Export-JUnitReport -Result $run -Path (Join-Path $Root 'junit.xml')
Export-NUnitReport -Result $run -Path (Join-Path $Root 'nunit2.xml') -Format NUnit2.5
Export-NUnitReport -Result $run -Path (Join-Path $Root 'nunit3.xml') -Format NUnit3
Import-Module $Module
$null = $run | Import-WorkflowRun -WorkflowId Pester
foreach ($format in 'junit', 'nunit2', 'nunit3') { $null = Import-WorkflowRun -Path (Join-Path $Root "$format.xml") -WorkflowId $format }
@(foreach ($source in 'Pester', 'junit', 'nunit2', 'nunit3') {
    Get-NodeStatistics -WorkflowId $source | ForEach-Object { [pscustomobject]@{ Source = $source; NodeType = "$($_.NodeType)"; NodeId = $_.NodeId } }
}) | ConvertTo-Json | Set-Content (Join-Path $Root 'ids.json')
'@
    $script:ids = @{}
    foreach ($agent in 'agent1/work/shop', 'agent2/s') {
        $root = Join-Path $dir $agent
        & $pwsh @pwshPrefix -NoProfile -NonInteractive -File (Join-Path $dir 'child.ps1') $root (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') $pester
        if ($LASTEXITCODE -ne 0) { throw "The child pwsh that runs Pester failed ($LASTEXITCODE)." }
        $script:ids[$agent] = Get-Content (Join-Path $root 'ids.json') -Raw | ConvertFrom-Json
    }
    function script:Of($Agent, $Source, [string[]] $Type) {
        @($ids[$Agent] | Where-Object { $_.Source -eq $Source -and $_.NodeType -in $Type } | ForEach-Object NodeId | Sort-Object)
    }
    $script:expectedTests = @(
        'Cart.Tests.ps1 > Cart.Totals >> adds'
        'Cart.Tests.ps1 > Cart.Totals >> adds.one'
        'Cart.Tests.ps1 > Cart.Totals.adds 1 items'
        'Cart.Tests.ps1 > Cart.Totals.adds 2 items'
        'Cart.Tests.ps1 > Cart.Totals.adds'
        'Cart.Tests.ps1 > Cart.Totals.fails'
        'Cart.Tests.ps1 > Region EU.ships to EU'
        'Cart.Tests.ps1 > Region US.ships to US'
        'unit/Price.Tests.ps1 > Price.rounds 2.5 >> 2') | Sort-Object
}

AfterAll {
    Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Ids of a Pester run and of its reports' {
    It 'names every executed test by its relative file and Pester''s full name, from the <Source> of <Agent>' -TestCases @(
        foreach ($agent in 'agent1/work/shop', 'agent2/s') { foreach ($source in 'Pester', 'junit', 'nunit2', 'nunit3') { @{ Agent = $agent; Source = $source } } }
    ) {
        Of $Agent $Source Test | Should -Be $expectedTests
    }

    It 'keeps a test named with '' > '' apart from the nested test it used to merge with' {
        $tests = Of 'agent1/work/shop' Pester Test
        $tests | Should -Contain 'Cart.Tests.ps1 > Cart.Totals >> adds'
        $tests | Should -Contain 'Cart.Tests.ps1 > Cart.Totals.adds'
        ($tests | Sort-Object -Unique).Count | Should -Be $tests.Count
    }

    It 'names the blocks alike in the Pester run and both NUnit reports, and the files alike in all four' {
        $blocks = Of 'agent1/work/shop' Pester Block
        $blocks | Should -Contain 'Cart.Tests.ps1 > Cart.Totals'
        $blocks | Should -Contain 'Cart.Tests.ps1 > Region EU'
        $blocks | Should -Contain 'Cart.Tests.ps1 > Cart.Totals >> adds (2)'
        foreach ($agent in 'agent1/work/shop', 'agent2/s') {
            foreach ($source in 'nunit2', 'nunit3') { Of $agent $source Suite | Where-Object { $_ -ne 'Pester' } | Should -Be $blocks -Because "$source of $agent" }
            foreach ($source in 'Pester', 'junit', 'nunit2', 'nunit3') { Of $agent $source Container | Should -Be @('Cart.Tests.ps1', 'unit/Price.Tests.ps1') -Because "$source of $agent" }
        }
    }
}

Describe 'Import-WorkflowRun with nothing to import' {
    It 'imports nothing, silently, from an empty pipeline' {
        $out = @() | Import-WorkflowRun -WorkflowId empty-pipe -ErrorVariable problems
        $out | Should -BeNullOrEmpty
        $problems | Should -BeNullOrEmpty
        Get-WorkflowProfile -WorkflowId empty-pipe -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'says what to pipe when it gets $null, with the ErrorId ImportWorkflowRunNullInput' {
        $null | Import-WorkflowRun -WorkflowId null-pipe -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ImportWorkflowRunNullInput,*'
        $problems[0].Exception.Message | Should -BeLike '*Invoke-Pester -PassThru*'
        $problems[0].CategoryInfo.Category | Should -Be InvalidArgument
    }
}
