function Write-Stage([string] $Message) { Write-Host "==> $Message" }
function Get-DeploySettings([string] $Environment) {
    $servers = if ($Environment -eq 'prod') { 'web1', 'web2', 'web3' } else { 'dev1' }
    [pscustomobject]@{ Environment = $Environment; Servers = $servers }
}
function Publish-Artifact([string] $Server, [string] $Artifact) {
    Start-Sleep -Milliseconds 10
    Write-Verbose "published $Artifact to $Server"
    "published to $Server"
}
