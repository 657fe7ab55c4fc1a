# Recording as users do it: Measure-Command and Import-Csv piped into Add-NodeTiming, then the run in flight
# read back with Get-NodeTiming and the usual object cmdlets.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Recording node timings' {
    BeforeEach {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
    }

    It 'takes the TimeSpan of Measure-Command by pipeline, in milliseconds' {
        Start-WorkflowProfile -WorkflowId pester
        $elapsed = Measure-Command { Start-Sleep -Milliseconds 20 }
        $elapsed | Add-NodeTiming -NodeId sleep
        $timing = Get-NodeTiming
        $timing.NodeId | Should -Be 'sleep'
        $timing.Duration | Should -Be $elapsed.TotalMilliseconds
        $timing.Duration | Should -BeGreaterOrEqual 15
        $null = Complete-WorkflowProfile
    }

    It 'binds Import-Csv rows by property name' {
        $csv = Join-Path $work 'steps.csv'
        @'
NodeId,Duration,NodeType,NodeLabel
restore,2500,dotnet,Restore packages
compile,812.5,dotnet,Compile
'@ | Set-Content $csv
        Start-WorkflowProfile -WorkflowId csv
        Import-Csv $csv | Add-NodeTiming
        $profile = Complete-WorkflowProfile -TotalDuration 4000
        $profile.NodeData.NodeId | Should -Be @('restore', 'compile')
        (Get-NodeStatistics -NodeId compile).AvgDuration | Should -Be 812.5
        (Get-NodeStatistics -NodeId restore).NodeLabel | Should -Be 'Restore packages'
        (Get-NodeStatistics -NodeId restore).NodeType | Should -Be 'dotnet'
    }

    It 'shows the run in flight to Select-Object and Sort-Object' {
        Start-WorkflowProfile -WorkflowId flight
        Add-NodeTiming -NodeId a -Duration 30
        Add-NodeTiming -NodeId b -Duration 10
        Add-NodeTiming -NodeId a -Duration 5
        $sorted = Get-NodeTiming | Sort-Object Duration | Select-Object -ExpandProperty Duration
        $sorted | Should -Be @(5, 10, 30)
        (Get-NodeTiming -NodeId a | Measure-Object Duration -Sum).Sum | Should -Be 35
        $null = Complete-WorkflowProfile
    }

    It 'reports bad durations without losing the good ones' {
        Start-WorkflowProfile -WorkflowId errors
        $records = @([pscustomobject]@{ NodeId = 'a'; Duration = 1 }, [pscustomobject]@{ NodeId = 'b'; Duration = -1 })
        $records | Add-NodeTiming -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'AddNodeTimingInvalidDuration,*'
        (Get-NodeTiming).NodeId | Should -Be 'a'
        $null = Complete-WorkflowProfile
    }

    It 'refuses to record with no run in flight and says what to do' {
        { Add-NodeTiming -NodeId x -Duration 1 -ErrorAction Stop } | Should -Throw '*Start-WorkflowProfile*'
    }
}
