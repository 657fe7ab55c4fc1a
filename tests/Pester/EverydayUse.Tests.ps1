# What a person sees in a real shell (issue 14): the heatmap in any position, redirected, at 80 columns and in a
# runspace without a UI; histories opened read-only; failures in every view; views that fit 80 columns.
BeforeAll {
    $script:manifest = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $script:manifest -Force
    $script:work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))

    # Six runs of a small nightly build; 'test' doubles in the last run and fails in two of them.
    $script:setup = @'
foreach ($i in 1..6) {
    Start-WorkflowProfile -WorkflowId nightly -WorkflowName 'Nightly build'
    Add-NodeTiming -NodeId restore -Duration (2500 + $i) -NodeLabel 'Restore packages'
    Add-NodeTiming -NodeId compile -Duration (5100 + 100 * ($i % 3)) -NodeLabel 'Compile'
    $test = if ($i -eq 6) { 6000 } else { 3000 }
    Add-NodeTiming -NodeId test -Duration $test -NodeLabel 'Unit tests'
    Add-NodeTiming -NodeId lint -Duration 600
    Add-NodeTiming -NodeId package -Duration 850
    $null = Complete-WorkflowProfile
}
'@

    . (Join-Path $PSScriptRoot 'Fixtures/Terminal.ps1')   # Invoke-InTerminal
}

BeforeDiscovery {
    # A pseudo-terminal of a chosen width comes from util-linux 'script'; without it those tests are skipped.
    $script:hasTerminal = [bool](Get-Command script -CommandType Application -ErrorAction SilentlyContinue)
}

AfterAll {
    Remove-Item -LiteralPath $script:work -Recurse -Force
}

Describe 'Show-Heatmap reads as a heatmap wherever it is shown' {
    BeforeEach {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        . ([scriptblock]::Create($script:setup))
    }

    It 'after a table on the same line, rows stay heatmap lines, not property lists' {
        $text = & { Get-Bottleneck -Top 1; Show-Heatmap -Top 1 } | Out-String
        $text | Should -Match 'Heatmap: Nightly build'
        $text | Should -Match ' 1  Compile\s+hot\s+█+'
        $text | Should -Match 'Others \(4 nodes\)\s+█+\+? total'
        $text | Should -Not -Match 'AlertReason\s*:'
        $text | Should -Not -Match 'WorkflowName\s*:'
    }

    It 'redirected to a file from a colour terminal, the lines keep the heat words and no escape codes' -Skip:(-not $script:hasTerminal) {
        $file = Join-Path $script:work 'heatmap.txt'
        $screen = Invoke-InTerminal -Columns 100 -Script ($script:setup + "`nShow-Heatmap > '$file'`nShow-Heatmap -Top 1")
        $screen | Should -Match ' 1  Compile\s+hot '
        $text = Get-Content -LiteralPath $file -Raw
        $text | Should -Match ' 1  Compile\s+hot '
        $text | Should -Match 'Restore packages\s+warm '
        $text | Should -Not -Match "`e"
    }

    It 'rows kept in a variable are drawn for the display they end up on' {
        $rows = Show-Heatmap
        $PSStyle.OutputRendering = 'PlainText'
        try { $plain = $rows | Out-String } finally { $PSStyle.OutputRendering = 'Host' }
        $plain | Should -Not -Match "`e"
        $plain | Should -Match 'hot'
        $rows[0].PSObject.Properties.Name | Should -Not -Contain 'Line'
        $rows[0].Heat | Should -Be 'hot'
        $rows[0].Bar | Should -Match '^█+$'
    }

    It 'in a runspace created without a host, it draws at the default width without HostFunctionNotImplemented' {
        $rs = [runspacefactory]::CreateRunspace()
        $rs.Open()
        try {
            $ps = [powershell]::Create()
            $ps.Runspace = $rs
            $null = $ps.AddScript("Import-Module '$script:manifest'`n$script:setup`nShow-Heatmap | Out-String")
            $text = -join $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            $text | Should -Match 'Heatmap: Nightly build'
            $text | Should -Match ' 1  Compile\s+hot'
            ($text -split "`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessThan 120
        }
        finally {
            $rs.Dispose()
        }
    }

    It 'at 80 columns in a terminal, after a table, every heatmap line fits' -Skip:(-not $script:hasTerminal) {
        $screen = Invoke-InTerminal -Columns 80 -Script ($script:setup + "`nGet-Bottleneck -Top 1; Show-Heatmap")
        $lines = $screen -split "`n"
        $heat = @($lines | Where-Object { $_ -match '█' })
        $heat.Count | Should -Be 5
        $heat | ForEach-Object { $_.Length | Should -BeLessThan 80 }
        $screen | Should -Match 'Heatmap: Nightly build'
        $screen | Should -Not -Match 'AlertReason\s*:'
    }
}

Describe 'Default views fit 80 columns and export readably' {
    BeforeEach {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        . ([scriptblock]::Create($script:setup))
    }

    It 'every default table view fits an 80-column terminal without wrapping a header' -Skip:(-not $script:hasTerminal) {
        $views = @'
Get-NodeStatistics
Get-Bottleneck
Get-WorkflowProfile
(Get-WorkflowProfile).Runs
(Get-WorkflowProfile).Alerts
(Get-WorkflowProfile).Comparison
Compare-WorkflowRun
Test-WorkflowBudget -NodeId compile -Maximum 5000
Start-WorkflowProfile -WorkflowId nightly
Add-NodeTiming -NodeId restore -Duration 2000 -NodeLabel 'Restore packages'
Get-NodeTiming
Start-WorkflowProfile -WorkflowId other -PassThru
'@
        $screen = Invoke-InTerminal -Columns 80 -Script ($script:setup + "`n" + (($views -split "`n" | ForEach-Object { "$_ | Out-Host" }) -join "`n"))
        $lines = $screen -split "`n"
        $lines | ForEach-Object { $_.Length | Should -BeLessThan 80 -Because $_ }
        $rules = 0
        for ($i = 1; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -match '^-+( +-+)*\s*$') {
                $rules++
                # One header line: a wrapped header would put a second header line above the rule.
                $lines[$i - 2].Trim() | Should -BeNullOrEmpty -Because "the header above line $i is one line: $($lines[$i - 1])"
            }
        }
        $rules | Should -Be 9   # Compare-WorkflowRun is one table, whatever the nodes' baseline sizes
    }

    It 'headers name properties: Format-Table with the header names shows the same values' {
        $run = (Get-WorkflowProfile).Runs[-1]
        $text = $run | Format-Table RunNumber, NodeCount, AlertCount | Out-String
        $text | Should -Match '\s6\s+5\s+1\s*$'
        $comparison = Compare-WorkflowRun | Select-Object -First 1
        $comparison.PSObject.Properties.Name | Should -Contain 'NodeId'
        $comparison.PSObject.Properties.Name | Should -Contain 'PValue'
    }

    It 'array properties export to CSV as text joined with semicolons, and stay lists in scripts' {
        $csv = Join-Path $script:work 'statistics.csv'
        Get-NodeStatistics | Export-Csv -LiteralPath $csv
        $rows = Import-Csv -LiteralPath $csv
        $text = Get-Content -LiteralPath $csv -Raw
        $text | Should -Not -Match 'System\.'
        ($rows | Where-Object NodeId -eq 'test').Durations | Should -Be '3000;3000;3000;3000;3000;6000'
        ($rows | Where-Object NodeId -eq 'test').RunNumbers | Should -Be '1;2;3;4;5;6'
        $test = Get-NodeStatistics -NodeId test
        $test.Durations.Count | Should -Be 6
        $test.Durations[-1] | Should -Be 6000
        ($test.Durations | Measure-Object -Maximum).Maximum | Should -Be 6000
        ($test | ConvertTo-Json | ConvertFrom-Json).Durations | Should -Be @(3000, 3000, 3000, 3000, 3000, 6000)
        Get-WorkflowProfile | ConvertTo-Csv | Out-String | Should -Not -Match 'System\.'
    }
}

Describe 'A history folder opens without starting a run' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        $script:history = Join-Path $script:work 'history'
        foreach ($ms in 100, 120, 140) {
            Start-WorkflowProfile -WorkflowId nightly -HistoryPath $script:history
            Add-NodeTiming -NodeId compile -Duration $ms
            $null = Complete-WorkflowProfile
        }
        Start-WorkflowProfile -WorkflowId 'other one' -HistoryPath $script:history
        Add-NodeTiming -NodeId x -Duration 5
        $null = Complete-WorkflowProfile
    }

    It 'a new process opens the folder read-only: profiles and statistics, no run, no warning' {
        $script = "Import-Module '$script:manifest'; Get-WorkflowProfile -HistoryPath '$script:history' | ForEach-Object { '{0}={1}' -f `$_.WorkflowId, `$_.RunCount }; (Get-NodeStatistics -WorkflowId nightly).AvgDuration; (Get-WorkflowProfile nightly).IsRunInProgress"
        $out = & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command $script 2>&1
        $out | Should -Be @('nightly=3', 'other one=1', '120', 'False')
    }

    It 'opens one workflow by id or wildcard, and says when the folder has no such history' {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        (Get-WorkflowProfile -HistoryPath $script:history -WorkflowId night*).WorkflowId | Should -Be 'nightly'
        (Get-WorkflowProfile).WorkflowId | Should -Be 'nightly'
        Get-WorkflowProfile -HistoryPath $script:history -WorkflowId nope -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'GetWorkflowProfileRunNotFound,*'
    }

    It 'Import-WorkflowProfile given a history file says what it is and what to run' {
        $file = Join-Path $script:history 'nightly.jsonl'
        Import-WorkflowProfile -Path $file -ErrorVariable wrong -ErrorAction SilentlyContinue
        $wrong[0].Exception.Message | Should -Match 'history file of workflow .nightly.'
        $wrong[0].Exception.Message | Should -Match 'Get-WorkflowProfile -HistoryPath'
    }

    It 'Repair-WorkflowHistory drops a torn line and keeps a backup; loads no longer warn' {
        $file = Join-Path $script:history 'nightly.jsonl'
        Add-Content -LiteralPath $file -Value '{"format":"Profiler.PS.History","schemaVers'
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        $null = Get-WorkflowProfile -HistoryPath $script:history -WorkflowId nightly -WarningVariable before -WarningAction SilentlyContinue
        $before.Count | Should -Be 1
        $result = Repair-WorkflowHistory -WorkflowId nightly -HistoryPath $script:history
        $result.KeptCount | Should -Be 3
        $result.RemovedCount | Should -Be 1
        Test-Path -LiteralPath $result.BackupPath | Should -BeTrue
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        $profile2 = Get-WorkflowProfile -HistoryPath $script:history -WorkflowId nightly -WarningVariable after
        $after.Count | Should -Be 0
        $profile2.RunCount | Should -Be 3
    }

    It 'Remove-WorkflowHistory honours -WhatIf and deletes with -Confirm:$false' {
        Remove-WorkflowHistory -WorkflowId 'other*' -HistoryPath $script:history -WhatIf
        Test-Path -LiteralPath (Join-Path $script:history 'other%20one.jsonl') | Should -BeTrue
        Remove-WorkflowHistory -WorkflowId 'other*' -HistoryPath $script:history -Confirm:$false
        Test-Path -LiteralPath (Join-Path $script:history 'other%20one.jsonl') | Should -BeFalse
        Test-Path -LiteralPath (Join-Path $script:history 'nightly.jsonl') | Should -BeTrue
    }
}

Describe 'Failures are visible in every view' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        # 'test' fails in runs 2, 4 and 6 of six; the other nodes always succeed.
        foreach ($i in 1..6) {
            Start-WorkflowProfile -WorkflowId flaky -WorkflowName 'Flaky build'
            Add-NodeTiming -NodeId compile -Duration (5000 + $i)
            $status = if ($i % 2 -eq 0) { 'Failed' } else { 'Succeeded' }
            Add-NodeTiming -NodeId test -Duration (3000 + $i) -Status $status
            Add-NodeTiming -NodeId lint -Duration 600
            $null = Complete-WorkflowProfile
        }
    }

    It 'Get-NodeStatistics: the properties and the Fail column of the default view' {
        $test = Get-NodeStatistics -WorkflowId flaky -NodeId test
        $test.WindowFailedCount | Should -Be 3
        $test.AllTimeFailedCount | Should -Be 3
        $test.RunCount | Should -Be 3
        $test.LastStatus | Should -Be 'Failed'
        $lines = (Get-NodeStatistics -WorkflowId flaky | Out-String -Width 80) -split "`n"
        $header = $lines | Where-Object { $_ -match '\sNodeId$' }
        $header | Should -Match '\bFail\b'
        $row = $lines | Where-Object { $_ -match '\stest$' }
        $row | Should -Match '^\s*3\s+3\s'   # Runs 3 (successful), Fail 3; the id comes last
        ($lines | Where-Object { $_ -match '\scompile$' }) | Should -Match '^\s*6\s+\d'
    }

    It 'Get-Bottleneck: the properties and the Fail column' {
        $b = Get-Bottleneck -WorkflowId flaky | Where-Object NodeId -eq test
        $b.WindowFailedCount | Should -Be 3
        $text = Get-Bottleneck -WorkflowId flaky | Out-String -Width 80
        $text | Should -Match 'Fail'
        $text | Should -Match '%\s+3\s+test\b'
    }

    It 'Show-Heatmap: the property and a "fail 3" mark in the drawn line' {
        $row = Show-Heatmap -WorkflowId flaky | Where-Object NodeId -eq test
        $row.WindowFailedCount | Should -Be 3
        $PSStyle.OutputRendering = 'PlainText'
        try { $text = Show-Heatmap -WorkflowId flaky | Out-String -Width 120 } finally { $PSStyle.OutputRendering = 'Host' }
        ($text -split "`n" | Where-Object { $_ -match '\btest\b' }) | Should -Match 'fail 3'
        ($text -split "`n" | Where-Object { $_ -match '\bcompile\b' }) | Should -Not -Match 'fail'
    }

    It 'the HTML report marks the three failed cells, has a Failures column and a legend entry' {
        $file = Join-Path $script:work 'flaky.html'
        Export-WorkflowReport -Path $file -WorkflowId flaky
        $html = Get-Content -LiteralPath $file -Raw
        ([regex]::Matches($html, '<td class="fail" title="failed">')).Count | Should -Be 3
        $html | Should -Match '<span class="key fail">✗</span><span>failed or stopped</span>'
        $html | Should -Match '>Failures</th>'
        $html | Should -Match '<td class="n failures">3</td>'
    }

    It 'the Markdown summary has a Failures column with the count' {
        $file = Join-Path $script:work 'flaky.md'
        Export-WorkflowProfile -Path $file -WorkflowId flaky -Format Markdown
        $lines = Get-Content -LiteralPath $file
        $headers = @(0..($lines.Count - 1) | Where-Object { $lines[$_] -match '^\| .*\| Failures \|' })
        $headers.Count | Should -Be 2   # the bottlenecks and the node statistics
        foreach ($h in $headers) {
            $names = ($lines[$h] -split '\|').Trim()
            $column = [array]::IndexOf($names, 'Failures')
            $table = $lines[($h + 2)..($lines.Count - 1)]
            $end = [array]::IndexOf($table, ($table | Where-Object { $_ -notmatch '^\| ' } | Select-Object -First 1))
            if ($end -ge 0) { $table = $table[0..($end - 1)] }
            $row = @($table | Where-Object { ($_ -split '\|').Trim() -contains 'test' })
            $row.Count | Should -Be 1
            ($row[0] -split '\|')[$column].Trim() | Should -Be '3'
        }
    }
}
