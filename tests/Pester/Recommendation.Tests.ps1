# Get-WorkflowRecommendation as a user sees it: ranking, filtering, exports, views, reports and bad input.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:Folder = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))

    # Twenty hand-timed runs of four steady steps; the test step doubles from run 15 on when -RegressAt 15.
    function New-History([string] $Id, [int] $RegressAt = 0, [int] $Runs = 20) {
        foreach ($i in 1..$Runs) {
            $null = Start-WorkflowProfile -WorkflowId $Id
            Add-NodeTiming -NodeId restore -Duration (1000 + 4 * ($i % 3))
            Add-NodeTiming -NodeId compile -Duration (1100 + 5 * ($i % 4))
            Add-NodeTiming -NodeId lint -Duration (950 + 3 * ($i % 5))
            $test = 1050 + 6 * ($i % 3)
            if ($RegressAt -gt 0 -and $i -ge $RegressAt) { $test *= 2 }
            Add-NodeTiming -NodeId test -Duration $test
            $null = Complete-WorkflowProfile
        }
    }
    New-History -Id regressed -RegressAt 15
    New-History -Id steady
}

AfterAll {
    Remove-Item -LiteralPath $script:Folder -Recurse -Force
    Clear-WorkflowProfile -WorkflowId * -Force -Confirm:$false
}

Describe 'Get-WorkflowRecommendation' {
    It 'ranks the regression at run 15 first, with its evidence and what to do' {
        $first = Get-WorkflowRecommendation -WorkflowId regressed | Select-Object -First 1
        $first.Rank | Should -Be 1
        $first.Kind | Should -Be 'Regression'
        $first.NodeId | Should -Be 'test'
        $first.SinceRun | Should -Be 15
        $first.EstimatedSaving | Should -BeGreaterThan 1000
        $first.Evidence | Should -Match 'runs 15-20'
        $first.Message | Should -Match 'run 15'
    }

    It 'advises on the latest workflow by default and filters with Where-Object Kind -eq Regression' {
        New-History -Id latest -RegressAt 12
        $found = @(Get-WorkflowRecommendation | Where-Object Kind -eq Regression)
        $found.Count | Should -Be 1
        $found[0].WorkflowId | Should -Be 'latest'
        $found[0].NodeId | Should -Be 'test'
        $found[0].SinceRun | Should -Be 12
    }

    It 'survives Export-Csv and ConvertTo-Json with names, numbers and no NaN' {
        $csv = Join-Path $script:Folder 'recs.csv'
        Get-WorkflowRecommendation regressed | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows[0].Kind | Should -Be 'Regression'
        $rows[0].Rank | Should -Be '1'
        [double]::Parse($rows[0].EstimatedSaving, [cultureinfo]::InvariantCulture) | Should -BeGreaterThan 1000
        $json = Get-WorkflowRecommendation regressed | ConvertTo-Json
        $json | Should -Not -Match 'NaN|Infinity'
        $back = @($json | ConvertFrom-Json)
        $back[0].Evidence | Should -Be $rows[0].Evidence
    }

    It 'recommends nothing for a steady workflow and says why with -Verbose' {
        $out = @(Get-WorkflowRecommendation steady -Verbose 4>&1)
        @($out | Where-Object { $_ -is [Profiler.PS.WorkflowRecommendation] }).Count | Should -Be 0
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'nothing passes a threshold'
    }

    It 'says how many runs it needs for a young workflow' {
        New-History -Id young -Runs 2
        $out = @(Get-WorkflowRecommendation young -Verbose 4>&1 3>$null)   # the warning itself: Edges.Tests.ps1
        $out.Count | Should -Be 1
        $out[0].Message | Should -Match 'has 2 completed runs; recommendations need at least 5: complete 3 more'
    }

    It 'writes a stable error for an unknown workflow' {
        Get-WorkflowRecommendation -WorkflowId nosuch -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'GetWorkflowRecommendationWorkflowNotFound,*'
    }

    It 'watches budgets from a budgets file' {
        $path = Join-Path $script:Folder 'budgets.psd1'
        Set-Content -LiteralPath $path -Value "@{ Nodes = @{ compile = 1150; lint = 5000 } }"
        $risk = @(Get-WorkflowRecommendation steady -BudgetPath $path)
        $risk.Count | Should -Be 1
        $risk[0].Kind | Should -Be 'BudgetRisk'
        $risk[0].NodeId | Should -Be 'compile'
        { Get-WorkflowRecommendation steady -BudgetPath (Join-Path $script:Folder 'none.psd1') } |
            Should -Throw -ErrorId 'GetWorkflowRecommendationFileNotFound,Profiler.PS.Commands.GetWorkflowRecommendationCommand'
    }

    It 'reports failing runs measured with Measure-WorkflowNode' {
        foreach ($i in 1..6) {
            $null = Start-WorkflowProfile -WorkflowId flaky
            Measure-WorkflowNode -NodeId build { Start-Sleep -Milliseconds 2 }
            try { Measure-WorkflowNode -NodeId deploy { if ($i % 3 -eq 0) { throw 'deploy failed' } } } catch { }
            $null = Complete-WorkflowProfile
        }
        $failing = @(Get-WorkflowRecommendation flaky | Where-Object Kind -eq Failing)
        $failing.Count | Should -Be 1
        $failing[0].NodeId | Should -Be 'deploy'
        $failing[0].Rank | Should -Be 1
        $failing[0].Evidence | Should -Be 'failed in 2 of its last 6 runs (33%)'
    }

    It 'names the node that Add-NodeTiming -Status Failed recorded, in the cmdlet, the HTML report and the Markdown summary' {
        foreach ($i in 1..10) {
            $null = Start-WorkflowProfile -WorkflowId shaky
            Add-NodeTiming -NodeId restore -Duration (1000 + 4 * ($i % 3))
            Add-NodeTiming -NodeId compile -Duration (1100 + 5 * ($i % 4))
            Add-NodeTiming -NodeId deploy -Duration 900 -Status $(if ($i % 5 -eq 0) { 'Failed' } else { 'Succeeded' })
            $null = Complete-WorkflowProfile
        }
        $failing = @(Get-WorkflowRecommendation shaky | Where-Object Kind -eq Failing)
        $failing.Count | Should -Be 1
        $failing[0].NodeId | Should -Be 'deploy'
        $failing[0].Evidence | Should -Be 'failed in 2 of its last 10 runs (20%)'
        $html = Join-Path $script:Folder 'shaky.html'
        $md = Join-Path $script:Folder 'shaky.md'
        Export-WorkflowReport -WorkflowId shaky -Path $html
        Export-WorkflowProfile -WorkflowId shaky -Format Markdown -Path $md
        Get-Content -LiteralPath $html -Raw | Should -Match '<td>Failing</td><td>deploy</td>'
        Get-Content -LiteralPath $md -Raw | Should -Match '\| 1 \| Failing \| deploy \|'
    }

    It 'names the failing nodes of a workflow whose every run failed, and says no time is judged' {
        foreach ($i in 1..5) {
            $null = Start-WorkflowProfile -WorkflowId broken
            Add-NodeTiming -NodeId only -Duration 50 -Status Failed
            $null = Complete-WorkflowProfile
        }
        $out = @(Get-WorkflowRecommendation broken -Verbose 4>&1)
        $found = @($out | Where-Object { $_ -is [Profiler.PS.WorkflowRecommendation] })
        $found.Count | Should -Be 1
        $found[0].Kind | Should -Be 'Failing'
        $found[0].NodeId | Should -Be 'only'
        $found[0].Evidence | Should -Be 'failed in 5 of its last 5 runs (100%)'
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Match 'has a successful run'
    }

    It 'says why for all-zero durations and keeps the evidence free of NaN' {
        foreach ($i in 1..6) {
            $null = Start-WorkflowProfile -WorkflowId zero
            Add-NodeTiming -NodeId a -Duration 0
            Add-NodeTiming -NodeId b -Duration 0
            $null = Complete-WorkflowProfile
        }
        $out = @(Get-WorkflowRecommendation zero -Verbose 4>&1)
        $out.Count | Should -Be 1
        $out[0].Message | Should -Match 'every duration recorded .* is 0 ms'
        Get-WorkflowRecommendation | ConvertTo-Json | Should -Not -Match 'NaN|Infinity'
    }

    It 'has a default view that fits 80 columns' {
        $text = Get-WorkflowRecommendation regressed | Out-String -Width 80
        $text | Should -Match 'Where to look first: regressed'
        $text | Should -Match 'Rank Kind'
        foreach ($line in $text -split "`r?`n") { $line.Length | Should -BeLessOrEqual 80 }
    }

    It 'adds "Where to look first" to the HTML report and the Markdown summary' {
        $html = Join-Path $script:Folder 'report.html'
        $md = Join-Path $script:Folder 'summary.md'
        Export-WorkflowReport -WorkflowId regressed -Path $html
        Export-WorkflowProfile -WorkflowId regressed -Format Markdown -Path $md
        Get-Content -LiteralPath $html -Raw | Should -Match '<h3>Where to look first</h3>.*Regression'
        Get-Content -LiteralPath $md -Raw | Should -Match '### Where to look first\s+\| Rank \| Kind .*\n.*\n\| 1 \| Regression \| test \|'
    }
}
