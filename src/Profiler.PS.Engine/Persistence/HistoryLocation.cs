using System;
using System.IO;
using Profiler.PS.Engine;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// Checks that a history folder and file can hold a history, so a bad location is reported when it is given
    /// (Start-WorkflowProfile, Set-ProfilerOption) with its real cause, not when the first run completes.
    /// </summary>
    internal static class HistoryLocation
    {
        /// <summary>Throws when <paramref name="folder"/> is a file, or lies under one.</summary>
        /// <exception cref="ProfilerException">InvalidHistoryPath.</exception>
        public static void CheckFolder(string folder)
        {
            string full = Path.GetFullPath(folder);
            for (string dir = full; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if (Directory.Exists(dir)) return;
                if (File.Exists(dir))
                    throw Invalid(dir == full
                        ? $"HistoryPath '{full}' is a file, not a folder: give a folder; each workflow's history is a file in it."
                        : $"HistoryPath '{full}' cannot be created because '{dir}' is a file, not a folder: give another folder.");
            }
        }

        /// <summary>Throws when <paramref name="folder"/> is a file, lies under one, or exists and cannot be written.</summary>
        /// <exception cref="ProfilerException">InvalidHistoryPath.</exception>
        public static void CheckWritableFolder(string folder)
        {
            CheckFolder(folder);
            string full = Path.GetFullPath(folder);
            if (!Directory.Exists(full)) return;   // created by the first start that uses it
            string probe = Path.Combine(full, ".profiler-probe-" + Guid.NewGuid().ToString("N"));
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Invalid($"HistoryPath '{full}' cannot be written (is it read-only?): {ex.Message} Give a folder you can write to.");
            }
        }

        /// <summary>Throws when the history file's path is taken by a folder.</summary>
        /// <exception cref="ProfilerException">InvalidHistoryPath.</exception>
        public static void CheckFile(string file)
        {
            if (Directory.Exists(file))
                throw Invalid($"The history file '{file}' is a folder, so no run can be written to it: move the folder away, or give another -HistoryPath.");
        }

        /// <summary>
        /// Creates the folder and proves it can be written (the lock file is created) and the history read and
        /// written, without waiting for another writer.
        /// </summary>
        /// <exception cref="ProfilerException">InvalidHistoryPath naming the cause.</exception>
        public static void CheckUsable(string file)
        {
            string folder = Path.GetDirectoryName(file);
            CheckFolder(folder);
            CheckFile(file);
            try
            {
                Directory.CreateDirectory(folder);
                // A probe file, not the lock file: opening that one would contend with a writer holding the lock.
                string probe = Path.Combine(folder, ".profiler-probe-" + Guid.NewGuid().ToString("N"));
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
                if (File.Exists(file))
                    using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)) { }
            }
            catch (UnauthorizedAccessException ex)
            {
                throw Invalid($"The history '{file}' cannot be read and written (access denied; is the folder or file read-only?): {ex.Message} Give a folder you can write to.");
            }
            catch (IOException ex)
            {
                throw Invalid($"The history '{file}' cannot be read and written: {ex.Message} Give a folder you can write to.");
            }
        }

        private static ProfilerException Invalid(string message) => new ProfilerException(ProfilerErrorKind.InvalidHistoryPath, message);
    }
}
