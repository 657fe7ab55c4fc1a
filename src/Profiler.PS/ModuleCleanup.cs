using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// Remove-Module Profiler.PS: the pending history writes of the removing runspace's workflows get their last retry,
    /// and runs whose write still fails go to a recovery file, with a warning on the host and on standard error (removal
    /// has no error stream) naming it (<see cref="ProfilerState.SaveHistoryAtEnd"/>).
    /// </summary>
    public sealed class ModuleCleanup : IModuleAssemblyCleanup
    {
        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo) => ProfilerState.Current.SaveHistoryAtEnd();
    }
}
