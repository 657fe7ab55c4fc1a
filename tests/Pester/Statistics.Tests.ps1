# Statistics and bottlenecks read the way users read them: sorted, selected, serialised and exported.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
    foreach ($i in 1..3) {
        Start-WorkflowProfile -WorkflowId stats
        Add-NodeTiming -NodeId a -Duration (10 * $i)
        Add-NodeTiming -NodeId b -Duration 50
        Add-NodeTiming -NodeId c -Duration 5
        $null = Complete-WorkflowProfile
    }
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-NodeStatistics' {
    It 'computes average, median, minimum and maximum over the runs' {
        $a = Get-NodeStatistics -NodeId a
        $a.AvgDuration | Should -Be 20
        $a.MedianDuration | Should -Be 20
        $a.MinDuration | Should -Be 10
        $a.MaxDuration | Should -Be 30
        $a.Durations | Should -Be @(10, 20, 30)
    }

    It 'sorts and selects like any object' {
        (Get-NodeStatistics | Sort-Object AvgDuration -Descending | Select-Object -First 1).NodeId | Should -Be 'b'
        (Get-NodeStatistics | Where-Object AvgDuration -lt 10).NodeId | Should -Be 'c'
        Get-NodeStatistics -NodeId '[ab]' | Should -HaveCount 2
    }

    It 'exports to CSV that Import-Csv reads back' {
        $path = Join-Path $work 'stats.csv'
        Get-NodeStatistics | Export-Csv $path -NoTypeInformation
        $rows = Import-Csv $path
        $rows.NodeId | Should -Be @('a', 'b', 'c')
        [double]($rows | Where-Object NodeId -eq a).AvgDuration | Should -Be 20
    }

    # Issue 14: list properties are written as their items joined with ';' (module/Profiler.PS.Types.ps1xml).
    It 'exports no array type names into CSV cells' {
        $path = Join-Path $work 'cells.csv'
        Get-NodeStatistics | Export-Csv $path -NoTypeInformation
        (Import-Csv $path)[0].PSObject.Properties.Value | Should -Not -Match 'System\.(Double|String)\[\]'
    }

    It 'serialises to JSON and back' {
        $json = Get-NodeStatistics -NodeId a | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $json.AvgDuration | Should -Be 20
        $json.Durations | Should -Be @(10, 20, 30)
        (Get-WorkflowProfile | ConvertTo-Json -Depth 5 | ConvertFrom-Json).RunCount | Should -Be 3
    }

    It 'shows a table in milliseconds through Format-Table and Out-String' {
        $text = Get-NodeStatistics | Format-Table | Out-String -Width 200
        $text | Should -Match 'Avg\(ms\)'
        $text | Should -Match '50\.0\s+b\b'   # the id comes last, after its numbers
    }
}

Describe 'Get-Bottleneck' {
    It 'ranks the slowest nodes by average with their share' {
        $top = Get-Bottleneck -Top 2
        $top.NodeId | Should -Be @('b', 'a')
        $top[0].Rank | Should -Be 1
        $total = (Get-NodeStatistics | Measure-Object AvgDuration -Sum).Sum
        $top[0].Share | Should -BeGreaterThan (50 / $total - 0.001)
        $top[0].Share | Should -BeLessThan (50 / $total + 0.001)
    }

    It 'survives Export-Csv and ConvertTo-Json' {
        $path = Join-Path $work 'bottlenecks.csv'
        Get-Bottleneck | Export-Csv $path -NoTypeInformation
        (Import-Csv $path | Select-Object -First 1).NodeId | Should -Be 'b'
        (Get-Bottleneck -Top 1 | ConvertTo-Json | ConvertFrom-Json).NodeId | Should -Be 'b'
    }
}
