# Measure-WorkflowScript on pipelines of the script's own functions: each command gets the time of its own blocks
# (a downstream command's blocks run inside the upstream's output call), nothing is counted twice, and a command that
# a downstream Select-Object -First stops is recorded Stopped, not Failed.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:path = Join-Path $PSScriptRoot 'Fixtures/MeasureWorkflowScript/pipeline.ps1'
    # Profiled once to warm up (first runs compile), then into an outer run whose timings Get-NodeTiming reads.
    $ps = [powershell]::Create()
    try {
        $module = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
        $ps.Runspace.SessionStateProxy.SetVariable('path', $path)
        $script:direct = @($ps.AddScript("Import-Module '$module'; & `$path").Invoke() | ForEach-Object { "$_" })
        $ps.Commands.Clear()
        $null = $ps.AddScript('Measure-WorkflowScript -Path $path -WorkflowId warm -Depth 2').Invoke()
        $ps.Commands.Clear()
        $script:profiled = @($ps.AddScript('Start-WorkflowProfile -WorkflowId outer; Measure-WorkflowScript -Path $path -Depth 2').Invoke() | ForEach-Object { "$_" })
        $ps.Commands.Clear()
        $script:timings = @($ps.AddScript('Get-NodeTiming -WorkflowId outer').Invoke())
    }
    finally { $ps.Dispose() }
    $script:step = { param($like) $timings | Where-Object { $_.NodeId -like $like -and $_.NodeType -eq 'statement' } }
    $script:children = { param($parent) $timings | Where-Object { $_.ParentSequence -eq $parent.Sequence } }

    # Runs $Script in a fresh runspace with the module imported and $path set: nothing of this one leaks into it.
    function script:Invoke-Fresh([string] $Path, [string] $Script) {
        $ps = [powershell]::Create()
        try {
            $ps.Runspace.SessionStateProxy.SetVariable('path', $Path)
            $null = $ps.AddScript("Import-Module '$(Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1')'").Invoke()
            $ps.Commands.Clear()
            @($ps.AddScript($Script).Invoke())
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Measure-WorkflowScript on pipelines of functions' {
    It 'writes what the script writes run directly' {
        $profiled | Should -Be $direct
        $profiled | Should -Contain 'published manifest of 3'
    }

    It 'gives each command of a begin/process/end pipeline the time of its own blocks' {
        $statement = & $step "L*Get-Artifact | Publish-Artifact"
        $build = $timings | Where-Object NodeId -eq 'Get-Artifact'
        $publish = $timings | Where-Object NodeId -eq 'Publish-Artifact'
        @($build).Count | Should -Be 1
        @($publish).Count | Should -Be 1
        $build.Status | Should -Be 'Succeeded'
        $publish.Status | Should -Be 'Succeeded'
        # Both are the statement's children, not one nested in the other.
        $build.ParentSequence | Should -Be $statement.Sequence
        $publish.ParentSequence | Should -Be $statement.Sequence
        # Get-Artifact busy-waits 5 + 3 x 20 + 5 ms; Publish-Artifact 10 ms for each of its 4 inputs.
        $build.Duration | Should -BeGreaterOrEqual 70
        $publish.Duration | Should -BeGreaterOrEqual 40
        # Neither holds the other's time: the statement's time is theirs plus its own, each counted once.
        $build.Duration + $publish.Duration + $statement.SelfDuration | Should -BeGreaterOrEqual ($statement.Duration - 0.01)
        $build.Duration + $publish.Duration + $statement.SelfDuration | Should -BeLessOrEqual ($statement.Duration + 0.01)
        $build.Duration | Should -BeLessThan ($statement.Duration - 40)
    }

    It 'records each object a filter processes as one call, none of them failed' {
        $sizes = @($timings | Where-Object NodeId -eq 'Get-Size')
        $sizes.Count | Should -Be 4
        $sizes.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        $statement = & $step "L*Get-Size | Get-Size"
        $sizes.ParentSequence | Sort-Object -Unique | Should -Be $statement.Sequence
    }

    It 'counts nothing twice: each timing is its self time plus its children' {
        foreach ($t in $timings) {
            $children = ($timings | Where-Object ParentSequence -eq $t.Sequence | Measure-Object -Property Duration -Sum).Sum
            [math]::Abs($t.Duration - $t.SelfDuration - $children) | Should -BeLessThan 0.01 -Because "$($t.NodeId) (sequence $($t.Sequence)) must hold its children"
        }
    }

    It 'gives a downstream function that fails part-way its own time, and the upstream one none of it' {
        $assert = $timings | Where-Object NodeId -eq 'Assert-Item'
        $letters = $timings | Where-Object NodeId -eq 'Get-Letter'
        $assert.Status | Should -Be 'Failed'
        $assert.Duration | Should -BeGreaterOrEqual 30
        $letters.Duration | Should -BeLessThan ($assert.Duration - 25)
        $profiled | Should -Contain 'caught: bad item'
    }

    It 'keeps a pipeline inside a function that is itself piped apart' {
        $part = $timings | Where-Object NodeId -eq 'Get-Part'
        $convert = $timings | Where-Object NodeId -eq 'Convert-Part'
        $inner = $timings | Where-Object NodeId -eq 'Invoke-Inner'
        $save = $timings | Where-Object NodeId -eq 'Save-Part'
        $part.ParentSequence | Should -Be $inner.Sequence
        $convert.ParentSequence | Should -Be $inner.Sequence
        $part.Duration | Should -BeGreaterOrEqual 40
        $convert.Duration | Should -BeGreaterOrEqual 20
        $save.Duration | Should -BeGreaterOrEqual 30
        # Get-Part keeps its own 40 ms; Convert-Part's and Save-Part's blocks ran inside its output calls and are theirs.
        $statement = & $step 'L*Invoke-Inner | Save-Part'
        $save.ParentSequence | Should -Be $statement.Sequence
        $part.Duration + $convert.Duration | Should -BeLessOrEqual ($inner.Duration + 0.01)
        $inner.Duration + $save.Duration | Should -BeLessOrEqual ($statement.Duration + 0.01)
        $inner.SelfDuration | Should -BeLessThan 10
    }

    It 'records a function stopped by a downstream Select-Object -First as Stopped' {
        $lines = $timings | Where-Object NodeId -eq 'Get-Line'
        $lines.Status | Should -Be 'Stopped'
        $lines.Duration | Should -BeLessThan 50
    }
}

Describe 'Measure-WorkflowScript ended early from outside, or by a runtime error' {
    BeforeAll {
        $script:temp = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
        $script:divide = Join-Path $temp 'divide.ps1'
        Set-Content $divide -Value "`$ok = 1`n`$x = 1 / 0"
        $script:lines = Join-Path $temp 'lines.ps1'
        Set-Content $lines -Value "function Get-Line { foreach (`$i in 1..50) { `$i; Start-Sleep -Milliseconds 2 } }`nGet-Line"
        $script:quits = Join-Path $temp 'quits.ps1'
        Set-Content $quits -Value @'
function Wait-Busy([int] $Milliseconds) { $sw = [Diagnostics.Stopwatch]::StartNew(); while ($sw.ElapsedMilliseconds -lt $Milliseconds) { } }
function Get-Number { 1; 2; 3 }
function Test-Number { process { Wait-Busy 30; if ($_ -eq 2) { exit 3 }; "n$_" } }
Get-Number | Test-Number
'@
    }
    AfterAll {
        Remove-Item $temp -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'lets a caller''s catch see the runtime error as a direct run gives it: its id, file and line' {
        $seen = Invoke-Fresh $divide @'
try { & $path } catch { "$($_.FullyQualifiedErrorId) $(Split-Path -Leaf $_.InvocationInfo.ScriptName):$($_.InvocationInfo.ScriptLineNumber)" }
try { Measure-WorkflowScript -Path $path -WorkflowId divide } catch { "$($_.FullyQualifiedErrorId) $(Split-Path -Leaf $_.InvocationInfo.ScriptName):$($_.InvocationInfo.ScriptLineNumber)" }
'@
        $seen[0] | Should -Be 'RuntimeException divide.ps1:2'
        $seen[1] | Should -Be $seen[0]
    }

    It 'gives a downstream function that exits its own time, and the upstream one none of it' {
        $timings = Invoke-Fresh $quits @'
$null = Start-WorkflowProfile -WorkflowId outer
$null = Measure-WorkflowScript -Path $path
if ($LASTEXITCODE -ne 3) { throw "exit code $LASTEXITCODE" }
Get-NodeTiming -WorkflowId outer
'@
        $test = $timings | Where-Object NodeId -eq 'Test-Number'
        $get = $timings | Where-Object NodeId -eq 'Get-Number'
        $test.Status | Should -Be 'Failed'
        $test.Duration | Should -BeGreaterOrEqual 60
        $get.Duration | Should -BeLessThan ($test.Duration - 50)
        foreach ($t in $timings) {
            $children = ($timings | Where-Object ParentSequence -eq $t.Sequence | Measure-Object -Property Duration -Sum).Sum
            [math]::Abs($t.Duration - $t.SelfDuration - $children) | Should -BeLessThan 0.01 -Because "$($t.NodeId) must hold its children"
        }
    }

    It 'judges calls that exit <Code> ends under a finally by that code (<Status>)' -ForEach @(
        @{ Code = 7; Status = 'Failed' }
        @{ Code = 0; Status = 'Succeeded' }
    ) {
        $path = Join-Path $temp "finally$Code.ps1"
        Set-Content $path -Value @"
function Get-Number { 1; 2; 3 }
function Stop-AtTwo { process { if (`$_ -eq 2) { exit $Code }; "n`$_" } }
try { Get-Number | Stop-AtTwo } finally { 'finally ran' }
"@
        $out = Invoke-Fresh $path @'
$null = Start-WorkflowProfile -WorkflowId outer
$lines = Measure-WorkflowScript -Path $path
"$lines exit $LASTEXITCODE"
Get-NodeTiming -WorkflowId outer | Where-Object NodeId -eq 'Stop-AtTwo' | ForEach-Object Status
'@
        $out[0] | Should -Be "n1 finally ran exit $Code"
        $out[1] | Should -Be $Status
    }

    It 'records the script''s open calls Stopped when a downstream Select-Object -First stops it' {
        $timings = Invoke-Fresh $lines @'
$null = Start-WorkflowProfile -WorkflowId outer
$first = Measure-WorkflowScript -Path $path | Select-Object -First 2
if ("$first" -ne '1 2') { throw "got $first" }
Get-NodeTiming -WorkflowId outer
'@
        $timings.NodeId | Should -Be @('Get-Line', 'L2 Get-Line')
        $timings.Status | Sort-Object -Unique | Should -Be 'Stopped'
    }
}
