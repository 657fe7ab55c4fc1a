using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using Profiler.PS.Tests.Support;

namespace Profiler.PS.Tests.Module
{
    /// <summary>
    /// Get-Help, as a user sees it, for every exported cmdlet (enumerated from the module, so new cmdlets are
    /// covered): the help generated from the C# XML documentation at build time must be complete and its
    /// examples must run.
    /// </summary>
    public class HelpTests
    {
        public static TheoryData<string> Cmdlets => ModuleCatalog.CmdletData();

        /// <summary>Get-Help and Get-Command facts of one cmdlet, flattened to strings by PowerShell itself.</summary>
        private static PSObject Facts(PsSession ps, string name) => ps.RunClean($@"
            $help = Get-Help {name} -Full
            $command = Get-Command {name}
            $common = [System.Management.Automation.Cmdlet]::CommonParameters
            function Text($paragraphs) {{ (@($paragraphs) | ForEach-Object {{ $_.Text }}) -join ""`n"" }}
            function Position($p) {{ if ($p -lt 0) {{ 'named' }} else {{ [string]$p }} }}
            [pscustomobject]@{{
                Synopsis = [string]$help.Synopsis
                Description = Text $help.description
                Parameters = @($command.Parameters.Keys | Where-Object {{ $_ -notin $common }})
                Described = @($help.parameters.parameter | Where-Object {{ (Text $_.description).Trim() }} | ForEach-Object {{ $_.name }})
                HelpSyntax = @($help.syntax.syntaxItem | ForEach-Object {{ (@($_.parameter | Where-Object {{ $_ }} | ForEach-Object {{ '{{0}}:{{1}}:{{2}}' -f $_.name, $_.required, $_.position }}) -join ',') }})
                CommandSyntax = @($command.ParameterSets | ForEach-Object {{ (@($_.Parameters | Where-Object {{ $_.Name -notin $common }} | ForEach-Object {{ '{{0}}:{{1}}:{{2}}' -f $_.Name, $_.IsMandatory.ToString().ToLowerInvariant(), (Position $_.Position) }}) -join ',') }})
                Inputs = @($help.inputTypes.inputType | Where-Object {{ (Text $_.description).Trim() }} | ForEach-Object {{ $_.type.name }})
                PipelineTypes = @($command.Parameters.Values | Where-Object {{ $_.ParameterSets.Values.ValueFromPipeline -contains $true }} | ForEach-Object {{ $_.ParameterType.FullName }})
                Outputs = @($help.returnValues.returnValue | ForEach-Object {{ $_.type.name }})
                DeclaredOutputs = @($command.OutputType | Where-Object {{ $_.Type -ne [void] }} | ForEach-Object {{ $_.Name }})
                Examples = @($help.examples.example | ForEach-Object {{ $_.code }})
            }}").Output.Single();

        private static string[] Strings(PSObject facts, string property) =>
            ((object[])facts.Properties[property].Value).Select(o => o?.ToString() ?? string.Empty).ToArray();

        private static string Canonical(string syntaxLine) => string.Join(",", syntaxLine.Split(',', StringSplitOptions.RemoveEmptyEntries).OrderBy(p => p, StringComparer.OrdinalIgnoreCase));

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Help_has_a_synopsis_a_description_and_every_parameter_described(string name)
        {
            using var ps = new PsSession();
            PSObject facts = Facts(ps, name);
            string synopsis = (string)facts.Properties["Synopsis"].Value;
            // Without a help file Get-Help makes the synopsis up from the syntax ("Name [-Param] <type>...").
            Assert.False(string.IsNullOrWhiteSpace(synopsis), name + ": no synopsis; write a <summary> on the cmdlet class.");
            Assert.False(synopsis.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase), name + ": the synopsis is the generated syntax, so no help file was found.");
            Assert.False(string.IsNullOrWhiteSpace((string)facts.Properties["Description"].Value), name + ": no description; write <remarks><para> on the cmdlet class.");
            string[] undescribed = Strings(facts, "Parameters").Except(Strings(facts, "Described"), StringComparer.OrdinalIgnoreCase).ToArray();
            Assert.True(undescribed.Length == 0, name + ": parameters without a description (write a <summary> on the property): " + string.Join(", ", undescribed));
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Help_syntax_matches_the_parameter_sets_positions_and_mandatory_flags(string name)
        {
            using var ps = new PsSession();
            PSObject facts = Facts(ps, name);
            var help = Strings(facts, "HelpSyntax").Select(Canonical).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            var command = Strings(facts, "CommandSyntax").Select(Canonical).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            Assert.Equal(command, help);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Help_describes_inputs_and_outputs_from_the_pipeline_parameters_and_OutputType(string name)
        {
            using var ps = new PsSession();
            PSObject facts = Facts(ps, name);
            string[] inputs = Strings(facts, "Inputs");
            Assert.NotEmpty(inputs);
            foreach (string type in Strings(facts, "PipelineTypes")) Assert.Contains(type, inputs);
            string[] outputs = Strings(facts, "Outputs");
            Assert.NotEmpty(outputs);
            foreach (string type in Strings(facts, "DeclaredOutputs")) Assert.Contains(type, outputs);
        }

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Every_example_runs_without_error_in_a_fresh_session(string name)
        {
            string[] examples;
            using (var ps = new PsSession()) examples = Strings(Facts(ps, name), "Examples");
            Assert.True(examples.Length >= 2, $"{name} has {examples.Length} example(s); write at least two <example> elements.");
            var failures = new List<string>();
            for (int i = 0; i < examples.Length; i++)
            {
                Assert.False(string.IsNullOrWhiteSpace(examples[i]), $"{name} example {i + 1} has no code.");
                // Only this module and the core cmdlets, as in a user's fresh session; Out-Host runs the default views too.
                using var fresh = new PsSession();
                PsResult r = fresh.Run("& {\n" + examples[i] + "\n} | Out-Host");
                if (r.Terminating != null) failures.Add($"Example {i + 1}:\n{examples[i]}\n-> {r.Terminating.Message}");
                foreach (ErrorRecord e in r.Errors) failures.Add($"Example {i + 1}:\n{examples[i]}\n-> {e}");
            }
            Assert.True(failures.Count == 0, name + ":\n" + string.Join("\n\n", failures));
        }

        [Fact]
        public void The_help_file_holds_one_command_per_exported_cmdlet_in_the_MAML_layout()
        {
            XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
            string path = Path.Combine(ModuleCatalog.ModuleDirectory, "en-US", "Profiler.PS.dll-Help.xml");
            XDocument doc = XDocument.Load(path);
            Assert.Equal(XName.Get("helpItems", "http://msh"), doc.Root.Name);
            Assert.Equal("maml", (string)doc.Root.Attribute("schema"));
            string[] names = doc.Root.Elements(command + "command").Select(c => (string)c.Element(command + "details").Element(command + "name")).ToArray();
            Assert.Equal(ModuleCatalog.Cmdlets, names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
        }

        [Fact]
        public void About_topic_explains_the_concepts()
        {
            using var ps = new PsSession();
            string text = string.Concat(ps.RunClean("Get-Help about_Profiler.PS").Output.Select(o => o.ToString()));
            foreach (string heading in new[] { "SHORT DESCRIPTION", "WORKFLOW", "RUN", "NODE", "WINDOW", "BASELINE", "REGRESSION RULE", "FAILED AND STOPPED STEPS", "NESTED TIME AND SHARES", "SESSION SCOPE", "WHERE THE DATA GOES" })
                Assert.Contains("\n" + heading + "\n", text.Replace("\r\n", "\n"));
            Assert.True(File.Exists(Path.Combine(ModuleCatalog.ModuleDirectory, "en-US", "about_Profiler.PS.help.txt")));
        }

        [Fact]
        public void Help_names_a_related_about_topic_and_cross_references_cmdlets_by_name()
        {
            using var ps = new PsSession();
            string[] links = ps.RunClean("(Get-Help Start-WorkflowProfile -Full).relatedLinks.navigationLink | ForEach-Object { $_.linkText }")
                .Output.Select(o => o.ToString()).ToArray();
            Assert.Contains("about_Profiler.PS", links);
            Assert.Contains("Add-NodeTiming", links);
        }
    }
}
