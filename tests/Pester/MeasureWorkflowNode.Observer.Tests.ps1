# Measure-WorkflowNode measures without disturbing (issue 12): each behaviour is compared side by side with
# `& { }` (or `& { [CmdletBinding()] param() ... }` where common parameters are involved) in this real pwsh.
BeforeAll {
    $script:ModulePath = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    Import-Module $script:ModulePath -Force
    $script:Temp = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    # This same pwsh in a child process (a dotnet tool install runs as `dotnet pwsh.dll`).
    function Invoke-ChildPwsh([string] $Command) {
        $exe = [Environment]::ProcessPath
        if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { & $exe (Join-Path $PSHOME 'pwsh.dll') -NoProfile -Command $Command }
        else { & $exe -NoProfile -Command $Command }
    }

    # What a run of a script produced, object by object: type and text, in order.
    function Show-Stream($objects) { @($objects | ForEach-Object { if ($null -eq $_) { 'null' } else { $_.GetType().Name + ':' + $_ } }) }

    # The latest execution of a node, from the run in flight or the last completed one.
    function Get-LastTiming([string] $NodeId) { Get-NodeTiming -NodeId $NodeId | Select-Object -Last 1 }
}

AfterAll {
    Remove-Item $script:Temp -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Scope: the block runs in a child scope by default, as a task runner runs a task' {
    BeforeEach { Start-WorkflowProfile scope -Force }
    AfterEach { $null = Complete-WorkflowProfile -WorkflowId scope }

    It 'reads the caller''s variables, keeps its own local, and writes the caller''s with $script: scope modifiers' {
        $outer = 'caller'
        $seen = Measure-WorkflowNode n { $outer; $local = 1; $outer = 'changed inside' }
        $seen | Should -Be 'caller'
        $outer | Should -Be 'caller'
        Test-Path variable:local | Should -BeFalse
    }

    It 'keeps the caller''s scope with -DotSource, like . { }' {
        $outer = 'caller'
        Measure-WorkflowNode n -DotSource { $outer = 'changed'; $made = 'here' }
        $outer | Should -Be 'changed'
        $made | Should -Be 'here'
    }

    It 'gives the block the $MyInvocation & { } gives it, each statement its own, in a loop too' {
        $seen = foreach ($i in 1..3) {
            Measure-WorkflowNode first { $MyInvocation }
            Measure-WorkflowNode second { $MyInvocation }
        }
        $expected = foreach ($i in 1..3) {
            & { $MyInvocation }
            & { $MyInvocation }
        }
        $seen.Count | Should -Be 6
        for ($k = 0; $k -lt 6; $k++) {
            $seen[$k].MyCommand.CommandType | Should -Be $expected[$k].MyCommand.CommandType
            $seen[$k].ScriptName | Should -Be $expected[$k].ScriptName
            $seen[$k].ScriptLineNumber | Should -Be ($expected[$k].ScriptLineNumber - 4)
            $seen[$k].MyCommand.ScriptBlock.ToString() | Should -Be $expected[$k].MyCommand.ScriptBlock.ToString()
        }
        $seen[0].ScriptLineNumber | Should -Not -Be $seen[1].ScriptLineNumber
        $seen[0].InvocationName | Should -Be '&'
        (Measure-WorkflowNode dotted -DotSource { $MyInvocation }).InvocationName | Should -Be '.'
        (Measure-WorkflowNode again { $MyInvocation }).InvocationName | Should -Be '&'
        # A closure of the same literal is bound to its own module: its $MyInvocation says so.
        $closures = foreach ($i in 1..2) { $block = { $MyInvocation.MyCommand.ScriptBlock.Module }.GetNewClosure(); Measure-WorkflowNode c $block }
        $closures.Count | Should -Be 2
        [object]::ReferenceEquals($closures[0], $closures[1]) | Should -BeFalse
    }

    It 'runs a loop at function-body speed, not dot-sourced speed (alternating rounds)' {
        # The 1.10x goal is measured in docs/benchmarks.md (tests/Profiler.PS.Benchmarks/pwsh/CmdletCost.ps1); a test on a
        # shared CI machine only guards against the dot-sourced slow path (10-30x), so its bound is loose.
        function Step { $sum = 0; foreach ($i in 1..100000) { $sum += $i * 2 }; $sum }
        $f = [Collections.Generic.List[double]]::new(); $m = [Collections.Generic.List[double]]::new()
        foreach ($round in 1..21) {
            # Alternate which goes first, so neither always runs on a warmer (or busier) machine.
            $first, $second = if ($round % 2) { 'f', 'm' } else { 'm', 'f' }
            foreach ($which in $first, $second) {
                if ($which -eq 'f') { $f.Add((Measure-Command { Step }).TotalMilliseconds) }
                else { $m.Add((Measure-Command { Measure-WorkflowNode sum { $sum = 0; foreach ($i in 1..100000) { $sum += $i * 2 }; $sum } }).TotalMilliseconds) }
            }
        }
        # The fastest rounds are the least disturbed by other work on the machine; the median of the paired ratios is printed too.
        $fastest = ($m | Measure-Object -Minimum).Minimum / ($f | Measure-Object -Minimum).Minimum
        $median = @(0..20 | ForEach-Object { $m[$_] / $f[$_] } | Sort-Object)[10]
        Write-Host ('    loop in Measure-WorkflowNode / function body: fastest rounds {0:N3}, median of 21 paired rounds {1:N3}' -f $fastest, $median)
        # Either estimator within the goal passes: on a machine shared with other builds one of them is often off by 20%.
        [math]::Min($fastest, $median) | Should -BeLessOrEqual 2
    }
}

Describe 'Streams: every stream as with & { }' {
    BeforeAll {
        Start-WorkflowProfile streams -Force
        $script:Body = @'
'out1'
Write-Error 'err1'
Write-Warning 'warn1'
Write-Verbose 'verb1' -Verbose
Write-Debug 'dbg1' -Debug
Write-Information 'info1'
sh -c 'echo native-err >&2'
'out2'
'@
        # Runs the body both ways with the same tail (redirections, common parameters) and returns both transcripts.
        function Compare-Both([string] $Tail, [switch] $Advanced, [string] $Before = '') {
            $ref = if ($Advanced) { "& { [CmdletBinding()] param() $Body } $Tail" } else { "& { $Body } $Tail" }
            $mwn = "Measure-WorkflowNode stream { $Body } $Tail"
            foreach ($text in $ref, $mwn) {
                $errorsBefore = $global:Error.Count
                $out = & ([scriptblock]::Create("$Before`n$text"))
                [pscustomobject]@{ Out = Show-Stream $out; NewErrors = Show-Stream ($global:Error | Select-Object -First ($global:Error.Count - $errorsBefore)) }
            }
        }
    }
    AfterAll { $null = Complete-WorkflowProfile -WorkflowId streams }

    It 'keeps objects and order under <Tail>' -ForEach @(
        @{ Tail = '*>&1' }, @{ Tail = '2>&1' }, @{ Tail = '3>&1' }, @{ Tail = '2>&1 3>&1 4>&1 5>&1 6>&1' }, @{ Tail = '2>$null' }
    ) {
        $ref, $mwn = Compare-Both $Tail
        $mwn.Out | Should -Be $ref.Out
        $mwn.NewErrors | Should -Be $ref.NewErrors
        if ($Tail -match '2>&1') { $mwn.Out | Should -Contain 'ErrorRecord:err1' }
    }

    It 'writes the same error file under 2> file' {
        $refFile = Join-Path $Temp 'ref.txt'; $mwnFile = Join-Path $Temp 'mwn.txt'
        $refOut = & { 'a'; Write-Error 'to file'; 'b' } 2> $refFile
        $mwnOut = Measure-WorkflowNode file { 'a'; Write-Error 'to file'; 'b' } 2> $mwnFile
        $mwnOut | Should -Be $refOut
        # The files differ only in the quoted source line (each call is on its own line of this file).
        $normalize = { param($file) Get-Content $file | Where-Object { $_ -notmatch '^\s*\d+ \||^\s+\|\s+~' } | ForEach-Object { $_ -replace ':\d+$' } }
        & $normalize $mwnFile | Should -Be (& $normalize $refFile)
        (Get-Content $mwnFile)[0] | Should -BeLike 'Write-Error: *'
        Get-Content $mwnFile -Raw | Should -Match 'to file'
    }

    It 'fills -ErrorVariable and -OutVariable as an advanced script block does' {
        $null = & { [CmdletBinding()] param() 'o1'; Write-Error 'e1'; 'o2' } -ErrorVariable refErr -OutVariable refOut 2>$null
        $null = Measure-WorkflowNode vars { 'o1'; Write-Error 'e1'; 'o2' } -ErrorVariable mwnErr -OutVariable mwnOut 2>$null
        Show-Stream $mwnErr | Should -Be (Show-Stream $refErr)
        Show-Stream $mwnOut | Should -Be (Show-Stream $refOut)
        $mwnErr.Count | Should -Be 1
    }

    It 'stops at the first error with -ErrorAction Stop, as an advanced script block does' {
        $ref = try { & { [CmdletBinding()] param() 'before'; Write-Error 'stop here'; 'after' } -ErrorAction Stop } catch { "caught:$_" }
        $mwn = try { Measure-WorkflowNode ea { 'before'; Write-Error 'stop here'; 'after' } -ErrorAction Stop } catch { "caught:$_" }
        $mwn | Should -Be $ref
        $mwn | Should -Contain 'caught:stop here'
        (Get-LastTiming ea).Status | Should -Be 'Failed'
    }

    It 'stops at the first error under $ErrorActionPreference = ''Stop''' {
        $ErrorActionPreference = 'Stop'
        $ref = try { & { 'before'; Write-Error 'pref stop'; 'after' } } catch { "caught:$_" }
        $mwn = try { Measure-WorkflowNode pref { 'before'; Write-Error 'pref stop'; 'after' } } catch { "caught:$_" }
        $ErrorActionPreference = 'Continue'
        $mwn | Should -Be $ref
        $mwn | Should -Contain 'caught:pref stop'
    }

    It 'streams output to the next command while the block still runs' {
        $order = [Collections.Generic.List[string]]::new()
        Measure-WorkflowNode live { $order.Add('emit 1'); 1; $order.Add('emit 2'); 2 } | ForEach-Object { $order.Add("got $_") }
        $order | Should -Be 'emit 1', 'got 1', 'emit 2', 'got 2'
    }
}

Describe 'Piped input: each object is $_, one execution per object' {
    BeforeEach { $run = Start-WorkflowProfile piped -Force -PassThru }
    AfterEach { $null = Complete-WorkflowProfile -WorkflowId piped }

    It 'passes each piped object as $_ and records one execution per object' {
        1..3 | Measure-WorkflowNode n { $_ * 10 } | Should -Be 10, 20, 30
        @(Get-NodeTiming -NodeId n).Count | Should -Be 3
    }

    It 'binds a piped WorkflowRun as $_ and takes the run from -Run' {
        $other = [pscustomobject]@{ Name = 'x' }
        $run, $other | Measure-WorkflowNode n -Run $run { $_.GetType().Name } | Should -Be 'WorkflowRun', 'PSCustomObject'
        @(Get-NodeTiming -NodeId n).Count | Should -Be 2
    }

    It 'passes piped objects to a process block as its pipeline input' {
        'a', 'b' | Measure-WorkflowNode n { begin { 'B' } process { "p:$_" } end { 'E' } } | Should -Be 'B', 'p:a', 'E', 'B', 'p:b', 'E'
    }

    It 'leaves $_ as the caller''s when nothing is piped, as & { $_ } does' {
        'outer' | ForEach-Object { Measure-WorkflowNode n { "seen:$_" } } | Should -Be 'seen:outer'
    }
}

Describe 'Bad input: statuses, and the caller sees what & { } shows' {
    BeforeEach { Start-WorkflowProfile bad -Force }
    AfterEach { $null = Complete-WorkflowProfile -WorkflowId bad -ErrorAction SilentlyContinue }

    It 'records exit <Code> as <Status> and exits the script with the same code' -ForEach @(
        @{ Code = 0; Status = 'Succeeded' }, @{ Code = 3; Status = 'Failed' }
    ) {
        $file = Join-Path $Temp "exit$Code.txt"
        $script = "Import-Module '$ModulePath'; Start-WorkflowProfile x; try { Measure-WorkflowNode e { 'before'; exit $Code; 'after' } } finally { (Get-NodeTiming -NodeId e).Status | Set-Content '$file' }"
        $out = Invoke-ChildPwsh $script
        $mwnCode = $LASTEXITCODE
        $refOut = Invoke-ChildPwsh "& { 'before'; exit $Code; 'after' }"
        $mwnCode | Should -Be $LASTEXITCODE
        $out | Should -Be $refOut
        Get-Content $file | Should -Be $Status
    }

    It 'lets break outside a loop in the block leave the caller''s loop, as & { break } does, and records Succeeded' {
        $ref = foreach ($i in 1..3) { $i; & { break }; 'not reached' }
        $mwn = foreach ($i in 1..3) { $i; Measure-WorkflowNode brk { break }; 'not reached' }
        $mwn | Should -Be $ref
        (Get-LastTiming brk).Status | Should -Be 'Succeeded'
    }

    It 'rethrows a thrown non-exception object unchanged and records Failed' {
        $ref = try { & { throw @{ Code = 7 } } } catch { $_.TargetObject.Code; $_.FullyQualifiedErrorId }
        $mwn = try { Measure-WorkflowNode thr { throw @{ Code = 7 } } } catch { $_.TargetObject.Code; $_.FullyQualifiedErrorId }
        $mwn | Should -Be $ref
        (Get-LastTiming thr).Status | Should -Be 'Failed'
    }

    It 'records Stopped when a downstream Select-Object -First stops it, and gives the same output' {
        $ref = & { 1..5 } | Select-Object -First 1
        $mwn = Measure-WorkflowNode first { 1..5 } | Select-Object -First 1
        $mwn | Should -Be $ref
        (Get-LastTiming first).Status | Should -Be 'Stopped'
    }

    It 'records Stopped on Ctrl+C (PowerShell.Stop) and the caller sees a stopped pipeline' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$ModulePath'; Start-WorkflowProfile ctrlc").Invoke()
            $ps.Commands.Clear()
            $null = $ps.AddScript('Measure-WorkflowNode slow { Start-Sleep -Seconds 30 }')
            $async = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 500
            $ps.Stop()
            $stopped = try { $ps.EndInvoke($async); 'not stopped' } catch { $_.Exception.InnerException.GetType().Name }
            $stopped | Should -Be 'PipelineStoppedException'
            $ps.Commands.Clear()
            $status = $ps.AddScript('(Get-NodeTiming -NodeId slow).Status').Invoke()
            "$status" | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
    }

    It 'records Failed when the last native command exited non-zero, keeps $LASTEXITCODE, and -IgnoreExitCode opts out' {
        Measure-WorkflowNode nat { sh -c 'exit 3' }
        $LASTEXITCODE | Should -Be 3
        (Get-LastTiming nat).Status | Should -Be 'Failed'
        # The same code again is a new exit, not the one left from before.
        Measure-WorkflowNode nat2 { sh -c 'exit 3' }
        (Get-LastTiming nat2).Status | Should -Be 'Failed'
        # A block that runs no native command is not judged by an earlier one.
        Measure-WorkflowNode quiet { 'no native command' }
        (Get-LastTiming quiet).Status | Should -Be 'Succeeded'
        Measure-WorkflowNode ok { sh -c 'exit 3'; sh -c 'exit 0' }
        (Get-LastTiming ok).Status | Should -Be 'Succeeded'
        Measure-WorkflowNode opt -IgnoreExitCode { sh -c 'exit 4' }
        (Get-LastTiming opt).Status | Should -Be 'Succeeded'
        $LASTEXITCODE | Should -Be 4
    }
}

Describe 'Warm start: the first timing in a runspace is the step''s own time' {
    It 'records the first execution of a warm 20 ms step within 2 ms of the steady state, in a fresh process' {
        # The step times itself too, so what is compared is what the node adds around the step (recorded Duration
        # minus the step's own time): a busy machine makes a 20 ms sleep take 20 to 40 ms, the same for both.
        $script = @"
Import-Module '$ModulePath'
`$step = { `$sw = [Diagnostics.Stopwatch]::StartNew(); [Threading.Thread]::Sleep(20); `$sw.Elapsed.TotalMilliseconds }
foreach (`$i in 1..3) { `$null = & `$step }
Start-WorkflowProfile warm
`$own = foreach (`$i in 1..11) { Measure-WorkflowNode step `$step }
`$durations = (Get-NodeTiming -NodeId step).Duration
(0..10 | ForEach-Object { `$durations[`$_] - `$own[`$_] }) -join ' '
"@
        $added = [double[]]((Invoke-ChildPwsh $script) -split ' ')
        $steady = ($added[1..10] | Sort-Object)[5]
        Write-Host ('    time added around the step: first {0:N3} ms, steady (median of the next 10) {1:N3} ms' -f $added[0], $steady)
        # The goal (within 2 ms) is measured in docs/benchmarks.md; the loose bound here guards the 15-35 ms warm-up.
        $added[0] - $steady | Should -BeLessOrEqual 8
    }

}

Describe 'Alerts from other runspaces reach the owner''s -OnBottleneck' {
    It 'delivers an alert raised in a ForEach-Object -Parallel branch at the owner''s next Profiler.PS call, in order' {
        foreach ($i in 1..3) {
            Start-WorkflowProfile par -Force -MinimumSamples 1
            Add-NodeTiming a 10; Add-NodeTiming b 10
            $null = Complete-WorkflowProfile -WorkflowId par
        }
        $run = Start-WorkflowProfile par -PassThru -MinimumSamples 1 -OnBottleneck { param($node, $ms) "alert:$node" }
        $module = $ModulePath
        'a', 'b' | ForEach-Object -ThrottleLimit 1 -Parallel {
            Import-Module $using:module
            Add-NodeTiming $_ 100 -Run $using:run
        }
        $delivered = Get-NodeTiming -WorkflowId par
        @($delivered | Where-Object { $_ -is [string] }) | Should -Be 'alert:a', 'alert:b'
        $null = Complete-WorkflowProfile -WorkflowId par
    }

    It 'delivers it at Complete-WorkflowProfile at the latest' {
        $run = Start-WorkflowProfile par -PassThru -MinimumSamples 1 -OnBottleneck { param($node, $ms) "alert:$node" }
        $module = $ModulePath
        'a' | ForEach-Object -Parallel { Import-Module $using:module; Measure-WorkflowNode $_ -Run $using:run { Start-Sleep -Milliseconds 150 } }
        $completed = Complete-WorkflowProfile -WorkflowId par
        @($completed | Where-Object { $_ -is [string] }) | Should -Be 'alert:a'
    }

    It 'delivers it at Complete-WorkflowProfile -Run too, which names only the run' {
        $run = Start-WorkflowProfile par -PassThru -MinimumSamples 1 -OnBottleneck { param($node, $ms) "alert:$node" }
        $module = $ModulePath
        'b' | ForEach-Object -Parallel { Import-Module $using:module; Add-NodeTiming $_ 100 -Run $using:run }
        $completed = Complete-WorkflowProfile -Run $run
        @($completed | Where-Object { $_ -is [string] }) | Should -Be 'alert:b'
        $null = Get-ProfilerOption
    }
}
