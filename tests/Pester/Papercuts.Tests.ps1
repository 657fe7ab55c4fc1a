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
