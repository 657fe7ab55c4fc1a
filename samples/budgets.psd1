# Performance budgets of the sample build (samples/build-steps.ps1), checked by Test-WorkflowBudget -Path.
# Values are milliseconds or TimeSpan text; a node may name its own Statistic (Avg, Median, P95, Max, Last).
# They are generous so the sample passes on a slow CI machine; tighten them to what your build should take.
@{
    WorkflowId = 'build-steps'
    Statistic  = 'P95'
    Nodes      = @{
        build    = '00:01:00'
        generate = 20000
        hash     = 20000
        sort     = @{ Maximum = 30000; Statistic = 'Median' }
        package  = 20000
        'verify*' = @{ Maximum = 20000; Statistic = 'Max' }
    }
}
