# Measure-WorkflowScript applies Measure-WorkflowNode's exit-code rule to every timed call and statement: an execution
# during which $LASTEXITCODE was set keeps the code as its ExitCode, and a non-zero one fails it, although PowerShell's
# $? after a function call stays true. -IgnoreExitCode keeps the codes and fails nothing by them.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:temp = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))

    # Runs the script profiled inside a run of its own (Start-WorkflowProfile) and returns its output and timings.
    function Invoke-Profiled([string] $Text, [hashtable] $Arguments = @{}, [switch] $IgnoreExitCode, [int] $Depth = 3) {
        $path = Join-Path $temp "s-$([guid]::NewGuid()).ps1"
        Set-Content -LiteralPath $path -Value $Text
        Start-WorkflowProfile -WorkflowId mwsexit -Force
        $output = @(Measure-WorkflowScript -LiteralPath $path -ArgumentList $Arguments -Depth $Depth -IgnoreExitCode:$IgnoreExitCode 2>&1 | ForEach-Object { "$_" })
        $timings = @(Get-NodeTiming -WorkflowId mwsexit)
        $null = Complete-WorkflowProfile -WorkflowId mwsexit -WarningAction SilentlyContinue
        [pscustomobject]@{ Output = $output; Timings = $timings }
    }
    # Status=ExitCode of each execution of a node, in the order recorded.
    function Get-Outcome($Result, [string] $NodeId) {
        @($Result.Timings | Where-Object NodeId -EQ $NodeId | ForEach-Object { "$($_.Status)=$($_.ExitCode)" })
    }
}

AfterAll {
    Remove-Item -LiteralPath $script:temp -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Measure-WorkflowScript and a native command''s exit code' {
    It 'judges a build that failed inside a function Failed, never Faster (the tester''s repro)' {
        $s = Join-Path $temp 'compile-r1.ps1'
        Set-Content $s @'
param([int]$Run)
function Invoke-Compile {
    if ($Run -lt 6) { Start-Sleep -Milliseconds 300; bash -c 'exit 0' }
    else { bash -c 'exit 1' }
}
Invoke-Compile
'@
        $history = Join-Path $temp 'history'
        foreach ($i in 1..6) { Measure-WorkflowScript -Path $s -ArgumentList @{ Run = $i } -WorkflowId r1 -HistoryPath $history }
        $LASTEXITCODE | Should -Be 1
        $stats = @(Get-NodeStatistics -WorkflowId r1)
        $stats.NodeId | Sort-Object | Should -Be @('Invoke-Compile', 'L6 Invoke-Compile')
        $stats | ForEach-Object { "$($_.LastStatus)" } | Should -Be @('Failed', 'Failed')
        $verdicts = @(Compare-WorkflowRun -WorkflowId r1)
        $verdicts.Count | Should -Be 3   # both nodes and the workflow total
        $verdicts | ForEach-Object { "$($_.Verdict)" } | Should -Be @('Failed', 'Failed', 'Failed')
    }

    It 'keeps a function whose native command exited 0 Succeeded, with ExitCode 0, and no code for one that ran none' {
        $r = Invoke-Profiled @'
function Invoke-Ok { bash -c 'exit 0'; 'ok' }
function Get-Plain { 'plain' }
bash -c 'exit 3'
Invoke-Ok
Get-Plain
'@
        $r.Output | Should -Be @('ok', 'plain')
        Get-Outcome $r 'Invoke-Ok' | Should -Be @('Succeeded=0')
        Get-Outcome $r 'L4 Invoke-Ok' | Should -Be @('Succeeded=0')
        # $LASTEXITCODE still holds 0 from before: it was not set during Get-Plain.
        Get-Outcome $r 'Get-Plain' | Should -Be @('Succeeded=')
        Get-Outcome $r 'L5 Get-Plain' | Should -Be @('Succeeded=')
        Get-Outcome $r 'L3 bash -c ''exit 3''' | Should -Be @('Failed=3')
    }

    It 'fails nested calls up to the statement, and a caller whose last native command exited 0 stays Succeeded' {
        $r = Invoke-Profiled @'
function Invoke-Inner([int] $Code) { bash -c "exit $Code" }
function Invoke-Middle([int] $Code) { Invoke-Inner $Code; 'middle' }
function Invoke-Outer { Invoke-Middle 2; Invoke-Middle 0 }
function Invoke-Recovering { Invoke-Inner 4; bash -c 'exit 0' }
Invoke-Outer
Invoke-Recovering
'@
        Get-Outcome $r 'Invoke-Inner' | Should -Be @('Failed=2', 'Succeeded=0', 'Failed=4')
        Get-Outcome $r 'Invoke-Middle' | Should -Be @('Failed=2', 'Succeeded=0')
        # The outer call's last native command exited 0, as Measure-WorkflowNode judges nested blocks.
        Get-Outcome $r 'Invoke-Outer' | Should -Be @('Succeeded=0')
        Get-Outcome $r 'Invoke-Recovering' | Should -Be @('Succeeded=0')
        Get-Outcome $r 'L5 Invoke-Outer' | Should -Be @('Succeeded=0')
    }

    It 'records the same statuses and codes as the same code in nested Measure-WorkflowNode blocks' {
        $r = Invoke-Profiled @'
function Invoke-Inner { bash -c 'exit 5' }
function Invoke-Outer { Invoke-Inner; 'after' }
Invoke-Outer
'@
        Start-WorkflowProfile -WorkflowId mwsexit-node -Force
        $null = Measure-WorkflowNode statement { Measure-WorkflowNode outer { Measure-WorkflowNode inner { bash -c 'exit 5' }; 'after' } }
        $node = @(Get-NodeTiming -WorkflowId mwsexit-node | ForEach-Object { "$($_.Status)=$($_.ExitCode)" })
        $null = Complete-WorkflowProfile -WorkflowId mwsexit-node -WarningAction SilentlyContinue
        $node | Should -Be @('Failed=5', 'Failed=5', 'Failed=5')
        @(Get-Outcome $r 'Invoke-Inner'; Get-Outcome $r 'Invoke-Outer'; Get-Outcome $r 'L3 Invoke-Outer') | Should -Be $node
    }

    It 'judges a top-level exit-code test as Measure-WorkflowNode judges each statement: the native command Failed, the test Succeeded' {
        $r = Invoke-Profiled @'
sh -c 'exit 1'; if ($LASTEXITCODE) { 'changes' }
'@
        $r.Output | Should -Be @('changes')
        Get-Outcome $r 'L1 sh -c ''exit 1''' | Should -Be @('Failed=1')
        Get-Outcome $r 'L1 if ($LASTEXITCODE) { ''changes'' }' | Should -Be @('Succeeded=')
        Start-WorkflowProfile -WorkflowId mwsexit-node -Force
        Measure-WorkflowNode native { sh -c 'exit 1' }
        $node = @(Get-NodeTiming -WorkflowId mwsexit-node | ForEach-Object { "$($_.Status)=$($_.ExitCode)" })
        $null = Complete-WorkflowProfile -WorkflowId mwsexit-node -WarningAction SilentlyContinue
        $node | Should -Be (Get-Outcome $r 'L1 sh -c ''exit 1''')
    }

    It 'fails a function that runs a failing native command even when its call silences errors' {
        $r = Invoke-Profiled @'
function Invoke-Tool { [CmdletBinding()] param() sh -c 'exit 6' }
Invoke-Tool -ErrorAction SilentlyContinue
'@
        Get-Outcome $r 'Invoke-Tool' | Should -Be @('Failed=6')
        Get-Outcome $r 'L2 Invoke-Tool -ErrorAction SilentlyContinue' | Should -Be @('Failed=6')
    }

    It 'leaves a pipeline command the codes set while it waited between its blocks' {
        $r = Invoke-Profiled @'
function Get-Item2 { 'one'; sh -c 'exit 7'; 'two' }
function Set-Item2 { begin { $n = 0 } process { $n++ } end { "got $n" } }
Get-Item2 | Set-Item2
'@
        $r.Output | Should -Be @('got 2')
        Get-Outcome $r 'Get-Item2' | Should -Be @('Failed=7')
        Get-Outcome $r 'Set-Item2' | Should -Be @('Succeeded=')
        Get-Outcome $r 'L3 Get-Item2 | Set-Item2' | Should -Be @('Failed=7')
    }

    It 'fails a called script whose function''s native command failed, and its statement' {
        Set-Content (Join-Path $temp 'child.ps1') -Value "function Invoke-Child { sh -c 'exit 8' }`nInvoke-Child"
        $r = Invoke-Profiled "& `"$temp/child.ps1`"`n'next'"
        Get-Outcome $r 'Invoke-Child' | Should -Be @('Failed=8')
        Get-Outcome $r 'child.ps1' | Should -Be @('Failed=8')
        Get-Outcome $r "L1 & `"$temp/child.ps1`"" | Should -Be @('Failed=8')
        Get-Outcome $r "L2 'next'" | Should -Be @('Succeeded=')
    }

    It 'judges an exit 0 after a failed native command Succeeded, as the script''s exit code says' {
        $r = Invoke-Profiled @'
function Stop-Build { sh -c 'exit 1'; exit 0 }
Stop-Build
'@
        Get-Outcome $r 'Stop-Build' | Should -Be @('Succeeded=0')
        Get-Outcome $r 'L2 Stop-Build' | Should -Be @('Succeeded=0')
    }
}

Describe 'Measure-WorkflowScript -IgnoreExitCode' {
    It 'keeps the codes but fails no call or statement by them' {
        $r = Invoke-Profiled -IgnoreExitCode @'
function Invoke-Compile { bash -c 'exit 1' }
Invoke-Compile
sh -c 'exit 2'
'after'
'@
        $r.Output | Should -Be @('after')
        Get-Outcome $r 'Invoke-Compile' | Should -Be @('Succeeded=1')
        Get-Outcome $r 'L2 Invoke-Compile' | Should -Be @('Succeeded=1')
        Get-Outcome $r 'L3 sh -c ''exit 2''' | Should -Be @('Succeeded=2')
    }

    It 'judges by errors and exit statements only: <NodeId> at depth <Depth> is <Outcome>' -ForEach @(
        @{ Text = "sh -c 'exit 2'; Get-Item -LiteralPath '/no/such/mwsexit'"; NodeId = "L1 Get-Item -LiteralPath '/no/such/mwsexit'"; Outcome = 'Failed='; Depth = 3 }
        @{ Text = "if (`$true) {`n sh -c 'exit 2'; Get-Item -LiteralPath '/no/such/mwsexit'`n}"; NodeId = 'L1 if ($true) {'; Outcome = 'Failed=2'; Depth = 3 }
        @{ Text = "function Stop-Build { exit 3 }`nStop-Build"; NodeId = 'L2 Stop-Build'; Outcome = 'Failed=3'; Depth = 3 }
        @{ Text = "function Stop-Build { exit 3 }`nStop-Build"; NodeId = 'L2 Stop-Build'; Outcome = 'Failed=3'; Depth = 1 }
        @{ Text = "exit 4"; NodeId = 'L1 exit 4'; Outcome = 'Failed=4'; Depth = 2 }
        @{ Text = "if (`$true) {`n sh -c 'exit 5'; return`n}"; NodeId = 'L1 if ($true) {'; Outcome = 'Succeeded=5'; Depth = 3 }
    ) {
        $r = Invoke-Profiled -IgnoreExitCode $Text -Depth $Depth
        Get-Outcome $r $NodeId | Should -Be @($Outcome)
    }
}
