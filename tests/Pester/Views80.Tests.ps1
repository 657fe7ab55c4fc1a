# What a person sees at 80 and 200 columns (issue 14 "Views that fit", "Failures visible"; issue 17 polish):
# tree order, long ids shortened at display time only, one comparison table, what Get-Bottleneck ranks by,
# nodes without a successful run, and Get-WorkflowRecommendation's JSON and view. Each view is also exported
# (Export-Csv, ConvertTo-Json) to show the data keeps the full values.
BeforeAll {
    $script:manifest = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $script:manifest -Force
    Set-ProfilerOption -HistoryPath $null   # an earlier file in the same runspace may have set one
    $script:work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))

    $script:release = 'Build.Tests.ps1 > Describe Compile > Context Release > It produces the package'
    $script:debug = 'Build.Tests.ps1 > Describe Compile > Context Debug > It produces the package'
    # Six runs with Pester-style ids, a 2-minute node, a node that always fails and one that fails every other run.
    $script:setup = @'
$ids = 'Build.Tests.ps1 > Describe Compile > Context Release > It produces the package',
       'Build.Tests.ps1 > Describe Compile > Context Debug > It produces the package',
       'Build.Tests.ps1 > Describe Compile > Context Release > It signs the assembly'
foreach ($i in 1..6) {
    Start-WorkflowProfile -WorkflowId pester
    $j = 0
    foreach ($id in $ids) { $j++; Add-NodeTiming -NodeId $id -Duration (1000 * $j + $i) }
    Add-NodeTiming -NodeId restore -Duration (123456.7 + $i)
    Add-NodeTiming -NodeId broken -Duration 50 -Status Failed
    if ($i % 2) { Add-NodeTiming -NodeId flaky -Duration 70 -Status Failed } else { Add-NodeTiming -NodeId flaky -Duration (80 + $i) }
    $null = Complete-WorkflowProfile
}
'@

    . (Join-Path $PSScriptRoot 'Fixtures/Terminal.ps1')   # Invoke-InTerminal

    # Runs a script in a child pwsh whose output is a pipe (redirected, as in a CI log), and returns its text.
    function Invoke-Redirected([string] $Script) {
        $file = Join-Path $script:work "$([guid]::NewGuid()).ps1"
        Set-Content -LiteralPath $file -Value ("Import-Module '$script:manifest'`n" + $Script) -Encoding utf8
        (& (Join-Path $PSHOME 'pwsh') -NoProfile -NoLogo -File $file | Out-String) -replace "`e\[[0-9;?]*[a-zA-Z]", '' -replace "`r", ''
    }

    # The lines of a table under its header rule (up to the next blank line).
    function Get-TableRows([string] $Text) {
        $lines = $Text -split "`n"
        $rows = @()
        $inside = $false
        foreach ($line in $lines) {
            if ($line -match '^\s*-+( +-+)+\s*$') { $inside = $true; continue }
            if ($inside -and -not $line.Trim()) { $inside = $false; continue }
            if ($inside) { $rows += $line }
        }
        $rows
    }
}

BeforeDiscovery {
    # A pseudo-terminal of a chosen width comes from util-linux 'script'; without it those tests are skipped.
    $script:hasTerminal = [bool](Get-Command script -CommandType Application -ErrorAction SilentlyContinue)
}

AfterAll {
    Remove-Item -LiteralPath $script:work -Recurse -Force
}

Describe 'Get-NodeStatistics lists nested nodes in tree order, children indented under their parents' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        foreach ($i in 1..3) {
            Start-WorkflowProfile -WorkflowId nested
            Measure-WorkflowNode build {
                Measure-WorkflowNode compile { Measure-WorkflowNode core { }; Measure-WorkflowNode cli { } }
                Measure-WorkflowNode test { }
            }
            Measure-WorkflowNode publish { }
            $null = Complete-WorkflowProfile
        }
        $script:nodes = @(Get-NodeStatistics -WorkflowId nested)
    }

    It 'writes the nodes parent first, in the order they first ran, with ParentId and Depth' {
        # Recorded (completed) order is core, cli, compile, test, build, publish; the tree puts parents first.
        $script:nodes.NodeId | Should -Be @('build', 'compile', 'core', 'cli', 'test', 'publish')
        $script:nodes.Depth | Should -Be @(0, 1, 2, 2, 1, 0)
        $script:nodes.ParentId | Should -Be @($null, 'build', 'compile', 'compile', 'build', $null)
    }

    It 'indents each child under its parent in the default view at 80 columns' {
        $rows = Get-TableRows ($script:nodes | Out-String -Width 80)
        $ids = $rows | ForEach-Object { $_.Substring(62) }   # the id column starts after 62 characters of numbers
        $ids | Should -Be @('build', '  compile', '    core', '    cli', '  test', 'publish')
        $rows | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }

    It 'exports ParentId and Depth as data, without indent' {
        $csv = Join-Path $script:work 'tree.csv'
        $script:nodes | Export-Csv -LiteralPath $csv
        $back = Import-Csv -LiteralPath $csv
        $back.NodeId | Should -Be @('build', 'compile', 'core', 'cli', 'test', 'publish')
        $back.ParentId[2] | Should -Be 'compile'
        $back.Depth | Should -Be @('0', '1', '2', '2', '1', '0')
        ($script:nodes | ConvertTo-Json | ConvertFrom-Json).ParentId[1] | Should -Be 'build'
    }
}

Describe 'Long ids at 80 columns: numbers fully visible, ids shortened at display time only' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        . ([scriptblock]::Create($script:setup))
    }

    It 'keeps every number of Get-NodeStatistics, Get-Bottleneck and Compare-WorkflowRun whole in Out-String -Width 80' {
        foreach ($text in (Get-NodeStatistics | Out-String -Width 80), (Get-Bottleneck | Out-String -Width 80), (Compare-WorkflowRun | Out-String -Width 80)) {
            $text -split "`n" | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
            # restore's two-minute values (123,4xx.x ms) are never cut from the left, and no header wraps.
            $text | Should -Match '\s123,4\d\d\.\d\s'
            $text | Should -Not -Match '…\d'
            $text | Should -Match '(?m)NodeId\s*$'
        }
    }

    It 'in an 80-column terminal, ids keep their distinguishing end and stay distinct; the data keeps the full ids' -Skip:(-not $script:hasTerminal) {
        $screen = Invoke-InTerminal -Columns 80 -Script ($script:setup + @'

Get-NodeStatistics | Out-String -Width 80
'---'
Get-Bottleneck | Out-String -Width 80
'---'
Compare-WorkflowRun | Out-String -Width 80
'---'
Show-Heatmap -Top 4
'@)
        $parts = $screen -split "(?m)^---$"
        $parts.Count | Should -Be 4
        $screen -split "`n" | ForEach-Object { $_.Length | Should -BeLessThan 80 -Because $_ }
        foreach ($part in $parts[0..2]) {
            $rows = @(Get-TableRows $part | Where-Object { $_ -match '…' })
            $rows.Count | Should -Be 3 -Because $part
            # The shortened ids end as the real ones do, and the Release and Debug rows differ.
            $rows | Where-Object { $_ -match 'assembly$' } | Should -Not -BeNullOrEmpty
            $package = @($rows | Where-Object { $_ -match 'package$' })
            $package.Count | Should -Be 2
            ($package | ForEach-Object { ($_ -split '\s{2,}|\s(?=…)')[-1] } | Sort-Object -Unique).Count | Should -Be 2 -Because ($package -join "`n")
        }
        $labels = @($parts[3] -split "`n" | Where-Object { $_ -match '^\s*\d\s' } | ForEach-Object { $_.Substring(4, 16) })
        $labels.Count | Should -Be 4
        ($labels | Sort-Object -Unique).Count | Should -Be 4 -Because ($labels -join ' | ')
        $labels | Where-Object { $_ -match 'Release' } | Should -Not -BeNullOrEmpty
        $labels | Where-Object { $_ -match 'Debug' } | Should -Not -BeNullOrEmpty

        $csv = Join-Path $script:work 'ids.csv'
        Get-NodeStatistics | Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv).NodeId | Should -Contain $script:release
        (Get-Bottleneck | ConvertTo-Json | ConvertFrom-Json).NodeId | Should -Contain $script:debug
        (Compare-WorkflowRun | ConvertTo-Json | ConvertFrom-Json).NodeId | Should -Contain $script:release
    }

    It 'in a 200-column terminal, the full ids are shown' -Skip:(-not $script:hasTerminal) {
        $screen = Invoke-InTerminal -Columns 200 -Script ($script:setup + "`nGet-NodeStatistics | Out-Host`nCompare-WorkflowRun | Out-Host")
        $screen | Should -Match ([regex]::Escape($script:release))
        $screen | Should -Match ([regex]::Escape($script:debug))
        $screen | Should -Not -Match '…'
    }
}

Describe 'Compare-WorkflowRun is one readable table' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        . ([scriptblock]::Create($script:setup))
        $script:lines = @(Compare-WorkflowRun)
    }

    It 'shows one group and one table although baseline sizes differ and a node failed' {
        ($script:lines.BaselineSamples | Sort-Object -Unique).Count | Should -BeGreaterThan 1
        $text = $script:lines | Out-String -Width 80
        ([regex]::Matches($text, 'Comparison: ')).Count | Should -Be 1
        ([regex]::Matches($text, '(?m)^Verdict')).Count | Should -Be 1
        @(Get-TableRows $text).Count | Should -Be 7
        $text | Should -Match '(?m)^Failed\s+-\s+-\s+broken$'
    }

    It 'keeps the long Reason out of the 80-column table, and whole in the property, Format-List and JSON' {
        $text = $script:lines | Out-String -Width 80
        $text | Should -Not -Match 'Reason'
        $flaky = $script:lines | Where-Object NodeId -eq flaky
        $flaky.Reason | Should -Match '^only \d baseline runs?: at least \d are needed to judge$'
        ($flaky | Format-List NodeId, Verdict, Reason | Out-String -Width 80) | Should -Match 'Reason\s+: only'
        ($script:lines | ConvertTo-Json | ConvertFrom-Json | Where-Object NodeId -eq flaky).Reason | Should -Be $flaky.Reason
        $csv = Join-Path $script:work 'compare.csv'
        $script:lines | Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv | Where-Object NodeId -eq broken).Verdict | Should -Be 'Failed'
    }
}

Describe 'Get-Bottleneck shows what it ranks by' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        # 'outer' takes 1,000 ms in all, 900 of them in 'inner': by self time inner ranks first, by inclusive time outer.
        foreach ($i in 1..3) {
            Start-WorkflowProfile -WorkflowId rank
            $run = (Get-WorkflowProfile -WorkflowId rank)
            Add-NodeTiming -NodeId inner -Duration 900
            Add-NodeTiming -NodeId outer -Duration 100
            $null = Complete-WorkflowProfile
        }
    }

    It 'labels both averages, Self(ms) first, and the row values match the properties it ranks by' {
        $b = @(Get-Bottleneck -WorkflowId rank)
        $text = $b | Out-String -Width 80
        $text | Should -Match 'Rank\s+Self\(ms\)\s+Avg\(ms\)'
        $rows = @(Get-TableRows $text)
        $rows[0] | Should -Match ('^\s+1\s+{0}\s+{1}\s' -f [regex]::Escape($b[0].AvgSelfDuration.ToString('N1')), [regex]::Escape($b[0].AvgDuration.ToString('N1')))
        $b.AvgSelfDuration | Should -Be (@($b.AvgSelfDuration) | Sort-Object -Descending)
        $inclusive = @(Get-Bottleneck -WorkflowId rank -Inclusive)
        $inclusive.AvgDuration | Should -Be (@($inclusive.AvgDuration) | Sort-Object -Descending)
        ($inclusive | ConvertTo-Json | ConvertFrom-Json).AvgSelfDuration | Should -Be $inclusive.AvgSelfDuration
    }
}

Describe 'A node with no successful run is shown as no data, never as 0 ms' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        . ([scriptblock]::Create($script:setup))
    }

    It 'Get-NodeStatistics: dashes and the failures, RunCount 0 in the data' {
        $broken = Get-NodeStatistics -NodeId broken
        $broken.RunCount | Should -Be 0
        $broken.WindowFailedCount | Should -Be 6
        $row = Get-TableRows (Get-NodeStatistics | Out-String -Width 80) | Where-Object { $_ -match '\sbroken$' }
        $row | Should -Match '^\s+0\s+6(\s+-){5}\s+broken$'
        (Get-NodeStatistics -NodeId broken | ConvertTo-Json | ConvertFrom-Json).RunCount | Should -Be 0
    }

    It 'Get-Bottleneck and Show-Heatmap: no 0 ms, no "cool"; the failure mark instead' {
        $row = Get-TableRows (Get-Bottleneck -Top 10 | Out-String -Width 80) | Where-Object { $_ -match '\sbroken$' }
        $row | Should -Match '^\s+\d+(\s+-){3}\s+6\s+broken$'
        (Get-Bottleneck -Top 10 | Where-Object NodeId -eq broken).RunCount | Should -Be 0
        $PSStyle.OutputRendering = 'PlainText'
        try { $text = Show-Heatmap -All | Out-String -Width 120 } finally { $PSStyle.OutputRendering = 'Host' }
        $line = $text -split "`n" | Where-Object { $_ -match '\bbroken\b' }
        $line | Should -Match 'broken\s+n/a\s+avg\s+-\s'   # value and share '-'
        $line | Should -Match 'fail 6'
        $line | Should -Not -Match '0 ms|cool'
        (Show-Heatmap -All | Where-Object NodeId -eq broken).Heat | Should -Be 'n/a'
        $csv = Join-Path $script:work 'heat.csv'
        Show-Heatmap -All | Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv | Where-Object NodeId -eq broken).RunCount | Should -Be '0'
    }
}

Describe 'Get-WorkflowRecommendation: JSON, rounding and an 80-column view' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        $script:recoSetup = @'
foreach ($i in 1..6) {
    Start-WorkflowProfile -WorkflowId nightly
    Add-NodeTiming -NodeId restore -Duration (2500 + $i / 3)
    Add-NodeTiming -NodeId compile -Duration (5100 + 100 * ($i % 3) + 1 / 3)
    Add-NodeTiming -NodeId test -Duration $(if ($i -eq 6) { 6000.37 } else { 3000 + $i / 7 })
    Add-NodeTiming -NodeId lint -Duration 600
    $null = Complete-WorkflowProfile
}
'@
        . ([scriptblock]::Create($script:recoSetup))
        $script:recos = @(Get-WorkflowRecommendation -WorkflowId nightly)
    }

    It 'writes Kind by name in JSON and CSV, and Where-Object and Sort-Object work on it' {
        $script:recos.Count | Should -BeGreaterThan 1
        $json = $script:recos | ConvertTo-Json | ConvertFrom-Json
        $json[0].Kind | Should -Be 'Regression'
        $json.Kind | ForEach-Object { $_ | Should -BeOfType [string] }
        (Get-WorkflowRecommendation -WorkflowId nightly | Where-Object Kind -eq Regression).NodeId | Should -Be 'test'
        ($script:recos | Sort-Object Kind).Kind | Should -Be (@($script:recos.Kind) | Sort-Object)
        $csv = Join-Path $script:work 'reco.csv'
        $script:recos | Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv)[0].Kind | Should -Be 'Regression'
    }

    It 'rounds EstimatedSaving to 0.1 ms, so JSON has no floating-point noise' {
        foreach ($r in $script:recos) { $r.EstimatedSaving | Should -Be ([math]::Round($r.EstimatedSaving, 1)) }
        $text = $script:recos | ConvertTo-Json
        $text | Should -Match '"EstimatedSaving": \d+(\.\d)?,'
        $text | Should -Not -Match '"EstimatedSaving": \d+\.\d{2,}'
    }

    It 'names its headers after the properties and breaks Evidence at spaces in an 80-column terminal' -Skip:(-not $script:hasTerminal) {
        $screen = Invoke-InTerminal -Columns 80 -Script ($script:recoSetup + "`nGet-WorkflowRecommendation")
        $screen | Should -Match 'Rank\s+Kind\s+EstimatedSaving\s+NodeId\s+Evidence'
        $screen -split "`n" | ForEach-Object { $_.Length | Should -BeLessThan 80 -Because $_ }
        $start = @($screen -split "`n" | Where-Object { $_ -match 'Evidence$' })[0].IndexOf('Evidence')
        $words = @($script:recos.Evidence -split ' ')
        foreach ($line in (Get-TableRows $screen)) {
            $cell = $line.Substring([math]::Min($start, $line.Length)).Trim()
            foreach ($word in ($cell -split ' ' | Where-Object { $_ })) { $words | Should -Contain $word -Because "'$word' in '$line' is a whole word" }
        }
    }
}

Describe 'Ids are shortened only in an interactive terminal, and never inside a name' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        # A Pester-like tree (file > block > test), names that merely start with their parent's, and statement ids.
        $script:treeSetup = @'
foreach ($i in 1..2) {
    Start-WorkflowProfile tree
    Measure-WorkflowNode 'Cart.Tests.ps1' {
        Measure-WorkflowNode 'Cart.Tests.ps1 > Describe Cart' {
            Measure-WorkflowNode 'Cart.Tests.ps1 > Describe Cart > It adds 2 items' { }
            Measure-WorkflowNode 'Cart.Tests.ps1 > Describe Cart > It applies the discount to every item of the cart' { }
        }
    }
    Measure-WorkflowNode test { Measure-WorkflowNode tests { }; Measure-WorkflowNode testdata { } }
    Measure-WorkflowNode Compile { Measure-WorkflowNode CompileOne { } }
    Measure-WorkflowNode 'L14 dotnet build ./src/Shop.Api/Shop.Api.csproj -c Release --no-restore' { }
    $null = Complete-WorkflowProfile
}
'@
        . ([scriptblock]::Create($script:treeSetup))
        $script:discount = 'Cart.Tests.ps1 > Describe Cart > It applies the discount to every item of the cart'
        # In a child whose output is a pipe, so the result does not depend on whether this runner is in a terminal.
        $script:redirected = (Invoke-Redirected ($script:treeSetup + @'

Get-NodeStatistics -WorkflowId tree | Out-String -Width 200
'---'
Get-Bottleneck -WorkflowId tree -Top 20 | Format-Table -AutoSize | Out-String -Width 250
'@)) -split "(?m)^---$"
    }

    It 'indents children with their own names; only a " > " continuation of the parent''s id is left out' {
        $rows = @(Get-TableRows $script:redirected[0])
        $ids = $rows | ForEach-Object { $_.Substring(62) }
        $ids | Should -Contain '  tests'
        $ids | Should -Contain '  testdata'
        $ids | Should -Contain '  CompileOne'
        $ids | Should -Contain '  … > Describe Cart'
        $ids | Should -Contain '    … > It adds 2 items'
        $ids | Should -Contain '    … > It applies the discount to every item of the cart'
    }

    It 'writes whole ids when the output is redirected (Format-Table -AutoSize | Out-String -Width 250)' {
        $text = $script:redirected[1]
        $text | Should -Match ([regex]::Escape($script:discount))
        $text | Should -Match 'L14 dotnet build ./src/Shop.Api/Shop.Api.csproj -c Release --no-restore'
        $text | Should -Not -Match '…'
    }

    It 'in a 200-column terminal, shows whole relative ids, not cut at either end' -Skip:(-not $script:hasTerminal) {
        $screen = Invoke-InTerminal -Columns 200 -Script ($script:treeSetup + "`nGet-NodeStatistics -WorkflowId tree | Out-Host")
        $screen | Should -Match '(?m)\s{4}… > It applies the discount to every item of the cart$'
        $screen | Should -Match '(?m)\s{2}… > Describe Cart$'
        $screen | Should -Match '(?m)\s{2}tests$'
        $screen | Should -Match '(?m)\s{2}CompileOne$'
    }

    It 'in an 80-column terminal, a statement id keeps its line number; redirected to a file, ids are not cut from the left' -Skip:(-not $script:hasTerminal) {
        $log = Join-Path $script:work 'log.txt'
        $file = Join-Path $script:work 'redirected.ps1'
        Set-Content -LiteralPath $file -Value ("Import-Module '$script:manifest'`n" + $script:treeSetup + "`nGet-Bottleneck -WorkflowId tree -Top 20") -Encoding utf8
        $pwsh = Join-Path $PSHOME 'pwsh'
        $null = script -qec "stty cols 80 rows 200; '$pwsh' -NoProfile -NoLogo -File '$file' > '$log'" /dev/null
        $logText = Get-Content -LiteralPath $log -Raw
        # PowerShell lays the table out for its own width (here the terminal's 80) and may cut the end with its own
        # ellipsis; the module does not shorten the id from the left.
        $logText | Should -Match '(?m)\sCart\.Tests\.ps1 > Describ'
        $logText | Should -Match '(?m)\sL14 dotnet build'
        $logText | Should -Not -Match '(?m)^.{54}…'   # the id column (after 54 characters) never starts cut

        $screen = Invoke-InTerminal -Columns 80 -Script ($script:treeSetup + "`nGet-Bottleneck -WorkflowId tree -Top 20")
        $screen | Should -Match '(?m)\sL14 ….*--no-restore$'
        $screen -split "`n" | ForEach-Object { $_.Length | Should -BeLessThan 80 -Because $_ }
    }
}

Describe 'Get-Bottleneck -Inclusive shows the inclusive share' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        foreach ($i in 1..2) {
            Start-WorkflowProfile wrapped
            Measure-WorkflowNode build { Start-Sleep -Milliseconds 50; Measure-WorkflowNode compile { Start-Sleep -Milliseconds 50 } }
            $null = Complete-WorkflowProfile
        }
    }

    It 'gives the wrapper of the whole run most of the run''s wall time, not 0 %' {
        $top = Get-Bottleneck -WorkflowId wrapped -Inclusive -Top 1
        $top.NodeId | Should -Be 'build'
        $top.Share | Should -BeGreaterThan 0.5
        $top.Share | Should -BeLessOrEqual 1
        $row = @(Get-TableRows ($top | Out-String -Width 80))[0]
        $row | Should -Match '\s(5\d|6\d|7\d|8\d|9\d|100)%\s'
        (Get-Bottleneck -WorkflowId wrapped -Top 1).NodeId | Should -BeIn 'build', 'compile'
    }
}

Describe 'Import-WorkflowRun''s table' {
    It 'shows the whole Source and, for a report imported before, the run it was imported as' {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        $deep = New-Item -ItemType Directory (Join-Path $script:work 'agent/work/1/s/results/unit')
        $report = Join-Path $deep 'TEST-Shop.Api.Tests.xml'
        Set-Content -LiteralPath $report -Encoding utf8 -Value '<testsuites><testsuite name="s" tests="1" time="0.5" timestamp="2026-11-01T10:00:00"><testcase name="t" classname="c" time="0.5"/></testsuite></testsuites>'
        $first = Import-WorkflowRun -Path $report -WorkflowId imported
        $again = Import-WorkflowRun -Path $report -WorkflowId imported -WarningAction SilentlyContinue
        $again.AlreadyImported | Should -BeTrue
        $again.RunNumber | Should -Be $first.RunNumber
        $text = Invoke-Redirected ("`$r = '$report'`n" + 'Import-WorkflowRun -Path $r -WorkflowId imported; Import-WorkflowRun -Path $r -WorkflowId imported -WarningAction SilentlyContinue | Out-String -Width 200')
        $text | Should -Match ([regex]::Escape($report))
        $text | Should -Not -Match '\.\.\.'
        $text | Should -Match ('dup\s+{0}' -f $first.RunNumber)
    }
}
