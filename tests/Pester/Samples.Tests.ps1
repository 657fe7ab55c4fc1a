# The samples run as shipped, each in a fresh pwsh (the tool from .config/dotnet-tools.json, started from the
# repository root): samples/demo.ps1 and the Pester gates in samples/Build.Tests.ps1.
BeforeAll {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $manifest = Join-Path $repo 'output/Profiler.PS/Profiler.PS.psd1'
    function Invoke-FreshPwsh([string] $Command) {
        Push-Location $repo
        try {
            $text = & dotnet tool run pwsh -- -NoProfile -NonInteractive -Command $Command 2>&1 | Out-String
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $text }
        }
        finally { Pop-Location }
    }
}

Describe 'samples/demo.ps1' {
    It 'answers the three questions: slowest steps, this run slower than usual, where to look first' {
        $r = Invoke-FreshPwsh "`$PSStyle.OutputRendering = 'PlainText'; Import-Module '$manifest' -ErrorAction Stop; & ./samples/demo.ps1"
        $r.ExitCode | Should -Be 0 -Because $r.Text
        $r.Text | Should -Match ">> run 6 : 'test' took [\d,]+ ms, far above its usual time"
        $r.Text | Should -Match 'Heatmap: Nightly build'
        $r.Text | Should -Match '(?m)^\s*2\s.*\bslow\s+test\s*$'   # the id comes last in the 80-column view
        $r.Text | Should -Match '(?m)^Slower\s.*\stest\s*$'
        $r.Text | Should -Match 'Where to look first: nightly\s+Rank Kind'
        $r.Text | Should -Match '(?m)^\s+1 Regression\s+3,080\.5 test\s+median 6,195 ms in run 6'
    }
}

Describe 'samples/Build.Tests.ps1' {
    It 'passes as shipped when Invoke-Pester runs it' {
        $pester = (Get-Module Pester).Path
        $r = Invoke-FreshPwsh "Import-Module '$pester'; `$r = Invoke-Pester ./samples/Build.Tests.ps1 -PassThru -Output None; `$r.Failed | ForEach-Object { 'FAILED ' + `$_.ExpandedPath + ': ' + `$_.ErrorRecord[0] }; 'passed=' + `$r.PassedCount + ' failed=' + `$r.FailedCount; exit `$r.FailedCount"
        $r.ExitCode | Should -Be 0 -Because $r.Text
        $r.Text | Should -Match 'passed=[1-9]\d* failed=0'
    }
}
