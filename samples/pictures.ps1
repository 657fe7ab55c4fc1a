# Makes the README's pictures from the module's own output:
#   docs/images/heatmap-terminal.png  Show-Heatmap in 24-bit colour, drawn as a terminal would
#   docs/images/heatmap-report.png    the page Export-WorkflowReport writes
# Run from the repository root (needs the .NET SDK and Chromium, e.g. Debian's `chromium` package):
#   dotnet pwsh -c 'Import-Module ./output/Profiler.PS; ./samples/pictures.ps1'
# The workflow is simulated with a seeded random generator, so the pictures are the same on every machine
# (apart from the report's "generated" time). Set $env:CHROMIUM to use a browser that is not on the PATH.
param([string] $OutputFolder = [System.IO.Path]::Combine($PSScriptRoot, '..', 'docs', 'images'))

$ErrorActionPreference = 'Stop'
$random = [System.Random]::new(7)
$steps = @(
    @{ NodeId = 'restore'; NodeType = 'dotnet'; NodeLabel = 'Restore packages'; Ms = 2400 }
    @{ NodeId = 'compile'; NodeType = 'dotnet'; NodeLabel = 'Compile';          Ms = 5200 }
    @{ NodeId = 'lint';    NodeType = 'script'; NodeLabel = 'Lint';             Ms = 640 }
    @{ NodeId = 'test';    NodeType = 'pester'; NodeLabel = 'Unit tests';       Ms = 3100 }
    @{ NodeId = 'itest';   NodeType = 'pester'; NodeLabel = 'Integration tests'; Ms = 4300 }
    @{ NodeId = 'package'; NodeType = 'zip';    NodeLabel = 'Package';          Ms = 900 }
    @{ NodeId = 'sign';    NodeType = 'tool';   NodeLabel = 'Sign binaries';    Ms = 350 }
    @{ NodeId = 'docs';    NodeType = 'script'; NodeLabel = 'Build docs';       Ms = 700 }
    @{ NodeId = 'publish'; NodeType = 'http';   NodeLabel = 'Publish artifact'; Ms = 1500 }
)
foreach ($run in 1..12) {
    Start-WorkflowProfile -WorkflowId nightly -WorkflowName 'Nightly build'
    $total = 0
    foreach ($step in $steps) {
        $ms = $step.Ms * (0.85 + 0.3 * $random.NextDouble())
        if ($step.NodeId -eq 'compile' -and $run -ge 7) { $ms *= 1.25 }          # a slow drift
        if ($step.NodeId -eq 'test' -and $run -eq 12) { $ms *= 2.3 }            # the last run regresses
        if ($step.NodeId -eq 'docs' -and $run % 4 -eq 0) { continue }          # docs skipped now and then
        Add-NodeTiming -NodeId $step.NodeId -Duration $ms -NodeType $step.NodeType -NodeLabel $step.NodeLabel
        $total += $ms
    }
    $null = Complete-WorkflowProfile -TotalDuration $total
}

$chromium = $env:CHROMIUM
if (-not $chromium) {
    foreach ($name in 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable') {
        $found = Get-Command $name -CommandType Application -ErrorAction SilentlyContinue
        if ($found) { $chromium = @($found)[0].Source; break }
    }
}
if (-not $chromium) { throw 'Chromium was not found: install it (Debian: apt-get install chromium) or set $env:CHROMIUM.' }

$out = [System.IO.Path]::GetFullPath($OutputFolder)
$null = [System.IO.Directory]::CreateDirectory($out)
$work = [System.IO.Directory]::CreateTempSubdirectory('profiler-pictures-').FullName

function Save-Screenshot([string] $Page, [string] $Png, [int] $Width, [int] $Height) {
    & $chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-background-networking `
        --disable-component-update --disable-sync --force-device-scale-factor=1 "--user-data-dir=$work/profile" `
        "--window-size=$Width,$Height" "--screenshot=$Png" ([System.Uri]::new($Page).AbsoluteUri) 2>&1 | Out-Null
    if (-not [System.IO.File]::Exists($Png)) { throw "Chromium wrote no screenshot to $Png." }
    "wrote $Png"
}

# The terminal picture: what Show-Heatmap prints in colour, turned into coloured HTML text.
function ConvertTo-HtmlLine([string] $Line) {
    $text = $Line.Replace('&', '&amp;').Replace('<', '&lt;').Replace('>', '&gt;')
    # A terminal lets a new colour replace the last one; HTML needs each span closed before the next opens.
    $html = [System.Text.StringBuilder]::new()
    $open = $false
    foreach ($token in [regex]::Split($text, "($([char]27)\[[0-9;]*m)")) {
        if ($token.Length -eq 0 -or $token[0] -ne [char]27) { $null = $html.Append($token); continue }
        if ($open) { $null = $html.Append('</span>'); $open = $false }
        $code = $token.Substring(2, $token.Length - 3)
        if ($code -eq '0') { continue }
        $style = if ($code -like '38;2;*') { $c = $code.Split(';'); "style=`"color:rgb($($c[2]),$($c[3]),$($c[4]))`"" }
                 elseif ($code -eq '1;31') { 'class="alert"' } elseif ($code -eq '2') { 'class="dim"' } else { '' }
        $null = $html.Append("<span $style>")
        $open = $true
    }
    if ($open) { $null = $html.Append('</span>') }
    $html.ToString()
}
$PSStyle.OutputRendering = 'Ansi'
$shots = @(
    @{ Command = 'Show-Heatmap'; Rows = Show-Heatmap -WorkflowId nightly }
    @{ Command = 'Show-Heatmap -All -GoodBelow 2000 -BadAbove 10000'; Rows = Show-Heatmap -WorkflowId nightly -All -GoodBelow 2000 -BadAbove 10000 }
)
$body = foreach ($shot in $shots) {
    "<span class=`"prompt`">PS&gt; </span>$($shot.Command)"
    ''
    "   <span class=`"group`">Heatmap: Nightly build</span>"
    ''
    foreach ($row in $shot.Rows) { ConvertTo-HtmlLine ([Profiler.PS.Rendering.HeatmapRenderer]::Format($row, 120, $true)) }
    ''
}
$lines = @($body).Count
$terminal = [System.IO.Path]::Combine($work, 'terminal.html')
[System.IO.File]::WriteAllText($terminal, @"
<!DOCTYPE html><html><head><meta charset="utf-8"><style>
html,body{margin:0;background:#1e1f29}
pre{margin:0;padding:16px 20px;color:#d8dae3;font:14px/1.3 'DejaVu Sans Mono',Menlo,Consolas,monospace}
.prompt{color:#50fa7b}.group{color:#8be9fd}.alert{color:#ff6e6e;font-weight:bold}.dim{color:#8c8fa1}
</style></head><body><pre>$($body -join "`n")</pre></body></html>
"@)
Save-Screenshot $terminal ([System.IO.Path]::Combine($out, 'heatmap-terminal.png')) 1080 ([int](32 + 18.2 * $lines))

# The report picture: the top of the page Export-WorkflowReport writes.
$report = [System.IO.Path]::Combine($work, 'report.html')
Export-WorkflowReport -Path $report -WorkflowId nightly -Title 'Nightly build: performance report' -Force
Save-Screenshot $report ([System.IO.Path]::Combine($out, 'heatmap-report.png')) 1200 1500

[System.IO.Directory]::Delete($work, $true)
