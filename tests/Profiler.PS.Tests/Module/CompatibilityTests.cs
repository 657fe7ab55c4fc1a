using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// Windows PowerShell 5.1 compatibility, read from the shipped assemblies' metadata: netstandard2.0 only,
    /// and every PowerShell type and member the module uses exists in the PowerShell Standard 5.1 reference.
    /// PowerShell 7.6 itself loads the module in every module test.
    /// </summary>
    public class CompatibilityTests
    {
        private static readonly string[] Pwsh7OnlyTypes = { "PSStyle", "OutputRendering", "ExperimentalFeature", "PSNativeCommandArgumentPassing" };

        private static string Shipped(string file) => Path.Combine(ModuleCatalog.ModuleDirectory, file);

        private static string PowerShellStandardSma
        {
            get
            {
                string root = typeof(CompatibilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(a => a.Key == "PowerShellStandardLibrary").Value;
                return Path.Combine(root, "lib", "netstandard2.0", "System.Management.Automation.dll");
            }
        }

        private static T Read<T>(string path, Func<MetadataReader, T> read)
        {
            using var pe = new PEReader(File.OpenRead(path));
            return read(pe.GetMetadataReader());
        }

        private static Dictionary<string, Version> References(MetadataReader md) => md.AssemblyReferences
            .Select(md.GetAssemblyReference).ToDictionary(r => md.GetString(r.Name), r => r.Version);

        [Theory]
        [InlineData("Profiler.PS.dll")]
        [InlineData("Profiler.PS.Engine.dll")]
        public void The_shipped_assemblies_target_netstandard20(string file)
        {
            string framework = Read(Shipped(file), md => md.GetAssemblyDefinition().GetCustomAttributes()
                .Select(md.GetCustomAttribute)
                .Where(a => AttributeTypeName(md, a) == "System.Runtime.Versioning.TargetFrameworkAttribute")
                .Select(a => { BlobReader blob = md.GetBlobReader(a.Value); blob.ReadUInt16(); return blob.ReadSerializedString(); })
                .Single());
            Assert.Equal(".NETStandard,Version=v2.0", framework);
        }

        [Fact]
        public void The_engine_references_netstandard_and_nothing_else()
        {
            Dictionary<string, Version> refs = Read(Shipped("Profiler.PS.Engine.dll"), References);
            Assert.Equal(new[] { "netstandard" }, refs.Keys);
            Assert.Equal(new Version(2, 0, 0, 0), refs["netstandard"]);
        }

        [Fact]
        public void The_module_references_only_netstandard_the_engine_and_the_PowerShell_51_reference_assembly()
        {
            Dictionary<string, Version> refs = Read(Shipped("Profiler.PS.dll"), References);
            Version standard = Read(PowerShellStandardSma, md => md.GetAssemblyDefinition().Version);
            Assert.Equal(new Version(3, 0, 0, 0), standard);
            Assert.Equal(new[] { "netstandard", "Profiler.PS.Engine", "System.Management.Automation" }, refs.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase));
            Assert.Equal(new Version(2, 0, 0, 0), refs["netstandard"]);
            Assert.Equal(standard, refs["System.Management.Automation"]);
        }

        [Fact]
        public void Every_PowerShell_type_and_member_the_module_uses_exists_in_Windows_PowerShell_51()
        {
            Dictionary<string, HashSet<string>> available = Read(PowerShellStandardSma, PublicMembersByType);
            // The yardstick is the 5.1 surface: it has the cmdlet base types and not PowerShell 7's $PSStyle type.
            Assert.Contains("WriteObject", available["System.Management.Automation.PSCmdlet"]);
            Assert.False(available.ContainsKey("System.Management.Automation.PSStyle"));
            int checkedTypes = 0;
            List<string> missing = Read(Shipped("Profiler.PS.dll"), md =>
            {
                var problems = new List<string>();
                var used = new Dictionary<TypeReferenceHandle, string>();
                foreach (TypeReferenceHandle h in md.TypeReferences)
                {
                    if (RootScope(md, h) != "System.Management.Automation") continue;
                    string name = TypeName(md, h);
                    used[h] = name;
                    checkedTypes++;
                    if (!available.ContainsKey(name)) problems.Add("type " + name);
                    if (Pwsh7OnlyTypes.Any(t => name.EndsWith("." + t, StringComparison.Ordinal))) problems.Add("PowerShell 7-only type " + name);
                }
                foreach (MemberReferenceHandle h in md.MemberReferences)
                {
                    MemberReference member = md.GetMemberReference(h);
                    if (member.Parent.Kind != HandleKind.TypeReference || !used.TryGetValue((TypeReferenceHandle)member.Parent, out string owner)) continue;
                    string name = md.GetString(member.Name);
                    if (available.TryGetValue(owner, out HashSet<string> members) && !members.Contains(name)) problems.Add($"member {owner}.{name}");
                }
                return problems;
            });
            Assert.True(checkedTypes > 10, $"only {checkedTypes} PowerShell types referenced: the scan is not reading the module");
            Assert.True(missing.Count == 0, "Not in PowerShell Standard 5.1: " + string.Join(", ", missing));
        }

        [Fact]
        public void The_module_loads_in_PowerShell_76_and_declares_both_editions()
        {
            using var ps = new PsSession();
            Assert.Equal("7.6", ps.RunClean("'{0}.{1}' -f $PSVersionTable.PSVersion.Major, $PSVersionTable.PSVersion.Minor").Single());
            Assert.Equal("Core", ps.RunClean("$PSVersionTable.PSEdition").Single());
            var info = (System.Management.Automation.PSModuleInfo)ps.RunClean("Get-Module Profiler.PS").Single();
            Assert.Equal(new[] { "Core", "Desktop" }, info.CompatiblePSEditions.OrderBy(e => e, StringComparer.Ordinal));
            Assert.Equal(new Version(5, 1), info.PowerShellVersion);
            Assert.Equal(new Version(4, 7, 2), info.DotNetFrameworkVersion);
            Assert.NotEmpty(info.ExportedCmdlets);
        }

        private static string AttributeTypeName(MetadataReader md, CustomAttribute attribute)
        {
            EntityHandle type = attribute.Constructor.Kind == HandleKind.MemberReference
                ? md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent
                : md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
            return type.Kind == HandleKind.TypeReference ? TypeName(md, (TypeReferenceHandle)type) : TypeName(md, (TypeDefinitionHandle)type);
        }

        private static string TypeName(MetadataReader md, TypeReferenceHandle h)
        {
            TypeReference t = md.GetTypeReference(h);
            if (t.ResolutionScope.Kind == HandleKind.TypeReference) return TypeName(md, (TypeReferenceHandle)t.ResolutionScope) + "/" + md.GetString(t.Name);
            string ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? md.GetString(t.Name) : ns + "." + md.GetString(t.Name);
        }

        private static string TypeName(MetadataReader md, TypeDefinitionHandle h)
        {
            TypeDefinition t = md.GetTypeDefinition(h);
            TypeDefinitionHandle outer = t.GetDeclaringType();
            if (!outer.IsNil) return TypeName(md, outer) + "/" + md.GetString(t.Name);
            string ns = md.GetString(t.Namespace);
            return ns.Length == 0 ? md.GetString(t.Name) : ns + "." + md.GetString(t.Name);
        }

        private static string RootScope(MetadataReader md, TypeReferenceHandle h)
        {
            TypeReference t = md.GetTypeReference(h);
            if (t.ResolutionScope.Kind == HandleKind.TypeReference) return RootScope(md, (TypeReferenceHandle)t.ResolutionScope);
            return t.ResolutionScope.Kind == HandleKind.AssemblyReference
                ? md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name)
                : null;
        }

        /// <summary>Each type of the reference assembly with the names of its methods and fields, its base types' included.</summary>
        private static Dictionary<string, HashSet<string>> PublicMembersByType(MetadataReader md)
        {
            var own = new Dictionary<string, (HashSet<string> Members, string Base)>();
            foreach (TypeDefinitionHandle h in md.TypeDefinitions)
            {
                TypeDefinition t = md.GetTypeDefinition(h);
                var members = new HashSet<string>(StringComparer.Ordinal);
                foreach (MethodDefinitionHandle m in t.GetMethods()) members.Add(md.GetString(md.GetMethodDefinition(m).Name));
                foreach (FieldDefinitionHandle f in t.GetFields()) members.Add(md.GetString(md.GetFieldDefinition(f).Name));
                string baseName = t.BaseType.IsNil ? null : t.BaseType.Kind switch
                {
                    HandleKind.TypeDefinition => TypeName(md, (TypeDefinitionHandle)t.BaseType),
                    HandleKind.TypeReference => TypeName(md, (TypeReferenceHandle)t.BaseType),
                    _ => null,
                };
                own[TypeName(md, h)] = (members, baseName);
            }
            var all = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, (HashSet<string> Members, string Base)> type in own)
            {
                var members = new HashSet<string>(type.Value.Members, StringComparer.Ordinal);
                for (string b = type.Value.Base; b != null && own.TryGetValue(b, out var parent); b = parent.Base) members.UnionWith(parent.Members);
                all[type.Key] = members;
            }
            return all;
        }
    }
}
