# Shared by the Pester files that look at a real terminal: dot-source it in BeforeAll, after setting $script:work
# (a temporary folder) and $script:manifest (the built module).

# Runs a script in a child pwsh on a pseudo-terminal of the given width, as a person at a prompt would,
# and returns its screen text without colour codes.
function Invoke-InTerminal([int] $Columns, [string] $Script) {
    $file = Join-Path $script:work "$([guid]::NewGuid()).ps1"
    Set-Content -LiteralPath $file -Value ("Import-Module '$script:manifest'`n" + $Script) -Encoding utf8
    $pwsh = Join-Path $PSHOME 'pwsh'
    $text = script -qec "stty cols $Columns rows 200; '$pwsh' -NoProfile -NoLogo -File '$file'" /dev/null | Out-String
    $text -replace "`e\[[0-9;?]*[a-zA-Z]", '' -replace "`e[=>]", '' -replace "`r", ''
}
