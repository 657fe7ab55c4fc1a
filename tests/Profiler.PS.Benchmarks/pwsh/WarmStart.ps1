<#
.SYNOPSIS
    What the first timing in a fresh process adds over the steady state, for Measure-WorkflowNode and Measure-Command.
.DESCRIPTION
    Each of -Processes child pwsh processes warms a 20 ms step (a spin on a stopwatch, run three times as a function),
    imports the module, then times the step six times through a block literal that has never run, with
    Measure-WorkflowNode (recorded Duration) or Measure-Command (its TimeSpan), the two alternating from process to
    process. The excess is the first time minus the median of the 3rd to 6th. Issue 12's goal: the first recorded
    duration of a warm 20 ms step within 2 ms of the steady state.
.EXAMPLE
    dotnet build Profiler.PS.sln -c Release; pwsh -NoProfile -File tests/Profiler.PS.Benchmarks/pwsh/WarmStart.ps1
#>
param(
    [int] $Processes = 8,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../../output/Profiler.PS/Profiler.PS.psd1')
)
$ErrorActionPreference = 'Stop'
$module = (Resolve-Path $ModulePath).Path
# The pwsh running this script: its apphost, or pwsh.dll under dotnet (a dotnet tool install).
$apphost = Get-ChildItem -LiteralPath $PSHOME -Filter 'pwsh*' | Where-Object { $_.Name -in 'pwsh', 'pwsh.exe' } | Select-Object -First 1
$pwsh = if ($apphost) { $apphost.FullName } else { (Get-Process -Id $PID).Path }
$prefix = if ($apphost) { @() } else { @(Join-Path $PSHOME 'pwsh.dll') }
$common = @"
function Spin { `$sw = [Diagnostics.Stopwatch]::StartNew(); while (`$sw.Elapsed.TotalMilliseconds -lt 20) { } }
Spin; Spin; Spin
Import-Module '$module'
"@
$scripts = @{
    'Measure-WorkflowNode' = $common + @'

$null = Start-WorkflowProfile warm
foreach ($i in 1..6) { Measure-WorkflowNode step { Spin } }
$t = @(Get-NodeTiming -NodeId step | ForEach-Object Duration)
$s = $t[2..5] | Sort-Object; $t[0] - ($s[1] + $s[2]) / 2
'@
    'Measure-Command' = $common + @'

$t = foreach ($i in 1..6) { (Measure-Command { Spin }).TotalMilliseconds }
$s = $t[2..5] | Sort-Object; $t[0] - ($s[1] + $s[2]) / 2
'@
}
$excess = @{ 'Measure-WorkflowNode' = @(); 'Measure-Command' = @() }
foreach ($i in 1..$Processes) {
    foreach ($name in 'Measure-WorkflowNode', 'Measure-Command') {
        $out = & $pwsh @prefix -NoProfile -NonInteractive -Command $scripts[$name]
        $excess[$name] += [double]($out | Select-Object -Last 1)
    }
}
foreach ($name in 'Measure-WorkflowNode', 'Measure-Command') {
    $sorted = $excess[$name] | Sort-Object
    [pscustomobject]@{
        Command        = $name
        MedianExcessMs = [math]::Round($sorted[[int][math]::Floor(($sorted.Count - 1) / 2)], 2)
        ExcessMs       = ($excess[$name] | ForEach-Object { $_.ToString('0.00') }) -join ' '
    }
}
