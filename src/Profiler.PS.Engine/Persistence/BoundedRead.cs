using System;
using System.IO;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// Reads a whole file while counting the bytes as they arrive, so a file that reports no length (a FIFO, a
    /// character device such as /dev/zero, a file still growing) can never make the reader hold more than the cap.
    /// </summary>
    internal static class BoundedRead
    {
        /// <summary>
        /// The first bytes of <paramref name="path"/> (<paramref name="length"/> of them are valid), or null when the
        /// file holds more than <paramref name="maxBytes"/>. Memory held stays within about twice the cap.
        /// </summary>
        /// <exception cref="IOException">The file cannot be opened or read.</exception>
        /// <exception cref="UnauthorizedAccessException">Access is denied.</exception>
        public static byte[] ReadAll(string path, long maxBytes, out int length)
        {
            length = 0;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16))
            {
                long reported = stream.CanSeek ? stream.Length : 0;   // a hint only: pipes and devices report 0 or nothing
                if (reported > maxBytes) return null;
                var buffer = new byte[Math.Max(4096, Math.Min(reported + 1, maxBytes + 1))];
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > maxBytes) return null;
                        Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    }
                    int n = stream.Read(buffer, length, buffer.Length - length);
                    if (n <= 0) return buffer;
                    length += n;
                    if (length > maxBytes) return null;
                }
            }
        }
    }
}
