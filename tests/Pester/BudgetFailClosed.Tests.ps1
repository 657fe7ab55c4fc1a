# Test-WorkflowBudget fails closed, as a CI script and a Pester suite use it: the cases a fresh-user tester found passing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    . (Join-Path $PSScriptRoot 'Fixtures/ChildPwsh.ps1')   # $pwsh, $pwshPrefix
    $script:Folder = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    $script:Empty = Join-Path $script:Folder 'empty.psd1'
    Set-Content $script:Empty '@{ Nodes = @{} }'

    # A child pwsh running a gate script as CI would: its exit code and whether the line after the gate ran.
    function Invoke-Gate([string] $Gate) {
        $script = Join-Path $script:Folder "$([guid]::NewGuid()).ps1"
        Set-Content $script @"
Import-Module '$((Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1').Replace("'", "''"))'
Start-WorkflowProfile -WorkflowId g | Out-Null; Add-NodeTiming a 100; `$null = Complete-WorkflowProfile
$Gate
'after the gate'
"@
        $out = & $pwsh @pwshPrefix -NoProfile -NonInteractive -File $script 2>&1 | Out-String
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $out }
    }
}

AfterAll {
    Remove-Module Profiler.PS -ErrorAction SilentlyContinue
    Remove-Item $script:Folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A gate that checked nothing' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        Start-WorkflowProfile -WorkflowId g | Out-Null; Add-NodeTiming a 100; $null = Complete-WorkflowProfile
    }

    It 'an empty budgets file: -Quiet is False and the error says the file holds no budget' {
        Test-WorkflowBudget -Path $script:Empty -Quiet -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeFalse
        $problems.FullyQualifiedErrorId | Should -BeLike 'TestWorkflowBudgetNothingChecked,*'
        "$problems" | Should -Match 'holds no budget'
    }

    It 'an empty budgets file: -Assert throws' {
        { Test-WorkflowBudget -Path $script:Empty -Assert -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'TestWorkflowBudgetExceeded*'
    }

    It 'a budget of $true is refused as not a duration, not read as 1 ms' {
        $file = Join-Path $script:Folder 'bool.psd1'
        Set-Content $file '@{ Nodes = @{ a = $true } }'
        Test-WorkflowBudget -Path $file -Quiet -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeFalse
        "$problems" | Should -Match 'not a duration'
    }

    It 'a filter that matched nothing: -Quiet is False and the error says to check the filter' {
        Get-NodeStatistics | Where-Object AvgDuration -gt 1e9 | Test-WorkflowBudget -Maximum 5 -Quiet -ErrorVariable problems -ErrorAction SilentlyContinue |
            Should -BeFalse
        $problems.FullyQualifiedErrorId | Should -BeLike 'TestWorkflowBudgetNothingChecked,*'
        "$problems" | Should -Match 'no node statistics.*check the filter'
    }

    It 'an empty pipeline: -Assert throws' {
        { @() | Test-WorkflowBudget -Maximum 5 -Assert -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'TestWorkflowBudgetExceeded*'
    }

    It 'the default output writes the error and no result' {
        $results = Test-WorkflowBudget -Path $script:Empty -ErrorVariable problems -ErrorAction SilentlyContinue
        $results | Should -BeNullOrEmpty
        $problems | Should -HaveCount 1
    }

    It 'a CI script stops at -Assert and exits non-zero' {
        $r = Invoke-Gate "Test-WorkflowBudget -Path '$($script:Empty.Replace("'", "''"))' -Assert"
        $r.ExitCode | Should -Not -Be 0
        $r.Output | Should -Not -Match 'after the gate'
        $r.Output | Should -Match 'holds no budget'
    }
}

Describe 'Last and a failed latest run' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        Start-WorkflowProfile -WorkflowId g | Out-Null; Add-NodeTiming a 100; $null = Complete-WorkflowProfile
        Start-WorkflowProfile -WorkflowId g | Out-Null; Add-NodeTiming a 99999 -Status Failed; $null = Complete-WorkflowProfile
    }

    It 'Last fails when the node failed in the latest run, with no value, naming the run' {
        $r = Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Last
        $r.Passed | Should -BeFalse
        $r.Checked | Should -BeFalse
        $r.Value | Should -BeNullOrEmpty
        $r.Message | Should -Match 'failed in the latest run 2'
    }

    It 'the default table says unchecked where the value would be' {
        $table = Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Last | Out-String -Width 80
        $table | Should -Match 'FAIL\s+Last\s+unchecked\s+1,000\.0'
    }

    It 'Max fails too: the gate cannot vouch for a node whose latest run failed' {
        (Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Max).Message | Should -Match 'failed in the latest run 2'
        Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Max -Quiet | Should -BeFalse
    }

    It 'Last fails when the node did not run in the latest run' {
        Start-WorkflowProfile -WorkflowId g | Out-Null; Add-NodeTiming other 1; $null = Complete-WorkflowProfile
        Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Last -Quiet | Should -BeFalse
        Test-WorkflowBudget -WorkflowId g -NodeId other -Maximum 1000 -Statistic Last -Quiet | Should -BeTrue
    }

    It 'a node that succeeds again is judged on its successful runs' {
        Start-WorkflowProfile -WorkflowId g | Out-Null; Add-NodeTiming a 200; $null = Complete-WorkflowProfile
        $r = Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Max
        $r.Passed | Should -BeTrue
        $r.Value | Should -Be 200
        Test-WorkflowBudget -WorkflowId g -NodeId a -Maximum 1000 -Statistic Last -Quiet | Should -BeTrue
    }

    It 'results not checked survive Export-Csv and ConvertTo-Json with the same columns' {
        Start-WorkflowProfile -WorkflowId g | Out-Null; Add-NodeTiming a 5 -Status Stopped; Add-NodeTiming other 1; $null = Complete-WorkflowProfile
        $results = Test-WorkflowBudget -WorkflowId g -NodeId a, other -Maximum 1000 -Statistic Last
        $csv = Join-Path $script:Folder 'budgets.csv'
        $results | Export-Csv $csv -NoTypeInformation
        $rows = Import-Csv $csv
        $rows[0].Value | Should -Be ''
        $rows[1].Value | Should -Be '1'
        ($results | ConvertTo-Json | ConvertFrom-Json)[0].Value | Should -BeNullOrEmpty
        $results[0].Message | Should -Match 'was stopped in the latest run 5'
    }
}

Describe 'Budgets that match nothing' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        Start-WorkflowProfile -WorkflowId g | Out-Null; Add-NodeTiming a 100; $null = Complete-WorkflowProfile
    }

    It 'an id and a wildcard that match no node fail' {
        Test-WorkflowBudget -WorkflowId g -NodeId nosuch -Maximum 1000 -Quiet | Should -BeFalse
        Test-WorkflowBudget -WorkflowId g -NodeId 'nosuch*' -Maximum 1000 -Quiet | Should -BeFalse
    }

    It 'a workflow with no completed run fails every budget, saying so' {
        Start-WorkflowProfile -WorkflowId fresh | Out-Null
        (Test-WorkflowBudget -WorkflowId fresh -NodeId a -Maximum 1000).Message | Should -Match 'has no completed run yet'
        Test-WorkflowBudget -WorkflowId fresh -Path $script:Empty -Quiet -ErrorAction SilentlyContinue | Should -BeFalse
    }
}
