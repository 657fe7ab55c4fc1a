# Measure-WorkflowScript in a real shell: real scripts run side by side with and without the profiler must give the
# same output, streams, error positions and exit codes, and their steps and calls must land in the workflow's history.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1') -Force
    $script:fixtures = Join-Path $PSScriptRoot 'Fixtures/MeasureWorkflowScript'
    $script:temp = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))

    # One line per record of every stream, with what tells errors apart: id, file and line.
    $script:converter = {
        param([Parameter(ValueFromPipeline)] $Record)
        process {
            $where = { param($i) if ($i -and $i.ScriptName) { "$(Split-Path -Leaf $i.ScriptName):$($i.ScriptLineNumber)" } else { '(no script)' } }
            switch ($Record) {
                { $_ -is [System.Management.Automation.ErrorRecord] } { "error: $($_.FullyQualifiedErrorId) at $(& $where $_.InvocationInfo): $_"; break }
                { $_ -is [System.Management.Automation.WarningRecord] } { "warning: $($_.Message)"; break }
                { $_ -is [System.Management.Automation.VerboseRecord] } { "verbose: $($_.Message)"; break }
                { $_ -is [System.Management.Automation.InformationRecord] } { "information: $($_.MessageData)"; break }
                default { "output: $_" }
            }
        }
    }

    # Runs $Script at the top level of a fresh runspace with the module imported: no enclosing try (as in Pester's
    # tests) changes how the script's statement-terminating errors behave. Returns the lines written, $LASTEXITCODE
    # and the error that ended the script, if any.
    function Invoke-Fresh([string] $Script, [hashtable] $Variables = @{}) {
        $ps = [powershell]::Create()
        try {
            $module = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
            # Defined from its text: a script block made in this runspace would run back in this one (which is busy
            # waiting for Invoke), costing about a second for every line converted.
            $null = $ps.AddScript("Import-Module '$module'; `${function:ConvertTo-StreamLine} = [scriptblock]::Create(`$args[0])").AddArgument($converter.ToString()).Invoke()
            $ps.Commands.Clear()
            foreach ($name in $Variables.Keys) { $ps.Runspace.SessionStateProxy.SetVariable($name, $Variables[$name]) }
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $thrown = $null
            try { $ps.AddScript($Script).Invoke($null, $output) }
            catch { $thrown = $_.Exception.InnerException.ErrorRecord }
            [pscustomobject]@{
                Lines    = @($output | ForEach-Object { "$_" })
                ExitCode = $ps.Runspace.SessionStateProxy.GetVariable('LASTEXITCODE')
                Thrown   = if ($thrown) { "$($thrown.FullyQualifiedErrorId) at $($thrown.InvocationInfo.ScriptName):$($thrown.InvocationInfo.ScriptLineNumber): $thrown" }
                Errors   = @($ps.Runspace.SessionStateProxy.GetVariable('Error') | ForEach-Object FullyQualifiedErrorId)
            }
        }
        finally { $ps.Dispose() }
    }

    # The script run directly (& path @arguments) and profiled, each in a fresh runspace.
    function Invoke-SideBySide {
        param([string] $Path, $Arguments = @{}, [string] $WorkflowId = 'side-by-side', [int] $Depth = 3)
        $variables = @{ path = $Path; arguments = $Arguments; workflowId = $WorkflowId; depth = $Depth }
        @{
            Direct   = Invoke-Fresh '& $path @arguments *>&1 | ConvertTo-StreamLine' $variables
            Profiled = Invoke-Fresh 'Measure-WorkflowScript -Path $path -ArgumentList $arguments -WorkflowId $workflowId -Depth $depth *>&1 | ConvertTo-StreamLine' $variables
        }
    }

    # Node timings of one profiled run, recorded into an outer run of a fresh runspace so Get-NodeTiming can read them.
    function Get-RunTimings([string] $Call, [hashtable] $Variables = @{}) {
        $ps = [powershell]::Create()
        try {
            $module = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            foreach ($name in $Variables.Keys) { $ps.Runspace.SessionStateProxy.SetVariable($name, $Variables[$name]) }
            $null = $ps.AddScript("Import-Module '$module'; Start-WorkflowProfile -WorkflowId outer").Invoke()
            $ps.Commands.Clear()
            $null = $ps.AddScript("`$null = $Call *>&1").Invoke()
            $ps.Commands.Clear()
            $ps.AddScript('Get-NodeTiming -WorkflowId outer').Invoke()
        }
        finally { $ps.Dispose() }
    }
}

AfterAll {
    Remove-Item $script:temp -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Measure-WorkflowScript runs a script as when run directly' {
    It 'gives the same output, streams, error positions and exit code for a script with every construct (<Name>)' -ForEach @(
        @{ Name = 'defaults'; Arguments = @{} }
        @{ Name = 'named and switch'; Arguments = @{ Name = 'Ada'; Loud = $true; ExitCode = 7 } }
        @{ Name = 'positional'; Arguments = @('Grace') }
    ) {
        $both = Invoke-SideBySide -Path (Join-Path $fixtures 'everything.ps1') -Arguments $Arguments
        $both.Profiled.Lines | Should -Be $both.Direct.Lines
        $both.Profiled.Errors | Should -Be $both.Direct.Errors
        $both.Profiled.ExitCode | Should -Be $both.Direct.ExitCode
        $both.Profiled.Thrown | Should -Be $both.Direct.Thrown
        $both.Direct.Lines | Should -Contain 'output: factorial 5 = 120'
        $both.Direct.Lines | Should -Contain 'output: trapped: Attempted to divide by zero.'
        $both.Direct.Lines | Should -Contain ('output: root=' + $fixtures + ' file=everything.ps1 command=everything.ps1 type=ExternalScript')
    }

    It 'keeps the exit code of a script that exits' {
        $both = Invoke-SideBySide -Path (Join-Path $fixtures 'everything.ps1') -Arguments @{ ExitCode = 4 }
        $both.Direct.ExitCode | Should -Be 4
        $both.Profiled.ExitCode | Should -Be 4
    }

    It 'runs a deployment script with dot-sourced helpers and a called step script the same way (<Name>)' -ForEach @(
        @{ Name = 'succeeds'; Arguments = @{ Environment = 'prod'; Version = '2.1.0' } }
        @{ Name = 'fails in the called script'; Arguments = @{ FailPackage = $true } }
        @{ Name = 'rejects a bad argument'; Arguments = @{ Environment = 'qa' } }
    ) {
        $both = Invoke-SideBySide -Path (Join-Path $fixtures 'deploy.ps1') -Arguments $Arguments
        $both.Profiled.Lines | Should -Be $both.Direct.Lines
        # Known difference: an error raised by binding the script's arguments is re-labelled with this cmdlet's name.
        ($both.Profiled.Errors -replace ',.*') | Should -Be ($both.Direct.Errors -replace ',.*')
        $both.Profiled.Thrown | Should -Be $both.Direct.Thrown
    }

    It 'runs using namespace, #requires, classes, DATA sections and strict mode Latest correctly' {
        $both = Invoke-SideBySide -Path (Join-Path $fixtures 'modern.ps1') -Arguments @{ Count = 4 }
        $both.Direct.Lines | Should -Be @('output: total 10', 'output: all done')
        $both.Profiled.Lines | Should -Be $both.Direct.Lines
    }

    It 'runs classes with constructors, overloads and a base constructor call as when run directly' {
        $both = Invoke-SideBySide -Path (Join-Path $fixtures 'classes.ps1')
        $both.Direct.Lines | Should -Be @('output: 7', 'output: 4', 'output: 5', 'output: 6', 'output: hi q')
        $both.Profiled.Lines | Should -Be $both.Direct.Lines
    }

    It 'runs a script with dynamicparam and named blocks correctly' {
        $both = Invoke-SideBySide -Path (Join-Path $fixtures 'dynamic.ps1') -Arguments @{ Mode = 'fast'; Extra = 'x' }
        $both.Direct.Lines | Should -Be @('output: mode fast', 'output: extra x')
        $both.Profiled.Lines | Should -Be $both.Direct.Lines
    }

    It 'runs the repository''s build.ps1 with an unknown task exactly as it runs itself (a message and exit code 2)' {
        $both = Invoke-SideBySide -Path (Join-Path $PSScriptRoot '../../build.ps1') -Arguments @{ Task = 'NoSuchTask' }
        $both.Direct.ExitCode | Should -Be 2
        $both.Direct.Lines | Should -Contain "information: Unknown task 'NoSuchTask'. Valid tasks: Build, Test, Demo, Package, Clean."
        $both.Profiled.Lines | Should -Be $both.Direct.Lines
        $both.Profiled.ExitCode | Should -Be 2
        $both.Profiled.Thrown | Should -Be $both.Direct.Thrown
    }

    It 'leaves the script file and later direct runs untouched' {
        $path = Join-Path $fixtures 'everything.ps1'
        $before = Get-FileHash $path
        $null = Invoke-Fresh 'Measure-WorkflowScript -Path $path -WorkflowId untouched *>&1' @{ path = $path }
        (Get-FileHash $path).Hash | Should -Be $before.Hash
        (Invoke-Fresh '& $path *>&1 | ConvertTo-StreamLine' @{ path = $path }).Lines -join "`n" | Should -Not -Match '__pp'
    }
}

Describe 'Measure-WorkflowScript records the script''s steps and calls' {
    It 'records top-level statements by line and text, and function calls nested under their caller' {
        $timings = Get-RunTimings 'Measure-WorkflowScript -Path $path -ArgumentList @{ Environment = ''prod'' }' @{ path = Join-Path $fixtures 'deploy.ps1' }
        $byId = $timings | Group-Object NodeId -AsHashTable -AsString
        $byId.Keys | Should -Contain 'L13 Write-Stage "Deploying $Version to $Environment"'
        @($byId['Publish-Artifact']).Count | Should -Be 3
        $byId['Publish-Artifact'] | ForEach-Object { $_.ParentId | Should -Be 'L17 foreach ($server in $settings.Servers) {' }
        $byId['New-Package'].ParentId | Should -Be 'steps/package.ps1'
        $byId['steps/package.ps1'].ParentId | Should -Be 'L15 $artifact = & "$PSScriptRoot/steps/package.ps1" -Version ...'
        $byId['steps/helpers.ps1'].ParentId | Should -Be 'L11 . "$PSScriptRoot/steps/helpers.ps1"'
        foreach ($t in $timings) {
            $children = @($timings | Where-Object { $_.ParentId -eq $t.NodeId -and $_.ParentSequence -eq $t.Sequence })
            $t.SelfDuration + ($children | Measure-Object Duration -Sum).Sum | Should -BeGreaterOrEqual ($t.Duration - 0.001)
            $t.SelfDuration + ($children | Measure-Object Duration -Sum).Sum | Should -BeLessOrEqual ($t.Duration + 0.001)
        }
    }

    It 'times only statements at -Depth 1, and no called script at -Depth 2' {
        $one = Get-RunTimings 'Measure-WorkflowScript -Path $path -Depth 1' @{ path = Join-Path $fixtures 'deploy.ps1' }
        $one.NodeType | Sort-Object -Unique | Should -Be 'statement'
        $two = Get-RunTimings 'Measure-WorkflowScript -Path $path -Depth 2' @{ path = Join-Path $fixtures 'deploy.ps1' }
        $two.NodeId | Should -Not -Contain 'steps/package.ps1'
        $two.NodeId | Should -Not -Contain 'New-Package'
    }

    It 'records recursion as nested calls and a failing call and statement as Failed' {
        $timings = Get-RunTimings 'Measure-WorkflowScript -Path $path' @{ path = Join-Path $fixtures 'everything.ps1' }
        @($timings | Where-Object NodeId -eq 'Get-Factorial').Count | Should -Be 5
        ($timings | Where-Object NodeId -eq 'Invoke-Throwing').Status | Should -Be 'Failed'
        ($timings | Where-Object NodeId -eq 'Invoke-Failing').Status | Should -Be 'Succeeded'
        ($timings | Where-Object NodeId -like "L*Write-Error 'a non-terminating error'").Status | Should -Be 'Failed'
        ($timings | Where-Object NodeId -eq 'Invoke-Inner').ParentId | Should -Be 'Invoke-Outer'
    }

    It 'records a statement that silences its own errors Succeeded, and one that does not Failed' {
        $path = Join-Path $temp 'idioms.ps1'
        $missing = Join-Path $temp 'no-such-item'
        . (Join-Path $PSScriptRoot 'Fixtures/ChildPwsh.ps1')   # $pwsh, $pwshPrefix: a native program that exits 3
        $native = "& '$pwsh' " + (($pwshPrefix | ForEach-Object { "'$_'" }) -join ' ') + " -NoProfile -NonInteractive -Command 'exit 3' 2>`$null"
        Set-Content -LiteralPath $path -Value @"
Remove-Item '$missing' -Recurse -ErrorAction SilentlyContinue
Get-Item '$missing' 2>`$null
`$found = Get-Item '$missing' -EA 0
Get-Item '$missing' | Remove-Item -ErrorAction Ignore
Remove-Item '$missing'
'done'
Remove-Item '$missing' -ErrorAction SilentlyContinue | Out-Null
Get-Item '$missing' | Select-Object -First 1
$native
try { Get-Item '$missing' -ErrorAction Stop } catch { }
try { $native } catch { }
"@
        $timings = Get-RunTimings 'Measure-WorkflowScript -Path $path' @{ path = $path }
        ($timings | Where-Object NodeId -like 'L1 *').Status | Should -Be 'Succeeded'
        ($timings | Where-Object NodeId -like 'L2 *').Status | Should -Be 'Succeeded'
        ($timings | Where-Object NodeId -like 'L3 *').Status | Should -Be 'Succeeded'
        # Get-Item does not silence its error, so the statement failed although Remove-Item would have.
        ($timings | Where-Object NodeId -like 'L4 *').Status | Should -Be 'Failed'
        ($timings | Where-Object NodeId -like 'L5 *').Status | Should -Be 'Failed'
        ($timings | Where-Object NodeId -like 'L6 *').Status | Should -Be 'Succeeded'
        # Out-Null and Select-Object only pass on what they get: the command before them decides.
        ($timings | Where-Object NodeId -like 'L7 *').Status | Should -Be 'Succeeded'
        ($timings | Where-Object NodeId -like 'L8 *').Status | Should -Be 'Failed'
        # 2>$null hides a native program's error output, not its exit code.
        ($timings | Where-Object NodeId -like 'L9 *').Status | Should -Be 'Failed'
        # An empty catch handled the error on purpose ($? is false only because the catch ran nothing).
        ($timings | Where-Object NodeId -like 'L10 *').Status | Should -Be 'Succeeded'
        # An empty catch does not hide a failure that never threw (a native exit code): only -ErrorAction Stop errors.
        ($timings | Where-Object NodeId -like 'L11 *').Status | Should -Be 'Failed'
    }

    It 'records the run when the script throws, every open node Failed, and throws the script''s error unchanged' {
        $marker = Join-Path $temp 'marker.txt'
        { Measure-WorkflowScript -Path (Join-Path $fixtures 'failing.ps1') -ArgumentList @{ Marker = $marker } -WorkflowId failing } |
            Should -Throw -ExpectedMessage 'the build failed here'
        try { Measure-WorkflowScript -Path (Join-Path $fixtures 'failing.ps1') -ArgumentList @{ Marker = $marker } -WorkflowId failing } catch { $err = $_ }
        $err.InvocationInfo.ScriptLineNumber | Should -Be 4
        $err.InvocationInfo.ScriptName | Should -Be (Join-Path $fixtures 'failing.ps1')
        Test-Path $marker | Should -BeFalse
        $stats = Get-NodeStatistics -WorkflowId failing
        ($stats | Where-Object NodeId -eq 'Stop-Build').AllTimeFailedCount | Should -Be 2
        (Get-WorkflowProfile -WorkflowId failing).RunCount | Should -Be 2
    }

    It 'keeps history in -HistoryPath: a run per invocation, readable by a new session' {
        $history = Join-Path $temp 'history'
        foreach ($i in 1..3) { $null = Measure-WorkflowScript -Path (Join-Path $fixtures 'deploy.ps1') -WorkflowId deploy-history -HistoryPath $history *>&1 }
        (Get-WorkflowProfile -WorkflowId deploy-history).RunCount | Should -Be 3
        $fresh = Invoke-Fresh 'Start-WorkflowProfile -WorkflowId deploy-history -HistoryPath $history; (Get-WorkflowProfile -WorkflowId deploy-history).RunCount' @{ history = $history }
        $fresh.Lines | Should -Be '3'
    }

    It 'writes the profile with -PassThru and profiles a script block' {
        $out = Measure-WorkflowScript -ScriptBlock { function Get-Two { 2 }; Get-Two; 'x' } -WorkflowId block -PassThru
        $out[0] | Should -Be 2
        $out[1] | Should -Be 'x'
        $out[2] | Should -BeOfType ([Profiler.PS.WorkflowPerformanceProfile])
        ($out[2].NodeData | Where-Object NodeId -eq 'Get-Two').ExecutionCount | Should -Be 1
    }

    It 'times the functions of a script block that dot-sources a script (the issue''s example)' {
        Push-Location (Join-Path $fixtures 'steps')
        try {
            $out = Measure-WorkflowScript -ScriptBlock { . ./helpers.ps1; Publish-Artifact -Server s1 -Artifact a.zip } -WorkflowId deploy-block -PassThru
        }
        finally { Pop-Location }
        $out[0] | Should -Be 'published to s1'
        $out[-1].NodeData.NodeId | Should -Contain 'Publish-Artifact'
    }
}

Describe 'Measure-WorkflowScript refuses bad input before running anything' {
    It 'fails with <ErrorId> for <Name>' -ForEach @(
        @{ Name = 'a missing path'; ErrorId = 'MeasureWorkflowScriptPathNotFound'; Call = { Measure-WorkflowScript -Path (Join-Path $temp 'missing.ps1') } }
        @{ Name = 'a missing literal path'; ErrorId = 'MeasureWorkflowScriptPathNotFound'; Call = { Measure-WorkflowScript -LiteralPath (Join-Path $temp 'missing[1].ps1') } }
        @{ Name = 'a null script block'; ErrorId = 'MeasureWorkflowScriptNullScriptBlock'; Call = { Measure-WorkflowScript -ScriptBlock $null } }
        @{ Name = 'a module'; ErrorId = 'MeasureWorkflowScriptNotAScript'; Call = { Set-Content (Join-Path $temp 'm.psm1') 'function f {}'; Measure-WorkflowScript -Path (Join-Path $temp 'm.psm1') } }
        @{ Name = 'a data file'; ErrorId = 'MeasureWorkflowScriptNotAScript'; Call = { Set-Content (Join-Path $temp 'd.psd1') '@{}'; Measure-WorkflowScript -Path (Join-Path $temp 'd.psd1') } }
        @{ Name = 'several files'; ErrorId = 'MeasureWorkflowScriptAmbiguousPath'; Call = { Measure-WorkflowScript -Path (Join-Path $fixtures '*.ps1') } }
    ) {
        $err = $null
        try { & $Call } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    }

    It 'reports every parse error with its position and runs nothing' {
        $marker = Join-Path $temp 'parse-marker.txt'
        $path = Join-Path $temp 'broken.ps1'
        Set-Content $path -Value "Set-Content -LiteralPath '$marker' -Value ran`nfunction f( {`n`$x = (1 +"
        $err = $null
        try { Measure-WorkflowScript -Path $path } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'MeasureWorkflowScriptParseError,*'
        $err.Exception.Errors.Count | Should -BeGreaterThan 0
        $err.ErrorDetails.Message | Should -Match ([regex]::Escape("${path}:2:"))
        Test-Path $marker | Should -BeFalse
    }
}
