using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;

namespace Profiler.PS
{
    /// <summary>
    /// The files a -Path or -LiteralPath names, resolved as PowerShell's file cmdlets do: -Path expands wildcards
    /// through the provider (relative to $PWD), -LiteralPath takes the text as it is. A path that names no file is an
    /// ObjectNotFound error naming it (&lt;Verb&gt;&lt;Noun&gt;FileNotFound), as Get-Content writes, never silence.
    /// </summary>
    internal static class InputPath
    {
        /// <summary>
        /// The existing files named by <paramref name="path"/>; writes one error when there is none.
        /// <paramref name="what"/> names the expected file in the message ("Profile file").
        /// </summary>
        public static List<string> Resolve(ProfilerCmdletBase cmdlet, string path, bool literal, string what, string hint)
            => Resolve(cmdlet, path, literal, what, hint, terminating: false);

        /// <summary>The one file <paramref name="path"/> names; stops the command (FileNotFound) when it names none or several.</summary>
        public static string ResolveOne(ProfilerCmdletBase cmdlet, string path, bool literal, string what, string hint)
        {
            List<string> files = Resolve(cmdlet, path, literal, what, hint, terminating: true);
            if (files.Count != 1)
                cmdlet.ThrowTerminatingError(new ErrorRecord(new ItemNotFoundException(files.Count == 0
                        ? $"{what} '{path}' is not a file: {hint}"
                        : $"{what} path '{path}' matches {files.Count} files: give one, or use -LiteralPath for a name holding '[', ']', '*' or '?'."),
                    cmdlet.ErrorId("FileNotFound"), ErrorCategory.ObjectNotFound, path));
            return files[0];
        }

        private static List<string> Resolve(ProfilerCmdletBase cmdlet, string path, bool literal, string what, string hint, bool terminating)
        {
            var files = new List<string>();
            string problem;
            try
            {
                ProviderInfo provider;
                Collection<string> found;
                if (literal) found = new Collection<string> { cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _) };
                else found = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                if (!string.Equals(provider?.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
                    problem = $"{what} '{path}' is on the {provider?.Name} provider, not the file system: {hint}";
                else
                {
                    bool folder = false;
                    foreach (string file in found)
                        if (File.Exists(file)) files.Add(file);
                        else if (Directory.Exists(file))
                        {
                            folder = true;
                            cmdlet.WriteError(new ErrorRecord(new IOException($"'{file}' is a folder, not a file: {hint}"), cmdlet.ErrorId("FileNotFound"), ErrorCategory.InvalidArgument, file));
                        }
                    if (files.Count > 0 || folder) return files;
                    problem = NoMatch(cmdlet, path, literal, what, hint);
                }
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is ArgumentException || ex is NotSupportedException
                || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException || ex is PathTooLongException)
            {
                problem = NoMatch(cmdlet, path, literal, what, hint);
            }
            var record = new ErrorRecord(new ItemNotFoundException(problem), cmdlet.ErrorId("FileNotFound"), ErrorCategory.ObjectNotFound, path);
            if (terminating) cmdlet.ThrowTerminatingError(record);
            cmdlet.WriteError(record);
            return files;
        }

        private static string NoMatch(ProfilerCmdletBase cmdlet, string path, bool literal, string what, string hint)
        {
            if (literal) return $"{what} '{path}' does not exist: {hint}";
            // 'out[1].json' as a pattern means out1.json; say so when the file of that exact name is there.
            string exact = null;
            try { exact = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path); }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is ItemNotFoundException
                || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException) { }
            if (exact != null && WildcardPattern.ContainsWildcardCharacters(path) && File.Exists(exact))
                return $"{what} path '{path}' matches no file: '[', ']', '*' and '?' are wildcards in -Path. To read the file named '{System.IO.Path.GetFileName(exact)}', use -LiteralPath.";
            return $"{what} path '{path}' matches no file: {hint}";
        }
    }
}
