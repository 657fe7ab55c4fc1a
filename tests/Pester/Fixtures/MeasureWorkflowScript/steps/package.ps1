param([string] $Version, [switch] $Fail)
function New-Package([string] $Version) {
    if ($Fail) { throw "packaging $Version failed" }
    "app-$Version.zip"
}
New-Package -Version $Version
