# Help and tab completion as a user meets them at the prompt: Get-Help -Examples and TabExpansion2.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $cmdlets = @((Get-Module Profiler.PS).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    function Complete([string] $line) {
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
    }
}

Describe 'Get-Help <Name>' -ForEach $cmdlets {
    It 'has a synopsis, a description and at least two examples with code' {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name\s*\["   # the generated syntax means no help was found
        ($help.Description | Out-String).Trim() | Should -Not -BeNullOrEmpty
        $examples = (Get-Help $Name -Examples).Examples.Example
        $examples.Count | Should -BeGreaterOrEqual 2
        $examples | ForEach-Object { $_.Code | Should -Not -BeNullOrEmpty }
    }
}

Describe 'about_Profiler.PS' {
    It 'opens with Get-Help' {
        (Get-Help about_Profiler.PS | Out-String) | Should -Match 'Profiler\.PS'
    }
}

Describe 'Tab completion' {
    BeforeAll {
        Get-WorkflowProfile | Clear-WorkflowProfile -Confirm:$false
        Start-WorkflowProfile -WorkflowId 'compile-flow'
        Add-NodeTiming -NodeId restore -Duration 10
        Add-NodeTiming -NodeId 'run tests' -Duration 20
        $null = Complete-WorkflowProfile
    }

    It 'completes -WorkflowId from the session' {
        Complete 'Get-NodeStatistics -WorkflowId comp' | Should -Be 'compile-flow'
    }

    It 'completes -NodeId and quotes ids with spaces' {
        Complete 'Get-NodeStatistics -NodeId re' | Should -Be 'restore'
        Complete 'Get-NodeStatistics -NodeId run' | Should -Be "'run tests'"
    }

    It 'completes the cmdlet names and their parameters' {
        Complete 'Get-NodeStat' | Should -Contain 'Get-NodeStatistics'
        Complete 'Show-Heatmap -No' | Should -Contain '-NoColor'
    }
}
