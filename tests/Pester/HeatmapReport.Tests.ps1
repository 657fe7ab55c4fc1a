# Show-Heatmap and Export-WorkflowReport as a user drives them: filter the rows, read them as text, open the file.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
    foreach ($i in 1..4) {
        Start-WorkflowProfile -WorkflowId heat -WorkflowName 'Heat flow'
        Add-NodeTiming -NodeId restore -Duration 1000 -NodeLabel 'Restore packages'
        Add-NodeTiming -NodeId compile -Duration (3000 * [math]::Max(1, $i - 2))
        Add-NodeTiming -NodeId test -Duration 500
        foreach ($n in 1..5) { Add-NodeTiming -NodeId "small$n" -Duration $n }
        $null = Complete-WorkflowProfile -TotalDuration 8000
    }
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Show-Heatmap' {
    It 'returns the top rows as objects, slowest first, the rest folded into Others' {
        $rows = Show-Heatmap -NoColor
        $rows | Should -HaveCount 6
        $rows[0].NodeId | Should -Be 'compile'
        $rows[0].IsAlert | Should -BeTrue
        $rows[-1].IsOthers | Should -BeTrue
        $rows[-1].NodeCount | Should -Be 3
    }

    It 'filters with Where-Object and selects with Select-Object' {
        (Show-Heatmap -All -NoColor | Where-Object Share -gt 0.15 | Select-Object -ExpandProperty NodeId) | Should -Be @('compile', 'restore')
    }

    It 'prints plain text with NO_COLOR-style rendering through Out-String' {
        $PSStyle.OutputRendering = 'PlainText'
        try {
            $text = Show-Heatmap | Out-String -Width 200
        }
        finally {
            $PSStyle.OutputRendering = 'Host'
        }
        $text | Should -Match 'Heatmap: Heat flow'
        $text | Should -Match '1\s+compile'
        $text | Should -Not -Match "`e\["
    }

    It 'survives Export-Csv and ConvertTo-Json' {
        $path = Join-Path $work 'heat.csv'
        Show-Heatmap -NoColor | Export-Csv $path -NoTypeInformation
        (Import-Csv $path)[0].NodeId | Should -Be 'compile'
        (Show-Heatmap -NoColor | ConvertTo-Json | ConvertFrom-Json)[0].NodeId | Should -Be 'compile'
    }
}

Describe 'Export-WorkflowReport' {
    It 'writes one self-contained HTML file with every node and escapes labels' {
        Start-WorkflowProfile -WorkflowId heat -WorkflowName 'Heat flow'
        Add-NodeTiming -NodeId hostile -Duration 1 -NodeLabel '<script>alert(1)</script>'
        $null = Complete-WorkflowProfile -TotalDuration 1
        $path = Join-Path $work 'report.html'
        $item = Export-WorkflowReport -WorkflowId heat -Path $path -PassThru
        $item.FullName | Should -Be $path
        $html = Get-Content $path -Raw
        $html | Should -Match '<html'
        $html | Should -Match 'compile'
        $html | Should -Match '&lt;script&gt;alert\(1\)&lt;/script&gt;'
        $html | Should -Not -Match '<script>alert\(1\)</script>'
    }

    It 'does nothing with -WhatIf' {
        $path = Join-Path $work 'whatif.html'
        Export-WorkflowReport -WorkflowId heat -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
    }
}
