[CmdletBinding()]
param([string] $Mode = 'basic')
dynamicparam {
    $parameters = [System.Management.Automation.RuntimeDefinedParameterDictionary]::new()
    $attribute = [System.Management.Automation.ParameterAttribute]::new()
    $parameters.Add('Extra', [System.Management.Automation.RuntimeDefinedParameter]::new('Extra', [string], [System.Collections.ObjectModel.Collection[Attribute]]@($attribute)))
    $parameters
}
begin { function Get-Mode { "mode $Mode" } }
end {
    Get-Mode
    "extra $($PSBoundParameters['Extra'])"
}
