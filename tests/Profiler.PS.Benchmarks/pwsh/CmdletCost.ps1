<#
.SYNOPSIS
    What Profiler.PS's cmdlets cost per call against the cheapest thing that does the same job, in ONE real pwsh.
.DESCRIPTION
    Each comparison is a floor and a candidate, each a script of -Calls calls. They run in -Rounds rounds in this
    process, each round both sides back to back in a random order, after -Warmup discarded rounds and 30,000 calls of
    every command (a pwsh process takes some 50,000 cmdlet calls to reach its steady speed, and rounds before that
    flatter every ratio toward 1). The heap is NOT collected between rounds: collections are part of what a call
    costs, and a side that allocates more pays for more of them. Ratio is the median over rounds of candidate/floor per
    round, so a machine busy with other work slows both sides of each ratio alike; short rounds keep a burst of other
    work from landing on one side only. Floors: the real Measure-Command, and compiled no-op cmdlets from
    tests/Profiler.PS.Benchmarks/Cmdlets/CheapestFloors.cs (plain parameters, nothing to try: the cheapest cmdlet a
    user could write for the job), compiled here with Add-Type. Four structural rows measure what Measure-WorkflowNode's
    interface costs whatever its implementation: binding its parameters (a no-op cmdlet with its parameters against a
    no-op with Measure-Command's); its parameters plus running the block in a child scope through the engine and
    recording nothing (Measure-BareNode from ../Cmdlets/BareNode.cs, against Measure-Command), the same dot-sourced as
    Measure-Command runs it (Measure-BareDotNode); and a script's own `& {}` against `. {}`.
.EXAMPLE
    dotnet build Profiler.PS.sln -c Release; pwsh -NoProfile -File tests/Profiler.PS.Benchmarks/pwsh/CmdletCost.ps1
#>
param(
    [int] $Calls = 1000,
    [int] $Rounds = 101,
    [int] $Warmup = 10,
    # Runs only the comparisons whose name contains this text.
    [string] $Filter = '',
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../output/Profiler.PS/Profiler.PS.psd1')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath -Force
$floors = Add-Type -Path (Join-Path $PSScriptRoot '../Cmdlets/CheapestFloors.cs'), (Join-Path $PSScriptRoot '../Cmdlets/BareNode.cs') -PassThru
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
    @{ Name = 'structural: a no-op cmdlet with Measure-WorkflowNode''s parameters vs one with Measure-Command''s'
       Floor = { foreach ($i in 1..$Calls) { $null = Measure-NoOpCommand {} } }
       Candidate = { foreach ($i in 1..$Calls) { $null = Measure-NoOpNode m {} } } }
    @{ Name = 'structural: Measure-WorkflowNode''s parameters and child scope, nothing recorded (Measure-BareNode) vs Measure-Command'
       Floor = { foreach ($i in 1..$Calls) { $null = Measure-Command {} } }
       Candidate = { foreach ($i in 1..$Calls) { $null = Measure-BareNode m {} } } }
    @{ Name = 'structural: the same dot-sourced, as Measure-Command runs its block (Measure-BareDotNode) vs Measure-Command'
       Floor = { foreach ($i in 1..$Calls) { $null = Measure-Command {} } }
       Candidate = { foreach ($i in 1..$Calls) { $null = Measure-BareDotNode m {} } } }
    @{ Name = 'structural: a block in a child scope vs dot-sourced (& {} vs . {})'
       Floor = { foreach ($i in 1..$Calls) { $null = . {} } }
       Candidate = { foreach ($i in 1..$Calls) { $null = & {} } } }
    @{ Name = 'Measure-WorkflowNode vs Measure-Command, block emitting 100 objects'
       Floor = { foreach ($i in 1..$Calls) { $null = Measure-Command { foreach ($j in 1..100) { $j } } } }
       Candidate = { foreach ($i in 1..$Calls) { $null = Measure-WorkflowNode m { foreach ($j in 1..100) { $j } } } } }
    @{ Name = 'rows piped into Add-NodeTiming vs a by-property-name no-op cmdlet'
       Floor = { foreach ($k in 1..5) { $rows | Add-NoOpRow } }; PerRound = 5 * $Calls
       Candidate = { foreach ($k in 1..5) { $rows | Add-NodeTiming } } }
    @{ Name = 'rows piped into Add-NodeTiming vs a no-op cmdlet binding all its five columns by property name'
       Floor = { foreach ($k in 1..5) { $rows | Add-NoOpFullRow } }; PerRound = 5 * $Calls
       Candidate = { foreach ($k in 1..5) { $rows | Add-NodeTiming } } }
    @{ Name = 'Add-NodeTiming -NodeId b -Duration 1 vs a no-op cmdlet with the same parameters'
       Floor = { foreach ($i in 1..$Calls) { Add-NoOpPair -NodeId b -Duration 1 } }
       Candidate = { foreach ($i in 1..$Calls) { Add-NodeTiming -NodeId b -Duration 1 } } }
)

function Measure-Round([scriptblock] $Script, [int] $PerRound) {
    $sw = [Diagnostics.Stopwatch]::StartNew()
    & $Script
    $sw.Elapsed.TotalMilliseconds * 1000 / $PerRound
}

# Every command reaches its steady speed before any round counts.
foreach ($i in 1..30000) {
    $null = Measure-Command {}; $null = Measure-WorkflowNode m {}; $null = Measure-NoOpCommand {}; $null = Measure-NoOpNode m {}
    $null = Measure-BareNode m {}; $null = Measure-BareDotNode m {}
}
$random = [Random]::new(12)
$results = foreach ($c in $comparisons | Where-Object { $_.Name -like "*$Filter*" }) {
    $floor = [Collections.Generic.List[double]]::new(); $cand = [Collections.Generic.List[double]]::new(); $ratios = [Collections.Generic.List[double]]::new()
    $perRound = if ($c.PerRound) { $c.PerRound } else { $Calls }
    foreach ($round in 1..($Warmup + $Rounds)) {
        if ($random.Next(2)) { $f = Measure-Round $c.Floor $perRound; $m = Measure-Round $c.Candidate $perRound }
        else { $m = Measure-Round $c.Candidate $perRound; $f = Measure-Round $c.Floor $perRound }
        if ($round -le $Warmup) { continue }
        $floor.Add($f); $cand.Add($m); $ratios.Add($m / $f)
    }
    $quantile = { param($list, $p) $s = [double[]]@($list); [Array]::Sort($s); $s[[int][math]::Floor(($s.Length - 1) * $p)] }
    $median = { param($list) & $quantile $list 0.5 }
    [pscustomobject]@{
        Comparison   = $c.Name
        FloorUs      = [math]::Round((& $median $floor), 2)
        CandidateUs  = [math]::Round((& $median $cand), 2)
        Ratio        = (& $median $ratios).ToString("N3")
        # The middle half of the per-round ratios: how far one run of this script can be trusted.
        Quartiles    = '{0:N3}-{1:N3}' -f (& $quantile $ratios 0.25), (& $quantile $ratios 0.75)
    }
}
$null = Complete-WorkflowProfile -WorkflowId cost
"pwsh $($PSVersionTable.PSVersion); $Rounds rounds of $Calls calls (both sides back to back, random order, no forced collection) after $Warmup warm-up rounds; Ratio: median of the per-round ratios; Quartiles: their middle half; load average: $((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3)"
$results | Format-Table -AutoSize | Out-String -Width 200
