# Import-WorkflowRun fed by the real tools: a Pester 5 run, the JUnit, NUnit 2.5 and NUnit 3 reports Pester writes
# for it, and an Invoke-Build result. The tools run in a child pwsh (a Pester run inside a Pester test would share
# Pester's state), which imports the objects and hands back, as JSON, what the tools measured and what was recorded.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:dir = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    . (Join-Path $PSScriptRoot 'Fixtures/ToolPaths.ps1')   # $pester, $invokeBuild
    . (Join-Path $PSScriptRoot 'Fixtures/ChildPwsh.ps1')   # $pwsh, $pwshPrefix

    Set-Content (Join-Path $dir 'Cart.Tests.ps1') @'
Describe 'Cart' {
    Context 'Totals' {
        It 'adds <n> items' -TestCases @(@{ n = 1 }, @{ n = 2 }) { Start-Sleep -Milliseconds (5 * $n) }
        It 'applies the discount' { 1 | Should -Be 2 }
        It 'checks out later' -Skip { }
    }
    It 'empties' { }
}
'@
    Set-Content (Join-Path $dir 'x.build.ps1') @'
task Restore { Start-Sleep -Milliseconds 30 }
task Compile Restore, { Start-Sleep -Milliseconds 40 }
task Lint { Start-Sleep -Milliseconds 10 }
task Test Compile, Lint, { Start-Sleep -Milliseconds 20; throw 'tests failed' }
task . Test
'@
    Set-Content (Join-Path $dir 'child.ps1') @'
param($Dir, $Module, $Pester, $InvokeBuild)
$ErrorActionPreference = 'Stop'
Import-Module $Pester
$c = New-PesterConfiguration
$c.Run.Path = Join-Path $Dir 'Cart.Tests.ps1'; $c.Run.PassThru = $true; $c.Output.Verbosity = 'None'
$run = Invoke-Pester -Configuration $c
Export-JUnitReport -Result $run -Path (Join-Path $Dir 'reports/junit.xml')
Export-NUnitReport -Result $run -Path (Join-Path $Dir 'reports/nunit2.xml') -Format NUnit2.5
Export-NUnitReport -Result $run -Path (Join-Path $Dir 'reports/nunit3.xml') -Format NUnit3
Import-Module $Module
$imported = $run | Import-WorkflowRun -WorkflowId pester
$tests = foreach ($t in $run.Containers.Blocks.Blocks.Tests + $run.Containers.Blocks.Tests) { [pscustomobject]@{ Path = $t.ExpandedPath; Result = "$($t.Result)"; Ms = $t.Duration.TotalMilliseconds } }
Import-Module $InvokeBuild
Invoke-Build . (Join-Path $Dir 'x.build.ps1') -Result build -Safe 6> $null
$builtImport = $build | Import-WorkflowRun -WorkflowId build
$again = $build | Import-WorkflowRun -WorkflowId build -WarningAction SilentlyContinue
[pscustomobject]@{
    Pester = [pscustomobject]@{ Total = $run.Duration.TotalMilliseconds; Discovery = $run.DiscoveryDuration.TotalMilliseconds; Tests = @($tests)
        Imported = $imported; Run = (Get-WorkflowProfile pester).Runs[0]
        Nodes = @(Get-NodeStatistics -WorkflowId pester | Select-Object NodeId, NodeType, LastDuration, AvgSelfDuration, @{ n = 'LastStatus'; e = { "$($_.LastStatus)" } }) }
    Build = [pscustomobject]@{ Total = $build.Elapsed.TotalMilliseconds; Tasks = @($build.Tasks | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Ms = $_.Elapsed.TotalMilliseconds; Failed = $null -ne $_.Error } })
        Imported = $builtImport; Again = $again; Run = (Get-WorkflowProfile build).Runs[0]
        Nodes = @(Get-NodeStatistics -WorkflowId build | Select-Object NodeId, NodeType, LastDuration, AvgSelfDuration, @{ n = 'LastStatus'; e = { "$($_.LastStatus)" } }) }
} | ConvertTo-Json -Depth 6 | Set-Content (Join-Path $Dir 'result.json')
'@
    $null = New-Item -ItemType Directory (Join-Path $dir 'reports')
    & $pwsh @pwshPrefix -NoProfile -NonInteractive -File (Join-Path $dir 'child.ps1') $dir.FullName (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') $pester $invokeBuild
    if ($LASTEXITCODE -ne 0) { throw "The child pwsh that runs Pester and Invoke-Build failed ($LASTEXITCODE)." }
    $script:result = Get-Content (Join-Path $dir 'result.json') -Raw | ConvertFrom-Json
}

AfterAll {
    Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A Pester run piped to Import-WorkflowRun' {
    It 'records a node per executed test, named by file and Pester''s full name with data-driven names expanded' {
        $ids = $result.Pester.Nodes | Where-Object NodeType -eq Test | ForEach-Object NodeId
        $ids | Sort-Object | Should -Be @(
            'Cart.Tests.ps1 > Cart.empties'
            'Cart.Tests.ps1 > Cart.Totals.adds 1 items'
            'Cart.Tests.ps1 > Cart.Totals.adds 2 items'
            'Cart.Tests.ps1 > Cart.Totals.applies the discount')
    }

    It 'uses Pester''s own duration for every test' {
        foreach ($t in $result.Pester.Tests | Where-Object Result -ne Skipped) {
            $id = 'Cart.Tests.ps1 > ' + $t.Path
            $node = $result.Pester.Nodes | Where-Object NodeId -eq $id
            # A failed test's time stays out of the node's statistics (issue 11); its status says it failed.
            if ($t.Result -eq 'Failed') { $node.LastStatus | Should -Be 'Failed' -Because $id }
            else { $node.LastDuration | Should -Be $t.Ms -Because $id }
        }
    }

    It 'nests tests under blocks under the file, with the types Test, Block, Container and Framework' {
        ($result.Pester.Nodes | Where-Object NodeId -eq 'Cart.Tests.ps1').NodeType | Should -Be Container
        ($result.Pester.Nodes | Where-Object NodeId -eq 'Cart.Tests.ps1 > Cart.Totals').NodeType | Should -Be Block
        ($result.Pester.Nodes | Where-Object NodeId -eq '(discovery)').LastDuration | Should -Be $result.Pester.Discovery
        # 'applies the discount' failed, so the blocks and the file around it failed too (ImportPesterFailure.Tests.ps1).
        ($result.Pester.Nodes | Where-Object NodeType -in Block, Container).LastStatus | Should -Be Failed, Failed, Failed
    }

    It 'makes the run''s total Pester''s, counts the failed and skipped tests, and records the failure' {
        $result.Pester.Run.TotalDuration | Should -Be $result.Pester.Total
        $result.Pester.Imported.TestCount | Should -Be 4
        $result.Pester.Imported.FailedCount | Should -Be 1
        $result.Pester.Imported.SkippedCount | Should -Be 1
        $result.Pester.Run.FailedCount | Should -Be 4   # the test, Cart.Totals, Cart and the file
        # The top-level nodes, one after another, add up to Pester's total (the file's time is its failed execution's).
        [math]::Round($result.Pester.Run.CriticalPath, 6) | Should -Be ([math]::Round($result.Pester.Total, 6))
    }
}

Describe 'The reports Pester writes for the same run' {
    It 'imports its <Format> report with the same tests, failures and skips' -TestCases @(
        @{ Format = 'JUnit'; File = 'junit.xml' }
        @{ Format = 'NUnit2'; File = 'nunit2.xml' }
        @{ Format = 'NUnit3'; File = 'nunit3.xml' }
    ) {
        $r = Import-WorkflowRun -Path (Join-Path $dir "reports/$File") -WorkflowId "report-$Format"
        $r.Format | Should -Be $Format
        $r.TestCount | Should -Be 4
        $r.FailedCount | Should -Be 1
        ($r.SkippedCount + $r.NotRunCount) | Should -Be 1
        $failed = Get-NodeStatistics -WorkflowId "report-$Format" | Where-Object NodeId -like '*applies the discount'
        $failed | Should -HaveCount 1
    }

    It 'imports the three reports of one folder as three runs, and each only once' {
        $first = Import-WorkflowRun -Path (Join-Path $dir 'reports/*.xml') -WorkflowId all-reports
        $first.RunNumber | Should -Be 1, 2, 3
        $again = Import-WorkflowRun -Path (Join-Path $dir 'reports/*.xml') -WorkflowId all-reports -WarningAction SilentlyContinue
        $again.AlreadyImported | Should -Be $true, $true, $true
        (Get-WorkflowProfile all-reports).RunCount | Should -Be 3
    }
}

Describe 'An Invoke-Build result piped to Import-WorkflowRun' {
    It 'records a node per task with the task''s Elapsed and failed tasks Failed' {
        foreach ($t in $result.Build.Tasks) {
            $node = $result.Build.Nodes | Where-Object NodeId -eq $t.Name
            # A failed task's time stays out of the node's statistics (issue 11); its status says it failed.
            if ($t.Failed) { $node.LastStatus | Should -Be 'Failed' -Because $t.Name }
            else { $node.LastDuration | Should -Be $t.Ms -Because $t.Name }
        }
        $result.Build.Run.FailedCount | Should -Be @($result.Build.Tasks | Where-Object Failed).Count
        $result.Build.Run.TotalDuration | Should -Be $result.Build.Total
        $result.Build.Again.AlreadyImported | Should -BeTrue
    }

    It 'nests tasks as they call tasks: self time is Elapsed minus the called tasks' {
        $ms = @{}; foreach ($t in $result.Build.Tasks) { $ms[$t.Name] = $t.Ms }
        $self = @{}; foreach ($n in $result.Build.Nodes) { $self[$n.NodeId] = $n.AvgSelfDuration }
        $self['Restore'] | Should -Be $ms['Restore']
        $self['Compile'] | Should -Be ([math]::Max(0.0, $ms['Compile'] - $ms['Restore']))
        # Test threw, so Test and '.' (which calls it) are Failed and their times stay out of the statistics.
        ($result.Build.Nodes | Where-Object NodeId -eq 'Test').LastStatus | Should -Be 'Failed'
    }
}

Describe 'An Invoke-Build result with a nested build' {
    It 'nests the tasks of a build invoked inside a task under that task, so no time is counted twice' {
        Set-Content (Join-Path $dir 'sub.build.ps1') 'task Inner { Start-Sleep -Milliseconds 120 }'
        Set-Content (Join-Path $dir 'z.build.ps1') ('task Outer { Start-Sleep -Milliseconds 30; Invoke-Build Inner ''' + (Join-Path $dir 'sub.build.ps1').Replace("'", "''") + ''' }')
        Set-Content (Join-Path $dir 'nested.ps1') @'
param($Dir, $Module, $InvokeBuild)
$ErrorActionPreference = 'Stop'
Import-Module $InvokeBuild
Invoke-Build Outer (Join-Path $Dir 'z.build.ps1') -Result r *> $null
Import-Module $Module
$null = $r | Import-WorkflowRun -WorkflowId nested
[pscustomobject]@{
    Tasks = @($r.Tasks | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Ms = $_.Elapsed.TotalMilliseconds } })
    Nodes = @(Get-NodeStatistics -WorkflowId nested | Select-Object NodeId, ParentId, LastDuration, AvgSelfDuration)
    Run = (Get-WorkflowProfile nested).Runs[0] | Select-Object TotalDuration, NodeTimeSum
} | ConvertTo-Json -Depth 4 | Set-Content (Join-Path $Dir 'nested.json')
'@
        & $pwsh @pwshPrefix -NoProfile -NonInteractive -File (Join-Path $dir 'nested.ps1') $dir.FullName (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') $invokeBuild
        $LASTEXITCODE | Should -Be 0
        $nested = Get-Content (Join-Path $dir 'nested.json') -Raw | ConvertFrom-Json
        $ms = @{}; foreach ($t in $nested.Tasks) { $ms[$t.Name] = $t.Ms }
        $inner = $nested.Nodes | Where-Object NodeId -eq 'Inner'
        $outer = $nested.Nodes | Where-Object NodeId -eq 'Outer'
        $inner.ParentId | Should -Be 'Outer'
        $outer.AvgSelfDuration | Should -Be ([math]::Max(0.0, $ms['Outer'] - $ms['Inner']))
        $nested.Run.NodeTimeSum | Should -BeLessOrEqual ($nested.Run.TotalDuration + 0.001)
    }
}
