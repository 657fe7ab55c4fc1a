# A fixture modelled on the deployment scripts of public repositories: strict mode, stop on error, helpers
# dot-sourced from the script's folder, a step script called by path with arguments, stage banners.
[CmdletBinding()]
param(
    [ValidateSet('dev', 'prod')] [string] $Environment = 'dev',
    [string] $Version = '1.0.0',
    [switch] $FailPackage
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. "$PSScriptRoot/steps/helpers.ps1"

Write-Stage "Deploying $Version to $Environment"
$settings = Get-DeploySettings -Environment $Environment
$artifact = & "$PSScriptRoot/steps/package.ps1" -Version $Version -Fail:$FailPackage
Write-Stage "Packaged $artifact"
foreach ($server in $settings.Servers) {
    Publish-Artifact -Server $server -Artifact $artifact
}
Write-Host "Deployed to $(@($settings.Servers).Count) servers"
"result: $artifact -> $($settings.Servers -join ', ')"
