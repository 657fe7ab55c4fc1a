<#
.SYNOPSIS
    What Measure-WorkflowScript costs, in real pwsh, against the same scripts run directly.
.DESCRIPTION
    Three scripts are written to a temporary folder. Each round runs every side of a script back to back (direct,
    profiled and, with -PeerModule, the peer), the order rotating each round and each measurement starting from a
    collected heap, so that drift in the machine's speed hits all sides alike. Each ratio is the median of the
    per-round ratios with a 95% percentile-bootstrap interval; times are medians over rounds.
      calls: 50,000 (-Calls) calls of a one-line function: the worst case, profiled at -Depth 2 (every call timed).
      build: a build-like script of 14 top-level statements doing real work (files, hashing, sorting, compression,
             a native command), profiled at -Depth 1 (statements only).
      calls-by-hand: the calls script with each call wrapped in Measure-WorkflowNode by hand (Depth 0 in the table),
             the cost of one timed call without the rewriter, against the plain calls script.
    With -PeerModule (the path of nohwnd/Profiler's Profiler.psd1, built by hand: it is not on the package feed),
    the calls script also runs under that module's Trace-Script in the same rounds, and the ratio of its overhead to
    ours (each against the same round's direct run) is shown.
    Run from the repository root after dotnet build:
        ~/.dotnet/tools/pwsh -NoProfile -File tests/Profiler.PS.Benchmarks/pwsh/ScriptProfiling.ps1
    -BuildRounds (default 21) sets the rounds of the build script separately: showing a change under 2% needs more
    rounds than the calls script's large overhead does.
.OUTPUTS
    One row per script: median milliseconds direct and profiled (wall and process CPU), the ratios, and the overhead
    per timed call.
#>
param(
    [int] $Rounds = 5,
    [int] $BuildRounds = 21,
    [int] $Calls = 50000,
    [string] $PeerModule
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../../../output/Profiler.PS/Profiler.PS.psd1') -Force
$folder = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
try {
    $callsScript = Join-Path $folder 'calls.ps1'
    Set-Content $callsScript -Value @'
param([int] $Calls = 50000)
function Add-One([int] $x) { $x + 1 }
$sum = 0
for ($i = 0; $i -lt $Calls; $i++) { $sum = Add-One $sum }
$sum
'@
    # The same calls, each timed by hand with Measure-WorkflowNode: what one timed call costs without the rewriter.
    $byHandScript = Join-Path $folder 'calls-by-hand.ps1'
    Set-Content $byHandScript -Value @'
param([int] $Calls = 50000)
function Add-One([int] $x) { Measure-WorkflowNode Add-One { $x + 1 } }
$sum = 0
for ($i = 0; $i -lt $Calls; $i++) { $sum = Add-One $sum }
$sum
'@
    $buildScript = Join-Path $folder 'build.ps1'
    Set-Content $buildScript -Value @'
param([string] $Work = (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())))
$null = New-Item -ItemType Directory $Work
$random = [Random]::new(7)
$files = foreach ($n in 1..40) { $b = [byte[]]::new(128KB); $random.NextBytes($b); $p = Join-Path $Work "s$n.bin"; [IO.File]::WriteAllBytes($p, $b); $p }
$sha = [Security.Cryptography.SHA256]::Create()
$hashes = foreach ($p in $files) { [BitConverter]::ToString($sha.ComputeHash([IO.File]::ReadAllBytes($p))) }
Set-Content (Join-Path $Work 'hashes.txt') $hashes
$numbers = [double[]]::new(300000); for ($k = 0; $k -lt $numbers.Length; $k++) { $numbers[$k] = $random.NextDouble() }
[array]::Sort($numbers)
$version = dotnet --version
Compress-Archive -Path $files -DestinationPath (Join-Path $Work 'package.zip')
$size = (Get-Item (Join-Path $Work 'package.zip')).Length
Remove-Item $Work -Recurse -Force
"built $($files.Count) files, $size bytes, dotnet $version"
'@
    $median = { param($xs) $s = @($xs | Sort-Object); $s[[int][math]::Floor(($s.Count - 1) / 2)] }
    # A 95% confidence interval of the median of per-round ratios: the 2.5th and 97.5th percentiles of the medians of
    # 2,000 resamples (percentile bootstrap, Efron & Tibshirani 1993, ch. 13), seeded so a rerun on the same figures agrees.
    $interval = {
        param($xs)
        $random = [Random]::new(12345); $n = $xs.Count
        $medians = foreach ($b in 1..2000) { & $median @(foreach ($k in 1..$n) { $xs[$random.Next($n)] }) }
        $sorted = @($medians | Sort-Object)
        '{0:N3}-{1:N3}' -f $sorted[49], $sorted[1949]
    }
    # Wall milliseconds and the process's CPU milliseconds (all threads: JIT and GC included); CPU time is the steadier
    # figure when other processes share the cores, since time spent waiting for a core is not counted. Each
    # measurement starts from a collected heap, as BenchmarkDotNet does: without it a collection that one side's
    # garbage made due lands in whichever side runs next (rounds of the plain calls script then varied 400-3,000 ms).
    $time = {
        param($block)
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $process = [Diagnostics.Process]::GetCurrentProcess(); $cpu = $process.TotalProcessorTime
        $sw = [Diagnostics.Stopwatch]::StartNew(); $null = & $block; $wall = $sw.Elapsed.TotalMilliseconds
        $process.Refresh(); [pscustomobject]@{ Wall = $wall; Cpu = ($process.TotalProcessorTime - $cpu).TotalMilliseconds }
    }
    if ($PeerModule) { Import-Module $PeerModule -Force }
    $cases = @(
        @{ Script = 'calls'; Path = $callsScript; Depth = 2; Timed = $Calls; Args = @{ Calls = $Calls }; Rounds = $Rounds }
        @{ Script = 'build'; Path = $buildScript; Depth = 1; Timed = 14; Args = @{}; Rounds = $BuildRounds }
        @{ Script = 'calls-by-hand'; Path = $byHandScript; Depth = 0; Timed = $Calls; Args = @{ Calls = $Calls }; Rounds = $Rounds }
    )
    foreach ($case in $cases) {
        $path = $case.Path; $arguments = $case.Args; $depth = $case.Depth; $id = "bench-$($case.Script)"
        # Depth 0: the script times its calls itself (Measure-WorkflowNode) in a run started here; 'direct' is the plain calls script.
        $profile = if ($depth) { { Measure-WorkflowScript $path -ArgumentList $arguments -Depth $depth -WorkflowId $id } }
                   else { { Start-WorkflowProfile $id; & $path @arguments; $null = Complete-WorkflowProfile $id } }
        $plain = if ($depth) { $path } else { $callsScript }
        $sides = [ordered]@{ direct = { & $plain @arguments }; profiled = $profile }
        if ($PeerModule -and $case.Script -eq 'calls') { $sides.peer = { Trace-Script -ScriptBlock { & $path @arguments } -DisableWarning *> $null } }
        foreach ($side in @($sides.Values)) { $null = & $side }   # warm up every side
        $m = @{}; foreach ($name in $sides.Keys) { $m[$name] = [Collections.Generic.List[object]]::new() }
        $names = @($sides.Keys)
        foreach ($round in 1..$case.Rounds) {
            # Interleaved, the order rotating each round, so drift in the machine's speed hits every side alike.
            foreach ($k in 0..($names.Count - 1)) { $name = $names[($k + $round) % $names.Count]; $m[$name].Add((& $time $sides[$name])) }
        }
        $ratios = @(foreach ($r in 0..($case.Rounds - 1)) { $m.profiled[$r].Wall / $m.direct[$r].Wall })
        $cpuRatios = @(foreach ($r in 0..($case.Rounds - 1)) { $m.profiled[$r].Cpu / $m.direct[$r].Cpu })
        $d = & $median $m.direct.Wall; $p = & $median $m.profiled.Wall
        $dc = & $median $m.direct.Cpu; $pc = & $median $m.profiled.Cpu
        $row = [ordered]@{
            Script = $case.Script; Depth = $depth; TimedCalls = $case.Timed; Rounds = $case.Rounds
            DirectMs = [math]::Round($d, 1); ProfiledMs = [math]::Round($p, 1)
            # The median of the per-round ratios (each round's sides ran back to back), and its 95% bootstrap interval.
            Ratio = [math]::Round((& $median $ratios), 4); RatioInterval95 = & $interval $ratios
            OverheadPerCallUs = [math]::Round(((& $median $ratios) - 1) * $d * 1000 / $case.Timed, 2)
            DirectCpuMs = [math]::Round($dc, 1); ProfiledCpuMs = [math]::Round($pc, 1); CpuRatio = [math]::Round((& $median $cpuRatios), 4)
        }
        if ($m.Contains('peer')) {
            $t = & $median $m.peer.Wall; $tc = & $median $m.peer.Cpu
            # The peer's overhead over ours: the median of its per-round overheads (peer - direct of the same round) over
            # the median of ours. A ratio per round would divide by our overhead of one round, which is small enough
            # next to the round's noise to swing the ratio by 10x; the interval resamples rounds.
            $overheads = { param($rounds, $side, $field) @(foreach ($r in $rounds) { $m[$side][$r].$field - $m.direct[$r].$field }) }
            $below = { param($rounds, $field) (& $median (& $overheads $rounds 'peer' $field)) / [math]::Max(0.001, (& $median (& $overheads $rounds 'profiled' $field))) }
            $all = 0..($case.Rounds - 1)
            $random = [Random]::new(12345)
            $resampled = @(foreach ($b in 1..2000) { & $below @(foreach ($k in $all) { $random.Next($case.Rounds) }) 'Wall' } ) | Sort-Object
            $row.PeerMs = [math]::Round($t, 1); $row.PeerRatio = [math]::Round($t / $d, 1)
            $row.OverheadBelowPeer = [math]::Round((& $below $all 'Wall'), 1)
            $row.OverheadBelowPeerInterval95 = '{0:N1}-{1:N1}' -f $resampled[49], $resampled[1949]
            $row.PeerCpuMs = [math]::Round($tc, 1); $row.CpuOverheadBelowPeer = [math]::Round((& $below $all 'Cpu'), 1)
        }
        [pscustomobject]$row
    }
    "load average: $(Get-Content /proc/loadavg -ErrorAction SilentlyContinue)"
}
finally {
    Remove-Item $folder -Recurse -Force
}
