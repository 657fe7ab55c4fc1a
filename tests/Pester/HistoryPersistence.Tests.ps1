# History you can open (issues 14 and 16): the workflow's name and settings come back from a history folder, run
# numbers stay unique when several processes append at once (each reports the number its record got), and an
# imported run's skipped and not-run test counts survive a reload.
BeforeAll {
    $script:manifest = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $script:manifest -Force
    $script:work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    $script:pwsh = Join-Path $PSHOME 'pwsh'

    # Runs a script in a fresh pwsh with the module imported; returns its output lines.
    function Invoke-Fresh([string] $Script) {
        & $script:pwsh -NoProfile -NonInteractive -Command ("Import-Module '$script:manifest'`n" + $Script)
    }
}

AfterAll {
    Remove-Module Profiler.PS -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $script:work -Recurse -Force
}

Describe 'A history folder' {
    BeforeAll {
        $script:history = Join-Path $script:work 'perf'
        foreach ($i in 1..3) {
            Start-WorkflowProfile -WorkflowId nightly -WorkflowName 'Nightly build' -HistoryPath $script:history -WindowSize 7 -RelativeThreshold 25 -AbsoluteThreshold 12 -MinimumSamples 4
            Add-NodeTiming -NodeId compile -Duration (100 + $i)
            $null = Complete-WorkflowProfile
        }
    }

    It 'gives a new process the workflow''s name and window (the rule''s settings: xunit HistoryNumberingTests)' {
        $line = Invoke-Fresh @"
`$p = Get-WorkflowProfile -HistoryPath '$script:history' -WorkflowId nightly
'{0}|{1}|{2}' -f `$p.WorkflowName, `$p.WindowSize, `$p.RunCount
"@
        $line | Should -Be 'Nightly build|7|3'
    }

    It 'gives three processes appending at once three different run numbers, each reported by its own Complete' {
        $go = Join-Path $script:work 'go'
        $writer = @"
`$run = Start-WorkflowProfile -WorkflowId nightly -HistoryPath '$script:history' -PassThru
`$started = `$run.RunNumber
Add-NodeTiming -NodeId compile -Duration 200
New-Item -ItemType File (Join-Path '$script:work' ('ready' + `$PID)) | Out-Null
while (-not (Test-Path -LiteralPath '$go')) { Start-Sleep -Milliseconds 10 }
`$p = Complete-WorkflowProfile
'{0}|{1}|{2}|{3}' -f `$p.RunCount, `$run.RunNumber, `$p.Runs[-1].RunNumber, `$started
"@
        $file = Join-Path $script:work 'writer.ps1'
        Set-Content -LiteralPath $file -Value ("Import-Module '$script:manifest'`n" + $writer) -Encoding utf8
        $procs = foreach ($k in 1..3) {
            $out = Join-Path $script:work "out$k.txt"
            Start-Process -FilePath $script:pwsh -ArgumentList '-NoProfile', '-NonInteractive', '-File', $file -RedirectStandardOutput $out -PassThru
        }
        # Every writer has loaded the 3 runs and waits, then all complete at once.
        $deadline = (Get-Date).AddSeconds(120)
        while (@(Get-ChildItem -LiteralPath $script:work -Filter 'ready*').Count -lt 3 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 50 }
        New-Item -ItemType File $go | Out-Null
        $procs | Wait-Process -Timeout 120
        $reports = foreach ($k in 1..3) { (Get-Content -LiteralPath (Join-Path $script:work "out$k.txt") | Where-Object { $_ }) }

        $reports.Count | Should -Be 3
        foreach ($r in $reports) {
            $count, $runNumber, $last, $started = $r -split '\|'
            $started | Should -Be 4   # all three loaded the same 3 runs
            $runNumber | Should -Be $count
            $last | Should -Be $count
        }
        ($reports | ForEach-Object { [int]($_ -split '\|')[0] } | Sort-Object) -join ',' | Should -Be '4,5,6'

        $reloaded = Invoke-Fresh "`$p = Get-WorkflowProfile -HistoryPath '$script:history' -WorkflowId nightly; (`$p.Runs.RunNumber -join ',') + '|' + `$p.WorkflowName"
        $reloaded | Should -Be '1,2,3,4,5,6|Nightly build'
    }
}

Describe 'An imported test run' {
    It 'keeps its skipped and not-run test counts in the history' {
        $history = Join-Path $script:work 'tests-perf'
        $xml = Join-Path $script:work 'junit.xml'
        Set-Content -LiteralPath $xml -Encoding utf8 -Value @'
<?xml version="1.0" encoding="utf-8"?>
<testsuites>
  <testsuite name="suite" tests="3" failures="0" errors="0" skipped="2" time="0.5" timestamp="2026-01-01T00:00:00">
    <testcase classname="suite" name="runs" time="0.3" />
    <testcase classname="suite" name="skipped one" time="0"><skipped /></testcase>
    <testcase classname="suite" name="skipped two" time="0"><skipped /></testcase>
  </testsuite>
</testsuites>
'@
        $imported = Import-WorkflowRun -Path $xml -WorkflowId tests -HistoryPath $history
        $imported.SkippedCount | Should -Be 2

        $line = Invoke-Fresh "`$r = (Get-WorkflowProfile -HistoryPath '$history' -WorkflowId tests).Runs[-1]; '{0}|{1}' -f `$r.SkippedCount, `$r.NotRunCount"
        $line | Should -Be '2|0'
    }
}
