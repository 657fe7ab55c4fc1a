using System;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace Profiler.PS.Scripts
{
    /// <summary>Measure-WorkflowScript's -Path and -LiteralPath: exactly one existing .ps1 file of the file system, or a terminating error saying what to do.</summary>
    internal static class ScriptPaths
    {
        public static string Resolve(PSCmdlet cmdlet, string path, bool literal)
        {
            string file = null;
            try
            {
                if (literal) file = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                else
                {
                    Collection<string> files = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
                    if (provider.ImplementingType != typeof(FileSystemProvider) || files.Count == 0) file = null;
                    else if (files.Count > 1)
                        cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(
                            $"The path '{path}' matches {files.Count} files; Measure-WorkflowScript runs one script: give its full name."),
                            "MeasureWorkflowScriptAmbiguousPath", ErrorCategory.InvalidArgument, path));
                    else file = files[0];
                }
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException
                || ex is NotSupportedException || ex is ArgumentException || ex is PSInvalidOperationException)
            {
                file = null;
            }
            if (file == null || !File.Exists(file))
                cmdlet.ThrowTerminatingError(new ErrorRecord(new ItemNotFoundException(
                    $"No script file was found at '{path}': check the path (relative paths start at the current location, {cmdlet.SessionState.Path.CurrentFileSystemLocation})."),
                    "MeasureWorkflowScriptPathNotFound", ErrorCategory.ObjectNotFound, path));
            if (!file.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase)) cmdlet.ThrowTerminatingError(NotAScript(cmdlet, file));
            return file;
        }

        public static ErrorRecord NotAScript(PSCmdlet cmdlet, string file)
        {
            string extension = Path.GetExtension(file).ToLowerInvariant();
            string why = extension == ".psm1" || extension == ".psd1"
                ? $"it is a module{(extension == ".psd1" ? " manifest or data file" : "")} ({extension}), which is imported, not run. Profile a script that uses it, for example Measure-WorkflowScript -ScriptBlock {{ Import-Module '{file}'; <a command of the module> }}"
                : "only .ps1 script files can be run and profiled; for another program, profile a script that calls it";
            return new ErrorRecord(new ArgumentException($"'{file}' cannot be profiled as a script: {why}."),
                "MeasureWorkflowScriptNotAScript", ErrorCategory.InvalidArgument, file);
        }
    }
}
