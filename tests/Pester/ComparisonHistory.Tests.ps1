# History folders, Compare-WorkflowRun and the profile exports, through a real shell and module reloads.
BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $manifest -Force
    $work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
}

AfterAll {
    Set-ProfilerOption -HistoryPath $null
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'History, comparison and exports in a real shell' {
    BeforeEach {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        Set-ProfilerOption -HistoryPath $null
    }

    It 'keeps history across module reloads and compares runs' {
        $dir = Join-Path $work 'history'
        foreach ($ms in 100, 101, 99, 100, 160) {
            Start-WorkflowProfile -WorkflowId hist -HistoryPath $dir
            Add-NodeTiming compile $ms
            $null = Complete-WorkflowProfile
        }
        Import-Module $manifest -Force
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        Start-WorkflowProfile -WorkflowId hist -HistoryPath $dir
        (Get-NodeStatistics compile).Durations.Count | Should -Be 5
        (Compare-WorkflowRun hist | Where-Object NodeId -eq compile).Verdict | Should -Be 'Slower'
    }

    It 'judges the latest run node by node, and the verdicts sort and serialise' {
        foreach ($ms in 100, 101, 99, 100, 102) {
            Start-WorkflowProfile -WorkflowId cmp
            Add-NodeTiming steady 50
            Add-NodeTiming grows $ms
            $null = Complete-WorkflowProfile
        }
        Start-WorkflowProfile -WorkflowId cmp
        Add-NodeTiming steady 50
        Add-NodeTiming grows 300
        $null = Complete-WorkflowProfile
        $verdicts = Compare-WorkflowRun cmp
        ($verdicts | Where-Object NodeId -eq grows).Verdict | Should -Be 'Slower'
        ($verdicts | Where-Object NodeId -eq steady).Verdict | Should -Be 'Same'
        ($verdicts | Sort-Object DeltaPercent -Descending | Select-Object -First 1).NodeId | Should -Be 'grows'
        ($verdicts | ConvertTo-Json -Depth 4 -EnumsAsStrings | ConvertFrom-Json | Where-Object NodeId -eq grows).Verdict | Should -Be 'Slower'
        $text = $verdicts | Format-Table | Out-String -Width 200
        $text | Should -Match 'grows\s+Slower'
    }

    It 'exports CSV that Import-Csv reads and JSON that imports back' {
        foreach ($i in 1..3) { Start-WorkflowProfile -WorkflowId exp; Add-NodeTiming '=1+1' (10 * $i); $null = Complete-WorkflowProfile }
        $csv = Join-Path $work 'stats.csv'
        Export-WorkflowProfile -Path $csv -Format Csv
        (Import-Csv $csv).NodeId | Should -Be "'=1+1"
        $json = Join-Path $work 'exp.json'
        Export-WorkflowProfile -Path $json
        Clear-WorkflowProfile exp -Confirm:$false
        (Import-WorkflowProfile $json).RunCount | Should -Be 3
        (Get-NodeStatistics -WorkflowId exp).Durations | Should -Be @(10, 20, 30)
    }

    It 'keeps nested steps whole through export and import' {
        foreach ($i in 1..2) {
            Start-WorkflowProfile -WorkflowId nest
            Measure-WorkflowNode outer { Measure-WorkflowNode inner { Start-Sleep -Milliseconds 5 } }
            $null = Complete-WorkflowProfile
        }
        $json = Join-Path $work 'nest.json'
        Export-WorkflowProfile -Path $json -WorkflowId nest
        $self = (Get-NodeStatistics outer -WorkflowId nest).SelfDurations
        Clear-WorkflowProfile nest -Confirm:$false
        $null = Import-WorkflowProfile $json
        (Get-NodeStatistics outer -WorkflowId nest).SelfDurations | Should -Be $self
        (Get-WorkflowProfile nest).Runs.CriticalPathNodes | Should -Be @('outer', 'outer')
        $again = Join-Path $work 'nest2.json'
        Export-WorkflowProfile -Path $again -WorkflowId nest
        (Get-FileHash $again).Hash | Should -Be (Get-FileHash $json).Hash
    }
}
