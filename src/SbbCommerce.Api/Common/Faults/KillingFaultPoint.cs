using System.Diagnostics;

namespace SbbCommerce.Api.Common.Faults;

/// <summary>
/// The crash tests' fault point (environment <c>Testing</c> with <c>Testing:KillAt</c> only, see
/// <see cref="FaultInjection"/>): at the configured point, while the arm file exists, it renames the file to
/// <c>.fired</c> (so the test knows the kill happened there, and the restarted host does not fire again) and kills
/// its own process. <see cref="Process.Kill()"/> is SIGKILL on Linux: no finally block, no graceful shutdown, no
/// flush, like a power cut or an OOM kill.
/// </summary>
internal sealed class KillingFaultPoint(string killAt, string armFile) : IFaultPoint
{
    public void Reach(string point)
    {
        if (!string.Equals(point, killAt, StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            // Atomic: of several threads reaching the point at once, one fires.
            File.Move(armFile, armFile + ".fired");
        }
        catch (FileNotFoundException)
        {
            return; // not armed
        }

        using var self = Process.GetCurrentProcess();
        self.Kill();
        // SIGKILL to oneself is delivered before kill(2) returns; never go on to the commit if it were not.
        Thread.Sleep(Timeout.Infinite);
    }
}
