# Compare-WorkflowRun -Run N after the window (-WindowSize) slid on: the run is judged as when it completed, -Run
# accepts exactly the runs .Runs lists, and AlertCount, Get-Bottleneck and the heatmap agree with the verdicts.
BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $manifest -Force
    $work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))

    function Invoke-Runs([string] $Id, [int] $Window, [double[]] $Durations, [string] $HistoryPath) {
        $i = 0
        foreach ($d in $Durations) {
            $i++
            $start = @{ WorkflowId = $Id; WindowSize = $Window }
            if ($HistoryPath) { $start.HistoryPath = $HistoryPath }
            Start-WorkflowProfile @start | Out-Null
            Add-NodeTiming -NodeId b -Duration $d
            $p = Complete-WorkflowProfile
            [pscustomobject]@{ Run = $i; Alerts = @($p.Alerts.NodeId) }
        }
    }

    function Get-SlowerNode([string] $Id, [int] $Run) {
        @(Compare-WorkflowRun $Id -Run $Run | Where-Object { $_.Scope -eq 'Node' -and $_.Verdict -eq 'Slower' } | ForEach-Object NodeId)
    }
}

AfterAll {
    Set-ProfilerOption -HistoryPath $null
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Compare-WorkflowRun on runs whose baseline slid out of the window' {
    BeforeEach {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
    }

    It 'judges run 6 Slower, as its alert says, after runs 7 and 8 (the tester''s repro)' {
        $done = Invoke-Runs w 4 (100, 100, 100, 100, 100, 200, 100, 100)
        ($done | Where-Object Run -eq 6).Alerts | Should -Be @('b')
        $runs = (Get-WorkflowProfile w).Runs
        $runs.RunNumber -join ',' | Should -Be '5,6,7,8'
        ($runs | Where-Object RunNumber -eq 6).AlertCount | Should -Be 1
        $b = Compare-WorkflowRun w -Run 6 | Where-Object Scope -eq Node
        $b.Verdict | Should -Be 'Slower'
        $b.BaselineRunNumbers -join ',' | Should -Be '2,3,4,5'
        foreach ($r in $runs) {
            @(Get-SlowerNode w $r.RunNumber).Count | Should -Be $r.AlertCount -Because "run $($r.RunNumber) has $($r.AlertCount) alerts"
        }
    }

    It 'agrees with AlertCount, Get-Bottleneck and the heatmap for the latest run, and after a reload from history' {
        $dir = Join-Path $work 'slid'
        $null = Invoke-Runs s 3 (100, 100, 100, 100, 100, 100, 250) -HistoryPath $dir
        (Get-SlowerNode s 7) | Should -Be @('b')
        ((Get-WorkflowProfile s).Runs | Where-Object RunNumber -eq 7).AlertCount | Should -Be 1
        (Get-Bottleneck s | Where-Object NodeId -eq b).IsAlert | Should -BeTrue
        (Show-Heatmap -WorkflowId s -NoColor | Where-Object NodeId -eq b).IsAlert | Should -BeTrue
        $null = Invoke-Runs s 3 (100, 100) -HistoryPath $dir

        Import-Module $manifest -Force
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        $null = Get-WorkflowProfile -HistoryPath $dir -WorkflowId s
        (Get-WorkflowProfile s).Runs.RunNumber -join ',' | Should -Be '7,8,9'
        $b = Compare-WorkflowRun s -Run 7 | Where-Object Scope -eq Node
        $b.Verdict | Should -Be 'Slower'
        $b.BaselineRunNumbers -join ',' | Should -Be '4,5,6'
        (Get-SlowerNode s 8).Count | Should -Be 0
        (Get-Bottleneck s | Where-Object NodeId -eq b).IsAlert | Should -BeFalse
    }

    It 'accepts exactly the runs .Runs lists and names them when refusing one (the second variant)' {
        $null = Invoke-Runs v 3 (100, 100, 100, 100, 100)
        $listed = (Get-WorkflowProfile v).Runs.RunNumber
        $listed -join ',' | Should -Be '3,4,5'
        foreach ($n in 0..6) {
            $lines = Compare-WorkflowRun v -Run $n -ErrorVariable err -ErrorAction SilentlyContinue
            if ($n -in $listed) {
                $err.Count | Should -Be 0
                ($lines | Where-Object Scope -eq Node).Verdict | Should -Not -Be 'New' -Because "b ran in the runs before run $n"
            }
            else {
                $lines | Should -BeNullOrEmpty
                $err[0].FullyQualifiedErrorId | Should -BeLike 'CompareWorkflowRunRunNotFound,*'
                $err[0].Exception.Message | Should -BeLike "Run $n is not in the window of workflow 'v', which holds runs 3 to 5 (*"
            }
        }
        (Compare-WorkflowRun v -Run 3 | Where-Object Scope -eq Node).BaselineRunNumbers -join ',' | Should -Be '1,2'
    }
}
