# A real multi-step build, timed with Measure-WorkflowNode: the steps write, hash, sort and compress files,
# so the timings are real (and differ a little from run to run). Only core cmdlets and .NET are used, so it runs
# on Linux, macOS and Windows, in pwsh and Windows PowerShell 5.1. After 'dotnet pwsh ./build.ps1':
#   dotnet pwsh -c 'Import-Module ./output/Profiler.PS; ./samples/build-steps.ps1'
# It builds three times, prints what the profiler learned, then gates the build on samples/budgets.psd1
# (a failed budget ends the script with TestWorkflowBudgetExceeded, which makes CI fail).
param(
    [int] $Runs = 3,
    [string] $BudgetsPath = "$PSScriptRoot/budgets.psd1",
    [switch] $NoReport   # record only; used by samples/Build.Tests.ps1
)

$module = (Get-Module Profiler.PS).Path   # the parallel branches import the module that is loaded here
$random = [System.Random]::new(7)
$work = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'profiler-ps-sample-' + [guid]::NewGuid().ToString('n'))
$null = [System.IO.Directory]::CreateDirectory($work)
try {
    foreach ($i in 1..$Runs) {
        $run = Start-WorkflowProfile -WorkflowId build-steps -WorkflowName 'Sample build' -PassThru

        # Nested steps: 'build' is inclusive; its SelfDuration is the time not spent in the four steps inside it.
        Measure-WorkflowNode -NodeId build -NodeType script {
            Measure-WorkflowNode generate -NodeType io {
                # Blocks run in a child scope (as task runners do): $script: shares the list with later steps.
                $script:files = foreach ($n in 1..48) {
                    $bytes = [byte[]]::new(96KB)
                    $random.NextBytes($bytes)
                    $path = [System.IO.Path]::Combine($work, "source$n.bin")
                    [System.IO.File]::WriteAllBytes($path, $bytes)
                    $path
                }
            }
            Measure-WorkflowNode hash -NodeType crypto {
                $sha = [System.Security.Cryptography.SHA256]::Create()
                $hashes = foreach ($path in $files) { [System.BitConverter]::ToString($sha.ComputeHash([System.IO.File]::ReadAllBytes($path))) }
                $sha.Dispose()
                [System.IO.File]::WriteAllLines([System.IO.Path]::Combine($work, 'hashes.txt'), [string[]]$hashes)
            }
            Measure-WorkflowNode sort -NodeType cpu {
                $numbers = [double[]]::new(400000)
                for ($k = 0; $k -lt $numbers.Length; $k++) { $numbers[$k] = $random.NextDouble() }
                [array]::Sort($numbers)
            }
            Measure-WorkflowNode package -NodeType io {
                $archive = [System.IO.File]::Create([System.IO.Path]::Combine($work, 'package.gz'))
                $gzip = [System.IO.Compression.GZipStream]::new($archive, [System.IO.Compression.CompressionLevel]::Optimal)
                foreach ($path in $files) { $bytes = [System.IO.File]::ReadAllBytes($path); $gzip.Write($bytes, 0, $bytes.Length) }
                $gzip.Dispose()
                $archive.Dispose()
            }
        }

        # Parallel branches: each runspace imports the module and records into the same run through -Run.
        # They are top-level nodes of the run (another runspace's nodes are never children of this one's).
        1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:module
            $shard = $_
            $mine = $using:files | Where-Object { ([array]::IndexOf($using:files, $_) % 4) -eq ($shard - 1) }
            Measure-WorkflowNode "verify$shard" -NodeType test -Run $using:run {
                $sha = [System.Security.Cryptography.SHA512]::Create()
                foreach ($path in $mine) { $null = $sha.ComputeHash([System.IO.File]::ReadAllBytes($path)) }
                $sha.Dispose()
            }
        }

        $null = Complete-WorkflowProfile -Run $run
    }

    if (-not $NoReport) {
        Get-NodeStatistics -WorkflowId build-steps | Out-Host
        # Per run: wall time, node time summed over every lane, and the longest chain of steps that ran one after another.
        (Get-WorkflowProfile build-steps).Runs | Out-Host
        Show-Heatmap -WorkflowId build-steps | Out-Host
        Test-WorkflowBudget -Path $BudgetsPath -Assert | Out-Host
    }
}
finally {
    [System.IO.Directory]::Delete($work, $true)
}
