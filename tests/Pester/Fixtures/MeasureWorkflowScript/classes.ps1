# Classes with constructors: explicit, overloaded, and a derived class calling its base constructor.
class P { [string]$n; P([string]$n) { $this.n = $n } }
class Q : P { Q() : base('q') { } [string] Hi() { return "hi $($this.n)" } }
class B { [int]$v; B() { $this.v = 7 } B([int]$x) { $this.v = $x } }
[B]::new().v
[B]::new(4).v
(New-Object B -ArgumentList 5).v
([B]6).v
[Q]::new().Hi()
