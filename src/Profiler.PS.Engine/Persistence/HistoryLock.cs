using System;
using System.IO;
using System.Threading;
using Profiler.PS.Engine;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// An exclusive lock on a workflow's history shared by every process: the file <c>&lt;history&gt;.lock</c>
    /// opened with FileShare.None (a share-mode lock on Windows, an flock on Linux and macOS). The operating
    /// system releases it when the holder exits, even by a crash, so a stale lock file is harmless.
    /// </summary>
    internal sealed class HistoryLock : IDisposable
    {
        /// <summary>
        /// How .NET reports a lock held by another holder: Win32 ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION on
        /// Windows, the flock errno EWOULDBLOCK on Linux (11) and macOS (35). Anything else (a read-only file system,
        /// EROFS) is not worth waiting for.
        /// </summary>
        private const int SharingViolation = 32, LockViolation = 33, WouldBlockLinux = 11, WouldBlockMac = 35;
        private readonly FileStream _stream;

        private HistoryLock(FileStream stream) => _stream = stream;

        /// <summary>How long to wait for another writer before giving up.</summary>
        public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Takes the lock of <paramref name="historyFile"/>, retrying while another holder has it.</summary>
        /// <exception cref="ProfilerException">FileAccessFailed when the lock is not free within <see cref="Timeout"/>;
        /// InvalidHistoryPath at once when the lock file cannot be created (a missing or read-only folder).</exception>
        public static HistoryLock Acquire(string historyFile)
        {
            string path = historyFile + ".lock";
            DateTime deadline = DateTime.UtcNow + Timeout;
            while (true)
            {
                try
                {
                    return new HistoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
                }
                catch (DirectoryNotFoundException ex)
                {
                    throw new ProfilerException(ProfilerErrorKind.InvalidHistoryPath, $"The history folder of '{historyFile}' does not exist: {ex.Message}");
                }
                catch (UnauthorizedAccessException ex)
                {
                    throw new ProfilerException(ProfilerErrorKind.InvalidHistoryPath,
                        $"The lock file '{path}' cannot be created or opened (access denied; is the history folder read-only?): {ex.Message}");
                }
                catch (IOException ex) when (IsHeld(ex) && !(DateTime.UtcNow > deadline))
                {
                    Thread.Sleep(15);   // another process or thread is appending: a record takes milliseconds
                }
                catch (IOException ex) when (IsHeld(ex))
                {
                    throw new ProfilerException(ProfilerErrorKind.FileAccessFailed,
                        $"The history '{historyFile}' stayed locked by another process or thread for {Timeout.TotalSeconds:0.#} s ({ex.Message}).");
                }
                catch (IOException ex)
                {
                    throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"The lock file '{path}' cannot be opened: {ex.Message}");
                }
            }
        }

        private static bool IsHeld(IOException ex)
        {
            int code = ex.HResult & 0xFFFF;
            return code == SharingViolation || code == LockViolation || code == WouldBlockLinux || code == WouldBlockMac;
        }

        public void Dispose() => _stream.Dispose();
    }
}
