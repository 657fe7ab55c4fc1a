<#
.SYNOPSIS
    What Profiler.PS's cmdlets cost per call against the cheapest thing that does the same job, in ONE real pwsh.
.DESCRIPTION
    Each comparison is a floor and a candidate, each a script of -Calls calls. They run in alternating rounds in this
    process (the order flips every round, a full collection before each), after -Warmup discarded rounds (10 by
    default: a pwsh process takes some 50,000 cmdlet calls to reach its steady speed, and rounds before that flatter
    every ratio toward 1); the result
    is the median over rounds of candidate/floor per round, so a machine busy with other work slows both sides of
    each ratio alike. Floors: the real Measure-Command, and compiled no-op cmdlets from
    tests/Profiler.PS.Benchmarks/Cmdlets/CheapestFloors.cs (plain parameters, nothing to try: the cheapest cmdlet a
    user could write for the job), compiled here with Add-Type.
.EXAMPLE
    dotnet build Profiler.PS.sln -c Release; pwsh -NoProfile -File tests/Profiler.PS.Benchmarks/pwsh/CmdletCost.ps1
#>
param(
    [int] $Calls = 500,
    [int] $Rounds = 31,
    [int] $Warmup = 10,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../output/Profiler.PS/Profiler.PS.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$floors = Add-Type -Path (Join-Path $PSScriptRoot '../Cmdlets/CheapestFloors.cs') -PassThru
Import-Module -Assembly $floors[0].Assembly

$null = Start-WorkflowProfile cost -Force
$rows = foreach ($i in 1..$Calls) { [pscustomobject]@{ NodeId = 'b'; Duration = 1 } }

function Step { $sum = 0; foreach ($i in 1..100000) { $sum += $i * 2 }; $sum }

$comparisons = @(
    @{ Name = 'a 100,000-iteration loop in Measure-WorkflowNode vs the same loop as a function body'; PerRound = 1
       Floor = { $null = Step }
       Candidate = { $null = Measure-WorkflowNode loop { $sum = 0; foreach ($i in 1..100000) { $sum += $i * 2 }; $sum } } }
    @{ Name = 'Measure-WorkflowNode vs Measure-Command, empty block'
       Floor = { foreach ($i in 1..$Calls) { $null = Measure-Command {} } }
       Candidate = { foreach ($i in 1..$Calls) { $null = Measure-WorkflowNode m {} } } }
    @{ Name = 'Measure-WorkflowNode vs Measure-Command, block emitting 100 objects'
       Floor = { foreach ($i in 1..$Calls) { $null = Measure-Command { foreach ($j in 1..100) { $j } } } }
       Candidate = { foreach ($i in 1..$Calls) { $null = Measure-WorkflowNode m { foreach ($j in 1..100) { $j } } } } }
    @{ Name = 'rows piped into Add-NodeTiming vs a by-property-name no-op cmdlet'
       Floor = { $rows | Add-NoOpRow }
       Candidate = { $rows | Add-NodeTiming } }
    @{ Name = 'rows piped into Add-NodeTiming vs a no-op cmdlet binding all its five columns by property name'
       Floor = { $rows | Add-NoOpFullRow }
       Candidate = { $rows | Add-NodeTiming } }
    @{ Name = 'Add-NodeTiming -NodeId b -Duration 1 vs a no-op cmdlet with the same parameters'
       Floor = { foreach ($i in 1..$Calls) { Add-NoOpPair -NodeId b -Duration 1 } }
       Candidate = { foreach ($i in 1..$Calls) { Add-NodeTiming -NodeId b -Duration 1 } } }
)

function Measure-Round([scriptblock] $Script, [int] $PerRound) {
    [GC]::Collect(); [GC]::WaitForPendingFinalizers()
    $sw = [Diagnostics.Stopwatch]::StartNew()
    & $Script
    $sw.Elapsed.TotalMilliseconds * 1000 / $PerRound
}

$results = foreach ($c in $comparisons) {
    $floor = [Collections.Generic.List[double]]::new(); $cand = [Collections.Generic.List[double]]::new(); $ratios = [Collections.Generic.List[double]]::new()
    $perRound = if ($c.PerRound) { $c.PerRound } else { $Calls }
    foreach ($round in 1..($Warmup + $Rounds)) {
        if ($round % 2) { $f = Measure-Round $c.Floor $perRound; $m = Measure-Round $c.Candidate $perRound }
        else { $m = Measure-Round $c.Candidate $perRound; $f = Measure-Round $c.Floor $perRound }
        if ($round -le $Warmup) { continue }
        $floor.Add($f); $cand.Add($m); $ratios.Add($m / $f)
    }
    $median = { param($list) $s = @($list | Sort-Object); $s[[int][math]::Floor($s.Count / 2)] }
    [pscustomobject]@{
        Comparison   = $c.Name
        FloorUs      = [math]::Round((& $median $floor), 2)
        CandidateUs  = [math]::Round((& $median $cand), 2)
        Ratio        = (& $median $ratios).ToString("N3")
        # On a machine busy with other work the fastest rounds are the ones least disturbed.
        FastestRatio = (($cand | Measure-Object -Minimum).Minimum / ($floor | Measure-Object -Minimum).Minimum).ToString("N3")
    }
}
$null = Complete-WorkflowProfile -WorkflowId cost
"pwsh $($PSVersionTable.PSVersion); $Rounds alternating rounds of $Calls calls after $Warmup warm-up rounds; Ratio: median of the per-round ratios; FastestRatio: fastest candidate round / fastest floor round; load average: $((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3)"
$results | Format-Table -AutoSize | Out-String -Width 200
