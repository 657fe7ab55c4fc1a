@{
    RootModule           = 'Profiler.PS.dll'
    # The single source of the version: the build reads it into the assemblies (src/ModuleVersion.props).
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f6c1e-8d7a-4c55-9f3b-2e6a1d4c7b90'
    Author               = 'Profiler.PS contributors'
    CompanyName          = 'Profiler.PS'
    Copyright            = '(c) Profiler.PS contributors. MIT licence.'
    Description          = 'Profiles workflows run after run: records how long each step (node) takes, and answers which steps are slowest, whether a run got slower than usual, and where to look first.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('Profiler.PS.Format.ps1xml')
    TypesToProcess       = @('Profiler.PS.Types.ps1xml')
    CmdletsToExport      = @(
        'Start-WorkflowProfile'
        'Add-NodeTiming'
        'Complete-WorkflowProfile'
        'Get-NodeTiming'
        'Get-NodeStatistics'
        'Get-Bottleneck'
        'Get-WorkflowProfile'
        'Show-Heatmap'
        'Clear-WorkflowProfile'
        'Export-WorkflowReport'
        'Measure-WorkflowNode'
        'Measure-WorkflowScript'
        'Test-WorkflowBudget'
        'Compare-WorkflowRun'
        'Get-WorkflowRecommendation'
        'Export-WorkflowProfile'
        'Import-WorkflowProfile'
        'Set-ProfilerOption'
        'Save-WorkflowHistory'
        'Get-ProfilerOption'
        'Remove-WorkflowHistory'
        'Repair-WorkflowHistory'
        'Import-WorkflowRun'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Profiler', 'Performance', 'Workflow', 'Timing', 'Bottleneck', 'Heatmap', 'Pester', 'CI', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/Profiler-PS/Profiler.PS'
            LicenseUri   = 'https://github.com/Profiler-PS/Profiler.PS/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: engine, session-scoped profiler and the core cmdlets; Get-Help for every cmdlet and about_Profiler.PS; tab completion of -WorkflowId and -NodeId.'
        }
    }
}
