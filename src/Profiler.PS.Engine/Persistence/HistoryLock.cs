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
        private readonly FileStream _stream;

        private HistoryLock(FileStream stream) => _stream = stream;

        /// <summary>How long to wait for another writer before giving up.</summary>
        public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Takes the lock of <paramref name="historyFile"/>, retrying while another holder has it.</summary>
        /// <exception cref="ProfilerException">FileAccessFailed when the lock is not free within <see cref="Timeout"/>.</exception>
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
                    throw new ProfilerException(ProfilerErrorKind.FileAccessFailed, $"The history folder of '{historyFile}' does not exist: {ex.Message}");
                }
                catch (IOException) when (!(DateTime.UtcNow > deadline))
                {
                    Thread.Sleep(15);   // another process or thread is appending: a record takes milliseconds
                }
                catch (IOException ex)
                {
                    throw new ProfilerException(ProfilerErrorKind.FileAccessFailed,
                        $"The history '{historyFile}' stayed locked by another writer for {Timeout.TotalSeconds:0} s ({ex.Message}); try again.");
                }
            }
        }

        public void Dispose() => _stream.Dispose();
    }
}
