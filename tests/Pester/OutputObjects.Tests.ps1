# What the output objects carry once they leave the view: enum-typed facts as their names (ConvertTo-Json and
# Export-Csv write an enum's number), and no duration for a node that never succeeded (null, blank, '-'; never 0 or NaN).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    Set-ProfilerOption -HistoryPath $null   # an earlier file in the same runspace may have set one
    $script:work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
    # Six runs: 'steady' succeeds every time, 'failer' fails every time, 'halted' is stopped every time;
    # 'test' and the total double in the last run so the comparison says Slower for 'test' (the total of a run with a
    # failed step is judged Failed, never by its time).
    foreach ($i in 1..6) {
        Start-WorkflowProfile -WorkflowId shapes
        Add-NodeTiming -NodeId steady -Duration (100 + $i)
        Add-NodeTiming -NodeId test -Duration $(if ($i -eq 6) { 4000 } else { 2000 + $i })
        Add-NodeTiming -NodeId failer -Duration 50 -Status Failed
        Add-NodeTiming -NodeId halted -Duration 30 -Status Stopped
        $null = Complete-WorkflowProfile -TotalDuration $(if ($i -eq 6) { 6000 } else { 3000 + $i })
    }
    # A number where a name belongs: "Verdict": 2, "Status": 0 ...
    $script:enumAsNumber = '"(Verdict|Scope|Status|LastStatus|Statistic|TotalSource|Kind|State)"\s*:\s*\d'
}

AfterAll {
    Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Enum-typed properties are names' {
    It 'writes names, not numbers, in ConvertTo-Json of every output' {
        $run = Start-WorkflowProfile -WorkflowId live -PassThru
        Add-NodeTiming -NodeId step -Duration 5 -Status Failed
        $outputs = [ordered]@{
            Run            = $run
            NodeTiming     = Get-NodeTiming -WorkflowId live
            Statistics     = Get-NodeStatistics -WorkflowId shapes
            Bottleneck     = Get-Bottleneck -WorkflowId shapes -Top 10
            Heatmap        = Show-Heatmap -WorkflowId shapes
            Comparison     = Compare-WorkflowRun -WorkflowId shapes
            Budget         = Test-WorkflowBudget -WorkflowId shapes -NodeId steady, test -Maximum 3000 -Statistic P95
            Profile        = Get-WorkflowProfile -WorkflowId shapes
            Recommendation = Get-WorkflowRecommendation -WorkflowId shapes
        }
        $null = Complete-WorkflowProfile -WorkflowId live
        foreach ($name in $outputs.Keys) {
            @($outputs[$name]).Count | Should -BeGreaterThan 0 -Because $name
            $json = $outputs[$name] | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue
            $json | Should -Not -Match $script:enumAsNumber -Because "$name must write enum members by name"
            $json | Should -Not -Match 'NaN|Infinity' -Because $name
        }
        ($outputs.NodeTiming | ConvertTo-Json | ConvertFrom-Json).Status | Should -Be 'Failed'
        $run.State | Should -Be 'Completed'   # the live run object follows the run
        $run.IsRunning | Should -BeFalse
        (@($outputs.Budget)[0] | ConvertTo-Json | ConvertFrom-Json).Statistic | Should -Be 'P95'
        ($outputs.Profile.Runs | Select-Object -Last 1).TotalSource | Should -Be 'Given'
        $outputs.Profile.Comparison.Verdict | Should -Be 'Failed'
        ($outputs.Profile.Alerts | ConvertTo-Json | ConvertFrom-Json).Verdict | Should -Be 'Slower'
    }

    It 'keeps the properties strings that filter by name' {
        $lines = Compare-WorkflowRun -WorkflowId shapes
        $lines[0].Verdict | Should -BeOfType [string]
        ($lines | Where-Object Verdict -eq 'Slower').NodeId | Should -Contain 'test'
        ($lines | Where-Object Scope -eq Workflow).Verdict | Should -Be 'Failed'
        ($lines | Where-Object NodeId -eq failer).Verdict | Should -Be 'Failed'
        (Get-NodeStatistics -WorkflowId shapes -NodeId halted).LastStatus | Should -Be 'Stopped'
        (Get-Bottleneck -WorkflowId shapes -Top 10 | Where-Object LastStatus -eq Failed).NodeId | Should -Be 'failer'
    }

    It 'writes names in Export-Csv' {
        $csv = Join-Path $script:work 'comparison.csv'
        Compare-WorkflowRun -WorkflowId shapes | Export-Csv -LiteralPath $csv
        $rows = Import-Csv -LiteralPath $csv
        ($rows | Where-Object NodeId -eq test).Verdict | Should -Be 'Slower'
        ($rows | Where-Object NodeId -eq test).Scope | Should -Be 'Node'
    }
}

Describe 'A node that never succeeded has no durations' {
    It 'has null statistics in Get-NodeStatistics, Get-Bottleneck and Show-Heatmap rows' {
        $node = Get-NodeStatistics -WorkflowId shapes -NodeId failer
        $node.RunCount | Should -Be 0
        foreach ($p in 'AvgDuration', 'MinDuration', 'MaxDuration', 'LastDuration', 'MedianDuration', 'P95Duration', 'StdDevDuration',
            'CoefficientOfVariation', 'AvgSelfDuration', 'LastSelfDuration', 'AllTimeAvgDuration', 'AllTimeMinDuration', 'AllTimeMaxDuration', 'AllTimeStdDevDuration') {
            $node.$p | Should -BeNullOrEmpty -Because $p
        }
        $bottleneck = Get-Bottleneck -WorkflowId shapes -Top 10 | Where-Object NodeId -eq failer
        foreach ($p in 'AvgDuration', 'AvgSelfDuration', 'MaxDuration', 'LastDuration') { $bottleneck.$p | Should -BeNullOrEmpty -Because $p }
        $row = Show-Heatmap -WorkflowId shapes -All | Where-Object NodeId -eq failer
        $row.AvgDuration | Should -BeNullOrEmpty
        $row.LastDuration | Should -BeNullOrEmpty
        # A node that did succeed keeps its numbers.
        (Get-NodeStatistics -WorkflowId shapes -NodeId steady).AvgDuration | Should -Be 103.5
    }

    It 'writes null in JSON and a blank cell with Export-Csv' {
        $json = Get-NodeStatistics -WorkflowId shapes -NodeId failer | ConvertTo-Json
        $json | Should -Match '"AvgDuration":\s*null'
        $json | Should -Match '"P95Duration":\s*null'
        $json | Should -Not -Match 'NaN'
        $csv = Join-Path $script:work 'stats.csv'
        Get-NodeStatistics -WorkflowId shapes | Export-Csv -LiteralPath $csv
        $failer = Import-Csv -LiteralPath $csv | Where-Object NodeId -eq failer
        $failer.AvgDuration | Should -BeExactly ''
        $failer.P95Duration | Should -BeExactly ''
    }

    It 'writes blank cells with Export-WorkflowProfile -Format Csv and - in Markdown' {
        $csv = Join-Path $script:work 'profile.csv'
        Export-WorkflowProfile -WorkflowId shapes -Path $csv -Format Csv
        $failer = Import-Csv -LiteralPath $csv | Where-Object NodeId -eq failer
        foreach ($p in 'AvgDuration', 'MedianDuration', 'P95Duration', 'MinDuration', 'MaxDuration', 'LastDuration', 'AllTimeAvgDuration') {
            $failer.$p | Should -BeExactly '' -Because $p
        }
        $md = Join-Path $script:work 'profile.md'
        Export-WorkflowProfile -WorkflowId shapes -Path $md -Format Markdown
        $line = Get-Content -LiteralPath $md | Where-Object { $_ -match '^\| failer \|' } | Select-Object -Last 1
        $line | Should -Match '^\| failer \|  \| 0 \| - \| - \| - \| - \| - \| - \| - \|'
        $line | Should -Not -Match '0\.0'
    }

    It 'shows - in the HTML report, never 0 ms' {
        $html = Join-Path $script:work 'report.html'
        Export-WorkflowReport -WorkflowId shapes -Path $html
        $text = Get-Content -LiteralPath $html -Raw
        $text | Should -Not -Match '<th class="avg">0 ms</th>'
        $text | Should -Match '<th class="avg">-</th>'
    }

    It 'fails a budget on it with a result that says it has no successful run' {
        $r = Test-WorkflowBudget -WorkflowId shapes -NodeId failer -Maximum 100 -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        $r.Passed | Should -BeFalse
        $r.Checked | Should -BeFalse
        $r.Value | Should -BeNullOrEmpty
        $r.Headroom | Should -BeNullOrEmpty
        $r.Message | Should -Match "no successful run"
        $r.Message | Should -Match 'Failed 6'
        $r.Message | Should -Not -Match 'fix the id'
        ($r | ConvertTo-Json) | Should -Match '"Value":\s*null'
        ($r | ConvertTo-Json) | Should -Not -Match 'NaN'
        (Test-WorkflowBudget -WorkflowId shapes -NodeId halted -Maximum 100).Message | Should -Match 'Stopped 6'
        Test-WorkflowBudget -WorkflowId shapes -NodeId failer -Maximum 100 -Quiet | Should -BeFalse
        { Test-WorkflowBudget -WorkflowId shapes -NodeId failer -Maximum 100 -Assert } | Should -Throw -ErrorId 'TestWorkflowBudgetExceeded*'
    }

    It 'still says an id that names no node is not found' {
        (Test-WorkflowBudget -WorkflowId shapes -NodeId nosuch -Maximum 100).Message | Should -Match 'fix the id'
    }
}
