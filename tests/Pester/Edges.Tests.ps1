# Edges a fresh user hit in a real pwsh: $null and empty inputs get stable ErrorIds, too little history is said
# without -Verbose, and a step that got faster is not called Noisy.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:Folder = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    Set-ProfilerOption -HistoryPath $null   # an earlier file in the same runspace may have set one

    # The error a command writes or throws, whichever it does.
    function Get-ErrorOf([scriptblock] $Command) {
        try { $out = & $Command 2>&1 } catch { return $_ }
        @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
}

AfterAll {
    Set-ProfilerOption -HistoryPath $null
    Clear-WorkflowProfile -WorkflowId * -Force -Confirm:$false
    Remove-Item -LiteralPath $script:Folder -Recurse -Force
}

Describe 'Null and empty inputs' {
    BeforeAll {
        $null = Start-WorkflowProfile -WorkflowId edges
        Add-NodeTiming -NodeId keep -Duration 10
        $null = Complete-WorkflowProfile
    }

    It 'Measure-WorkflowNode -NodeId <Value> is MeasureWorkflowNodeInvalidNodeId and the block does not run' -ForEach @(
        @{ Value = '$null'; Id = $null }, @{ Value = "''"; Id = '' }) {
        $script:ran = $false
        $e = Get-ErrorOf { Measure-WorkflowNode -NodeId $Id -ScriptBlock { $script:ran = $true } }
        $e.FullyQualifiedErrorId | Should -BeLike 'MeasureWorkflowNodeInvalidNodeId,*'
        $e.Exception.Message | Should -Match 'give the step''s name'
        $script:ran | Should -BeFalse
    }

    It 'Add-NodeTiming -Duration $null writes AddNodeTimingMissingDuration and the next call still records' {
        $null = Start-WorkflowProfile -WorkflowId edges
        Add-NodeTiming -NodeId x -Duration $null -ErrorVariable problems -ErrorAction SilentlyContinue
        Add-NodeTiming -NodeId y -Duration 4
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'AddNodeTimingMissingDuration,*'
        $problems[0].Exception.Message | Should -Match "No duration for node 'x'"
        (Get-NodeTiming).NodeId | Should -Be @('y')
        $null = Complete-WorkflowProfile
    }

    It 'an Import-Csv row with an empty Duration cell is one error; the other rows land' {
        $csv = Join-Path $script:Folder 'timings.csv'
        Set-Content -LiteralPath $csv -Value 'NodeId,Duration', 'a,5', 'b,', 'c,7'
        $null = Start-WorkflowProfile -WorkflowId csv
        Import-Csv -LiteralPath $csv | Add-NodeTiming -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.FullyQualifiedErrorId | Should -BeLike 'AddNodeTimingMissingDuration,*'
        (Get-NodeTiming).NodeId | Should -Be @('a', 'c')
        $null = Complete-WorkflowProfile
    }

    It 'Get-NodeStatistics -NodeId <Value> is GetNodeStatisticsInvalidNodeId, not every node' -ForEach @(
        @{ Value = '$null'; Ids = $null }, @{ Value = "''"; Ids = @('') }, @{ Value = '@()'; Ids = @() }) {
        $e = Get-ErrorOf { Get-NodeStatistics -WorkflowId edges -NodeId $Ids }
        $e.FullyQualifiedErrorId | Should -BeLike 'GetNodeStatisticsInvalidNodeId,*'
        (Get-NodeStatistics -WorkflowId edges).NodeId | Should -Contain 'keep'
    }

    It 'Set-ProfilerOption -HistoryPath $null and '''' turn the default off as documented; blank text is an error' {
        Set-ProfilerOption -HistoryPath $script:Folder
        (Set-ProfilerOption -HistoryPath '' -Verbose 4>&1 | Out-String) | Should -Match 'default history folder is off'
        (Get-ProfilerOption).HistoryPath | Should -BeNullOrEmpty
        Set-ProfilerOption -HistoryPath $script:Folder
        $e = Get-ErrorOf { Set-ProfilerOption -HistoryPath ' ' }
        $e.FullyQualifiedErrorId | Should -BeLike 'SetProfilerOptionInvalidSetting,*'
        (Get-ProfilerOption).HistoryPath | Should -Be $script:Folder.FullName
        Set-ProfilerOption -HistoryPath $null
        (Get-ProfilerOption).HistoryPath | Should -BeNullOrEmpty
    }
}

Describe 'Too little history is said without -Verbose' {
    It 'Get-WorkflowRecommendation with 2 runs writes nothing and warns how many runs it needs' {
        foreach ($i in 1..2) { $null = Start-WorkflowProfile -WorkflowId young; Add-NodeTiming -NodeId a -Duration 100; $null = Complete-WorkflowProfile }
        $out = @(Get-WorkflowRecommendation -WorkflowId young -WarningVariable warned -WarningAction SilentlyContinue)
        $out.Count | Should -Be 0
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -BeLike "Nothing to recommend yet: workflow 'young' has 2 completed runs; recommendations need at least 5: complete 3 more runs, then run Get-WorkflowRecommendation again*"
    }

    It 'the warning is on the warning stream (3), not the output' {
        $streams = @(Get-WorkflowRecommendation -WorkflowId young 3>&1)
        $streams.Count | Should -Be 1
        $streams[0] | Should -BeOfType [System.Management.Automation.WarningRecord]
    }

    It 'Get-Bottleneck of a workflow with only a run in flight warns' {
        $null = Start-WorkflowProfile -WorkflowId fresh
        Add-NodeTiming -NodeId a -Duration 1
        $streams = @(Get-Bottleneck -WorkflowId fresh 3>&1)
        $streams.Count | Should -Be 1
        $streams[0].Message | Should -BeLike "Workflow 'fresh' has no completed run to rank yet:*"
        $null = Complete-WorkflowProfile
    }
}

Describe 'A step that got faster' {
    BeforeAll {
        foreach ($ms in 100, 102, 98, 101, 99, 103, 20) {
            $null = Start-WorkflowProfile -WorkflowId faster
            Add-NodeTiming -NodeId a -Duration $ms
            Add-NodeTiming -NodeId b -Duration 50
            $null = Complete-WorkflowProfile
        }
    }

    It 'is Faster for Compare-WorkflowRun' {
        (Compare-WorkflowRun -WorkflowId faster | Where-Object NodeId -eq a).Verdict | Should -Be 'Faster'
    }

    It 'is not Noisy for Get-WorkflowRecommendation' {
        @(Get-WorkflowRecommendation -WorkflowId faster | Where-Object Kind -eq Noisy).Count | Should -Be 0
    }
}
