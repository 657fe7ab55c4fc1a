# $LASTEXITCODE kept on the timing (issue 14): ExitCode on NodeTiming, in Format-List, Export-Csv and ConvertTo-Json.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $Temp = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    function Get-LastTiming([string] $NodeId) { Get-NodeTiming -NodeId $NodeId | Select-Object -Last 1 }
}

AfterAll {
    Remove-Item -LiteralPath $Temp -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'ExitCode on the timing' {
    BeforeEach { Start-WorkflowProfile -WorkflowId exitcodes -Force }
    AfterEach { $null = Complete-WorkflowProfile -WorkflowId exitcodes -WarningAction SilentlyContinue }

    It 'keeps the exit code of the last native command the block ran, with and without -IgnoreExitCode' {
        Measure-WorkflowNode fail { sh -c 'exit 3' }
        $t = Get-LastTiming fail
        $t.ExitCode | Should -Be 3
        $t.Status | Should -Be 'Failed'
        Measure-WorkflowNode ignored -IgnoreExitCode { sh -c 'exit 4' }
        $t = Get-LastTiming ignored
        $t.ExitCode | Should -Be 4
        $t.Status | Should -Be 'Succeeded'
        Measure-WorkflowNode last { sh -c 'exit 3'; sh -c 'exit 0' }
        (Get-LastTiming last).ExitCode | Should -Be 0
    }

    It 'is null when the block ran no native command, even after one that exited non-zero, and for Add-NodeTiming' {
        sh -c 'exit 5'
        Measure-WorkflowNode quiet { 'no native command' }
        (Get-LastTiming quiet).ExitCode | Should -BeNullOrEmpty
        (Get-LastTiming quiet).PSObject.Properties['ExitCode'] | Should -Not -BeNullOrEmpty
        Add-NodeTiming hand 5
        (Get-LastTiming hand).ExitCode | Should -BeNullOrEmpty
    }

    It 'keeps the exit code of a block that failed after its native command' {
        { Measure-WorkflowNode thrown { sh -c 'exit 7'; throw 'broke' } } | Should -Throw 'broke'
        $t = Get-LastTiming thrown
        $t.ExitCode | Should -Be 7
        $t.Status | Should -Be 'Failed'
    }

    It 'is shown by Format-List and survives Export-Csv and ConvertTo-Json' {
        Measure-WorkflowNode csv { sh -c 'exit 2' }
        Get-LastTiming csv | Format-List | Out-String | Should -Match 'ExitCode\s*:\s*2'
        $file = Join-Path $Temp 'timings.csv'
        Get-LastTiming csv | Export-Csv -LiteralPath $file
        (Import-Csv -LiteralPath $file).ExitCode | Should -Be '2'
        (Get-LastTiming csv | ConvertTo-Json | ConvertFrom-Json).ExitCode | Should -Be 2
    }
}
