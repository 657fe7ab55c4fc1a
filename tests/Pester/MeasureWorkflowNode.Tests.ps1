# Measure-WorkflowNode and the budget gates, used as in a build script and a Pester suite.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Measure-WorkflowNode' {
    BeforeEach {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
    }

    It 'streams the block through Tee-Object and times it like Measure-Command' {
        Start-WorkflowProfile -WorkflowId tee
        Measure-WorkflowNode sleep { Start-Sleep -Milliseconds 50; 'done' } | Tee-Object -Variable out | Should -Be 'done'
        $out | Should -Be 'done'
        (Get-NodeTiming -NodeId sleep).Duration | Should -BeGreaterOrEqual 40
        (Measure-Command { Start-Sleep -Milliseconds 50 }).TotalMilliseconds | Should -BeGreaterOrEqual 40
        $null = Complete-WorkflowProfile
    }

    It 'keeps the failure and rethrows the original error' {
        Start-WorkflowProfile -WorkflowId fail
        { Measure-WorkflowNode broken { Write-Error 'bad step' -ErrorAction Stop } } | Should -Throw -ErrorId 'Microsoft.PowerShell.Commands.WriteErrorException*'
        (Get-NodeTiming -NodeId broken).Status | Should -Be 'Failed'
        $null = Complete-WorkflowProfile
    }

    It 'nests: the parent names its children and self time plus children is the inclusive time' {
        Start-WorkflowProfile -WorkflowId nest
        Measure-WorkflowNode outer { Measure-WorkflowNode inner { Start-Sleep -Milliseconds 20 } }
        $outer = Get-NodeTiming -NodeId outer
        $inner = Get-NodeTiming -NodeId inner
        $inner.ParentId | Should -Be 'outer'
        $outer.Duration | Should -BeGreaterOrEqual $inner.Duration
        ($outer.SelfDuration + $inner.Duration) | Should -BeGreaterThan ($outer.Duration - 0.001)
        ($outer.SelfDuration + $inner.Duration) | Should -BeLessThan ($outer.Duration + 0.001)
        $null = Complete-WorkflowProfile
    }

    It 'records parallel branches from ForEach-Object -Parallel into one run' {
        $manifest = (Get-Module Profiler.PS).Path
        $run = Start-WorkflowProfile -WorkflowId par -PassThru
        1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
            Import-Module $using:manifest
            Measure-WorkflowNode "branch$_" -Run $using:run { Start-Sleep -Milliseconds 10 }
        }
        (Get-NodeTiming -WorkflowId par).NodeId | Sort-Object | Should -Be @('branch1', 'branch2', 'branch3')
        $null = Complete-WorkflowProfile -WorkflowId par
    }
}

Describe 'Test-WorkflowBudget gates' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        foreach ($i in 1..3) { Start-WorkflowProfile -WorkflowId gate; Measure-WorkflowNode step { Start-Sleep -Milliseconds 10 }; $null = Complete-WorkflowProfile }
    }

    It 'gates with Should and -Quiet' {
        Test-WorkflowBudget step ([TimeSpan]::FromSeconds(5)) -Statistic P95 -Quiet | Should -BeTrue
        Test-WorkflowBudget step 1 -Statistic Median -Quiet | Should -BeFalse
        Test-WorkflowBudget step 1 -Statistic Median | Where-Object { -not $_.Passed } | Should -Not -BeNullOrEmpty
    }

    It 'stops a script with -Assert' {
        { Test-WorkflowBudget step 1 -Assert } | Should -Throw -ErrorId 'TestWorkflowBudgetExceeded*'
    }

    It 'reads a budgets file and exports results' {
        $budgets = Join-Path $work 'budgets.psd1'
        "@{ WorkflowId = 'gate'; Statistic = 'P95'; Nodes = @{ step = 5000 } }" | Set-Content $budgets
        $results = Test-WorkflowBudget -Path $budgets
        $results | Should -Not -BeNullOrEmpty
        $results.Passed | Should -Not -Contain $false
        $path = Join-Path $work 'budgets.csv'
        Test-WorkflowBudget step 5000 | Export-Csv $path -NoTypeInformation
        (Import-Csv $path).Passed | Should -Be 'True'
        (Get-WorkflowProfile gate).Runs | ConvertTo-Json -Depth 3 | ConvertFrom-Json | Select-Object -ExpandProperty CriticalPath | Should -HaveCount 3
    }
}
