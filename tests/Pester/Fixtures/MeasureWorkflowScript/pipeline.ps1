# Functions in pipelines, the way build scripts chain them: each command's blocks run inside the upstream command's
# output call. Busy waits, not sleeps, so each block's time is its own at any machine load.
function Wait-Busy([int] $Milliseconds) { $sw = [Diagnostics.Stopwatch]::StartNew(); while ($sw.ElapsedMilliseconds -lt $Milliseconds) { } }
function Get-Artifact {
    param([Parameter(ValueFromPipeline)] $Name)
    begin { $count = 0; Wait-Busy 5 }
    process { $count++; "$Name.zip"; Wait-Busy 20 }
    end { "manifest of $count"; Wait-Busy 5 }
}
function Publish-Artifact {
    param([Parameter(ValueFromPipeline)] $Path)
    process { Wait-Busy 10; "published $Path" }
}
filter Get-Size { Wait-Busy 5; "$_ : $($_.Length)" }
function Get-Line { foreach ($i in 1..100) { "line $i"; Wait-Busy 1 } }
'app', 'lib', 'docs' | Get-Artifact | Publish-Artifact
'a', 'bb' | Get-Size | Get-Size
Get-Line | Select-Object -First 2
# A downstream function that fails part-way, caught by the script; nested pipelines inside a pipeline.
function Assert-Item { param([Parameter(ValueFromPipeline)] $Item) process { Wait-Busy 10; if ($Item -eq 'c') { throw 'bad item' }; $Item } }
function Get-Letter { 'a'; 'b'; 'c' }
try { Get-Letter | Assert-Item } catch { "caught: $_" }
function Get-Part { Wait-Busy 20; 1; Wait-Busy 20; 2 }
function Convert-Part { process { Wait-Busy 10; $_ } }
function Invoke-Inner { Get-Part | Convert-Part }
function Save-Part { process { Wait-Busy 15; "saved $_" } }
Invoke-Inner | Save-Part
