# Pester 5 performance gates for the sample build (samples/build-steps.ps1). Run after 'dotnet pwsh ./build.ps1':
#   Invoke-Pester ./samples/Build.Tests.ps1 -Output Detailed
# Profiler state belongs to the runspace and lives for the whole Invoke-Pester run, so the build is timed once,
# in BeforeAll, and every It reads the same profile. (Clear-WorkflowProfile resets it if a test needs a clean slate.)
BeforeAll {
    Import-Module "$PSScriptRoot/../output/Profiler.PS/Profiler.PS.psd1" -Force
    Get-WorkflowProfile -WorkflowId build-steps -ErrorAction SilentlyContinue | Clear-WorkflowProfile -Confirm:$false
    & "$PSScriptRoot/build-steps.ps1" -Runs 3 -NoReport
}

Describe 'Sample build performance' {
    It 'keeps every step within the budgets file' {
        # The failing results, if any, are what Pester prints: node, statistic, value and budget. No result at all
        # (an empty budgets file: TestWorkflowBudgetNothingChecked is an error, not a result) fails too.
        $results = Test-WorkflowBudget -Path "$PSScriptRoot/budgets.psd1"
        $results | Should -Not -BeNullOrEmpty
        $results | Where-Object { -not $_.Passed } | Should -BeNullOrEmpty
    }

    It 'sorts within 30 seconds at the 95th percentile' {
        Test-WorkflowBudget -WorkflowId build-steps -NodeId sort -Maximum ([TimeSpan]::FromSeconds(30)) -Statistic P95 -Quiet | Should -BeTrue
    }

    It 'counts nested steps once: build self time plus its steps is its inclusive time' {
        $stats = Get-NodeStatistics -WorkflowId build-steps
        $build = $stats | Where-Object NodeId -eq 'build'
        $steps = $stats | Where-Object NodeId -in 'generate', 'hash', 'sort', 'package'
        $children = ($steps | Measure-Object -Property AvgDuration -Sum).Sum
        # Pester 5 has no -BeApproximately: compare the difference with the tolerance.
        [math]::Abs($build.AvgSelfDuration + $children - $build.AvgDuration) | Should -BeLessOrEqual 0.001
    }

    It 'records the verify branches in parallel lanes of the same run' {
        $run = (Get-WorkflowProfile -WorkflowId build-steps).Runs[-1]
        $run.NodeCount | Should -Be 9
        $run.LaneCount | Should -BeGreaterThan 1
        $run.CriticalPath | Should -BeLessOrEqual ($run.WallTime + 0.001)
    }

    It 'fails a script with -Assert when a budget is blown' {
        { Test-WorkflowBudget -WorkflowId build-steps -NodeId sort -Maximum 0.001 -Assert } |
            Should -Throw -ErrorId 'TestWorkflowBudgetExceeded*'
    }
}
