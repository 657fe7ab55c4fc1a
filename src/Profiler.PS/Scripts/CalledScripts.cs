using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace Profiler.PS.Scripts
{
    /// <summary>
    /// Depth 3: the .ps1 files a profiled script calls or dot-sources, each rewritten once per invocation as one call
    /// named after its file (with its own functions and calls inside): its path relative to the profiled script's
    /// folder (<c>steps/package.ps1</c>), so files of the same name in two folders stay two nodes, or its file name when
    /// it lies outside that folder. The path is resolved when the call runs, as
    /// PowerShell would (relative to the current location). Anything else (a missing file, a file that does not
    /// parse) is handed back unchanged, so PowerShell reports it exactly as without the profiler.
    /// </summary>
    internal sealed class CalledScripts
    {
        private readonly PSCmdlet _cmdlet;
        private readonly string _folder;
        private readonly Dictionary<string, ExternalScriptInfo> _byPath = new Dictionary<string, ExternalScriptInfo>(StringComparer.Ordinal);

        /// <param name="cmdlet">Resolves paths and commands.</param>
        /// <param name="folder">The profiled script's folder (the current location for a script block): called files are named relative to it.</param>
        public CalledScripts(PSCmdlet cmdlet, string folder)
        {
            _cmdlet = cmdlet;
            _folder = string.IsNullOrEmpty(folder) ? null : folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        }

        /// <summary>The node id of a called file: its path below the profiled script's folder, with '/' between folders, else its name.</summary>
        internal string NodeId(string full)
            => _folder != null && full.StartsWith(_folder, StringComparison.OrdinalIgnoreCase) && full.Length > _folder.Length
                ? full.Substring(_folder.Length).Replace(Path.DirectorySeparatorChar, '/') : Path.GetFileName(full);

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
                ScriptBlock block = ScriptRewriter.RewriteCalled(source.Ast, NodeId(full)).GetScriptBlock();
                return ScriptSource.WithScriptBlock(command, block);
            }
            catch (Exception ex) when (ex is NotSupportedException || ex is ParseException)
            {
                return null;   // runs unprofiled, as written
            }
        }
    }
}
