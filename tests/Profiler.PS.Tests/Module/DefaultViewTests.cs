using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>Every type the module's cmdlets declare as output has a default view (enumerated, so new cmdlets are covered).</summary>
    public class DefaultViewTests
    {
        [Fact]
        public void Every_module_output_type_of_every_exported_cmdlet_has_a_view_in_the_format_file()
        {
            using var ps = new PsSession();
            // "Cmdlet|TypeName|Assembly": the module's own types need views; PowerShell has views for the others.
            string[] outputs = ps.RunClean(@"
                foreach ($command in Get-Command -Module Profiler.PS) {
                    foreach ($t in $command.OutputType) {
                        $assembly = if ($t.Type) { $t.Type.Assembly.GetName().Name } else { '' }
                        '{0}|{1}|{2}' -f $command.Name, $t.Name, $assembly
                    }
                }").Output.Select(o => o.ToString()).ToArray();
            var moduleTypes = outputs.Select(o => o.Split('|'))
                .Where(p => p[2].StartsWith("Profiler.PS", StringComparison.Ordinal) || (p[2].Length == 0 && p[1].StartsWith("Profiler.PS.", StringComparison.Ordinal)))
                .ToArray();
            Assert.NotEmpty(moduleTypes);

            var info = (PSModuleInfo)ps.RunClean("Get-Module Profiler.PS").Single();
            Assert.NotEmpty(info.ExportedFormatFiles);
            var viewed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string file in info.ExportedFormatFiles)
            {
                XDocument doc = XDocument.Load(file);
                var sets = doc.Descendants("SelectionSet").ToDictionary(
                    s => (string)s.Element("Name"), s => s.Descendants("TypeName").Select(t => t.Value.Trim()).ToArray());
                foreach (XElement selected in doc.Descendants("View").Select(v => v.Element("ViewSelectedBy")).Where(s => s != null))
                {
                    viewed.UnionWith(selected.Elements("TypeName").Select(t => t.Value.Trim()));
                    foreach (XElement set in selected.Elements("SelectionSetName"))
                        if (sets.TryGetValue(set.Value.Trim(), out string[] types)) viewed.UnionWith(types);
                }
            }
            string[] missing = moduleTypes.Where(p => !viewed.Contains(p[1])).Select(p => $"{p[1]} (output of {p[0]})").Distinct().ToArray();
            Assert.True(missing.Length == 0,
                "No default view: add a <View> with <ViewSelectedBy><TypeName>...</TypeName> to module/Profiler.PS.Format.ps1xml for " + string.Join(", ", missing));
        }
    }
}
