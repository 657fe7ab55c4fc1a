using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace Profiler.PS
{
    /// <summary>Where a report goes: PowerShell path resolution, the overwrite rule, writing, and opening it.</summary>
    internal static class ReportPath
    {
        /// <summary>
        /// The file-system path for <paramref name="path"/>, resolved from the current PowerShell location (not the
        /// process's working folder) through the PowerShell provider: a path on another provider (Variable:, Env:) is an
        /// error. Stops the command when it is unusable or, with <paramref name="noClobber"/>, taken: both export cmdlets
        /// follow Export-Csv (replace an existing file; -NoClobber refuses). With <paramref name="literal"/> (-LiteralPath)
        /// the text is the path as written; otherwise a wildcard pattern that matches one file names that file.
        /// </summary>
        public static string Resolve(ProfilerCmdletBase cmdlet, string path, bool literal, bool noClobber)
        {
            string file;
            ProviderInfo provider;
            try
            {
                file = null;
                provider = null;
                if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
                {
                    // -Path: a pattern naming one existing file writes that file, as Export-Csv -Path does; a pattern that
                    // matches nothing is the new file's name as written; more than one match is ambiguous.
                    var matches = new System.Collections.ObjectModel.Collection<string>();
                    try { matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider); }
                    catch (Exception e) when (e is ItemNotFoundException || e is WildcardPatternException) { }   // a new file's name
                    if (matches.Count > 1)
                        throw Stop(cmdlet, InvalidPath(cmdlet, path, $"'{path}' matches {matches.Count} files: give one file, or use -LiteralPath for a name holding '[', ']', '*' or '?'."));
                    if (matches.Count == 1) file = matches[0];
                }
                if (file == null) file = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
                file = System.IO.Path.GetFullPath(file);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException
                || e is ItemNotFoundException || e is System.Management.Automation.DriveNotFoundException || e is System.IO.DriveNotFoundException || e is ProviderNotFoundException || e is PSArgumentException)
            {
                throw Stop(cmdlet, InvalidPath(cmdlet, path, $"'{path}' is not a usable file path ({e.Message}). Give a file path such as ./report.html."));
            }
            if (!string.Equals(provider?.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
                throw Stop(cmdlet, InvalidPath(cmdlet, path, $"'{path}' is on the {provider?.Name} provider: give a file-system path such as ./report.html."));
            if (Directory.Exists(file))
                throw Stop(cmdlet, InvalidPath(cmdlet, path, $"'{file}' is a folder: give a file name, such as {System.IO.Path.Combine(file, "report.html")}."));
            string folder = System.IO.Path.GetDirectoryName(file);
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
                throw Stop(cmdlet, InvalidPath(cmdlet, path, $"The folder '{folder}' does not exist: create it first, or give a path in an existing folder."));
            if (noClobber && File.Exists(file))
                throw Stop(cmdlet, FileExists(cmdlet, file));
            return file;
        }

        /// <summary>Writes <paramref name="html"/> as UTF-8; with <paramref name="noClobber"/> never replaces a file.</summary>
        public static void Write(ProfilerCmdletBase cmdlet, string file, string html, bool noClobber)
        {
            bool force = !noClobber;
            try
            {
                using (var stream = new FileStream(file, force ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                    writer.Write(html);
            }
            catch (IOException) when (!force && File.Exists(file))
            {
                throw Stop(cmdlet, FileExists(cmdlet, file));   // created by someone else since Resolve looked
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is SecurityException)
            {
                var ex = new IOException($"The report could not be written to '{file}': {e.Message} Check the file is not open or read-only, or give another -Path.", e);
                throw Stop(cmdlet, new ErrorRecord(ex, cmdlet.ErrorId("WriteFailed"), ErrorCategory.WriteError, file));
            }
        }

        /// <summary>Shows <paramref name="file"/> in the default browser; a failure is a warning, as the report is written.</summary>
        public static void OpenInBrowser(ProfilerCmdletBase cmdlet, string file)
        {
            ProcessStartInfo start;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                start = new ProcessStartInfo(file) { UseShellExecute = true };
            else
                start = new ProcessStartInfo(RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "open" : "xdg-open",
                    "\"" + file.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"") { UseShellExecute = false };
            try
            {
                using (Process.Start(start)) { }
            }
            catch (Exception e) when (e is Win32Exception || e is InvalidOperationException || e is FileNotFoundException || e is PlatformNotSupportedException)
            {
                cmdlet.WriteWarning($"The report was written to '{file}' but could not be opened ({e.Message}); open it in a browser yourself.");
            }
        }

        private static ErrorRecord InvalidPath(ProfilerCmdletBase cmdlet, string path, string message)
            => new ErrorRecord(new ArgumentException(message), cmdlet.ErrorId("InvalidPath"), ErrorCategory.InvalidArgument, path);

        private static ErrorRecord FileExists(ProfilerCmdletBase cmdlet, string file)
            => new ErrorRecord(new IOException($"The file '{file}' already exists and -NoClobber was given: give another -Path, or leave out -NoClobber to replace it."),
                cmdlet.ErrorId("FileExists"), ErrorCategory.ResourceExists, file);

        private static Exception Stop(ProfilerCmdletBase cmdlet, ErrorRecord record)
        {
            cmdlet.ThrowTerminatingError(record);
            return new InvalidOperationException("unreachable"); // ThrowTerminatingError always throws
        }
    }
}
