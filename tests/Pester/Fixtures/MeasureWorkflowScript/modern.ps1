#requires -Version 5.1
using namespace System.Collections.Generic
[CmdletBinding()]
param([int] $Count = 3)
Set-StrictMode -Version Latest
class Counter {
    [int] $Total
    [void] Add([int] $n) { try { $this.Total += $n } catch { throw } }
}
DATA messages {
    ConvertFrom-StringData 'done = all done'
}
function Get-Numbers([int] $n) { $list = [List[int]]::new(); foreach ($i in 1..$n) { $list.Add($i) }; , $list }
$counter = [Counter]::new()
foreach ($n in (Get-Numbers $Count)) { $counter.Add($n) }
"total $($counter.Total)"
$messages.done
