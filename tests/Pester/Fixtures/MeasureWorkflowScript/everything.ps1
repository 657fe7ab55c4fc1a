<#
.SYNOPSIS
    A fixture for Measure-WorkflowScript: every construct the profiler must leave as it is, in one script.
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)] [string] $Name = 'world',
    [switch] $Loud,
    [int] $ExitCode = 0,
    [Parameter(ValueFromPipeline = $true)] $Item
)
begin {
    function Get-Greeting([string] $Who) {
        if ($Loud) { return "HELLO $($Who.ToUpper())" }
        "hello $Who"
    }
    function Get-Factorial([int] $N) { if ($N -le 1) { return 1 }; $N * (Get-Factorial ($N - 1)) }
    filter Add-Ten { $_ + 10 }
    function Measure-Items {
        [CmdletBinding()]
        param([Parameter(ValueFromPipeline)] $InputObject)
        begin { $count = 0 }
        process { $count++; if ($InputObject -eq 2) { return }; $InputObject }
        end { "counted $count" }
    }
    function Invoke-Failing { [int]::Parse('not a number'); 'after the statement-terminating error' }
    function Invoke-Throwing { throw 'thrown on purpose' }
    function Invoke-Outer { Invoke-Inner; 'outer done' }
    function Invoke-Inner { 'inner' }
    function Invoke-Trapped {
        trap { "trapped: $_"; continue }
        $zero = 0
        1 / $zero
        'after the trap'
    }
    "begin: $Name"
}
process {
    if ($null -ne $Item) { "item $Item" }
}
end {
    Get-Greeting $Name
    "root=$PSScriptRoot file=$(Split-Path -Leaf $PSCommandPath) command=$($MyInvocation.MyCommand.Name) type=$($MyInvocation.MyCommand.CommandType)"
    "factorial 5 = $(Get-Factorial 5)"
    1..3 | Add-Ten
    1..3 | Measure-Items
    Invoke-Failing
    try { Invoke-Throwing } catch { "caught: $_" } finally { 'finally ran' }
    Invoke-Trapped
    Write-Warning 'a warning'
    Write-Verbose 'a verbose message' -Verbose
    Write-Information 'an information message' -InformationAction Continue
    Write-Error 'a non-terminating error'
    "status after Write-Error: $?"
    $outer = Invoke-Outer
    "outer: $($outer -join ',')"
    $null = Get-Item -LiteralPath (Join-Path $PSScriptRoot 'no such file') -ErrorAction SilentlyContinue
    "status after a failed command: $?"
    if ($ExitCode) { exit $ExitCode }
    'the end'
}
