using System.Runtime;
using System.Runtime.InteropServices;

namespace SbbCommerce.Bench.Reporting;

/// <summary>Where the figures were taken; ratios are comparable across machines, absolute numbers are not.</summary>
internal sealed record MachineInfo(string MachineName, int ProcessorCount, string Os, string Runtime, bool ServerGc)
{
    public static MachineInfo Current() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC);
}
