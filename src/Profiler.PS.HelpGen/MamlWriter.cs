using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Profiler.PS.HelpGen
{
    /// <summary>
    /// Writes cmdlet help as MAML, the layout Get-Help reads in Windows PowerShell 5.1 and PowerShell 7
    /// (the one platyPS produces): helpItems > command:command with details, description, syntax,
    /// parameters, inputTypes, returnValues, examples and relatedLinks.
    /// </summary>
    public static class MamlWriter
    {
        private static readonly XNamespace Msh = "http://msh";
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
        private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

        public static void Write(IEnumerable<CommandHelp> commands, string path)
        {
            var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(ToXml));
            var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
            using XmlWriter writer = XmlWriter.Create(path, settings);
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }

        public static XElement ToXml(CommandHelp help) => new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            new XElement(Command + "syntax", help.Syntax.Select(item => new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", help.Name),
                item.Parameters.Select(p => Parameter(p, inSyntax: true))))),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, inSyntax: false))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeEntry(Command + "inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => TypeEntry(Command + "returnValue", t))),
            new XElement(Command + "examples", help.Examples.Select((e, i) => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- Example {i + 1} --------------------------"),
                new XElement(Dev + "code", e.Code),
                new XElement(Dev + "remarks", Paragraphs(e.Remarks))))),
            new XElement(Command + "relatedLinks", help.RelatedLinks.Select(link => new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", link),
                new XElement(Maml + "uri")))));

        private static XElement Parameter(ParameterHelp p, bool inSyntax)
        {
            var element = new XElement(Command + "parameter",
                new XAttribute("required", p.Required ? "true" : "false"),
                new XAttribute("variableLength", "true"),
                new XAttribute("globbing", p.Globbing ? "true" : "false"),
                new XAttribute("pipelineInput", p.PipelineInput),
                new XAttribute("position", p.Position),
                new XAttribute("aliases", p.Aliases),
                new XElement(Maml + "name", p.Name),
                Description(p.Description));
            if (p.AcceptedValues.Count > 0)
                element.Add(new XElement(Command + "parameterValueGroup", p.AcceptedValues.Select(v =>
                    new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v))));
            // A switch takes no value: in a syntax line it shows as [-Force], not [-Force <SwitchParameter>].
            if (!(inSyntax && p.IsSwitch))
                element.Add(new XElement(Command + "parameterValue",
                    new XAttribute("required", p.IsSwitch ? "false" : "true"), new XAttribute("variableLength", "false"), p.TypeName));
            element.Add(new XElement(Dev + "type", new XElement(Maml + "name", p.TypeName), new XElement(Maml + "uri")));
            element.Add(new XElement(Dev + "defaultValue", p.DefaultValue));
            return element;
        }

        private static XElement TypeEntry(XName name, TypeHelp type) => new XElement(name,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            Description(new[] { type.Description }));

        private static XElement Description(IEnumerable<string> paragraphs) => new XElement(Maml + "description", Paragraphs(paragraphs));

        private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs)
        {
            List<string> list = paragraphs.Where(p => !string.IsNullOrEmpty(p)).ToList();
            if (list.Count == 0) list.Add(string.Empty);
            return list.Select(p => new XElement(Maml + "para", p));
        }
    }
}
