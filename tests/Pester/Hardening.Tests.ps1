# Issue 13 as a user sees it, in a real pwsh: a blown -Assert stops a CI script, a full disk loses no run,
# a hard kill leaves a history that loads.
BeforeAll {
    $manifest = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $manifest -Force
    $root = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    . (Join-Path $PSScriptRoot 'Fixtures/ChildPwsh.ps1')   # $pwsh, $pwshPrefix
}

AfterAll {
    Remove-Module Profiler.PS -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A gate stops a CI script with default preferences' {
    It 'pwsh -File exits non-zero and the next line does not run' {
        $script = Join-Path $root 'ci.ps1'
        $marker = Join-Path $root 'next-line-ran'
        Set-Content -LiteralPath $script -Value @"
Import-Module '$($manifest -replace "'", "''")'
Start-WorkflowProfile ci; Add-NodeTiming 'shard[1]' 60000; `$null = Complete-WorkflowProfile
Test-WorkflowBudget -NodeId 'shard[1]' -Maximum 1 -Assert
Set-Content -LiteralPath '$($marker -replace "'", "''")' -Value ran
"@
        & $pwsh @pwshPrefix -NoProfile -NonInteractive -File $script *> $null
        $LASTEXITCODE | Should -Not -Be 0
        Test-Path -LiteralPath $marker | Should -BeFalse
    }

    It 'a typo in a budget entry fails the gate instead of passing it' {
        Start-WorkflowProfile typo -Force; Add-NodeTiming test 5; $null = Complete-WorkflowProfile
        Test-WorkflowBudget -WorkflowId typo -NodeId 'tset*' -Maximum 1000 -Quiet | Should -BeFalse
        { Test-WorkflowBudget -WorkflowId typo -NodeId 'tset*' -Maximum 1000 -Assert } | Should -Throw -ErrorId 'TestWorkflowBudgetExceeded*'
    }
}

Describe 'No run is lost on a full disk' {
    It 'keeps failed writes pending and Save-WorkflowHistory writes each once' {
        $mount = Join-Path $root 'tiny'
        $null = New-Item -ItemType Directory $mount
        $mounted = $false
        if ($IsLinux) {
            & mount -t tmpfs -o size=16k tmpfs $mount 2>$null
            $mounted = $LASTEXITCODE -eq 0
        }
        if (-not $mounted) {
            Set-ItResult -Skipped -Because 'a small tmpfs needs Linux and the right to mount (root); the full-disk case runs in CI where it can'
            return
        }
        try {
            $label = 'x' * 1500
            $errors = @()
            foreach ($i in 1..20) {
                Start-WorkflowProfile disk -HistoryPath $mount
                Add-NodeTiming step $i -NodeLabel $label
                $null = Complete-WorkflowProfile -ErrorVariable +errors -ErrorAction SilentlyContinue
            }
            $errors.Count | Should -BeGreaterThan 0
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'CompleteWorkflowProfileHistoryWritePending*'
            (Get-WorkflowProfile disk).RunCount | Should -Be 20
            & mount -o remount,size=1m $mount
            Save-WorkflowHistory -WorkflowId disk -ErrorAction Stop
            # A record cut short by the full disk may stay as a torn line (the reader skips it); every run is there once.
            $runIds = Get-Content -LiteralPath (Join-Path $mount 'disk.jsonl') | ForEach-Object { try { ($_ | ConvertFrom-Json -ErrorAction Stop).runId } catch { } }
            $runIds.Count | Should -Be 20
            ($runIds | Sort-Object -Unique).Count | Should -Be 20
        }
        finally {
            Clear-WorkflowProfile disk -Force -Confirm:$false -ErrorAction SilentlyContinue
            & umount $mount 2>$null
        }
    }
}

Describe 'A hard kill leaves a history that loads' {
    It 'kill -9 of a writer loses at most the record being written' {
        if (-not ($IsLinux -or $IsMacOS)) { Set-ItResult -Skipped -Because 'kill -9 is a Unix signal'; return }
        $history = Join-Path $root 'killed'
        $writer = Join-Path $root 'writer.ps1'
        Set-Content -LiteralPath $writer -Value @"
Import-Module '$($manifest -replace "'", "''")'
while (`$true) { Start-WorkflowProfile k -HistoryPath '$($history -replace "'", "''")'; Add-NodeTiming a 1 -NodeLabel ('y' * 4000); `$null = Complete-WorkflowProfile }
"@
        $child = Start-Process $pwsh -ArgumentList ($pwshPrefix + @('-NoProfile', '-NonInteractive', '-File', $writer)) -PassThru
        $file = Join-Path $history 'k.jsonl'
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not ((Test-Path -LiteralPath $file) -and (Get-Item -LiteralPath $file).Length -gt 100000) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        & kill -9 $child.Id
        $child.WaitForExit()
        $lines = @(Get-Content -LiteralPath $file)
        $lines.Count | Should -BeGreaterThan 5
        Start-WorkflowProfile k -HistoryPath $history -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -BeLessOrEqual 1   # only a record cut by the kill may be torn
        (Get-WorkflowProfile k).RunCount | Should -BeGreaterOrEqual ($lines.Count - 1)
        Clear-WorkflowProfile k -Force -Confirm:$false
    }
}

Describe 'Paths: -Path is a pattern that must match, -LiteralPath is the name as written' {
    BeforeAll {
        Push-Location $root
        Start-WorkflowProfile paths -Force; Add-NodeTiming compile 5; $null = Complete-WorkflowProfile
        Export-WorkflowProfile -LiteralPath 'out[1].json' -WorkflowId paths
    }
    AfterAll { Pop-Location }

    It "Import-WorkflowProfile -Path 'out[1].json' is an error naming the path, not a silent no-op" {
        $err = $null
        $result = Import-WorkflowProfile -Path 'out[1].json' -Replace -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImportWorkflowProfileFileNotFound*'
        $err[0].Exception.Message | Should -BeLike "*'out``[1``].json'*-LiteralPath*"
    }

    It 'Import-WorkflowProfile -LiteralPath and Get-ChildItem piping read the file' {
        (Import-WorkflowProfile -LiteralPath 'out[1].json' -Replace).WorkflowId | Should -Be 'paths'
        (Get-ChildItem -LiteralPath $root -Filter 'out*.json' | Import-WorkflowProfile -Replace).WorkflowId | Should -Be 'paths'
    }
}
