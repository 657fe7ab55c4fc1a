using System.Management.Automation;

namespace Profiler.PS
{
    /// <summary>The file an export wrote, as the FileSystem provider gives it (what Get-Item would).</summary>
    internal static class ProviderItem
    {
        /// <summary>
        /// Writes <paramref name="file"/> as a provider item: a FileInfo carrying PSPath, PSParentPath and the other
        /// provider properties, so it pipes into Get-Content, Copy-Item or Invoke-Item like Get-Item's output.
        /// </summary>
        public static void Write(PSCmdlet cmdlet, string file)
            => cmdlet.WriteObject(cmdlet.InvokeProvider.Item.Get(new[] { file }, false, true), enumerateCollection: true);
    }
}
