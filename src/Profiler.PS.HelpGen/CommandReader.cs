using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;

namespace Profiler.PS.HelpGen
{
    /// <summary>
    /// Reads the help of every public cmdlet class of an assembly: text from the XML documentation, the rest
    /// from the attributes PowerShell binds with. Gaps in the documentation become <see cref="Warnings"/>.
    /// </summary>
    public sealed class CommandReader
    {
        private readonly Assembly _assembly;
        private readonly XmlDocs _docs;
        private readonly IReadOnlyList<string> _relatedLinks;
        private readonly Dictionary<string, string> _cmdletNames = new Dictionary<string, string>(StringComparer.Ordinal);

        public CommandReader(Assembly assembly, XmlDocs docs, IReadOnlyList<string> relatedLinks)
        {
            _assembly = assembly;
            _docs = docs;
            _relatedLinks = relatedLinks ?? Array.Empty<string>();
            _docs.CrefText = CrefText;
        }

        /// <summary>What the documentation lacks, one line per gap, naming the cmdlet and the element to write.</summary>
        public List<string> Warnings { get; } = new List<string>();

        /// <summary>The help of every cmdlet, ordered by name.</summary>
        public List<CommandHelp> ReadAll()
        {
            List<Type> cmdlets = _assembly.GetExportedTypes()
                .Where(t => !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t) && t.GetCustomAttribute<CmdletAttribute>() != null)
                .ToList();
            foreach (Type t in cmdlets) _cmdletNames[XmlDocs.TypeId(t)] = CmdletName(t);
            return cmdlets.Select(Read).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        private static string CmdletName(Type type)
        {
            CmdletAttribute attribute = type.GetCustomAttribute<CmdletAttribute>();
            return attribute.VerbName + "-" + attribute.NounName;
        }

        /// <summary>A cmdlet class reads as its cmdlet name, a parameter property as -Name.</summary>
        private string CrefText(string cref)
        {
            if (_cmdletNames.TryGetValue(cref, out string name)) return name;
            if (cref.StartsWith("P:", StringComparison.Ordinal))
            {
                int dot = cref.LastIndexOf('.');
                if (dot > 2 && _cmdletNames.ContainsKey("T:" + cref.Substring(2, dot - 2))) return "-" + cref.Substring(dot + 1);
            }
            return null;
        }

        private CommandHelp Read(Type type)
        {
            CmdletAttribute attribute = type.GetCustomAttribute<CmdletAttribute>();
            string id = XmlDocs.TypeId(type);
            var help = new CommandHelp { Name = CmdletName(type), Verb = attribute.VerbName, Noun = attribute.NounName };
            help.Synopsis = string.Join(" ", _docs.Paragraphs(id, "summary"));
            help.Description.AddRange(_docs.Paragraphs(id, "remarks"));
            if (help.Synopsis.Length == 0) Warn(help, $"no synopsis: write a <summary> on class {type.Name}.");
            if (help.Description.Count == 0) Warn(help, $"no description: write <remarks><para>...</para></remarks> on class {type.Name}.");

            var parameters = new ParameterReader(type, attribute, _docs);
            parameters.Read(help);
            foreach (string name in parameters.Undocumented)
                Warn(help, $"parameter -{name} has no description: write a <summary> on property {type.Name}.{name}.");

            ReadInputs(help, parameters);
            ReadOutputs(help, type);
            ReadExamples(help, id);
            ReadRelatedLinks(help, id);
            return help;
        }

        private void ReadInputs(CommandHelp help, ParameterReader parameters)
        {
            foreach (ParameterReader.Bound p in parameters.ByValue)
                help.Inputs.Add(new TypeHelp(FullName(p.Type),
                    $"Objects piped to {help.Name} bind by value to -{p.Name}. {First(p.Description)}".Trim()));
            List<string> byName = parameters.ByPropertyName.Select(p => p.Name).ToList();
            if (byName.Count == 1)
                help.Inputs.Add(new TypeHelp(typeof(PSObject).FullName,
                    $"Any object with a {byName[0]} property (for example the output of another Profiler.PS cmdlet): it binds to -{byName[0]} by property name."));
            else if (byName.Count > 1)
                help.Inputs.Add(new TypeHelp(typeof(PSObject).FullName,
                    $"Any object with one or more of the properties {JoinOr(byName)}, such as Import-Csv rows or [pscustomobject] values: each binds by property name to the parameter of the same name."));
            if (help.Inputs.Count == 0)
                help.Inputs.Add(new TypeHelp("None", $"You cannot pipe objects to {help.Name}."));
        }

        private void ReadOutputs(CommandHelp help, Type type)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (OutputTypeAttribute output in type.GetCustomAttributes<OutputTypeAttribute>())
            {
                foreach (PSTypeName name in output.Type)
                {
                    if (name.Type == typeof(void)) continue;
                    string full = name.Type != null ? FullName(name.Type) : name.Name;
                    if (!seen.Add(full)) continue;
                    string description = name.Type != null ? string.Join(" ", _docs.Paragraphs(XmlDocs.TypeId(name.Type), "summary")) : string.Empty;
                    // A type documented elsewhere (FileInfo, Boolean, Object) is described by the cmdlet's own <returns>.
                    if (description.Length == 0) description = string.Join(" ", _docs.Paragraphs(XmlDocs.TypeId(type), "returns"));
                    if (description.Length == 0) Warn(help, $"output {full} has no description: write <returns> on class {type.Name}.");
                    help.Outputs.Add(new TypeHelp(full, description));
                }
            }
            if (help.Outputs.Count == 0)
                help.Outputs.Add(new TypeHelp("None", $"{help.Name} writes no output."));
        }

        private void ReadExamples(CommandHelp help, string id)
        {
            foreach (XElement example in _docs.Member(id)?.Elements("example") ?? Enumerable.Empty<XElement>())
            {
                XElement code = example.Element("code");
                if (code == null)
                {
                    Warn(help, "an <example> has no <code>: put the command in <code> and what it does in <para>.");
                    continue;
                }
                var item = new ExampleHelp { Code = XmlDocs.Code(code) };
                var rest = new XElement(example);
                rest.Elements("code").First().Remove();
                item.Remarks.AddRange(_docs.Paragraphs(rest));
                help.Examples.Add(item);
            }
            if (help.Examples.Count < 2)
                Warn(help, $"{help.Examples.Count} example(s): write at least two <example><code>...</code><para>...</para></example>.");
        }

        private void ReadRelatedLinks(CommandHelp help, string id)
        {
            foreach (XElement see in _docs.Member(id)?.Elements("seealso") ?? Enumerable.Empty<XElement>())
            {
                string cref = (string)see.Attribute("cref");
                string text = cref != null ? CrefText(cref) ?? XmlDocs.ShortName(cref) : (string)see.Attribute("href");
                if (!string.IsNullOrEmpty(text) && !help.RelatedLinks.Contains(text)) help.RelatedLinks.Add(text);
            }
            foreach (string link in _relatedLinks)
                if (!help.RelatedLinks.Contains(link)) help.RelatedLinks.Add(link);
        }

        private void Warn(CommandHelp help, string text) => Warnings.Add(help.Name + ": " + text);

        /// <summary>The type as Get-Help shows inputs and outputs: System.String, Profiler.PS.NodeTiming[].</summary>
        internal static string FullName(Type type)
        {
            if (Nullable.GetUnderlyingType(type) is Type inner) return FullName(inner);
            if (type.IsArray) return FullName(type.GetElementType()) + "[]";
            if (type.IsGenericType)
            {
                string name = type.GetGenericTypeDefinition().FullName;
                return name.Substring(0, name.IndexOf('`')) + "[" + string.Join(", ", type.GetGenericArguments().Select(FullName)) + "]";
            }
            return type.FullName ?? type.Name;
        }

        private static string First(List<string> paragraphs) => paragraphs.Count > 0 ? paragraphs[0] : string.Empty;

        private static string JoinOr(List<string> names) =>
            names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
    }
}
