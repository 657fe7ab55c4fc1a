using System;
using System.Security.Cryptography;
using System.Text;

namespace Profiler.PS.Rendering
{
    /// <summary>The report's inline style sheet and script, and the content security policy that allows only them.</summary>
    internal static class HtmlReportAssets
    {
        public const string Style = @"
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#f6f7f9;--card:#fff;--accent:#3867d6}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:var(--fg);background:var(--bg)}
header{padding:20px 28px 8px}header h1{margin:0 0 4px;font-size:22px}
.muted,small{color:var(--muted)}
nav a{margin-right:14px;color:var(--accent)}
section.wf{background:var(--card);margin:16px 28px;padding:16px 20px 20px;border:1px solid var(--line);border-radius:8px}
section.wf h2{margin:0 0 2px;font-size:19px}h3{margin:22px 0 8px;font-size:15px}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse}
table.heatmap{border-spacing:0}
table.heatmap th,table.heatmap td{padding:0;font-weight:normal}
table.heatmap thead th{font-size:11px;color:var(--muted);padding:0 0 4px;text-align:center;min-width:30px}
table.heatmap tbody th{text-align:left;padding:0 10px 0 0;white-space:nowrap;max-width:320px;overflow:hidden;text-overflow:ellipsis;position:sticky;left:0;background:var(--card)}
table.heatmap tbody th.avg{position:static;text-align:right;padding:0 0 0 10px;color:var(--muted);font-variant-numeric:tabular-nums}
table.heatmap td{height:22px;min-width:30px;border:1px solid var(--card)}
table.heatmap td.gap{background:repeating-linear-gradient(45deg,#eee,#eee 3px,#fff 3px,#fff 6px)}
table.heatmap tbody tr:hover th{color:var(--accent)}
table.heatmap td:hover{outline:2px solid var(--fg)}
.legend{display:flex;align-items:center;gap:8px;font-size:12px;color:var(--muted);margin:4px 0 8px}
.legend .key{display:inline-block;width:14px;height:10px;border-radius:2px}.legend .key.run{background:#3867d6}.legend .key.hot{background:#e74c3c}
.legend .key.fail{color:#c0392b;font-weight:bold;text-align:center;font-size:10px;line-height:10px;background:#fdecea;outline:1px solid #c0392b}
table.heatmap td.fail{color:#c0392b;font-weight:bold;text-align:center;background:#fdecea}td.failures{color:#c0392b;font-weight:bold}
.legend .key.gap{background:repeating-linear-gradient(45deg,#eee,#eee 3px,#fff 3px,#fff 6px);border:1px solid #ddd}
.legend .key.line{height:2px;background:#3867d6}.legend .key.band{background:#3867d622}.legend .key.avg{height:0;border-top:1px dashed #8a93a6}
.legend .ramp{width:160px;height:10px;border-radius:2px;background:linear-gradient(90deg,#2ecc71,#f1c40f,#e74c3c)}
.filter{margin-left:auto;padding:3px 6px;border:1px solid var(--line);border-radius:4px;font:inherit}
table.grid th,table.grid td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
table.grid td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.share{display:inline-block;height:8px;background:var(--accent);border-radius:2px;vertical-align:middle;margin-right:6px}
ul.alerts{margin:6px 0;padding:0;list-style:none}
ul.alerts li{border-left:4px solid #e74c3c;background:#fdf0ee;padding:6px 10px;margin:4px 0}
.alert{color:#c0392b;font-weight:600}
.trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:10px}
figure{margin:0;padding:8px;border:1px solid var(--line);border-radius:6px}
figure figcaption{font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}figure figcaption small{display:block}
figure svg{width:100%;height:64px;display:block}
svg .band{fill:#3867d622}svg .avg{stroke:#8a93a6;stroke-dasharray:3 2;stroke-width:1;fill:none}
svg .line{stroke:#3867d6;stroke-width:1.6;fill:none;stroke-linejoin:round}svg .dot{fill:#3867d6}
svg .line,svg .avg{vector-effect:non-scaling-stroke}
svg.totals{width:100%;max-width:900px;height:150px}svg.totals rect{fill:#3867d6}svg.totals rect.hot{fill:#e74c3c}
svg.totals text{font-size:10px;fill:#5b6475}
details summary{cursor:pointer;color:var(--accent);margin:8px 0}
";

        /// <summary>Filters heatmap rows by label. textContent only: a label is never parsed as HTML.</summary>
        public const string Script = @"
document.querySelectorAll('input.filter').forEach(function (box) {
  box.addEventListener('input', function () {
    var q = box.value.toLowerCase();
    var table = document.getElementById(box.getAttribute('data-table'));
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      tr.hidden = q !== '' && tr.cells[0].textContent.toLowerCase().indexOf(q) < 0;
    });
  });
});
";

        /// <summary>
        /// Nothing loads from outside and only the script above runs: even a label that slipped past escaping
        /// could neither fetch nor execute anything.
        /// </summary>
        public static readonly string ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" + Sha256Base64(Script) + "'";

        private static string Sha256Base64(string text)
        {
            using (SHA256 sha = SHA256.Create())
                return Convert.ToBase64String(sha.ComputeHash(new UTF8Encoding(false).GetBytes(text)));
        }
    }
}
