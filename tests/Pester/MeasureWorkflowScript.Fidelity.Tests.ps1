# Measure-WorkflowScript side by side with a direct run, in a real pwsh child process: exit codes and the statuses
# they give, the error text pwsh prints (ConciseView and NormalView), and the fallback taken when PowerShell has no
# private member to run the rewritten script as its file.
BeforeAll {
    $script:module = Join-Path $PSScriptRoot '../../output/Profiler.PS/Profiler.PS.psd1'
    $script:temp = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    $script:pwsh = Join-Path $PSHOME 'pwsh'

    Set-Content (Join-Path $temp 'lib.ps1') -Value @'
function Invoke-LibFail { Get-Item -LiteralPath '/no/such/lib-file' }
'@
    $script:errors = Join-Path $temp 'errors.ps1'
    Set-Content $errors -Value @'
param($Mode = 'none')
function Invoke-Fail { Get-Item -LiteralPath '/no/such/file'; 'after' }
function Get-Value { if ($Mode -eq 'value') { return (1 / $null.Nope) } 'v' }
. "$PSScriptRoot/lib.ps1"
Invoke-Fail
Get-Item -LiteralPath '/no/such/top-level'
Invoke-LibFail
try { [int]::Parse('x') } catch { "caught $($_.FullyQualifiedErrorId)" } finally { 'finally' }
if ($Mode -eq 'exit') { exit 3 }
if ($Mode -eq 'exit0') { exit 0 }
if ($Mode -eq 'native') { & (Join-Path $PSHOME 'pwsh') -NoProfile -c 'exit 4' }
if ($Mode -eq 'throw') { throw "thrown at line 12" }
'@

    # Runs the script directly and profiled in one child pwsh, with $ErrorView set: each run's rendered streams and
    # errors (plain text), $LASTEXITCODE, and the profiled steps' statuses.
    function Invoke-Child([string] $Mode, [string] $View, [switch] $Fallback) {
        $child = @'
param($module, $path, $mode, $view, $fallback)
Import-Module $module
if ($fallback) { [Profiler.PS.ScriptProbe].Assembly.GetType('Profiler.PS.Scripts.ScriptSource').GetField('ScriptFileCommandDisabled', 'NonPublic,Static').SetValue($null, $true) }
$PSStyle.OutputRendering = 'PlainText'
$ErrorView = $view
$render = { param($run) $records = [Collections.Generic.List[object]]::new(); try { & $run *>&1 | ForEach-Object { $records.Add($_) } } catch { $records.Add($_) }; $records | Out-String -Width 200 }
$direct = & $render { & $path -Mode $mode }
$directCode = $LASTEXITCODE; $global:LASTEXITCODE = $null
$profiled = & $render { Measure-WorkflowScript $path -ArgumentList @{ Mode = $mode } -WorkflowId fidelity }
[pscustomobject]@{
    Direct = $direct; Profiled = $profiled; DirectCode = $directCode; ProfiledCode = $LASTEXITCODE
    Positions = @($Error | ForEach-Object { $_.InvocationInfo.PositionMessage })
    Steps = @(Get-NodeStatistics -WorkflowId fidelity | ForEach-Object { "$($_.NodeId)=$(if ($_.AllTimeFailedCount) { 'Failed' } else { 'Succeeded' })" })
} | ConvertTo-Json -Depth 3
'@
        $file = Join-Path $temp "child-$([guid]::NewGuid()).ps1"
        Set-Content $file -Value $child
        $json = & $pwsh -NoProfile -NonInteractive -File $file $module $errors $Mode $View $Fallback.IsPresent
        $json | ConvertFrom-Json
    }
}

AfterAll {
    Remove-Item $script:temp -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Measure-WorkflowScript keeps a direct run''s exit code and records it' {
    It 'leaves $LASTEXITCODE as a direct run does and records the last step <Status> for <Mode>' -ForEach @(
        @{ Mode = 'exit'; Code = 3; Status = 'Failed'; Step = 'L9 ' }
        @{ Mode = 'exit0'; Code = 0; Status = 'Succeeded'; Step = 'L10 ' }
        @{ Mode = 'native'; Code = 4; Status = 'Failed'; Step = 'L11 ' }
    ) {
        $r = Invoke-Child -Mode $Mode -View ConciseView
        $r.ProfiledCode | Should -Be $Code
        $r.ProfiledCode | Should -Be $r.DirectCode
        $r.Profiled | Should -BeExactly $r.Direct
        $r.Steps | Where-Object { $_.StartsWith($Step) } | Should -Match "=$Status`$"
    }
}

Describe 'Measure-WorkflowScript errors show the user''s code, file and line' {
    It 'prints the same error text as a direct run in <View> (functions, top level, dot-sourced file, catch, throw)' -ForEach @(
        @{ View = 'ConciseView' }
        @{ View = 'NormalView' }
    ) {
        $r = Invoke-Child -Mode throw -View $View
        $r.Direct | Should -Match 'no/such/file'
        $r.Direct | Should -Match 'lib\.ps1'
        $r.Direct | Should -Match 'thrown at line 12'
        $r.Profiled | Should -BeExactly $r.Direct
        $r.Profiled | Should -Not -Match '__pp'
    }

    It 'gives every error the PositionMessage of the direct run' {
        $r = Invoke-Child -Mode throw -View NormalView
        $r.Positions.Count | Should -BeGreaterThan 4
        # $Error holds the profiled run's errors first, then the direct run's: the same list twice.
        $half = $r.Positions.Count / 2
        $r.Positions[0..($half - 1)] | Should -Be $r.Positions[$half..($r.Positions.Count - 1)]
        $r.Positions | Should -Not -Match '__pp'
        @($r.Positions -match 'errors\.ps1:12 char:26').Count | Should -Be 2
        @($r.Positions -match 'lib\.ps1:1 char:27').Count | Should -Be 2
    }
}

Describe 'Measure-WorkflowScript names the caller''s line where a direct run would' {
    It 'gives a top-level Write-Error the line that called Measure-WorkflowScript, as a direct run gives the line that called the script' {
        $path = Join-Path $temp 'write-error.ps1'
        Set-Content $path -Value "Write-Error 'top-level failure'"
        $out = & $pwsh -NoProfile -NonInteractive -c "Import-Module '$module'; `$PSStyle.OutputRendering = 'PlainText'; `$ErrorView = 'ConciseView'
Measure-WorkflowScript '$path' -WorkflowId write-error 2>&1 | Out-String -Width 200
`$Error[0].InvocationInfo.Line; `$Error[0].InvocationInfo.ScriptLineNumber"
        $text = $out -join "`n"
        $text | Should -Match 'top-level failure'
        $out[-2] | Should -BeExactly "Measure-WorkflowScript '$path' -WorkflowId write-error 2>&1 | Out-String -Width 200"
        $out[-1] | Should -Be 2
        $text | Should -Not -Match '__pp'
    }
}

Describe 'Measure-WorkflowScript and PowerShell 7.3''s clean block, which the 5.1 syntax-tree constructors cannot carry' {
    It 'runs a function with a clean block untimed and whole, and refuses a script with its own clean block before running it' {
        Import-Module $module -Force
        $marker = Join-Path $temp 'cleaned.txt'
        $path = Join-Path $temp 'clean-function.ps1'
        Set-Content $path -Value "function Use-Clean { process { `"p `$_`" } clean { Set-Content '$marker' 'yes' } }`n1, 2 | Use-Clean"
        Measure-WorkflowScript $path -WorkflowId clean-function | Should -Be 'p 1', 'p 2'
        Get-Content $marker | Should -Be 'yes'
        (Get-NodeStatistics -WorkflowId clean-function).NodeId | Should -Be 'L2 1, 2 | Use-Clean'
        $script = Join-Path $temp 'clean-script.ps1'
        Set-Content $script -Value "process { 'ran' }`nclean { 'clean' }"
        { Measure-WorkflowScript $script -WorkflowId clean-script } | Should -Throw -ErrorId 'MeasureWorkflowScriptRewriteFailed,Profiler.PS.Commands.MeasureWorkflowScriptCommand'
    }
}

Describe 'Measure-WorkflowScript without the private member it uses to run a script as its file' {
    It 'runs the script block instead: same output, errors and exit code, and the caller goes on after exit 3' {
        $r = Invoke-Child -Mode exit -View ConciseView -Fallback
        $r.ProfiledCode | Should -Be 3
        $r.Profiled | Should -BeExactly $r.Direct
        $r.Steps | Should -Contain 'L9 if ($Mode -eq ''exit'') { exit 3 }=Failed'
    }
}
