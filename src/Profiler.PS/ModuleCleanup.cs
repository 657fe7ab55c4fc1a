using System.Management.Automation;
using Profiler.PS.Engine;

namespace Profiler.PS
{
    /// <summary>
    /// Remove-Module Profiler.PS: the pending history writes of the removing runspace's workflows are retried, so a
    /// run whose write failed is not lost with the session. A write that still fails cannot be reported from here
    /// (removal has no error stream); Save-WorkflowHistory before removal reports it.
    /// </summary>
    public sealed class ModuleCleanup : IModuleAssemblyCleanup
    {
        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo) => ProfilerState.Current.Session.SaveHistory();
    }
}
