using System.Diagnostics;

namespace SbbCommerce.Api.Modules.Events.Rollups;

/// <summary>
/// Whether the background fold steps aside for checkouts. A fold is mostly PostgreSQL work, in bulk, on the same cores
/// as the orders; while this host has checkouts at work the fold waits (orders before analytics). Nothing is lost by
/// waiting: reports catch up before they read. The wait lasts at most <c>Events:RollupMaxDeferral</c> at a stretch,
/// then one batch is folded and the wait begins again, so the backlog a report may have to fold stays bounded.
/// </summary>
internal sealed class RollupDeferral(TimeSpan maxDeferral)
{
    private long? _deferringSince;

    /// <param name="checkoutsAtWork">This host's foreground work (<c>ForegroundWork.IsBusy</c>).</param>
    /// <param name="now">A <see cref="Stopwatch"/> timestamp (scheduling, not business time).</param>
    public bool ShouldDefer(bool checkoutsAtWork, long now)
    {
        if (!checkoutsAtWork)
        {
            _deferringSince = null;
            return false;
        }

        _deferringSince ??= now;
        if (Stopwatch.GetElapsedTime(_deferringSince.Value, now) < maxDeferral)
        {
            return true;
        }

        _deferringSince = now;
        return false;
    }
}
