using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Profiler.PS.Persistence
{
    /// <summary>
    /// The file of a workflow's history in a history folder: <c>&lt;encoded id&gt;.jsonl</c>. The encoding keeps
    /// lower-case ASCII letters, digits, '-', '_' and inner '.' and percent-encodes every other UTF-8 byte
    /// (ids are case-insensitive, so they are lower-cased first). So a name never holds a separator, a drive,
    /// '..' or a leading or trailing dot or space; Windows device names (con, nul, com1...) get their first
    /// letter encoded; and an encoded id longer than 100 characters is cut and given a hash of the whole id.
    /// Distinct ids (ignoring case) give distinct names, and every name lies inside the folder.
    /// </summary>
    internal static class HistoryFileName
    {
        public const string Extension = ".jsonl";
        private const int MaxEncodedLength = 100;
        private static readonly string[] DeviceNames =
        {
            "con", "prn", "aux", "nul", "conin$", "conout$",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "com\u00b9", "com\u00b2", "com\u00b3",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "lpt\u00b9", "lpt\u00b2", "lpt\u00b3",
        };

        /// <summary>The file name (no folder) of <paramref name="workflowId"/>'s history.</summary>
        public static string For(string workflowId)
        {
            string id = workflowId.ToLowerInvariant();
            var sb = new StringBuilder(id.Length);
            var utf8 = new UTF8Encoding(false, true);
            for (int c = 0; c < id.Length; c++)
            {
                // A lone surrogate has no UTF-8 form (UTF8Encoding would make it U+FFFD, the file of another id):
                // it is written as %u and its four hex digits, which no %XX byte escape can be confused with.
                bool pair = char.IsHighSurrogate(id[c]) && c + 1 < id.Length && char.IsLowSurrogate(id[c + 1]);
                if (!pair && char.IsSurrogate(id[c]))
                {
                    sb.Append("%u").Append(((int)id[c]).ToString("X4", CultureInfo.InvariantCulture));
                    continue;
                }
                byte[] bytes = utf8.GetBytes(id.Substring(c, pair ? 2 : 1));
                if (pair) c++;
                foreach (byte b in bytes)
                {
                    bool plain = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
                        || (b == '.' && sb.Length > 0 && c < id.Length - 1);
                    if (plain) sb.Append((char)b);
                    else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            string stem = sb.ToString();
            int dot = stem.IndexOf('.');
            string firstPart = dot < 0 ? stem : stem.Substring(0, dot);
            if (Array.IndexOf(DeviceNames, firstPart) >= 0)
                stem = "%" + ((int)stem[0]).ToString("X2", CultureInfo.InvariantCulture) + stem.Substring(1);
            if (stem.Length > MaxEncodedLength)
            {
                int cut = 80;
                while (cut > 0 && (stem[cut - 1] == '%' || (cut > 1 && stem[cut - 2] == '%'))) cut--;   // never split a %XX
                stem = stem.Substring(0, cut) + "~" + Hash(id);
            }
            return stem + Extension;
        }

        /// <summary>The full path of the history file in <paramref name="folder"/>; it is always directly inside the folder.</summary>
        public static string PathIn(string folder, string workflowId)
        {
            string root = Path.GetFullPath(folder);
            string full = Path.GetFullPath(Path.Combine(root, For(workflowId)));
            if (!string.Equals(Path.GetDirectoryName(full), root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal))
                throw new InvalidOperationException("A history file name left its folder: " + full);   // cannot happen by construction
            return full;
        }

        private static bool HasLoneSurrogate(string id)
        {
            for (int i = 0; i < id.Length; i++)
            {
                if (char.IsHighSurrogate(id[i]) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1])) { i++; continue; }
                if (char.IsSurrogate(id[i])) return true;
            }
            return false;
        }

        private static string Hash(string id)
        {
            using (SHA256 sha = SHA256.Create())
            {
                // UTF-8 as before (names of existing histories stay); an id with a lone surrogate, which UTF-8 cannot hold, hashes its UTF-16.
                byte[] hash = sha.ComputeHash(HasLoneSurrogate(id) ? Encoding.Unicode.GetBytes(id) : Encoding.UTF8.GetBytes(id));
                var sb = new StringBuilder(16);
                for (int i = 0; i < 8; i++) sb.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
                return sb.ToString();
            }
        }
    }
}
