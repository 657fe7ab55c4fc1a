# What a user sees of issue 11 ("Numbers you can trust"): one regression rule behind the heatmap's "!" and
# Compare-WorkflowRun, a failed step's verdict, and a nested build's bottlenecks ranked by self time.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:folder = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    Set-ProfilerOption -HistoryPath $script:folder.FullName

    function script:Invoke-Runs([string] $Workflow, [double[]] $Durations) {
        foreach ($ms in $Durations) {
            Start-WorkflowProfile -WorkflowId $Workflow
            Add-NodeTiming -NodeId step -Duration $ms
            $null = Complete-WorkflowProfile
        }
    }
}

AfterAll {
    # The option belongs to the runspace, not the module, so it would outlive this file in the shared Pester runspace.
    Set-ProfilerOption -HistoryPath $null
    Remove-Module Profiler.PS -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $script:folder.FullName -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The heatmap and Compare-WorkflowRun agree' {
    It 'shows no "!" for a run the comparison calls Inconclusive (50, 150, 100 then 160 ms)' {
        Invoke-Runs noisy 50, 150, 100, 160
        $line = Compare-WorkflowRun -WorkflowId noisy | Where-Object NodeId -eq step
        $line.Verdict | Should -Be 'Inconclusive'
        (Show-Heatmap -WorkflowId noisy -NoColor | Where-Object NodeId -eq step).IsAlert | Should -BeFalse
        (Get-WorkflowProfile -WorkflowId noisy).Alerts | Should -BeNullOrEmpty
    }

    It 'shows "!" and flags the outlier for a run the comparison calls Slower (seven 10 ms runs then 100 ms)' {
        Invoke-Runs steady 10, 10, 10, 10, 10, 10, 10, 100
        (Compare-WorkflowRun -WorkflowId steady | Where-Object NodeId -eq step).Verdict | Should -Be 'Slower'
        $row = Show-Heatmap -WorkflowId steady -NoColor | Where-Object NodeId -eq step
        $row.IsAlert | Should -BeTrue
        ($row | Out-String -Width 120) | Should -Match '!'
        $stats = Get-NodeStatistics -WorkflowId steady
        $stats.Outliers[-1] | Should -BeTrue
        $stats.OutlierCount | Should -Be 1
    }

    It 'calls the previous run a baseline: -WindowSize 1 judges, never New' {
        Start-WorkflowProfile -WorkflowId one -WindowSize 1 -MinimumSamples 1
        Add-NodeTiming -NodeId step -Duration 100
        $null = Complete-WorkflowProfile
        Invoke-Runs one 300
        $line = Compare-WorkflowRun -WorkflowId one | Where-Object NodeId -eq step
        $line.Verdict | Should -Be 'Slower'
        $line.BaselineSamples | Should -Be 1
    }
}

Describe 'A failed step' {
    It 'gets the verdict Failed, never Faster, and stays out of the window' {
        Invoke-Runs ci 300, 300, 300, 300, 300
        Start-WorkflowProfile -WorkflowId ci
        Add-NodeTiming -NodeId step -Duration 10 -Status Failed
        $done = Complete-WorkflowProfile
        $line = Compare-WorkflowRun -WorkflowId ci | Where-Object NodeId -eq step
        $line.Verdict | Should -Be 'Failed'
        $stats = Get-NodeStatistics -WorkflowId ci
        $stats.MinDuration | Should -Be 300
        $stats.LastDuration | Should -Be 300
        $stats.WindowFailedCount | Should -Be 1
        $stats.AllTimeFailedCount | Should -Be 1
        $stats.LastStatus | Should -Be 'Failed'
        $done.Comparison.SlowerCount + $done.Comparison.FasterCount | Should -Be 0
    }

    It 'refuses an unknown -Status with an error that names the valid values' {
        Start-WorkflowProfile -WorkflowId status -Force
        { Add-NodeTiming -NodeId step -Duration 5 -Status Crashed -ErrorAction Stop } | Should -Throw '*Succeeded*Failed*Stopped*'
        $null = Complete-WorkflowProfile -WorkflowId status -WarningAction SilentlyContinue
    }

    It 'keeps its failure through the history file' {
        Clear-WorkflowProfile -WorkflowId ci -Confirm:$false
        Start-WorkflowProfile -WorkflowId ci
        Add-NodeTiming -NodeId step -Duration 300
        $null = Complete-WorkflowProfile
        (Compare-WorkflowRun -WorkflowId ci -Run 6 | Where-Object NodeId -eq step).Verdict | Should -Be 'Failed'
        (Get-NodeStatistics -WorkflowId ci).AllTimeFailedCount | Should -Be 1
    }
}

Describe 'A nested build' {
    It 'ranks by self time, with shares of self time adding up to 100%' {
        Start-WorkflowProfile -WorkflowId nested
        Measure-WorkflowNode -NodeId Three {
            Measure-WorkflowNode -NodeId One { Start-Sleep -Milliseconds 100 }
            Measure-WorkflowNode -NodeId Two { Start-Sleep -Milliseconds 200 }
            Start-Sleep -Milliseconds 100
        }
        $null = Complete-WorkflowProfile
        $top = Get-Bottleneck -WorkflowId nested
        $top[0].NodeId | Should -Be 'Two'
        ($top | Measure-Object Share -Sum).Sum | Should -BeGreaterThan 0.999
        ($top | Measure-Object Share -Sum).Sum | Should -BeLessThan 1.001
        ($top | Where-Object NodeId -eq Two).Share | Should -BeGreaterThan ($top | Where-Object NodeId -eq Three).Share
        (Get-Bottleneck -WorkflowId nested -Inclusive)[0].NodeId | Should -Be 'Three'
        (Show-Heatmap -WorkflowId nested -NoColor)[0].NodeId | Should -Be 'Two'
    }

    It 'counts a node re-entered inside itself once, so its time never exceeds the run' {
        function walk([int] $depth) {
            Measure-WorkflowNode -NodeId walk {
                Start-Sleep -Milliseconds 50
                if ($depth -gt 1) { walk ($depth - 1) }
            }
        }
        Start-WorkflowProfile -WorkflowId recursive
        walk 3
        $done = Complete-WorkflowProfile
        $walk = Get-NodeStatistics -WorkflowId recursive | Where-Object NodeId -eq walk
        $walk.LastDuration | Should -BeLessOrEqual $done.Runs[-1].WallTime
        $walk.LastDuration | Should -BeGreaterOrEqual 150
        $walk.ExecutionCount | Should -Be 3
        $walk.LastSelfDuration | Should -BeGreaterOrEqual 150
    }
}

Describe 'A completed nested run exported to a trace' {
    BeforeAll {
        Start-WorkflowProfile -WorkflowId traced
        Measure-WorkflowNode -NodeId build {
            Start-Sleep -Milliseconds 20
            Measure-WorkflowNode -NodeId compile { Start-Sleep -Milliseconds 30 }
            Start-Sleep -Milliseconds 15   # the hand-timed lint (ending now) must start after compile ended to fit in build
            Add-NodeTiming -NodeId lint -Duration 5
        }
        $null = Complete-WorkflowProfile
        $script:run = (Get-WorkflowProfile -WorkflowId traced).Runs[-1]
    }

    It 'draws the parent around its children in a Chrome trace, as long as the run' {
        $path = Join-Path $script:folder.FullName 'traced.trace.json'
        Export-WorkflowProfile -WorkflowId traced -Path $path -Format ChromeTrace
        $events = (Get-Content -LiteralPath $path -Raw | ConvertFrom-Json).traceEvents | Where-Object ph -eq 'X'
        $total = $events | Where-Object tid -eq 0
        $build = $events | Where-Object { $_.args.nodeId -eq 'build' }
        $children = $events | Where-Object { $_.args.parentId -eq 'build' }
        $children.Count | Should -Be 2
        foreach ($child in $children) {
            $child.tid | Should -Be $build.tid
            $child.ts | Should -BeGreaterOrEqual $build.ts
            ($child.ts + $child.dur) | Should -BeLessOrEqual ($build.ts + $build.dur)
        }
        [math]::Abs($total.dur - [math]::Round($script:run.WallTime * 1000)) | Should -BeLessOrEqual 1
        ($build.ts + $build.dur) | Should -BeLessOrEqual $total.dur
    }

    It 'opens and closes speedscope frames like a call stack over the wall time' {
        $path = Join-Path $script:folder.FullName 'traced.speedscope.json'
        Export-WorkflowProfile -WorkflowId traced -Path $path -Format Speedscope
        $doc = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json
        $lane = $doc.profiles | Select-Object -First 1
        [math]::Abs($lane.endValue - $script:run.WallTime) | Should -BeLessOrEqual 0.001
        $stack = [System.Collections.Generic.Stack[int]]::new()
        $names = foreach ($e in $lane.events) {
            if ($e.type -eq 'O') { $stack.Push($e.frame) } else { $stack.Pop() | Should -Be $e.frame }
            $e.type + ' ' + $doc.shared.frames[$e.frame].name
        }
        $stack.Count | Should -Be 0
        $names | Should -Be @('O build', 'O compile', 'C compile', 'O lint', 'C lint', 'C build')
    }
}

Describe 'A hand-given child longer than its parent' {
    It 'is recorded as given, flagged ExceedsParent and named in the verbose stream' {
        Start-WorkflowProfile -WorkflowId exceeds
        $out = Measure-WorkflowNode -NodeId outer { Add-NodeTiming -NodeId inner -Duration 5000 -PassThru -Verbose 4>&1 }
        $null = Complete-WorkflowProfile
        $timing = $out | Where-Object { $_ -is [Profiler.PS.NodeTiming] }
        $verbose = $out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $timing.Duration | Should -Be 5000
        $timing.ExceedsParent | Should -BeTrue
        $verbose.Message | Should -BeLike "Node 'inner' (5000 ms) is longer than its parent 'outer' had run (*"
    }
}
