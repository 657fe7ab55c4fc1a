using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Profiler.PS.HelpGen
{
    /// <summary>
    /// The C# XML documentation of the module and of the project's own assemblies it references, turned
    /// into plain help text: paragraphs for prose, verbatim (dedented) lines for code.
    /// </summary>
    public sealed class XmlDocs
    {
        private readonly Dictionary<string, XElement> _members = new Dictionary<string, XElement>(StringComparer.Ordinal);

        /// <summary>Display text for a cref such as T:Ns.AddNodeTimingCommand (the cmdlet name); null for the default.</summary>
        public Func<string, string> CrefText { get; set; } = _ => null;

        /// <summary>Loads the documentation of <paramref name="assembly"/> and of its non-framework references found in <paramref name="directory"/>.</summary>
        public void LoadFor(Assembly assembly, string directory)
        {
            var names = new List<string> { assembly.GetName().Name };
            names.AddRange(assembly.GetReferencedAssemblies().Select(a => a.Name).Where(n => !IsFramework(n)));
            foreach (string name in names)
            {
                string path = Path.Combine(directory, name + ".xml");
                if (File.Exists(path)) Load(XDocument.Load(path, LoadOptions.PreserveWhitespace));
            }
        }

        /// <summary>Adds the members of one documentation file.</summary>
        public void Load(XDocument document)
        {
            foreach (XElement member in document.Root?.Element("members")?.Elements("member") ?? Enumerable.Empty<XElement>())
                _members[(string)member.Attribute("name") ?? string.Empty] = member;
        }

        private static bool IsFramework(string name) =>
            name == "netstandard" || name == "mscorlib" || name.StartsWith("System", StringComparison.Ordinal)
            || name.StartsWith("Microsoft", StringComparison.Ordinal);

        /// <summary>The doc ID of a type: T:Namespace.Outer.Inner.</summary>
        public static string TypeId(Type type) => "T:" + type.FullName.Replace('+', '.');

        /// <summary>The doc ID of a property, named after the type that declares it.</summary>
        public static string PropertyId(PropertyInfo property) => "P:" + TypeId(property.DeclaringType).Substring(2) + "." + property.Name;

        /// <summary>The &lt;member&gt; element of a doc ID, or null when it is undocumented.</summary>
        public XElement Member(string id) => _members.TryGetValue(id, out XElement member) ? member : null;

        /// <summary>The paragraphs of a member's child element (summary, remarks...), empty when absent.</summary>
        public List<string> Paragraphs(string id, string element)
        {
            XElement e = Member(id)?.Element(element);
            return e == null ? new List<string>() : Paragraphs(e);
        }

        /// <summary>Prose as paragraphs: &lt;para&gt;, list items and code blocks each start a new one.</summary>
        public List<string> Paragraphs(XElement element)
        {
            var paragraphs = new List<string>();
            var current = new StringBuilder();
            void Flush()
            {
                string text = Normalize(current.ToString());
                if (text.Length > 0) paragraphs.Add(text);
                current.Clear();
            }
            foreach (XNode node in element.Nodes())
            {
                if (node is XElement child && (child.Name == "para" || child.Name == "list" || child.Name == "code"))
                {
                    Flush();
                    if (child.Name == "para") paragraphs.AddRange(Paragraphs(child));
                    else if (child.Name == "list") paragraphs.AddRange(ListItems(child));
                    else if (Code(child) is string code && code.Length > 0) paragraphs.Add(code);
                    continue;
                }
                current.Append(Inline(node));
            }
            Flush();
            return paragraphs;
        }

        /// <summary>Code as written, without the indentation that all its lines share and without blank edges.</summary>
        public static string Code(XElement code)
        {
            string[] lines = code.Value.Replace("\r\n", "\n").Split('\n');
            int first = 0, last = lines.Length - 1;
            while (first <= last && lines[first].Trim().Length == 0) first++;
            while (last >= first && lines[last].Trim().Length == 0) last--;
            if (first > last) return string.Empty;
            int indent = int.MaxValue;
            for (int i = first; i <= last; i++)
                if (lines[i].Trim().Length > 0) indent = Math.Min(indent, lines[i].Length - lines[i].TrimStart().Length);
            var result = new StringBuilder();
            for (int i = first; i <= last; i++)
            {
                string line = lines[i].Length >= indent ? lines[i].Substring(indent) : lines[i].TrimStart();
                result.Append(line.TrimEnd());
                if (i < last) result.Append('\n');
            }
            return result.ToString();
        }

        private IEnumerable<string> ListItems(XElement list)
        {
            bool numbered = (string)list.Attribute("type") == "number";
            int n = 0;
            foreach (XElement item in list.Elements("item"))
            {
                XElement term = item.Element("term");
                XElement description = item.Element("description");
                string text = term != null && description != null
                    ? InlineText(term) + ": " + InlineText(description)
                    : InlineText(description ?? term ?? item);
                yield return (numbered ? (++n).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " : "- ") + text;
            }
        }

        private string InlineText(XElement element) => Normalize(string.Concat(element.Nodes().Select(Inline)));

        private string Inline(XNode node)
        {
            if (node is XText text) return text.Value;
            if (node is not XElement e) return string.Empty;
            switch (e.Name.LocalName)
            {
                case "see":
                case "seealso":
                    return e.Nodes().Any() ? string.Concat(e.Nodes().Select(Inline)) : SeeText(e);
                case "paramref":
                case "typeparamref":
                    return (string)e.Attribute("name") ?? string.Empty;
                case "br":
                    return " ";
                default:
                    return string.Concat(e.Nodes().Select(Inline));
            }
        }

        private string SeeText(XElement see)
        {
            if ((string)see.Attribute("langword") is string word)
                return word == "null" || word == "true" || word == "false" ? "$" + word : word;
            if ((string)see.Attribute("href") is string href) return href;
            string cref = (string)see.Attribute("cref") ?? string.Empty;
            return CrefText(cref) ?? ShortName(cref);
        }

        /// <summary>The last name of a cref: T:A.B.NodeTiming -> NodeTiming, M:A.B.Record(System.String) -> Record.</summary>
        public static string ShortName(string cref)
        {
            string name = cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;
            int paren = name.IndexOf('(');
            if (paren >= 0) name = name.Substring(0, paren);
            name = name.Substring(name.LastIndexOf('.') + 1);
            int tick = name.IndexOf('`');
            return tick >= 0 ? name.Substring(0, tick) : name;
        }

        private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
    }
}
