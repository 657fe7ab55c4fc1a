# Measure-WorkflowScript -Depth 3 (issue 15): a called script's exit ends only that script, as in a direct run. Its
# call is recorded by the exit code (exit 0 and a bare exit: Succeeded; exit 5: Failed), the caller goes on with
# $LASTEXITCODE set as a direct run sets it, and the top-level script's own exit 0 stays Succeeded.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:temp = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    $pwshPath = Join-Path $PSHOME 'pwsh'
    Set-Content (Join-Path $temp 'child0.ps1') -Value "'child0 runs'`nexit 0`n'child0 never'"
    Set-Content (Join-Path $temp 'child5.ps1') -Value "'child5 runs'`nexit 5`n'child5 never'"
    # PowerShell's rule, checked by a direct run: a bare exit exits with 0, even after a native command that failed.
    Set-Content (Join-Path $temp 'childbare.ps1') -Value "'childbare runs'`n& '$pwshPath' -NoProfile -c 'exit 7'`n`"native gave `$LASTEXITCODE`"`nexit"
    Set-Content (Join-Path $temp 'childfunction.ps1') -Value "function Stop-Child { 'stopping'; exit 6 }`nStop-Child`n'childfunction never'"
    Set-Content (Join-Path $temp 'childthrow.ps1') -Value "'childthrow runs'`nthrow 'child broke'"
    Set-Content (Join-Path $temp 'main.ps1') -Value @'
& ./child0.ps1
"after child0: $LASTEXITCODE $?"
./child5.ps1
"after child5: $LASTEXITCODE $?"
./childbare.ps1
"after childbare: $LASTEXITCODE $?"
. ./child5.ps1
"after dot-sourced child5: $LASTEXITCODE $?"
./childfunction.ps1
"after childfunction: $LASTEXITCODE $?"
try { ./childthrow.ps1 } catch { "caught: $_" }
exit 0
'@

    # Runs main.ps1 from its folder directly, then profiled at -Depth 3 into a run of its own: each run's output lines
    # and $LASTEXITCODE, and the profiled run's timings.
    function Invoke-SideBySide {
        Push-Location $temp
        try {
            $global:LASTEXITCODE = $null
            $direct = @(& ./main.ps1 *>&1 | ForEach-Object { "$_" })
            $directCode = $LASTEXITCODE
            $global:LASTEXITCODE = $null
            Start-WorkflowProfile -WorkflowId calledexit -Force
            $profiled = @(Measure-WorkflowScript -Path ./main.ps1 -Depth 3 -WorkflowId calledexit *>&1 | ForEach-Object { "$_" })
            $profiledCode = $LASTEXITCODE
            $timings = @(Get-NodeTiming -WorkflowId calledexit)
            $null = Complete-WorkflowProfile -WorkflowId calledexit -WarningAction SilentlyContinue
            [pscustomobject]@{ Direct = $direct; DirectCode = $directCode; Profiled = $profiled; ProfiledCode = $profiledCode; Timings = $timings }
        }
        finally { Pop-Location }
    }
    $script:r = Invoke-SideBySide
    function Get-Status([string] $NodeId) { @($r.Timings | Where-Object NodeId -EQ $NodeId | ForEach-Object { "$($_.Status)" }) }
}

AfterAll {
    Remove-Item -LiteralPath $script:temp -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Measure-WorkflowScript -Depth 3 and a called script''s exit' {
    It 'gives the same output and $LASTEXITCODE as a direct run, the caller going on after each called exit' {
        $r.Profiled | Should -Be $r.Direct
        $r.ProfiledCode | Should -Be $r.DirectCode
        $r.ProfiledCode | Should -Be 0
        $r.Direct | Should -Contain 'after child0: 0 True'
        $r.Direct | Should -Contain 'after child5: 5 False'
        $r.Direct | Should -Contain 'native gave 7'
        $r.Direct | Should -Contain 'after childbare: 0 True'
        $r.Direct | Should -Contain 'after dot-sourced child5: 5 False'
        $r.Direct | Should -Contain 'after childfunction: 6 False'
        $r.Direct | Should -Contain 'caught: child broke'
        $r.Direct | Should -Not -Match 'never'
    }

    It 'records a called script ending with exit 0, or a bare exit after a failed native command, Succeeded' {
        Get-Status 'child0.ps1' | Should -Be @('Succeeded')
        Get-Status 'L1 & ./child0.ps1' | Should -Be @('Succeeded')
        Get-Status 'childbare.ps1' | Should -Be @('Succeeded')
        Get-Status 'L5 ./childbare.ps1' | Should -Be @('Succeeded')
    }

    It 'records a called or dot-sourced script ending with exit 5 (or exit 6 in its function) Failed, and the statements after it Succeeded' {
        Get-Status 'child5.ps1' | Should -Be @('Failed', 'Failed')
        Get-Status 'L3 ./child5.ps1' | Should -Be @('Failed')
        Get-Status 'L7 . ./child5.ps1' | Should -Be @('Failed')
        Get-Status 'childfunction.ps1' | Should -Be @('Failed')
        Get-Status 'Stop-Child' | Should -Be @('Failed')
        Get-Status 'L4 "after child5: $LASTEXITCODE $?"' | Should -Be @('Succeeded')
        Get-Status 'L10 "after childfunction: $LASTEXITCODE $?"' | Should -Be @('Succeeded')
    }

    It 'still records a called script ended by an error Failed, and the top-level exit 0 Succeeded' {
        Get-Status 'childthrow.ps1' | Should -Be @('Failed')
        Get-Status 'L11 try { ./childthrow.ps1 } catch { "caught: $_" }' | Should -Be @('Succeeded')
        Get-Status 'L12 exit 0' | Should -Be @('Succeeded')
    }
}
