# Profiles a simulated nightly build over six runs, then shows what Profiler.PS tells you about it.
# The step durations are simulated (seeded), so the demo is the same on every machine; in a real
# script you would run each step in Measure-WorkflowNode -NodeId <step> { ... }, which times it for you.
$random = [System.Random]::new(42)
$steps = @(
    @{ NodeId = 'restore';  NodeType = 'dotnet';  NodeLabel = 'Restore packages'; Ms = 2400 }
    @{ NodeId = 'compile';  NodeType = 'dotnet';  NodeLabel = 'Compile';          Ms = 5200 }
    @{ NodeId = 'lint';     NodeType = 'script';  NodeLabel = 'Lint';             Ms = 640 }
    @{ NodeId = 'test';     NodeType = 'pester';  NodeLabel = 'Unit tests';       Ms = 3100 }
    @{ NodeId = 'package';  NodeType = 'zip';     NodeLabel = 'Package';          Ms = 900 }
    @{ NodeId = 'publish';  NodeType = 'http';    NodeLabel = 'Publish artifact'; Ms = 1500 }
)

foreach ($run in 1..6) {
    $null = Start-WorkflowProfile -WorkflowId nightly -WorkflowName 'Nightly build' -OnBottleneck {
        param($NodeId, $Duration)
        "  >> run $run : '$NodeId' took {0:N0} ms, far above its usual time" -f $Duration
    }
    foreach ($step in $steps) {
        $ms = $step.Ms * (0.9 + 0.2 * $random.NextDouble())
        if ($run -eq 6 -and $step.NodeId -eq 'test') { $ms *= 2.2 }   # the last run regresses
        Add-NodeTiming -NodeId $step.NodeId -Duration $ms -NodeType $step.NodeType -NodeLabel $step.NodeLabel
    }
    $total = (Get-NodeTiming | ForEach-Object Duration | ForEach-Object -Begin { $t = 0 } -Process { $t += $_ } -End { $t })
    $null = Complete-WorkflowProfile -TotalDuration $total
}

# Each table goes to Out-Host on its own, as it would when typed at the prompt one line at a time
# (the heatmap would not need it: its rows are drawn by their own view wherever they appear).
Get-WorkflowProfile | Out-Host
Get-NodeStatistics | Out-Host
Get-Bottleneck -Top 3 | Out-Host
Show-Heatmap | Out-Host
Compare-WorkflowRun | Out-Host
Get-WorkflowRecommendation | Out-Host
