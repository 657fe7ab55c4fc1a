# A CI script that stops at its first error still saves its run (nothing recorded is ever lost): the run still in
# flight when pwsh -File ends is completed and appended to its history, with a warning; try/finally completes it too.
BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $manifest -Force
    $root = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    . (Join-Path $PSScriptRoot 'Fixtures/ChildPwsh.ps1')   # $pwsh, $pwshPrefix

    # Runs $Body as ci.ps1 in a child pwsh -File (module imported first) in a fresh folder; returns the folder, the
    # child's exit code and everything it printed.
    function Invoke-CiScript([string] $Body) {
        $dir = New-Item -ItemType Directory (Join-Path $root ([guid]::NewGuid()))
        $script = Join-Path $dir 'ci.ps1'
        Set-Content -LiteralPath $script -Value ("Import-Module '$($manifest -replace "'", "''")'`n" + $Body)
        Push-Location -LiteralPath $dir
        try { $printed = & $pwsh @pwshPrefix -NoProfile -NonInteractive -File $script *>&1 | Out-String }
        finally { Pop-Location }
        [pscustomobject]@{ Folder = $dir.FullName; ExitCode = $LASTEXITCODE; Printed = $printed }
    }

    # The history the child left, opened in this session without starting a run.
    function Get-SavedRun([string] $Folder) {
        Clear-WorkflowProfile -WorkflowId ci -Force -ErrorAction SilentlyContinue
        $profile = Get-WorkflowProfile -HistoryPath (Join-Path $Folder histF) -WorkflowId ci
        [pscustomobject]@{ Profile = $profile; Run = $profile.Runs[-1]; Nodes = Get-NodeStatistics -WorkflowId ci }
    }
}

AfterAll {
    Clear-WorkflowProfile -WorkflowId ci -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A CI script that fails before Complete-WorkflowProfile' {
    It 'exits 1 as before, and its run is in the history with the failed step, and a warning says so' {
        $ci = Invoke-CiScript @'
Start-WorkflowProfile ci -HistoryPath ./histF
Measure-WorkflowNode restore { Start-Sleep -m 20 }
Measure-WorkflowNode compile { throw 'compiler error' }
Complete-WorkflowProfile
'@
        $ci.ExitCode | Should -Be 1
        $ci.Printed | Should -Match 'compiler error'
        $ci.Printed | Should -Match "Run 1 of workflow 'ci' was still in flight when its runspace closed"
        @(Get-Content -LiteralPath (Join-Path $ci.Folder histF/ci.jsonl)).Count | Should -Be 1
        $saved = Get-SavedRun $ci.Folder
        $saved.Profile.RunCount | Should -Be 1
        $saved.Run.FailedCount | Should -Be 1
        $saved.Run.NodeCount | Should -Be 2
        ($saved.Nodes | Where-Object NodeId -eq restore).LastStatus | Should -Be 'Succeeded'
        ($saved.Nodes | Where-Object NodeId -eq restore).LastDuration | Should -BeGreaterOrEqual 20
        ($saved.Nodes | Where-Object NodeId -eq compile).LastStatus | Should -Be 'Failed'
    }

    It 'a later run of the same history counts the failed one' {
        $ci = Invoke-CiScript @'
Start-WorkflowProfile ci -HistoryPath ./histF
Measure-WorkflowNode compile { throw 'compiler error' }
'@
        $ci.ExitCode | Should -Be 1
        $again = Invoke-CiScript @"
Start-WorkflowProfile ci -HistoryPath '$((Join-Path $ci.Folder histF) -replace "'", "''")'
Measure-WorkflowNode compile { 'fixed' }
`$null = Complete-WorkflowProfile
"@
        $again.ExitCode | Should -Be 0
        $again.Printed | Should -Not -Match 'still in flight'
        $saved = Get-SavedRun $ci.Folder
        $saved.Profile.RunCount | Should -Be 2
        ($saved.Profile.Runs | ForEach-Object FailedCount) -join ',' | Should -Be '1,0'
    }

    It 'try/finally completes the run itself: no warning, the same record, and the error still fails the script' {
        $ci = Invoke-CiScript @'
Start-WorkflowProfile ci -HistoryPath ./histF
try {
    Measure-WorkflowNode restore { Start-Sleep -m 20 }
    Measure-WorkflowNode compile { throw 'compiler error' }
}
finally {
    $null = Complete-WorkflowProfile
}
'@
        $ci.ExitCode | Should -Be 1
        $ci.Printed | Should -Not -Match 'still in flight'
        $saved = Get-SavedRun $ci.Folder
        $saved.Profile.RunCount | Should -Be 1
        $saved.Run.FailedCount | Should -Be 1
    }

    It 'a run with no history folder ends with the session silently, and exit codes are unchanged' {
        $ci = Invoke-CiScript @'
Start-WorkflowProfile ci
Add-NodeTiming restore 20
exit 3
'@
        $ci.ExitCode | Should -Be 3
        $ci.Printed | Should -Not -Match 'still in flight'
    }
}
