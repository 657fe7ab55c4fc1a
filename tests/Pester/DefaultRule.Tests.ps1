# The one default rule (issue 13's base-class policy, issue 14's "one default rule"), as a person sees it in pwsh:
# every query answers "no -WorkflowId" the same way, says so when the default is empty while others have data,
# one-off runs never become the default, and an empty session gets one error for every cmdlet.
BeforeAll {
    $script:manifest = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $script:manifest -Force
    $script:work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))

    # Runs a script in a child pwsh, as a person at a prompt would, and returns everything it printed as plain text.
    function Invoke-Pwsh([string] $Script) {
        $file = Join-Path $script:work "$([guid]::NewGuid()).ps1"
        Set-Content -LiteralPath $file -Value ("`$PSStyle.OutputRendering = 'PlainText'`nImport-Module '$script:manifest'`n" + $Script) -Encoding utf8
        & (Join-Path $PSHOME 'pwsh') -NoProfile -NoLogo -File $file *>&1 | Out-String -Width 200
    }
}

AfterAll {
    Clear-WorkflowProfile -WorkflowId * -Force -Confirm:$false   # leave no default target behind for the next file
    Remove-Item -LiteralPath $script:work -Recurse -Force
}

Describe 'The default target' {
    BeforeEach {
        Clear-WorkflowProfile -WorkflowId * -Force -Confirm:$false
        Start-WorkflowProfile -WorkflowId build
        Add-NodeTiming -NodeId sort -Duration 40
        $null = Complete-WorkflowProfile
    }

    It 'warns once, naming the workflow that has data, when the default has none' {
        Start-WorkflowProfile -WorkflowId empty
        foreach ($query in 'Get-NodeStatistics', 'Get-Bottleneck', 'Show-Heatmap', 'Get-WorkflowRecommendation', 'Compare-WorkflowRun') {
            $out = & $query -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction SilentlyContinue
            $out | Should -BeNullOrEmpty
            $warned.Count | Should -Be 1 -Because "$query warns once"
            "$warned" | Should -BeLike "Workflow 'empty' (the default, the most recently started workflow) has no completed run yet, but 'build' has:*"
        }
        Get-NodeStatistics -WorkflowId build | Select-Object -ExpandProperty NodeId | Should -Be 'sort'
    }

    It 'never moves to a one-off run, so a gate keeps checking the right workflow' {
        Measure-WorkflowNode lint { Start-Sleep -Milliseconds 20 }
        (Get-WorkflowProfile -WorkflowId adhoc).RunCount | Should -Be 1
        $verbose = Get-Bottleneck -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        "$verbose" | Should -Match "using workflow 'build'"
        "$verbose" | Should -Match "One-off runs \(workflow 'adhoc'\) are never the default target"
        Test-WorkflowBudget -NodeId sort -Maximum 100 -Quiet | Should -BeTrue
        (Get-Bottleneck).NodeId | Should -Be 'sort'
    }

    It 'treats a workflow you start as adhoc like any other' {
        Start-WorkflowProfile -WorkflowId adhoc
        Add-NodeTiming -NodeId mine -Duration 5
        $null = Complete-WorkflowProfile
        (Get-Bottleneck).NodeId | Should -Be 'mine'
    }
}

Describe 'Errors of the policy' {
    It 'gives every cmdlet the same NoWorkflow error in an empty session' {
        $text = Invoke-Pwsh @'
foreach ($command in 'Get-NodeStatistics', 'Get-Bottleneck', 'Show-Heatmap', 'Get-NodeTiming', 'Compare-WorkflowRun') {
    & $command -ErrorVariable e -ErrorAction SilentlyContinue
    "$command => $($e[0].FullyQualifiedErrorId.Split(',')[0]) : $($e[0].Exception.Message)"
}
try { Test-WorkflowBudget -NodeId a -Maximum 1 } catch { "Test-WorkflowBudget stopped => $($_.FullyQualifiedErrorId.Split(',')[0])" }
Get-WorkflowProfile
'done'
'@
        foreach ($command in 'Get-NodeStatistics', 'Get-Bottleneck', 'Show-Heatmap', 'Get-NodeTiming', 'Compare-WorkflowRun') {
            $text | Should -Match ([regex]::Escape("$command => $($command.Replace('-', ''))NoWorkflow : No workflow has been profiled in this session"))
        }
        $text | Should -Match 'Test-WorkflowBudget stopped => TestWorkflowBudgetNoWorkflow'
        $text | Should -Match 'done'
    }

    It 'names an unknown id the same way everywhere and still serves the others' {
        Clear-WorkflowProfile -WorkflowId * -Force -Confirm:$false
        Start-WorkflowProfile -WorkflowId build
        Add-NodeTiming -NodeId sort -Duration 40
        $null = Complete-WorkflowProfile
        $rows = Get-Bottleneck -WorkflowId nope, build -ErrorVariable e -ErrorAction SilentlyContinue
        $rows.NodeId | Should -Be 'sort'
        $e[0].FullyQualifiedErrorId | Should -BeLike 'GetBottleneckWorkflowNotFound,*'
        Get-NodeStatistics -WorkflowId nope -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].Exception.Message | Should -Be $e[0].Exception.Message
    }

    It 'prints the warning a person sees at the prompt' {
        $text = Invoke-Pwsh @'
Start-WorkflowProfile -WorkflowId build; Add-NodeTiming -NodeId sort -Duration 40; $null = Complete-WorkflowProfile
Start-WorkflowProfile -WorkflowId empty
Get-NodeStatistics
'@
        $text | Should -Match "WARNING: Workflow 'empty' \(the default, the most recently started workflow\) has no completed run yet, but 'build' has: give -WorkflowId to query another workflow."
    }
}
