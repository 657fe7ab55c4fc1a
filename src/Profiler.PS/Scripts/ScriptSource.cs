using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;

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

        /// <summary>The text parsed (for a script block, its own text).</summary>
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
        /// A script block's own syntax tree (a function's body for a function's script block): its nodes keep their
        /// positions and file, so errors name the lines of the file that defined it. It parsed without errors.
        /// </summary>
        public static ScriptSource FromScriptBlock(ScriptBlock scriptBlock)
        {
            Ast ast = scriptBlock.Ast;
            var body = ast as ScriptBlockAst ?? ((FunctionDefinitionAst)ast).Body;
            string file = string.IsNullOrEmpty(body.Extent.File) ? null : body.Extent.File;
            return new ScriptSource(body.Extent.Text, file, body, new ParseError[0], null);
        }

        /// <summary>
        /// The parser's errors on one line, <c>file:line:column: message</c> joined with '; ': an error message is made
        /// terminal-safe as a whole, which would show line breaks as '?'.
        /// </summary>
        public string DescribeErrors()
            => string.Join("; ", Errors.Select(e =>
                $"{e.Extent.File ?? "<script block>"}:{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber}: {OneLine(e.Message).TrimEnd('.')}")) + ".";

        private static string OneLine(string text) => text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');

        /// <summary>Tests set this to run the fallback a PowerShell without the private member would take.</summary>
        internal static bool ScriptFileCommandDisabled = false;

        /// <summary>
        /// <paramref name="file"/>'s command, made to run <paramref name="rewritten"/> instead of the file's text, so the
        /// rewritten script runs as that file (ExternalScript: $MyInvocation.MyCommand is the script, exit ends the script
        /// and sets $LASTEXITCODE, #requires is checked); null when this PowerShell gives no way to (then the caller runs
        /// the script block itself, and handles its exit).
        /// </summary>
        /// <remarks>
        /// PowerShell has no public way to give a script file's command another body, nor to make a script block run
        /// as a script file: ExternalScriptInfo has no public constructor, and writing the rewritten text to a file
        /// would change $PSScriptRoot and the lines errors quote. So its private setter (stable from 5.1 to 7.6) is
        /// looked up, never assumed. Without it the script block runs as <c>&amp; { }</c> would, and differs only in
        /// $MyInvocation.MyCommand (a script block, not the file) and in #requires, which is then not checked.
        /// </remarks>
        public static ExternalScriptInfo WithScriptBlock(ExternalScriptInfo file, ScriptBlock rewritten)
        {
            if (ScriptFileCommandDisabled) return null;
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
