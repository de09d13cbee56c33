using System.Diagnostics.Metrics;

namespace SbbCommerce.Api.Common.Telemetry;

/// <summary>A database-wide gauge a module offers (name, unit, description).</summary>
internal sealed record GaugeInstrument(string Name, string Unit, string Description);

/// <summary>One value of a gauge, with its tags (e.g. the outbox destination).</summary>
internal sealed record GaugeReading(string Instrument, double Value, params KeyValuePair<string, object?>[] Tags);

/// <summary>A module's database-wide gauges, read in one cheap query (index-only where possible).</summary>
internal interface IGaugeSource
{
    IReadOnlyList<GaugeInstrument> Instruments { get; }

    Task<IReadOnlyList<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// Observable gauges of database-wide facts (payments awaiting verification, outbox pending/dead/lag, inbox
/// failures). Every host reports the same database truth, so the numbers are right with any number of hosts
/// (aggregate them with max or last, never sum). A collection answers from a snapshot at most
/// <see cref="CacheFor"/> old and refreshes it in the background: an exporter's callback never waits on the
/// database, and with no listener nothing is ever read.
/// </summary>
internal sealed partial class OperationalGauges(
    SbbMetrics metrics,
    IEnumerable<IGaugeSource> sources,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<OperationalGauges> logger) : IHostedService
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private Snapshot _snapshot = Snapshot.Empty;
    private int _refreshing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var instrument in sources.SelectMany(s => s.Instruments))
        {
            var name = instrument.Name;
            metrics.Meter.CreateObservableGauge(name, () => Observe(name), instrument.Unit, instrument.Description);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<double>> Observe(string instrument)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (timeProvider.GetUtcNow() - snapshot.ReadAt >= CacheFor)
        {
            StartRefresh();
        }

        return snapshot.Readings.Where(r => r.Instrument == instrument).Select(r => new Measurement<double>(r.Value, r.Tags));
    }

    private void StartRefresh()
    {
        // The host's stopping token, not one of our own: an exporter of another host in the process may still call
        // in after this host is disposed, and a disposed token source would throw.
        if (lifetime.ApplicationStopping.IsCancellationRequested || Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        _ = Task.Run(RefreshAsync);
    }

    private async Task RefreshAsync()
    {
        var now = timeProvider.GetUtcNow();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
            timeout.CancelAfter(ReadTimeout);
            var readings = new List<GaugeReading>();
            foreach (var source in sources)
            {
                readings.AddRange(await source.ReadAsync(now, timeout.Token));
            }

            Volatile.Write(ref _snapshot, new Snapshot(now, readings));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Metrics must never take the host down; report nothing rather than stale numbers, retry after CacheFor.
            Volatile.Write(ref _snapshot, new Snapshot(now, []));
            if (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                LogReadFailed(logger, exception.GetType().Name);
            }
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyList<GaugeReading> Readings)
    {
        public static readonly Snapshot Empty = new(DateTimeOffset.MinValue, []);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operational gauges could not be read ({ExceptionType}); reporting none until the next try")]
    private static partial void LogReadFailed(ILogger logger, string exceptionType);
}
