using System.Collections.Generic;

namespace Profiler.PS.HelpGen
{
    /// <summary>The help of one cmdlet, ready to be written as MAML.</summary>
    public sealed class CommandHelp
    {
        public string Name { get; set; }
        public string Verb { get; set; }
        public string Noun { get; set; }
        public string Synopsis { get; set; }
        public List<string> Description { get; } = new List<string>();
        public List<SyntaxItem> Syntax { get; } = new List<SyntaxItem>();
        /// <summary>Every parameter once, with its attributes merged over the parameter sets.</summary>
        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();
        public List<TypeHelp> Inputs { get; } = new List<TypeHelp>();
        public List<TypeHelp> Outputs { get; } = new List<TypeHelp>();
        public List<ExampleHelp> Examples { get; } = new List<ExampleHelp>();
        public List<string> RelatedLinks { get; } = new List<string>();
    }

    /// <summary>One parameter set's syntax line.</summary>
    public sealed class SyntaxItem
    {
        public string SetName { get; set; }
        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();
    }

    /// <summary>A parameter as one syntax line (or the merged Parameters section) shows it.</summary>
    public sealed class ParameterHelp
    {
        public string Name { get; set; }
        /// <summary>The short type name PowerShell shows, e.g. String[] or SwitchParameter.</summary>
        public string TypeName { get; set; }
        public bool IsSwitch { get; set; }
        public List<string> Description { get; set; } = new List<string>();
        public bool Required { get; set; }
        /// <summary>"0", "1"... or "named".</summary>
        public string Position { get; set; } = "named";
        public bool Globbing { get; set; }
        /// <summary>"False", "True (ByValue)", "True (ByPropertyName)" or "True (ByPropertyName, ByValue)".</summary>
        public string PipelineInput { get; set; } = "False";
        /// <summary>Comma-separated aliases, or "none".</summary>
        public string Aliases { get; set; } = "none";
        public string DefaultValue { get; set; } = "None";
        /// <summary>The values of an enum or [ValidateSet] parameter, else empty.</summary>
        public List<string> AcceptedValues { get; set; } = new List<string>();

        public ParameterHelp Clone() => (ParameterHelp)MemberwiseClone();
    }

    /// <summary>An input or output type with what it means.</summary>
    public sealed class TypeHelp
    {
        public TypeHelp(string typeName, string description)
        {
            TypeName = typeName;
            Description = description ?? string.Empty;
        }

        public string TypeName { get; }
        public string Description { get; }
    }

    /// <summary>One example: code that runs as-is, and what it does.</summary>
    public sealed class ExampleHelp
    {
        public string Code { get; set; }
        public List<string> Remarks { get; } = new List<string>();
    }
}
