#Requires -Modules Pester
# What a user types: a failed run is never Faster for the workflow, outliers follow the one rule, and no
# recommendation saves more than the run took (a hand-given child longer than its Measure-WorkflowNode parent).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:dir = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    function Invoke-GoodRun([string] $Id) {
        Start-WorkflowProfile -WorkflowId $Id | Out-Null
        Add-NodeTiming compile 500; Add-NodeTiming test 500
        $null = Complete-WorkflowProfile
    }
}

AfterAll {
    Clear-WorkflowProfile -WorkflowId * -Force -ErrorAction SilentlyContinue
    Remove-Item $script:dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The workflow total of a failed run' {
    It 'is Failed, not Faster, in Complete-WorkflowProfile and Compare-WorkflowRun' {
        foreach ($i in 1..6) { Invoke-GoodRun ff }
        Start-WorkflowProfile -WorkflowId ff | Out-Null
        Add-NodeTiming compile 10 -Status Failed
        $result = Complete-WorkflowProfile
        $result.Comparison.Verdict | Should -Be 'Failed'
        $result.Comparison.DeltaPercent | Should -BeNullOrEmpty
        $total = Compare-WorkflowRun ff | Where-Object Scope -eq Workflow
        $total.Verdict | Should -Be 'Failed'
        (Compare-WorkflowRun ff | Out-String -Width 120) | Should -Match 'Failed\s+-\s+1,000\.0\s+\(workflow total\)'
    }

    It 'is Stopped when its only unsuccessful step was stopped' {
        foreach ($i in 1..4) { Invoke-GoodRun st }
        Start-WorkflowProfile -WorkflowId st | Out-Null
        Add-NodeTiming compile 10 -Status Stopped
        (Complete-WorkflowProfile).Comparison.Verdict | Should -Be 'Stopped'
    }

    It 'stays out of the baseline of the next healthy run' {
        foreach ($i in 1..3) { Invoke-GoodRun g }
        foreach ($i in 1..5) {
            Start-WorkflowProfile -WorkflowId g | Out-Null
            Add-NodeTiming compile 10 -Status Failed
            $null = Complete-WorkflowProfile
        }
        Invoke-GoodRun g
        $total = Compare-WorkflowRun g | Where-Object Scope -eq Workflow
        $total.Verdict | Should -Be 'Same'
        $total.BaselineRunNumbers | Should -Be @(1, 2, 3)
        (Get-WorkflowProfile g).Comparison.Verdict | Should -Be 'Same'
    }
}

Describe 'Outliers' {
    It 'flags the 200 ms run, not 0.2 ms of jitter, everywhere they are shown' {
        $v = 50, 50, 50, 50, 200, 50, 50, 50, 50, 50, 50, 50.2, 50.2, 50.2, 50.2, 50.2, 50.2, 50.2, 50.2, 50
        foreach ($ms in $v) {
            Start-WorkflowProfile -WorkflowId nz | Out-Null
            Add-NodeTiming x $ms; Add-NodeTiming y 100
            $null = Complete-WorkflowProfile
        }
        $x = Get-NodeStatistics -WorkflowId nz -NodeId x
        $x.OutlierCount | Should -Be 1
        $x.Outliers[4] | Should -BeTrue
        (Get-WorkflowRecommendation nz | Where-Object Kind -eq Noisy).Evidence | Should -Match ', 1 outlier \('
        $csv = Join-Path $script:dir 'nz.csv'
        Export-WorkflowProfile -WorkflowId nz -Format SamplesCsv -Path $csv
        @(Import-Csv $csv | Where-Object { $_.NodeId -eq 'x' -and $_.IsOutlier -eq 'True' }).RunNumber | Should -Be '5'
    }

    It 'does not flag a first run that IsFirstRunSlow calls warm' {
        foreach ($ms in @(50.2) + @(50) * 9) {
            Start-WorkflowProfile -WorkflowId fr | Out-Null
            Add-NodeTiming x $ms
            $null = Complete-WorkflowProfile
        }
        $x = Get-NodeStatistics -WorkflowId fr -NodeId x
        $x.IsFirstRunSlow | Should -BeFalse
        $x.Outliers[0] | Should -BeFalse
    }
}

Describe 'A hand-given child longer than its parent' {
    It 'gets no saving larger than the run and is not called the critical path' {
        foreach ($i in 1..5) {
            Start-WorkflowProfile -WorkflowId ep | Out-Null
            Measure-WorkflowNode build { Add-NodeTiming test 5000 } 3>$null
            Add-NodeTiming pack 100
            $null = Complete-WorkflowProfile
        }
        $runs = (Get-WorkflowProfile ep).Runs
        $shortest = ($runs | Measure-Object TotalDuration -Minimum).Minimum
        $found = Get-WorkflowRecommendation ep
        $found | Should -Not -BeNullOrEmpty
        foreach ($r in $found) { $r.EstimatedSaving | Should -BeLessOrEqual $shortest }
        $found | Where-Object { $_.Kind -eq 'CriticalPath' -and $_.NodeId -eq 'test' } | Should -BeNullOrEmpty
        ($found | Where-Object Kind -eq CriticalPath).NodeId | Should -Be 'pack'
    }
}
