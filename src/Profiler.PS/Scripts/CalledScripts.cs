using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// Depth 3: the .ps1 files a profiled script calls or dot-sources, each rewritten once per invocation as one call
    /// named after its file (with its own functions and calls inside). The path is resolved when the call runs, as
    /// PowerShell would (relative to the current location). Anything else (a missing file, a file that does not
    /// parse) is handed back unchanged, so PowerShell reports it exactly as without the profiler.
    /// </summary>
    internal sealed class CalledScripts
    {
        private readonly PSCmdlet _cmdlet;
        private readonly Dictionary<string, ExternalScriptInfo> _byPath = new Dictionary<string, ExternalScriptInfo>(StringComparer.Ordinal);

        public CalledScripts(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        public object Resolve(object path)
        {
            string text = (path is PSObject ps ? ps.BaseObject : path) as string;
            if (text == null) return path;
            string full;
            try
            {
                full = _cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(text);
            }
            catch (Exception ex) when (ex is RuntimeException || ex is ArgumentException || ex is NotSupportedException)
            {
                return path;
            }
            if (!full.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) || !File.Exists(full)) return path;
            if (_byPath.TryGetValue(full, out ExternalScriptInfo known)) return (object)known ?? path;
            ExternalScriptInfo rewritten = Rewrite(full);
            _byPath[full] = rewritten;
            return (object)rewritten ?? path;
        }

        private ExternalScriptInfo Rewrite(string full)
        {
            if (!(_cmdlet.InvokeCommand.GetCommand(full, CommandTypes.ExternalScript) is ExternalScriptInfo command)) return null;
            ScriptSource source = ScriptSource.FromFile(command);
            if (source.Errors.Length > 0) return null;
            try
            {
                ScriptBlock block = ScriptRewriter.RewriteCalled(source.Ast, Path.GetFileName(full)).GetScriptBlock();
                return ScriptSource.WithScriptBlock(command, block);
            }
            catch (Exception ex) when (ex is NotSupportedException || ex is ParseException)
            {
                return null;   // runs unprofiled, as written
            }
        }
    }
}
