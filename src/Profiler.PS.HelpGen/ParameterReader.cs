using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace Profiler.PS.HelpGen
{
    /// <summary>
    /// The parameters of one cmdlet class: one syntax line per parameter set (positional parameters first,
    /// then mandatory ones, then the rest in declaration order), and each parameter once for the Parameters
    /// section. -WhatIf and -Confirm are added for SupportsShouldProcess, as PowerShell adds them.
    /// </summary>
    internal sealed class ParameterReader
    {
        private const string AllSets = ParameterAttribute.AllParameterSets;
        private readonly Type _type;
        private readonly CmdletAttribute _cmdlet;
        private readonly XmlDocs _docs;
        private readonly List<Bound> _bound = new List<Bound>();

        public ParameterReader(Type type, CmdletAttribute cmdlet, XmlDocs docs)
        {
            _type = type;
            _cmdlet = cmdlet;
            _docs = docs;
        }

        /// <summary>A parameter property with its [Parameter] attributes.</summary>
        public sealed class Bound
        {
            public string Name;
            public Type Type;
            public PropertyInfo Property;
            public List<ParameterAttribute> Attributes;
            public List<string> Description;
        }

        public IEnumerable<Bound> ByValue => _bound.Where(b => b.Attributes.Any(a => a.ValueFromPipeline));

        public IEnumerable<Bound> ByPropertyName => _bound.Where(b => b.Attributes.Any(a => a.ValueFromPipelineByPropertyName));

        public IEnumerable<string> Undocumented => _bound.Where(b => b.Description.Count == 0).Select(b => b.Name);

        public void Read(CommandHelp help)
        {
            object instance = CreateInstance();
            IEnumerable<PropertyInfo> properties = _type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .OrderBy(p => p.DeclaringType == _type ? 0 : 1).ThenBy(p => p.MetadataToken);
            foreach (PropertyInfo property in properties)
            {
                // As PowerShell reads them: an override (a cmdlet moving its base's -WorkflowId to a position) replaces the base's attributes.
                List<ParameterAttribute> attributes = property.GetCustomAttributes<ParameterAttribute>(inherit: false).ToList();
                if (attributes.Count == 0) continue;
                _bound.Add(new Bound
                {
                    Name = property.Name, Type = property.PropertyType, Property = property, Attributes = attributes,
                    Description = _docs.Paragraphs(XmlDocs.PropertyId(property), "summary"),
                });
                _bound[_bound.Count - 1].Description.AddRange(_docs.Paragraphs(XmlDocs.PropertyId(property), "remarks"));
            }

            List<string> sets = _bound.SelectMany(b => b.Attributes).Select(a => a.ParameterSetName)
                .Where(s => s != AllSets).Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(s => string.Equals(s, _cmdlet.DefaultParameterSetName, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ToList();
            // A default set that no parameter names (Import-WorkflowProfile's "Add") is still a set of its own,
            // holding only the parameters of every set, as PowerShell shows it.
            string defaultSet = _cmdlet.DefaultParameterSetName;
            if (sets.Count > 0 && !string.IsNullOrEmpty(defaultSet) && !sets.Contains(defaultSet, StringComparer.OrdinalIgnoreCase))
                sets.Insert(0, defaultSet);
            if (sets.Count == 0) sets.Add(AllSets);

            var merged = new List<ParameterHelp>();
            foreach (string set in sets)
            {
                var item = new SyntaxItem { SetName = set };
                foreach (Bound b in _bound)
                {
                    ParameterAttribute a = b.Attributes.FirstOrDefault(x => string.Equals(x.ParameterSetName, set, StringComparison.OrdinalIgnoreCase))
                        ?? b.Attributes.FirstOrDefault(x => x.ParameterSetName == AllSets);
                    if (a == null) continue;
                    ParameterHelp p = Describe(b, instance, a);
                    item.Parameters.Add(p);
                    if (!merged.Any(m => m.Name == b.Name)) merged.Add(Merge(b, p));
                }
                AddShouldProcess(item.Parameters);
                help.Syntax.Add(Order(item));
            }
            help.Parameters.AddRange(Order(merged));
            AddShouldProcess(help.Parameters);
        }

        private static SyntaxItem Order(SyntaxItem item)
        {
            var ordered = new SyntaxItem { SetName = item.SetName };
            ordered.Parameters.AddRange(Order(item.Parameters));
            return ordered;
        }

        private static List<ParameterHelp> Order(List<ParameterHelp> parameters) =>
            parameters.Select((p, i) => (p, i))
                .OrderBy(x => x.p.Position == "named" ? int.MaxValue : int.Parse(x.p.Position, CultureInfo.InvariantCulture))
                .ThenBy(x => x.p.Position == "named" && x.p.Required ? 0 : 1)
                .ThenBy(x => x.i)
                .Select(x => x.p).ToList();

        private ParameterHelp Describe(Bound b, object instance, ParameterAttribute a)
        {
            Type type = Nullable.GetUnderlyingType(b.Type) ?? b.Type;
            var p = new ParameterHelp
            {
                Name = b.Name,
                TypeName = ShortName(b.Type),
                IsSwitch = type == typeof(SwitchParameter),
                Description = b.Description,
                Required = a.Mandatory,
                Position = a.Position == int.MinValue ? "named" : a.Position.ToString(CultureInfo.InvariantCulture),
                Globbing = b.Property.GetCustomAttribute<SupportsWildcardsAttribute>(inherit: false) != null,
                PipelineInput = Pipeline(a.ValueFromPipeline, a.ValueFromPipelineByPropertyName),
                DefaultValue = DefaultValue(b.Property, instance),
            };
            string[] aliases = b.Property.GetCustomAttributes<AliasAttribute>(inherit: false).SelectMany(x => x.AliasNames).ToArray();
            if (aliases.Length > 0) p.Aliases = string.Join(", ", aliases);
            Type element = type.IsArray ? type.GetElementType() : type;
            if (element.IsEnum) p.AcceptedValues.AddRange(Enum.GetNames(element));
            else if (b.Property.GetCustomAttribute<ValidateSetAttribute>(inherit: false) is ValidateSetAttribute validateSet)
                p.AcceptedValues.AddRange(validateSet.ValidValues);
            return p;
        }

        /// <summary>The Parameters-section entry: mandatory only when mandatory in every set, pipeline input from any set.</summary>
        private static ParameterHelp Merge(Bound b, ParameterHelp first)
        {
            ParameterHelp p = first.Clone();
            p.Required = b.Attributes.All(a => a.Mandatory);
            p.PipelineInput = Pipeline(b.Attributes.Any(a => a.ValueFromPipeline), b.Attributes.Any(a => a.ValueFromPipelineByPropertyName));
            if (b.Attributes.Select(a => a.Position).Distinct().Count() > 1) p.Position = "named";
            return p;
        }

        private void AddShouldProcess(List<ParameterHelp> parameters)
        {
            if (!_cmdlet.SupportsShouldProcess) return;
            parameters.Add(Switch("WhatIf", "wi", "Shows what would happen if the cmdlet runs. The cmdlet is not run."));
            parameters.Add(Switch("Confirm", "cf", "Prompts you for confirmation before running the cmdlet."));
        }

        private static ParameterHelp Switch(string name, string alias, string description) => new ParameterHelp
        {
            Name = name, TypeName = "SwitchParameter", IsSwitch = true, Aliases = alias, DefaultValue = "False",
            Description = new List<string> { description },
        };

        private static string Pipeline(bool byValue, bool byName) =>
            byValue && byName ? "True (ByPropertyName, ByValue)" : byValue ? "True (ByValue)" : byName ? "True (ByPropertyName)" : "False";

        private object CreateInstance()
        {
            try
            {
                return Activator.CreateInstance(_type);
            }
            catch (Exception ex) when (ex is MissingMethodException || ex is TargetInvocationException || ex is MemberAccessException)
            {
                return null;
            }
        }

        /// <summary>The value a new cmdlet object holds, when it is not the type's empty value; else "None".</summary>
        private static string DefaultValue(PropertyInfo property, object instance)
        {
            if (property.PropertyType == typeof(SwitchParameter)) return "False";
            if (instance == null || !property.CanRead) return "None";
            object value = property.GetValue(instance);
            if (value == null) return "None";
            Type type = value.GetType();
            if (type.IsValueType && value.Equals(Activator.CreateInstance(type))) return "None";
            if (value is string s) return s.Length == 0 ? "None" : s;
            if (value is IEnumerable items)
            {
                string joined = string.Join(", ", items.Cast<object>().Select(Text));
                return joined.Length == 0 ? "None" : joined;
            }
            return Text(value);
        }

        private static string Text(object value) =>
            value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? string.Empty;

        /// <summary>The type name PowerShell shows in syntax: String[], Int32, SwitchParameter.</summary>
        internal static string ShortName(Type type)
        {
            if (Nullable.GetUnderlyingType(type) is Type inner) return ShortName(inner);
            if (type.IsArray) return ShortName(type.GetElementType()) + "[]";
            if (type.IsGenericType)
                return type.Name.Substring(0, type.Name.IndexOf('`')) + "[" + string.Join(", ", type.GetGenericArguments().Select(ShortName)) + "]";
            return type.Name;
        }
    }
}
