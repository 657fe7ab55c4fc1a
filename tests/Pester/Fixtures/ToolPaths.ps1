# Dot-sourced by test files that run the real tools in a child pwsh: sets $pester (Pester 5.9.1's manifest, the one
# loaded now if any) and $invokeBuild (Invoke-Build 5.14.23's), from the NuGet cache the project's restore fills.
$nuget = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
$pester = (Get-Module Pester).Path
if (-not $pester) { $pester = Join-Path $nuget 'pester/5.9.1/tools/Pester.psd1' }
$invokeBuild = (Get-Module -ListAvailable InvokeBuild | Where-Object Version -eq '5.14.23' | Select-Object -First 1).Path
if (-not $invokeBuild) { $invokeBuild = Join-Path $nuget 'invoke-build/5.14.23/tools/InvokeBuild.psd1' }
