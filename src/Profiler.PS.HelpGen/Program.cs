using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Xml;

namespace Profiler.PS.HelpGen
{
    /// <summary>
    /// Writes the MAML help of every cmdlet in a binary module assembly from its C# XML documentation:
    /// class summary = synopsis, remarks = description, examples = code + remarks, property summary =
    /// parameter description; syntax, inputs and outputs come from the parameter and OutputType attributes.
    /// Usage: Profiler.PS.HelpGen &lt;module.dll&gt; &lt;output-Help.xml&gt; [--related-link name]...
    /// </summary>
    public static class Program
    {
        /// <summary>0 when the help file was written, 1 when it could not be, 2 for bad arguments.</summary>
        public static int Main(string[] args)
        {
            var positional = new List<string>();
            var related = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--related-link" && i + 1 < args.Length) related.Add(args[++i]);
                else positional.Add(args[i]);
            }
            if (positional.Count != 2)
            {
                Console.Error.WriteLine("Usage: Profiler.PS.HelpGen <module.dll> <output-Help.xml> [--related-link name]...");
                return 2;
            }
            string assemblyPath = Path.GetFullPath(positional[0]);
            string outputPath = Path.GetFullPath(positional[1]);
            try
            {
                var docs = new XmlDocs();
                Assembly assembly = Assembly.LoadFrom(assemblyPath);
                docs.LoadFor(assembly, Path.GetDirectoryName(assemblyPath));
                var reader = new CommandReader(assembly, docs, related);
                List<CommandHelp> commands = reader.ReadAll();
                // MSBuild shows lines in this form as build warnings; the help tests fail on the same gaps.
                foreach (string warning in reader.Warnings)
                    Console.WriteLine($"{assemblyPath}: warning PSHELP001: {warning}");
                Directory.CreateDirectory(Path.GetDirectoryName(outputPath));
                MamlWriter.Write(commands, outputPath);
                Console.WriteLine($"Profiler.PS.HelpGen: help for {commands.Count} cmdlets -> {outputPath}");
                return 0;
            }
            catch (Exception ex) when (ex is IOException || ex is XmlException || ex is BadImageFormatException
                || ex is ReflectionTypeLoadException || ex is UnauthorizedAccessException || ex is TypeLoadException)
            {
                Console.Error.WriteLine($"{assemblyPath}: error PSHELP000: the help could not be generated: {ex.Message}");
                return 1;
            }
        }
    }
}
