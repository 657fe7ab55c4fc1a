param([string] $Marker)
function Invoke-Step { 'step ran' }
Invoke-Step
function Stop-Build { throw 'the build failed here' }
Stop-Build
Set-Content -LiteralPath $Marker -Value 'must not be written'
