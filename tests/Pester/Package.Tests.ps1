# The package ./build.ps1 -Task Package writes (output/package/Profiler.PS.<version>.nupkg) installs with
# PSResourceGet in a fresh pwsh and imports by name. The fresh pwsh (this same PowerShell, $PSHOME/pwsh.dll) gets
# a temporary HOME (and no XDG_DATA_HOME), so the repository registration (also removed again) and the CurrentUser
# install land in a temporary folder, never in your profile.
BeforeAll {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $feed = Join-Path $repo 'output/package'
    $version = (Import-PowerShellDataFile (Join-Path $repo 'module/Profiler.PS.psd1')).ModuleVersion
    $nupkg = Join-Path $feed "Profiler.PS.$version.nupkg"
    $work = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid()))
    $repositoryName = 'ProfilerPSTest-' + [guid]::NewGuid().ToString('N')
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Profiler.PS.<version>.nupkg' {
    It 'exists: ./build.ps1 -Task Package wrote it' {
        Test-Path $nupkg | Should -BeTrue -Because 'build.ps1 -Task Test packages the module before running Pester'
    }

    It 'holds only the module files' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($nupkg)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        $module = $entries | Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|Profiler\.PS\.nuspec$)' }
        $expected = 'en-US/Profiler.PS.dll-Help.xml', 'en-US/about_Profiler.PS.help.txt', 'LICENSE',
            'Profiler.PS.dll', 'Profiler.PS.Engine.dll', 'Profiler.PS.Format.ps1xml', 'Profiler.PS.Types.ps1xml', 'Profiler.PS.psd1'
        $module | Sort-Object | Should -Be ($expected | Sort-Object)
        $entries | Should -Not -Match '\.Tests\.ps1$|build\.ps1$|\.pdb$|^tests/|^samples/'
    }

    It 'installs with Install-PSResource in a fresh pwsh, imports by name and records a run' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name '$repositoryName' -Uri '$feed' -Trusted
try {
    Install-PSResource -Name Profiler.PS -Repository '$repositoryName' -Scope CurrentUser -TrustRepository
    Import-Module Profiler.PS
    `$m = Get-Module Profiler.PS
    Start-WorkflowProfile -WorkflowId installed
    Add-NodeTiming -NodeId step -Duration 42
    `$p = Complete-WorkflowProfile
    'version=' + `$m.Version + ' from=' + `$m.ModuleBase + ' runs=' + `$p.RunCount + ' avg=' + (Get-NodeStatistics step).AvgDuration
}
finally {
    Unregister-PSResourceRepository -Name '$repositoryName'
}
"@
        # No inherited PSModulePath: the fresh pwsh builds its own, with the temporary CurrentUser folder in it.
        $saved = $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME, $env:PSModulePath
        # PSResourceGet installs CurrentUser modules under $HOME/.local/share/powershell/Modules, which is pwsh's own
        # user module folder when XDG_DATA_HOME is unset.
        $env:HOME = $work.FullName
        $env:XDG_DATA_HOME = $env:XDG_CONFIG_HOME = $env:PSModulePath = $null
        try {
            $text = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $script 2>&1 | Out-String
            $code = $LASTEXITCODE
        }
        finally {
            $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME, $env:PSModulePath = $saved
        }
        $code | Should -Be 0 -Because $text
        $text | Should -Match "version=$([regex]::Escape($version)) from=$([regex]::Escape($work.FullName))\S*Profiler\.PS"
        $text | Should -Match 'runs=1 avg=42'
    }
}
