using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Profiler.PS.Tests.Support
{
    /// <summary>Reads a CSV file with PowerShell's own Import-Csv, the way a user would read an export.</summary>
    public static class ImportCsv
    {
        /// <summary>The header (the first row) followed by one row of cells per record, in column order.</summary>
        public static List<string[]> Rows(string path)
        {
            using var ps = new PsSession(importModule: false);
            ps.Runspace.SessionStateProxy.SetVariable("csvPath", path);
            PSObject[] records = ps.RunClean("Import-Csv -LiteralPath $csvPath -Encoding utf8").Output.ToArray();
            var rows = new List<string[]> { records[0].Properties.Select(p => p.Name).ToArray() };
            rows.AddRange(records.Select(r => r.Properties.Select(p => (string)p.Value).ToArray()));
            return rows;
        }
    }
}
