# A history write still failing when the session ends (Remove-Module, pwsh exiting) is not lost: its runs go to a recovery
# file, standard error names it with the command that puts them back, and that command, run as printed, does.
# The append is made to fail with a folder where the history file goes (works for root too), or with chattr +i.
BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $manifest -Force
    $root = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    . (Join-Path $PSScriptRoot 'Fixtures/ChildPwsh.ps1')   # $pwsh, $pwshPrefix

    # Runs $Body in a child pwsh -File (module imported, in a fresh folder holding ./h) after run 1 (a, 1 ms) of
    # workflow px was written to ./h; $Body makes the next writes fail. Returns the folder, the history file, the exit
    # code, standard error and the recovery command printed there.
    function Invoke-Child([string] $Body) {
        $dir = New-Item -ItemType Directory (Join-Path $root ([guid]::NewGuid()))
        $script = Join-Path $dir 'child.ps1'
        Set-Content -LiteralPath $script -Value (
            "Import-Module '$($manifest -replace "'", "''")'`n" +
            "Start-WorkflowProfile -WorkflowId px -HistoryPath ./h | Out-Null; Add-NodeTiming a 1; `$null = Complete-WorkflowProfile`n" + $Body)
        $errFile = Join-Path $dir 'stderr.txt'
        Push-Location -LiteralPath $dir
        try { $null = & $pwsh @pwshPrefix -NoProfile -NonInteractive -File $script 2> $errFile }
        finally { Pop-Location }
        $stderr = Get-Content -LiteralPath $errFile -Raw
        [pscustomobject]@{
            Folder   = $dir.FullName
            History  = Join-Path $dir.FullName 'h/px.jsonl'
            ExitCode = $LASTEXITCODE
            Stderr   = $stderr
            Command  = ($stderr -split '\r?\n' | Where-Object { $_ -like '    Get-Content -LiteralPath *' } | Select-Object -First 1).Trim()
        }
    }

    # Makes the history file a folder (the next append fails) / puts it back.
    $block = "Move-Item ./h/px.jsonl ./h/px.away; `$null = New-Item -ItemType Directory ./h/px.jsonl`n"
    function Restore-History($Child) {
        Remove-Item -LiteralPath $Child.History -Force
        Move-Item -LiteralPath (Join-Path $Child.Folder 'h/px.away') -Destination $Child.History
    }

    # Node a's durations, in run order, as a new session loads the history.
    function Get-Durations($Child) {
        Clear-WorkflowProfile -WorkflowId px -Force -ErrorAction SilentlyContinue
        $null = Get-WorkflowProfile -HistoryPath (Join-Path $Child.Folder h) -WorkflowId px -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        (Get-NodeStatistics -WorkflowId px -NodeId a).Durations -join ','
    }
}

AfterAll {
    Clear-WorkflowProfile -WorkflowId px -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The last retry of a pending history write' {
    It 'at Remove-Module: the run goes to a recovery file, stderr names it, and the printed command recovers it' {
        $child = Invoke-Child ($block + @'
Start-WorkflowProfile -WorkflowId px | Out-Null; Add-NodeTiming a 2
$null = Complete-WorkflowProfile -ErrorAction SilentlyContinue
Remove-Module Profiler.PS
'@)
        $child.ExitCode | Should -Be 0
        $child.Stderr | Should -Match "run 2 of workflow 'px' failed again when the module was removed \(the last retry\)"
        $child.Stderr | Should -Not -Match 'Nothing is lost'
        $recovery = @(Get-ChildItem -LiteralPath (Join-Path $child.Folder h) -Filter 'px.jsonl.pending-*')
        $recovery.Count | Should -Be 1
        $child.Stderr | Should -Match ([regex]::Escape("saved to the recovery file '$($recovery[0].FullName)'"))
        Restore-History $child
        Invoke-Expression $child.Command
        @(Get-ChildItem -LiteralPath (Join-Path $child.Folder h) -Filter 'px.jsonl.pending-*').Count | Should -Be 0
        Get-Durations $child | Should -Be '1,2'
    }

    It 'at pwsh exit, with a run still in flight: one warning names the recovery file, which holds both runs' {
        $child = Invoke-Child ($block + @'
Start-WorkflowProfile -WorkflowId px | Out-Null; Add-NodeTiming a 2
$null = Complete-WorkflowProfile -ErrorAction SilentlyContinue
Start-WorkflowProfile -WorkflowId px | Out-Null; Add-NodeTiming a 3
exit 4
'@)
        $child.ExitCode | Should -Be 4
        $child.Stderr | Should -Match "Run 3 of workflow 'px' was still in flight when its runspace closed"
        $child.Stderr | Should -Match "2 runs \(2 to 3\) of workflow 'px' failed again when its runspace closed"
        $child.Stderr | Should -Not -Match ' and but |Nothing is lost|but The '
        Restore-History $child
        Invoke-Expression $child.Command
        Get-Durations $child | Should -Be '1,2,3'
    }

    It 'at [Environment]::Exit, which closes no runspace, the run is saved all the same' {
        $child = Invoke-Child ($block + @'
Start-WorkflowProfile -WorkflowId px | Out-Null; Add-NodeTiming a 2
$null = Complete-WorkflowProfile -ErrorAction SilentlyContinue
[Environment]::Exit(0)
'@)
        $child.Stderr | Should -Match "failed again when the process exited"
        Restore-History $child
        Invoke-Expression $child.Command
        Get-Durations $child | Should -Be '1,2'
    }

    It 'the reported case: chattr +i on the history, Remove-Module, then recovery gives 2 lines' {
        if (-not $IsLinux -or (& id -u) -ne '0' -or -not (Get-Command chattr -ErrorAction SilentlyContinue)) {
            Set-ItResult -Skipped -Because 'chattr +i needs Linux, root and chattr; the folder-in-the-way cases above cover the rest'
            return
        }
        $child = Invoke-Child @'
Start-WorkflowProfile -WorkflowId px | Out-Null; Add-NodeTiming a 2
chattr +i ./h/px.jsonl
if ($LASTEXITCODE) { throw 'chattr failed' }
$null = Complete-WorkflowProfile -ErrorAction SilentlyContinue
Remove-Module Profiler.PS
'@
        try { $child.Stderr | Should -Match 'Access to the path .* is denied' }
        finally { & chattr -i $child.History }
        Invoke-Expression $child.Command
        @(Get-Content -LiteralPath $child.History | Where-Object { $_ }).Count | Should -Be 2
        Get-Durations $child | Should -Be '1,2'
    }
}
