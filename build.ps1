<#
.SYNOPSIS
    Builds, tests or cleans Profiler.PS.
.DESCRIPTION
    Build: dotnet build, which assembles the importable module in output/Profiler.PS.
    Test:  dotnet test (the xunit suites, which host the real PowerShell engine), then the Pester
           files tests/*.Tests.ps1 in a child pwsh when pwsh and Pester 5 are both present.
    Clean: dotnet clean and removes output/.
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
$solution = Join-Path $PSScriptRoot 'Profiler.PS.sln'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-PesterTests {
    $pwsh = Get-Command pwsh -ErrorAction SilentlyContinue
    if (-not $pwsh) {
        Write-Host 'Pester tests skipped: pwsh (PowerShell 7) is not installed. The xunit tests above cover the module.'
        return
    }
    $hasPester = & $pwsh.Source -NoProfile -NonInteractive -Command '[bool](Get-Module -ListAvailable Pester | Where-Object Version -ge ([version]"5.0"))'
    if ($hasPester -ne 'True') {
        Write-Host 'Pester tests skipped: Pester 5 is not installed (Install-Module Pester -MinimumVersion 5.0). The xunit tests above cover the module.'
        return
    }
    $tests = Join-Path $PSScriptRoot 'tests'
    $command = "`$c = New-PesterConfiguration; `$c.Run.Path = '$tests'; `$c.Run.Exit = `$true; `$c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration `$c"
    & $pwsh.Source -NoProfile -NonInteractive -Command $command
    if ($LASTEXITCODE -ne 0) { throw "Pester tests failed ($LASTEXITCODE failed)." }
}

switch ($Task) {
    'Build' { Invoke-Dotnet build $solution -c $Configuration }
    'Test' {
        Invoke-Dotnet test $solution -c $Configuration
        Invoke-PesterTests
    }
    'Clean' {
        Invoke-Dotnet clean $solution -c $Configuration
        Remove-Item (Join-Path $PSScriptRoot 'output') -Recurse -Force -ErrorAction SilentlyContinue
    }
}
