using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Language;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>One budget: a node id (wildcards allowed), a maximum and a statistic, or why the entry is unusable.</summary>
    internal sealed class BudgetEntry
    {
        public string NodeId;
        public double Maximum;
        public BudgetStatistic Statistic;
        /// <summary>Null for a usable entry; else the problem (InvalidMaximum, InvalidStatistic, InvalidBudget).</summary>
        public string Problem;
        public string Message;
        /// <summary>The budgets file the entry came from, or null for -NodeId.</summary>
        public string Source;
    }

    /// <summary>
    /// Reads a budgets file: a PowerShell data file (.psd1) holding one hashtable, parsed without running it
    /// (the language parser plus SafeGetValue, as Import-PowerShellDataFile does, which is not a core cmdlet):
    /// <code>
    /// @{ WorkflowId = 'build'; Statistic = 'P95'
    ///    Nodes = @{ restore = 5000; compile = '00:00:30'; test = @{ Maximum = 60000; Statistic = 'Median' } } }
    /// </code>
    /// WorkflowId and Statistic are optional; a node's value is its maximum (milliseconds or TimeSpan text) or a
    /// hashtable with Maximum and Statistic. Nodes keep the file's order.
    /// </summary>
    internal static class BudgetFile
    {
        /// <summary>Largest budgets file read, in bytes: budgets for thousands of nodes fit in far less.</summary>
        public const int MaxBytes = 1 << 20;

        public static List<BudgetEntry> Load(string path, BudgetStatistic defaultStatistic, out string workflowId)
        {
            workflowId = null;
            if (!File.Exists(path)) throw new FileNotFoundException($"The budgets file '{path}' does not exist: give the path of a .psd1 file.", path);
            ScriptBlockAst ast = Parser.ParseInput(ReadCapped(path), path, out _, out ParseError[] errors);
            if (errors.Length > 0)
                throw new InvalidDataException($"The budgets file '{path}' is not valid PowerShell: {errors[0].Message} (line {errors[0].Extent.StartLineNumber}).");
            HashtableAst root = TopHashtable(ast)
                ?? throw new InvalidDataException($"The budgets file '{path}' must hold one hashtable, for example @{{ Nodes = @{{ compile = 5000 }} }}.");
            HashtableAst nodes = null;
            foreach (Tuple<ExpressionAst, StatementAst> pair in root.KeyValuePairs)
            {
                string key = Convert.ToString(Value(pair.Item1, path));
                if (Is(key, "Nodes")) nodes = (pair.Item2 as PipelineAst)?.GetPureExpression() as HashtableAst;
                else if (Is(key, "WorkflowId")) workflowId = Convert.ToString(ValueOf(pair.Item2, path));
                else if (Is(key, "Statistic"))
                {
                    string text = Convert.ToString(ValueOf(pair.Item2, path));
                    if (!Budgets.TryParseStatistic(text, out defaultStatistic))
                        throw new InvalidDataException($"The budgets file '{path}' names an unknown Statistic '{text}': use Avg, Median, P95, Max or Last.");
                }
                else throw new InvalidDataException($"The budgets file '{path}' has an unknown key '{key}': use Nodes, and optionally WorkflowId and Statistic.");
            }
            if (nodes == null)
                throw new InvalidDataException($"The budgets file '{path}' needs a Nodes hashtable, for example Nodes = @{{ compile = 5000 }}.");
            var entries = new List<BudgetEntry>();
            foreach (Tuple<ExpressionAst, StatementAst> pair in nodes.KeyValuePairs)
            {
                BudgetEntry entry = Entry(Convert.ToString(Value(pair.Item1, path)), ValueOf(pair.Item2, path), defaultStatistic);
                entry.Source = path;
                if (entry.Message != null) entry.Message = $"The budgets file '{path}': {entry.Message}";
                entries.Add(entry);
            }
            return entries;
        }

        /// <summary>The file's text, counting bytes as they are read (a FIFO or device has no length to check first).</summary>
        private static string ReadCapped(string path)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                using (var memory = new MemoryStream())
                {
                    var buffer = new byte[1 << 16];
                    int n;
                    while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        if (memory.Length + n > MaxBytes)
                            throw new InvalidDataException($"The budgets file '{path}' is larger than {MaxBytes:N0} bytes: a budgets file holds one small hashtable; check the path.");
                        memory.Write(buffer, 0, n);
                    }
                    return new System.Text.UTF8Encoding(false, false).GetString(memory.GetBuffer(), 0, (int)memory.Length).TrimStart('\uFEFF');
                }
            }
            catch (Exception ex) when (ex is IOException && !(ex is InvalidDataException) || ex is UnauthorizedAccessException)
            {
                throw new InvalidDataException($"The budgets file '{path}' cannot be read: {ex.Message}", ex);
            }
        }

        private static BudgetEntry Entry(string nodeId, object value, BudgetStatistic statistic)
        {
            var entry = new BudgetEntry { NodeId = nodeId, Statistic = statistic };
            object maximum = value;
            if (value is IDictionary table)
            {
                maximum = null;
                foreach (DictionaryEntry field in table)
                {
                    string name = Convert.ToString(field.Key);
                    if (Is(name, "Maximum")) maximum = field.Value;
                    else if (Is(name, "Statistic"))
                    {
                        if (Budgets.TryParseStatistic(Convert.ToString(field.Value), out BudgetStatistic s)) entry.Statistic = s;
                        else return Fail(entry, "InvalidStatistic", $"The budget of node '{nodeId}' names an unknown Statistic '{field.Value}': use Avg, Median, P95, Max or Last.");
                    }
                    else return Fail(entry, "InvalidBudget", $"The budget of node '{nodeId}' has an unknown key '{name}': use Maximum and Statistic.");
                }
            }
            try
            {
                entry.Maximum = ToMilliseconds(maximum, nodeId);
                Budgets.ValidateMaximum(entry.Maximum);
            }
            catch (Exception ex) when (ex is ProfilerException || ex is ArgumentException || ex is FormatException || ex is InvalidCastException || ex is RuntimeException)
            {
                return Fail(entry, "InvalidMaximum", $"The budget of node '{nodeId}' is unusable: {ex.Message}");
            }
            return entry;
        }

        private static double ToMilliseconds(object value, string nodeId)
        {
            switch (value)
            {
                case null: throw new ArgumentException($"no Maximum is given for node '{nodeId}'; give milliseconds, for example Maximum = 5000.");
                case string text: return DurationTransformationAttribute.Parse(text);
                case TimeSpan span: return span.TotalMilliseconds;
                // PowerShell converts $true to 1: a budget of 1 ms that nobody meant.
                case bool _: throw new ArgumentException($"the Maximum of node '{nodeId}' is {value}, not a duration; give milliseconds, for example Maximum = 5000.");
                default: return LanguagePrimitives.ConvertTo<double>(value);
            }
        }

        private static BudgetEntry Fail(BudgetEntry entry, string problem, string message)
        {
            entry.Problem = problem;
            entry.Message = message;
            return entry;
        }

        private static HashtableAst TopHashtable(ScriptBlockAst ast)
        {
            if (ast.ParamBlock != null || ast.BeginBlock != null || ast.ProcessBlock != null || ast.EndBlock == null) return null;
            if (ast.EndBlock.Statements.Count != 1) return null;
            return (ast.EndBlock.Statements[0] as PipelineAst)?.GetPureExpression() as HashtableAst;
        }

        private static object ValueOf(StatementAst statement, string path)
        {
            ExpressionAst expression = (statement as PipelineAst)?.GetPureExpression()
                ?? throw new InvalidDataException($"The budgets file '{path}' may hold only data, but line {statement.Extent.StartLineNumber} runs a command.");
            return Value(expression, path);
        }

        private static object Value(ExpressionAst expression, string path)
        {
            try
            {
                return expression.SafeGetValue();
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is RuntimeException || ex is ArgumentException)
            {
                throw new InvalidDataException($"The budgets file '{path}' may hold only constant data (line {expression.Extent.StartLineNumber}): {ex.Message}");
            }
        }

        private static bool Is(string key, string name) => string.Equals(key, name, StringComparison.OrdinalIgnoreCase);
    }
}
