# Pester 5 tests for machines with pwsh: the same module, driven with the cmdlets users pipe into
# (Measure-Command, Import-Csv, Sort-Object, ConvertTo-Json, Export-Csv), which the xunit host lacks.
# Run with ./build.ps1 -Task Test, or Invoke-Pester ./tests after 'dotnet build'.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../output/Profiler.PS/Profiler.PS.psd1') -Force
}

Describe 'Profiler.PS in a real shell' {
    BeforeEach {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
    }

    It 'takes Measure-Command output by pipeline' {
        Start-WorkflowProfile -WorkflowId pester
        Measure-Command { Start-Sleep -Milliseconds 20 } | Add-NodeTiming -NodeId sleep
        (Get-NodeTiming).Duration | Should -BeGreaterOrEqual 15
        $null = Complete-WorkflowProfile
    }

    It 'binds Import-Csv rows by property name' {
        $csv = Join-Path $TestDrive 'steps.csv'
        @'
NodeId,Duration,NodeType,NodeLabel
restore,2500,dotnet,Restore packages
compile,812.5,dotnet,Compile
'@ | Set-Content $csv
        Start-WorkflowProfile -WorkflowId csv
        Import-Csv $csv | Add-NodeTiming
        $profile = Complete-WorkflowProfile -TotalDuration 4000
        $profile.NodeData.NodeId | Should -Be @('restore', 'compile')
        (Get-NodeStatistics -NodeId restore).NodeLabel | Should -Be 'Restore packages'
    }

    It 'produces objects that sort, serialise and export' {
        foreach ($i in 1..3) {
            Start-WorkflowProfile -WorkflowId export
            Add-NodeTiming a (10 * $i); Add-NodeTiming b 50
            $null = Complete-WorkflowProfile
        }
        (Get-NodeStatistics | Sort-Object AvgDuration -Descending | Select-Object -First 1).NodeId | Should -Be 'b'
        $json = Get-WorkflowProfile | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $json.RunCount | Should -Be 3
        $path = Join-Path $TestDrive 'stats.csv'
        Get-NodeStatistics | Export-Csv $path -NoTypeInformation
        (Import-Csv $path).NodeId | Should -Be @('a', 'b')
    }

    It 'reports bad durations without losing the good ones' {
        Start-WorkflowProfile -WorkflowId errors
        $records = @([pscustomobject]@{ NodeId = 'a'; Duration = 1 }, [pscustomobject]@{ NodeId = 'b'; Duration = -1 })
        $records | Add-NodeTiming -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'AddNodeTimingInvalidDuration,*'
        (Get-NodeTiming).NodeId | Should -Be 'a'
        $null = Complete-WorkflowProfile
    }
}

Describe 'Measure-WorkflowNode and budgets in a real shell' {
    BeforeEach {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
    }

    It 'streams the block through Tee-Object and times it like Measure-Command' {
        Start-WorkflowProfile -WorkflowId tee
        Measure-WorkflowNode sleep { Start-Sleep -Milliseconds 50; 'done' } | Tee-Object -Variable out | Should -Be 'done'
        $out | Should -Be 'done'
        (Get-NodeTiming -NodeId sleep).Duration | Should -BeGreaterOrEqual 40
        (Measure-Command { Start-Sleep -Milliseconds 50 }).TotalMilliseconds | Should -BeGreaterOrEqual 40
        $null = Complete-WorkflowProfile
    }

    It 'keeps the failure and rethrows the original error' {
        Start-WorkflowProfile -WorkflowId fail
        { Measure-WorkflowNode broken { Write-Error 'bad step' -ErrorAction Stop } } | Should -Throw -ErrorId 'Microsoft.PowerShell.Commands.WriteErrorException*'
        (Get-NodeTiming -NodeId broken).Status | Should -Be 'Failed'
        $null = Complete-WorkflowProfile
    }

    It 'gates with Should and exports results' {
        foreach ($i in 1..3) { Start-WorkflowProfile -WorkflowId gate; Measure-WorkflowNode step { Start-Sleep -Milliseconds 10 }; $null = Complete-WorkflowProfile }
        Test-WorkflowBudget step ([TimeSpan]::FromSeconds(5)) -Statistic P95 -Quiet | Should -BeTrue
        Test-WorkflowBudget step 1 -Statistic Median | Where-Object { -not $_.Passed } | Should -Not -BeNullOrEmpty
        { Test-WorkflowBudget step 1 -Assert } | Should -Throw -ErrorId 'TestWorkflowBudgetExceeded*'
        $path = Join-Path $TestDrive 'budgets.csv'
        Test-WorkflowBudget step 5000 | Export-Csv $path -NoTypeInformation
        (Import-Csv $path).Passed | Should -Be 'True'
        (Get-WorkflowProfile gate).Runs | ConvertTo-Json -Depth 3 | ConvertFrom-Json | Select-Object -ExpandProperty CriticalPath | Should -HaveCount 3
    }
}

Describe 'History, comparison and exports in a real shell' {
    BeforeEach {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        Set-ProfilerOption -HistoryPath $null
    }

    It 'keeps history across module reloads and compares runs' {
        $dir = Join-Path $TestDrive 'history'
        foreach ($ms in 100, 101, 99, 100, 160) {
            Start-WorkflowProfile -WorkflowId hist -HistoryPath $dir
            Add-NodeTiming compile $ms
            $null = Complete-WorkflowProfile
        }
        Import-Module (Join-Path $PSScriptRoot '../output/Profiler.PS/Profiler.PS.psd1') -Force
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        Start-WorkflowProfile -WorkflowId hist -HistoryPath $dir
        (Get-NodeStatistics compile).Durations.Count | Should -Be 5
        (Compare-WorkflowRun hist | Where-Object NodeId -eq compile).Verdict | Should -Be 'Slower'
    }

    It 'exports CSV that Import-Csv reads and JSON that imports back' {
        foreach ($i in 1..3) { Start-WorkflowProfile -WorkflowId exp; Add-NodeTiming '=1+1' (10 * $i); $null = Complete-WorkflowProfile }
        $csv = Join-Path $TestDrive 'stats.csv'
        Export-WorkflowProfile -Path $csv -Format Csv
        (Import-Csv $csv).NodeId | Should -Be "'=1+1"
        $json = Join-Path $TestDrive 'exp.json'
        Export-WorkflowProfile -Path $json
        Clear-WorkflowProfile exp -Confirm:$false
        (Import-WorkflowProfile $json).RunCount | Should -Be 3
        Compare-WorkflowRun exp | ConvertTo-Json -Depth 4 | ConvertFrom-Json | Should -Not -BeNullOrEmpty
    }

    It 'keeps nested steps whole through export and import' {
        foreach ($i in 1..2) {
            Start-WorkflowProfile -WorkflowId nest
            Measure-WorkflowNode outer { Measure-WorkflowNode inner { Start-Sleep -Milliseconds 5 } }
            $null = Complete-WorkflowProfile
        }
        $json = Join-Path $TestDrive 'nest.json'
        Export-WorkflowProfile -Path $json -WorkflowId nest
        $self = (Get-NodeStatistics outer -WorkflowId nest).SelfDurations
        Clear-WorkflowProfile nest -Confirm:$false
        $null = Import-WorkflowProfile $json
        (Get-NodeStatistics outer -WorkflowId nest).SelfDurations | Should -Be $self
        (Get-WorkflowProfile nest).Runs.CriticalPathNodes | Should -Be @('outer', 'outer')
        $again = Join-Path $TestDrive 'nest2.json'
        Export-WorkflowProfile -Path $again -WorkflowId nest
        (Get-FileHash $again).Hash | Should -Be (Get-FileHash $json).Hash
    }
}
