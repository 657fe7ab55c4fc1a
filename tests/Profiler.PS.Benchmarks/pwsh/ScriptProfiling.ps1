<#
.SYNOPSIS
    What Measure-WorkflowScript costs, in real pwsh, against the same scripts run directly.
.DESCRIPTION
    Two scripts are written to a temporary folder and run in interleaved rounds (direct, profiled, direct, ...), so
    that drift in the machine's load hits both sides alike; each figure is the median of -Rounds rounds.
      calls: 50,000 (-Calls) calls of a one-line function: the worst case, profiled at -Depth 2 (every call timed).
      build: a build-like script of 14 top-level statements doing real work (files, hashing, sorting, compression,
             a native command), profiled at -Depth 1 (statements only).
      calls-by-hand: the calls script with each call wrapped in Measure-WorkflowNode by hand (Depth 0 in the table),
             the cost of one timed call without the rewriter, against the plain calls script.
    With -PeerModule (the path of nohwnd/Profiler's Profiler.psd1, built by hand: it is not on the package feed),
    the calls script also runs under that module's Trace-Script, timed the same way, and the overhead ratio is shown.
    Run from the repository root after dotnet build:
        ~/.dotnet/tools/pwsh -NoProfile -File tests/Profiler.PS.Benchmarks/pwsh/ScriptProfiling.ps1
.OUTPUTS
    One row per script: median milliseconds direct and profiled (wall and process CPU), the ratios, and the overhead
    per timed call.
#>
param(
    [int] $Rounds = 5,
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
    # Wall milliseconds and the process's CPU milliseconds (all threads: JIT and GC included); CPU time is the steadier
    # figure when other processes share the cores, since time spent waiting for a core is not counted.
    $time = {
        param($block)
        $process = [Diagnostics.Process]::GetCurrentProcess(); $cpu = $process.TotalProcessorTime
        $sw = [Diagnostics.Stopwatch]::StartNew(); $null = & $block; $wall = $sw.Elapsed.TotalMilliseconds
        $process.Refresh(); [pscustomobject]@{ Wall = $wall; Cpu = ($process.TotalProcessorTime - $cpu).TotalMilliseconds }
    }
    $cases = @(
        @{ Script = 'calls'; Path = $callsScript; Depth = 2; Timed = $Calls; Args = @{ Calls = $Calls } }
        @{ Script = 'build'; Path = $buildScript; Depth = 1; Timed = 14; Args = @{} }
        @{ Script = 'calls-by-hand'; Path = $byHandScript; Depth = 0; Timed = $Calls; Args = @{ Calls = $Calls } }
    )
    foreach ($case in $cases) {
        $path = $case.Path; $arguments = $case.Args; $depth = $case.Depth; $id = "bench-$($case.Script)"
        # Depth 0: the script times its calls itself (Measure-WorkflowNode) in a run started here; 'direct' is the plain calls script.
        $profile = if ($depth) { { Measure-WorkflowScript $path -ArgumentList $arguments -Depth $depth -WorkflowId $id } }
                   else { { Start-WorkflowProfile $id; & $path @arguments; $null = Complete-WorkflowProfile $id } }
        $plain = if ($depth) { $path } else { $callsScript }
        $null = & $plain @arguments; $null = & $profile  # warm up both
        $direct = [Collections.Generic.List[object]]::new(); $profiled = [Collections.Generic.List[object]]::new(); $peer = [Collections.Generic.List[object]]::new()
        foreach ($round in 1..$Rounds) {
            $direct.Add((& $time { & $plain @arguments }))
            $profiled.Add((& $time $profile))
        }
        if ($PeerModule -and $case.Script -eq 'calls') {
            Import-Module $PeerModule -Force
            foreach ($round in 1..$Rounds) { $peer.Add((& $time { Trace-Script -ScriptBlock { & $path @arguments } -DisableWarning })) }
            Remove-Module Profiler
        }
        $d = & $median $direct.Wall; $p = & $median $profiled.Wall
        $dc = & $median $direct.Cpu; $pc = & $median $profiled.Cpu
        $row = [ordered]@{
            Script = $case.Script; Depth = $depth; TimedCalls = $case.Timed
            DirectMs = [math]::Round($d, 1); ProfiledMs = [math]::Round($p, 1); Ratio = [math]::Round($p / $d, 3)
            OverheadPerCallUs = [math]::Round(($p - $d) * 1000 / $case.Timed, 2)
            DirectCpuMs = [math]::Round($dc, 1); ProfiledCpuMs = [math]::Round($pc, 1); CpuRatio = [math]::Round($pc / $dc, 3)
        }
        if ($peer.Count) {
            $t = & $median $peer.Wall; $tc = & $median $peer.Cpu
            $row.PeerMs = [math]::Round($t, 1); $row.PeerRatio = [math]::Round($t / $d, 1)
            $row.OverheadBelowPeer = [math]::Round(($t - $d) / [math]::Max(0.001, $p - $d), 1)
            $row.PeerCpuMs = [math]::Round($tc, 1); $row.CpuOverheadBelowPeer = [math]::Round(($tc - $dc) / [math]::Max(0.001, $pc - $dc), 1)
        }
        [pscustomobject]$row
    }
}
finally {
    Remove-Item $folder -Recurse -Force
}
