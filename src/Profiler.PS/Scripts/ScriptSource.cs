using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using System.Text;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// A script to profile, parsed: a script file (its command, so it runs as the file would: $MyInvocation, exit,
    /// #requires, parameters) or a script block. Text and positions are the original's.
    /// </summary>
    internal sealed class ScriptSource
    {
        private ScriptSource(string text, string file, ScriptBlockAst ast, ParseError[] errors, ExternalScriptInfo command)
        {
            Text = text;
            File = file;
            Ast = ast;
            Errors = errors;
            Command = command;
        }

        /// <summary>The text parsed (for a script block, padded so that offsets map to the lines of the file that defined it).</summary>
        public string Text { get; }
        /// <summary>The file the positions name, or null.</summary>
        public string File { get; }
        public ScriptBlockAst Ast { get; }
        public ParseError[] Errors { get; }
        /// <summary>The script file's command, or null for a script block.</summary>
        public ExternalScriptInfo Command { get; }

        /// <summary>Reads and parses a script file the way PowerShell does (its own encoding rules).</summary>
        public static ScriptSource FromFile(ExternalScriptInfo command)
        {
            string text = command.ScriptContents;
            ScriptBlockAst ast = Parser.ParseInput(text, command.Path, out _, out ParseError[] errors);
            return new ScriptSource(text, command.Path, ast, errors, command);
        }

        /// <summary>
        /// A script block's text, re-parsed on its own: preceded by as many line breaks and spaces as put its first
        /// character where it stands in its file, so that lines, columns and the file name in errors are the original's.
        /// </summary>
        public static ScriptSource FromScriptBlock(ScriptBlock scriptBlock)
        {
            IScriptExtent extent = scriptBlock.Ast.Extent;
            string text = extent.Text;
            int line = extent.StartLineNumber, column = extent.StartColumnNumber;
            // A literal { ... } carries its braces; its statements are what runs.
            if (scriptBlock.Ast.Parent is ScriptBlockExpressionAst && text.Length >= 2 && text[0] == '{' && text[text.Length - 1] == '}')
            {
                text = text.Substring(1, text.Length - 2);
                column++;
            }
            string padded = new StringBuilder().Append('\n', Math.Max(0, line - 1)).Append(' ', Math.Max(0, column - 1)).Append(text).ToString();
            string file = string.IsNullOrEmpty(extent.File) ? null : extent.File;
            ScriptBlockAst ast = Parser.ParseInput(padded, file, out _, out ParseError[] errors);
            return new ScriptSource(padded, file, ast, errors, null);
        }

        /// <summary>The parser's errors as lines <c>file:line:column: message</c>.</summary>
        public string DescribeErrors()
            => string.Join(Environment.NewLine, Errors.Select(e =>
                $"{e.Extent.File ?? "<script block>"}:{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber}: {e.Message}"));

        /// <summary>
        /// A copy of <paramref name="file"/>'s command that runs <paramref name="rewritten"/> instead of the file's
        /// text, so the rewritten script runs as that file (ExternalScript: $MyInvocation.MyCommand, exit codes, scope);
        /// null when this PowerShell gives no way to (then the caller runs the script block itself).
        /// </summary>
        public static ExternalScriptInfo WithScriptBlock(ExternalScriptInfo file, ScriptBlock rewritten)
        {
            // PowerShell has no public way to give a script file's command another body; its private setter is stable
            // from 5.1 to 7.6 and is looked up, never assumed: without it the script block runs directly.
            MethodInfo setter = typeof(ExternalScriptInfo).GetProperty(nameof(ExternalScriptInfo.ScriptBlock))?.GetSetMethod(nonPublic: true);
            FieldInfo field = typeof(ExternalScriptInfo).GetField("_scriptBlock", BindingFlags.NonPublic | BindingFlags.Instance);
            try
            {
                if (setter != null) setter.Invoke(file, new object[] { rewritten });
                else if (field != null) field.SetValue(file, rewritten);
                else return null;
                return ReferenceEquals(file.ScriptBlock, rewritten) ? file : null;
            }
            catch (TargetInvocationException)
            {
                return null;
            }
        }
    }
}
