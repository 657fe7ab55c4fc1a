<#
.SYNOPSIS
    The front door: builds, tests, demonstrates, packages or cleans Profiler.PS.
.DESCRIPTION
    Run it with the PowerShell pinned in .config/dotnet-tools.json:
        dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

    Build    dotnet build of Profiler.PS.sln (Release by default): assembles the importable module, with its
             generated help, in output/Profiler.PS.
    Test     Build and Package, then the xunit suite (tests/Profiler.PS.Tests), then every Pester file under tests/ in a
             child pwsh from the tool manifest. Fails when either fails. -Fast skips the xunit tests marked
             [Trait("Category", "Slow")] (the 85 MB history, 4 x 10,000 parallel nodes); CI runs everything.
    Demo     Build, then samples/demo.ps1 in a child pwsh with the built module imported.
    Package  Build, then Publish-PSResource of output/Profiler.PS to the folder repository output/package,
             which writes Profiler.PS.<version>.nupkg.
    Clean    dotnet clean and removes output/.

    Pester 5.9.1 and Invoke-Build 5.14.23 come from the configured NuGet sources through
    tools/Profiler.PS.Tools.csproj (PackageDownload); they are copied to output/modules/<Name>/<Version>,
    which is put on PSModulePath of the child pwsh only. Nothing is installed into your profile.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test -Fast
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [ArgumentCompleter({ param($c, $p, $word) 'Build', 'Test', 'Demo', 'Package', 'Clean' | Where-Object { $_ -like "$word*" } })]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Test: skip the xunit tests in Category=Slow.
    [switch] $Fast
)

$ErrorActionPreference = 'Stop'
$tasks = 'Build', 'Test', 'Demo', 'Package', 'Clean'
if ($Task -notin $tasks) {
    Write-Host "Unknown task '$Task'. Valid tasks: $($tasks -join ', ')."
    Write-Host 'Example: dotnet pwsh ./build.ps1 -Task Test'
    exit 2
}

$root = $PSScriptRoot
$output = Join-Path $root 'output'
$solution = Join-Path $root 'Profiler.PS.sln'
$manifest = Join-Path $output 'Profiler.PS/Profiler.PS.psd1'
$toolModules = Join-Path $output 'modules'
# The PowerShell modules the tests need, restored by tools/Profiler.PS.Tools.csproj.
$modules = @(
    @{ Name = 'Pester'; Package = 'pester'; Version = '5.9.1'; Manifest = 'Pester.psd1' }
    @{ Name = 'InvokeBuild'; Package = 'invoke-build'; Version = '5.14.23'; Manifest = 'InvokeBuild.psd1' }
)

function Write-Step([string] $Text) {
    Write-Host "==> $Text ($((Get-Date).ToString('HH:mm:ss')))" -ForegroundColor Cyan
}

function Invoke-Dotnet {
    Write-Host "    dotnet $($args -join ' ')"
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

# Runs pwsh from the tool manifest (never a pwsh found on the PATH) in the repository root, its output straight
# to the console; the caller reads $LASTEXITCODE.
function Invoke-ChildPwsh([string] $Command, [hashtable] $Environment = @{}) {
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    Push-Location $root
    try {
        & dotnet tool run pwsh -- -NoProfile -NonInteractive -Command $Command
    }
    finally {
        Pop-Location
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

function Assert-Toolchain {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
        throw 'The .NET SDK (10.0) is needed and dotnet is not on the PATH: install it from https://dot.net, then run: dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test'
    }
    Push-Location $root
    try {
        & dotnet tool restore | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "'dotnet tool restore' failed (exit code $LASTEXITCODE): run it in $root and read its message; it restores pwsh 7.6.9 from .config/dotnet-tools.json." }
    }
    finally { Pop-Location }
}

function Invoke-SolutionBuild {
    Write-Step "Build: $Configuration build of Profiler.PS.sln, module assembled in output/Profiler.PS"
    Invoke-Dotnet build $solution -c $Configuration -v q -nologo '-clp:NoSummary'
    if (-not (Test-Path $manifest)) { throw "The build did not produce $manifest." }
}

# Copies Pester and Invoke-Build from the NuGet global packages folder into output/modules/<Name>/<Version>.
function Restore-ToolModules {
    Write-Step 'Restore: Pester 5.9.1 and Invoke-Build 5.14.23 through tools/Profiler.PS.Tools.csproj'
    Invoke-Dotnet restore (Join-Path $root 'tools/Profiler.PS.Tools.csproj') -v q
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    foreach ($module in $modules) {
        $source = Join-Path $packages "$($module.Package)/$($module.Version)/tools"
        $target = Join-Path $toolModules "$($module.Name)/$($module.Version)"
        if (-not (Test-Path (Join-Path $source $module.Manifest))) { throw "$($module.Name) $($module.Version) is not in $source after restore." }
        if (-not (Test-Path (Join-Path $target $module.Manifest))) {
            $null = New-Item -ItemType Directory -Path $target -Force
            Copy-Item -Path (Join-Path $source '*') -Destination $target -Recurse -Force
        }
        Write-Host "    $($module.Name) $($module.Version) -> $target"
    }
}

function Invoke-XunitTests {
    $filter = if ($Fast) { @('--filter', 'Category!=Slow') } else { @() }
    Write-Step "Test: xunit (tests/Profiler.PS.Tests$(if ($Fast) { ', without Category=Slow' }))"
    & dotnet test (Join-Path $root 'tests/Profiler.PS.Tests/Profiler.PS.Tests.csproj') -c $Configuration --no-build -nologo @filter | Out-Host
    $LASTEXITCODE
}

function Invoke-PesterTests {
    $files = @(Get-ChildItem (Join-Path $root 'tests') -Recurse -Filter '*.Tests.ps1')
    Write-Step "Test: Pester 5.9.1, $($files.Count) files under tests/, in a child pwsh"
    $results = Join-Path $output 'pester-results.xml'
    $command = @"
Import-Module Pester -RequiredVersion 5.9.1 -ErrorAction Stop
`$c = New-PesterConfiguration
`$c.Run.Path = '$((Join-Path $root 'tests').Replace("'", "''"))'
`$c.Run.Exit = `$true
`$c.Output.Verbosity = 'Detailed'
`$c.TestResult.Enabled = `$true
`$c.TestResult.OutputFormat = 'NUnitXml'
`$c.TestResult.OutputPath = '$($results.Replace("'", "''"))'
Invoke-Pester -Configuration `$c
"@
    $modulePath = $toolModules + [IO.Path]::PathSeparator + $env:PSModulePath
    Invoke-ChildPwsh $command @{ PSModulePath = $modulePath }
    $script:PesterExitCode = $LASTEXITCODE
}

function Invoke-Package {
    $repository = Join-Path $output 'package'
    Write-Step "Package: Publish-PSResource output/Profiler.PS to the folder repository $repository"
    Remove-Item $repository -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path $repository
    # A uniquely named registration, removed again, so the user's PSResourceGet settings are left as they were.
    $name = 'ProfilerPSBuild-' + [guid]::NewGuid().ToString('N')
    Register-PSResourceRepository -Name $name -Uri $repository -Trusted
    try {
        Publish-PSResource -Path (Split-Path $manifest) -Repository $name
    }
    finally {
        Unregister-PSResourceRepository -Name $name
    }
    $package = Get-ChildItem $repository -Filter 'Profiler.PS.*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Publish-PSResource wrote no Profiler.PS.*.nupkg into $repository." }
    Write-Host "    $($package.FullName) ($([math]::Round($package.Length / 1KB)) KB)"
}

Assert-Toolchain
$clock = [Diagnostics.Stopwatch]::StartNew()
switch ($Task) {
    'Build' { Invoke-SolutionBuild }
    'Test' {
        Invoke-SolutionBuild
        Restore-ToolModules
        Invoke-Package   # tests/Pester/Package.Tests.ps1 installs what it writes
        $xunit = Invoke-XunitTests
        Invoke-PesterTests
        $pester = $script:PesterExitCode
        $failed = @()
        if ($xunit -ne 0) { $failed += "xunit (exit code $xunit)" }
        if ($pester -ne 0) { $failed += "Pester ($pester failed; their names are listed above)" }
        if ($failed) { throw "Test failed: $($failed -join ' and ')." }
        Write-Step 'Test: xunit and Pester passed'
    }
    'Demo' {
        Invoke-SolutionBuild
        Write-Step 'Demo: samples/demo.ps1 with the built module, in a child pwsh'
        Invoke-ChildPwsh "Import-Module '$($manifest.Replace("'", "''"))' -ErrorAction Stop; & ./samples/demo.ps1"
        if ($LASTEXITCODE -ne 0) { throw "samples/demo.ps1 failed with exit code $LASTEXITCODE." }
    }
    'Package' {
        Invoke-SolutionBuild
        Invoke-Package
    }
    'Clean' {
        Write-Step 'Clean: dotnet clean and output/'
        Invoke-Dotnet clean $solution -c $Configuration -v q -nologo
        Remove-Item $output -Recurse -Force -ErrorAction SilentlyContinue
    }
}
Write-Step "$Task done in $([math]::Round($clock.Elapsed.TotalSeconds)) s"
