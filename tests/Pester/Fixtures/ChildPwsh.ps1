# Dot-sourced by test files that start a child pwsh: the same pwsh that runs the tests, its apphost, or pwsh.dll
# under dotnet (a dotnet tool install). Sets $pwsh and $pwshPrefix (the arguments to put before the child's own).
$apphost = Get-ChildItem -LiteralPath $PSHOME -Filter 'pwsh*' | Where-Object { $_.Name -in 'pwsh', 'pwsh.exe' } | Select-Object -First 1
$pwsh = if ($apphost) { $apphost.FullName } else { (Get-Process -Id $PID).Path }
$pwshPrefix = if ($apphost) { @() } else { @(Join-Path $PSHOME 'pwsh.dll') }
