using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>The manifest a gallery and Import-Module read: valid, one version, explicit exports, licence and project links.</summary>
    public class ManifestTests
    {
        private static PSModuleInfo TestManifest(PsSession ps) =>
            (PSModuleInfo)ps.RunClean($"Test-ModuleManifest -Path '{PsSession.ManifestPath}'").Single();

        [Fact]
        public void Test_ModuleManifest_passes_and_its_version_is_the_one_built_into_the_assemblies()
        {
            using var ps = new PsSession(importModule: false);
            PSModuleInfo info = TestManifest(ps);
            Assert.Equal("Profiler.PS", info.Name);
            Version v = info.Version;
            var full = new Version(v.Major, v.Minor, Math.Max(v.Build, 0), Math.Max(v.Revision, 0));
            foreach (string file in new[] { "Profiler.PS.dll", "Profiler.PS.Engine.dll" })
            {
                string path = Path.Combine(ModuleCatalog.ModuleDirectory, file);
                Assert.Equal(full, AssemblyName.GetAssemblyName(path).Version);
                Assert.Equal(full.ToString(), FileVersionInfo.GetVersionInfo(path).FileVersion);
            }
            Assert.Contains(v.ToString(), info.ReleaseNotes);
        }

        [Fact]
        public void The_manifest_has_tags_project_and_licence_links()
        {
            using var ps = new PsSession(importModule: false);
            PSModuleInfo info = TestManifest(ps);
            Assert.Contains("PSEdition_Core", info.Tags);
            Assert.Contains("PSEdition_Desktop", info.Tags);
            Assert.All(info.Tags, t => Assert.DoesNotContain(" ", t));
            Assert.Equal("https://github.com/Profiler-PS/Profiler.PS", info.ProjectUri.AbsoluteUri);
            Assert.Equal("https://github.com/Profiler-PS/Profiler.PS/blob/main/LICENSE", info.LicenseUri.AbsoluteUri);
            Assert.False(string.IsNullOrWhiteSpace(info.Description));
            Assert.Contains("MIT License", File.ReadAllText(Path.Combine(ModuleCatalog.RepositoryRoot, "LICENSE")));
            Assert.True(File.Exists(Path.Combine(ModuleCatalog.ModuleDirectory, "LICENSE")), "the licence ships in the module folder");
        }

        [Fact]
        public void Exports_are_explicit_lists_naming_exactly_the_cmdlet_classes()
        {
            using var ps = new PsSession();
            // The manifest read as data, the way Import-Module reads it, without running it.
            var manifest = (Hashtable)ps.RunClean($@"
                $ast = [System.Management.Automation.Language.Parser]::ParseFile('{PsSession.ManifestPath}', [ref]$null, [ref]$null)
                ,$ast.Find({{ $args[0] -is [System.Management.Automation.Language.HashtableAst] }}, $false).SafeGetValue()").Single();
            string[] cmdlets = ((object[])manifest["CmdletsToExport"]).Cast<string>().ToArray();
            Assert.All(cmdlets, c => Assert.False(WildcardPattern.ContainsWildcardCharacters(c), c + " is a wildcard export"));
            foreach (string key in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
                Assert.Empty(Assert.IsType<object[]>(manifest[key]));
            string[] classes = ps.RunClean(@"
                (Get-Module Profiler.PS).ImplementingAssembly.GetExportedTypes() |
                    ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                    ForEach-Object { '{0}-{1}' -f $_.VerbName, $_.NounName }").Output.Select(o => o.ToString()).ToArray();
            Assert.Equal(classes.OrderBy(c => c, StringComparer.OrdinalIgnoreCase), cmdlets.OrderBy(c => c, StringComparer.OrdinalIgnoreCase));
        }

        [Fact]
        public void Every_exported_cmdlet_uses_an_approved_verb()
        {
            var approved = typeof(VerbsCommon).Assembly.GetExportedTypes()
                .Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Select(f => (string)f.GetValue(null)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            Assert.Contains("Get", approved);
            Assert.All(ModuleCatalog.Cmdlets, c => Assert.Contains(c.Split('-')[0], approved));
        }
    }
}
