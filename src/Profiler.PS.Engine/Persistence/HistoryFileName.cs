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
            byte[] bytes = Encoding.UTF8.GetBytes(id);
            var sb = new StringBuilder(bytes.Length);
            for (int i = 0; i < bytes.Length; i++)
            {
                byte b = bytes[i];
                bool plain = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
                    || (b == '.' && i > 0 && i < bytes.Length - 1);
                if (plain) sb.Append((char)b);
                else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
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

        private static string Hash(string id)
        {
            using (SHA256 sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(id));
                var sb = new StringBuilder(16);
                for (int i = 0; i < 8; i++) sb.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
                return sb.ToString();
            }
        }
    }
}
