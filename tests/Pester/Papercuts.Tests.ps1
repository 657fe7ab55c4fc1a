# Papercuts a fresh user found (blank labels from CSV, literal '[' ids, Clear-WorkflowProfile's -WhatIf), as the user met them.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $Temp = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    $Manifest = (Resolve-Path (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1')).Path
}

AfterAll {
    Clear-WorkflowProfile -WorkflowId papercut-* -Force -Confirm:$false -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $Temp -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Papercuts' {
    It 'gives a node whose NodeLabel cell is empty its NodeId as label, in statistics and Markdown' {
        $csv = Join-Path $Temp 'steps.csv'
        Set-Content -LiteralPath $csv -Value "NodeId,Duration,NodeLabel`nlint,120,`ncompile,900,Compile sources"
        Start-WorkflowProfile -WorkflowId papercut-csv
        Import-Csv -LiteralPath $csv | Add-NodeTiming
        $null = Complete-WorkflowProfile -WorkflowId papercut-csv
        (Get-NodeStatistics -WorkflowId papercut-csv).NodeLabel | Should -Be @('lint', 'Compile sources')
        $md = Join-Path $Temp 'steps.md'
        Export-WorkflowProfile -WorkflowId papercut-csv -Format Markdown -Path $md
        Get-Content -LiteralPath $md -Raw | Should -Not -Match '\|\s+\(lint\)'
    }

    It 'rounds a duration the same way in the run summary, a budget message and the Markdown export (half to even, as printf)' {
        Start-WorkflowProfile -WorkflowId papercut-round
        Add-NodeTiming -NodeId a -Duration 1000.25
        $null = Complete-WorkflowProfile -WorkflowId papercut-round
        "$((Get-WorkflowProfile -WorkflowId papercut-round).Runs)" | Should -Match '1,000\.2 ms'
        (Test-WorkflowBudget -WorkflowId papercut-round -NodeId a -Maximum 2000).Message | Should -Match 'Avg 1,000\.2 ms'
        $md = Join-Path $Temp 'round.md'
        Export-WorkflowProfile -WorkflowId papercut-round -Format Markdown -Path $md
        $text = Get-Content -LiteralPath $md -Raw
        $text | Should -Match 'last run 1,000\.2 ms'
        $text | Should -Not -Match '1,000\.3'
    }

    It 'prints a tie the same way everywhere: Delta% +12.2 and a saving of 122 in the view, evidence, Markdown and HTML' {
        foreach ($i in 1..6) {
            Start-WorkflowProfile -WorkflowId papercut-tie | Out-Null
            Add-NodeTiming -NodeId c -Duration $(if ($i -eq 6) { 1122.5 } else { 1000 })
            $null = Complete-WorkflowProfile -WorkflowId papercut-tie
        }
        (Compare-WorkflowRun -WorkflowId papercut-tie | Where-Object NodeId -eq c).DeltaPercent | Should -Be 12.25
        Compare-WorkflowRun -WorkflowId papercut-tie | Out-String | Should -Match '\+12\.2%'
        $rec = Get-WorkflowRecommendation -WorkflowId papercut-tie
        $rec.EstimatedSaving | Should -Be 122.5
        $rec.Evidence | Should -Match '\+12\.2%'
        $md = Join-Path $Temp 'tie.md'; $html = Join-Path $Temp 'tie.html'
        Export-WorkflowProfile -WorkflowId papercut-tie -Format Markdown -Path $md
        Export-WorkflowReport -WorkflowId papercut-tie -Path $html
        foreach ($text in (Get-Content -LiteralPath $md -Raw), (Get-Content -LiteralPath $html -Raw)) {
            $text | Should -Not -Match '12\.3%'
            $text | Should -Not -Match '\| 123 \||>123 ms'
        }
        Get-Content -LiteralPath $md -Raw | Should -Match '\| Regression \| c \| 122 \|'
    }

    It 'gives an alert''s Ratio as a number, so alerts sort by it' {
        foreach ($i in 1..6) {
            Start-WorkflowProfile -WorkflowId papercut-ratio | Out-Null
            Add-NodeTiming -NodeId c -Duration $(if ($i -eq 6) { 250 } else { 100 })
            Add-NodeTiming -NodeId d -Duration $(if ($i -eq 6) { 1100 } else { 100 })
            $null = Complete-WorkflowProfile -WorkflowId papercut-ratio
        }
        $alerts = (Get-WorkflowProfile -WorkflowId papercut-ratio).Alerts
        $alerts[0].Ratio | Should -BeOfType [double]
        ($alerts | Sort-Object Ratio -Descending).NodeId | Should -Be @('d', 'c')
        ($alerts | Out-String) | Should -Match '11\.0x'
        ($alerts[0] | ConvertTo-Json | ConvertFrom-Json).Ratio | Should -BeOfType [double]
    }

    It 'refuses a -Baseline that names only the judged run instead of calling every node New' {
        foreach ($d in 100, 101, 99, 100, 250) {
            Start-WorkflowProfile -WorkflowId papercut-self | Out-Null
            Add-NodeTiming -NodeId a -Duration $d
            $null = Complete-WorkflowProfile -WorkflowId papercut-self
        }
        $out = Compare-WorkflowRun -WorkflowId papercut-self -Run 5 -Baseline 5 -ErrorVariable problems -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'CompareWorkflowRunInvalidSetting,*'
        "$($problems[0])" | Should -Match 'never compared with itself'
    }

    It 'says by how much a failed budget is exceeded with enough decimals to tell the two values apart' {
        foreach ($i in 1..3) {
            Start-WorkflowProfile -WorkflowId papercut-budget | Out-Null
            Add-NodeTiming -NodeId a -Duration 12.25
            $null = Complete-WorkflowProfile -WorkflowId papercut-budget
        }
        (Test-WorkflowBudget -WorkflowId papercut-budget -NodeId a -Maximum 12.24).Message |
            Should -Be 'a: Avg 12.25 ms exceeds the budget of 12.24 ms by 0.01 ms (3 runs)'
        (Test-WorkflowBudget -WorkflowId papercut-budget -NodeId a -Maximum 13).Message |
            Should -Be 'a: Avg 12.2 ms is within the budget of 13.0 ms (3 runs)'
    }

    It 'imports two reports without a timestamp, same tests and times, written on two days, as two runs; the same file again as none' {
        $xml = '<testsuites><testsuite name="api" time="0.003"><testcase classname="api" name="login" time="0.001"/></testsuite></testsuites>'
        $mon = Join-Path $Temp 'mon.xml'; $tue = Join-Path $Temp 'tue.xml'
        Set-Content -LiteralPath $mon $xml; (Get-Item -LiteralPath $mon).LastWriteTime = '2026-03-02 02:00'
        Set-Content -LiteralPath $tue $xml; (Get-Item -LiteralPath $tue).LastWriteTime = '2026-03-03 02:00'
        $null = Import-WorkflowRun -Path $mon, $tue -WorkflowId papercut-nightly
        (Get-WorkflowProfile -WorkflowId papercut-nightly).RunCount | Should -Be 2
        $again = Import-WorkflowRun -Path $tue -WorkflowId papercut-nightly -WarningAction SilentlyContinue
        $again.AlreadyImported | Should -BeTrue
        (Get-WorkflowProfile -WorkflowId papercut-nightly).RunCount | Should -Be 2
    }

    It 'counts failed steps on the critical path of hand-timed runs, so a short step is not called 100% of it' {
        foreach ($i in 1..5) {
            Start-WorkflowProfile -WorkflowId papercut-path | Out-Null
            Add-NodeTiming -NodeId setup -Duration 300 -Status $(if ($i -ge 3) { 'Failed' } else { 'Succeeded' })
            Add-NodeTiming -NodeId b -Duration 50
            $null = Complete-WorkflowProfile -WorkflowId papercut-path
        }
        $critical = Get-WorkflowRecommendation -WorkflowId papercut-path | Where-Object Kind -eq CriticalPath
        $critical.NodeId | Should -Not -Contain 'b'
        ($critical | Where-Object NodeId -eq setup).Evidence | Should -Match 'self time 86% of the critical path'
    }

    It 'returns a node named [ without also calling its id an invalid pattern' {
        Start-WorkflowProfile -WorkflowId papercut-bracket
        Add-NodeTiming -NodeId '[' -Duration 5
        $null = Complete-WorkflowProfile -WorkflowId papercut-bracket
        $rows = Get-NodeStatistics -WorkflowId papercut-bracket -NodeId '[', 'x[1]' -ErrorVariable problems
        $rows.NodeId | Should -Be '['
        $problems | Should -BeNullOrEmpty
    }

    It 'says in -WhatIf that Clear-WorkflowProfile keeps the history file, which the next start loads again' {
        $history = Join-Path $Temp 'history'
        # -WhatIf writes to the host, so a child pwsh's standard output is where a user would read it.
        $script = "Import-Module '$Manifest'; Start-WorkflowProfile papercut-keep -HistoryPath '$history'; Add-NodeTiming n 5; " +
            "`$null = Complete-WorkflowProfile; Clear-WorkflowProfile papercut-keep -WhatIf; Clear-WorkflowProfile papercut-keep -Confirm:`$false; " +
            "Start-WorkflowProfile papercut-keep -HistoryPath '$history'; 'runs: ' + (Get-WorkflowProfile papercut-keep).RunCount"
        $shown = (& (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command $script) -join ' '
        $shown | Should -Match 'its statistics in this session; its history file .+ is kept \(Remove-WorkflowHistory deletes it\)'
        $shown | Should -Match 'runs: 1'
    }

    It 'stops with ClearWorkflowProfileConfirmationRequired, clearing nothing, when a pattern needs confirming in a non-interactive session' {
        $script = "Import-Module '$Manifest'; Start-WorkflowProfile papercut-ni | Out-Null; Add-NodeTiming n 5; `$null = Complete-WorkflowProfile; " +
            "try { Clear-WorkflowProfile 'papercut-n*' -ErrorAction Stop } catch { 'id: ' + `$_.FullyQualifiedErrorId; 'says: ' + `$_.Exception.Message }; " +
            "'kept: ' + (Get-WorkflowProfile papercut-ni).WorkflowId"
        $shown = (& (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command $script) -join ' '
        $shown | Should -Match 'id: ClearWorkflowProfileConfirmationRequired,'
        $shown | Should -Match 'add -Force'
        $shown | Should -Match 'kept: papercut-ni'
    }

    It 'answers -WhatIf with a pattern in a non-interactive session without asking' {
        $script = "Import-Module '$Manifest'; Start-WorkflowProfile papercut-wi | Out-Null; Add-NodeTiming n 5; `$null = Complete-WorkflowProfile; " +
            "Clear-WorkflowProfile 'papercut-w*' -WhatIf; 'kept: ' + (Get-WorkflowProfile papercut-wi).WorkflowId"
        $shown = (& (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command $script *>&1) -join ' '
        $shown | Should -Match "What if: Performing the operation .Clear. on target .workflow 'papercut-wi'"
        $shown | Should -Not -Match 'ConfirmationRequired'
        $shown | Should -Match 'kept: papercut-wi'
    }
}
