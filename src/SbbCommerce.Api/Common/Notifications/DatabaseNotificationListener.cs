namespace SbbCommerce.Api.Common.Notifications;

/// <summary>
/// Holds one dedicated connection (outside the pool) with LISTEN on <see cref="DatabaseNotifications.Channel"/> and
/// hands every message to the subscribers. When the connection drops it tells them (they fall back to short-lived
/// entries) and reconnects with exponential backoff; on reconnection it tells them again, since messages sent in
/// between are lost.
/// </summary>
internal sealed partial class DatabaseNotificationListener(
    IConfiguration configuration,
    IEnumerable<IDatabaseNotificationSubscriber> subscribers,
    DatabaseNotificationState state,
    ILogger<DatabaseNotificationListener> logger) : BackgroundService
{
    public const string ApplicationName = "sbb-notification-listener";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(15);
    private readonly IDatabaseNotificationSubscriber[] _subscribers = [.. subscribers];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PersistenceModule.GetConnectionString(configuration))
        {
            Pooling = false,
            // Keepalives notice a silently dead server, so a waiting LISTEN does not hang forever.
            KeepAlive = 15,
            ApplicationName = ApplicationName,
        }.ConnectionString;
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, message) => Dispatch(message.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {DatabaseNotifications.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                SetListening(true);
                retry = FirstRetry;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                SetListening(false);
                LogDisconnected(logger, exception, retry.TotalMilliseconds);
            }

            // Real time on purpose: a reconnect backoff must not wait for a test's frozen clock.
            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }

        SetListening(false);
    }

    private void SetListening(bool listening)
    {
        if (state.IsListening == listening)
        {
            return;
        }

        state.Set(listening);
        foreach (var subscriber in _subscribers)
        {
            subscriber.OnListeningChanged(listening);
        }

        if (listening)
        {
            LogListening(logger, DatabaseNotifications.Channel);
        }
    }

    private void Dispatch(string payload)
    {
        if (!DatabaseNotifications.TryParse(payload, out var topic, out var key))
        {
            return;
        }

        foreach (var subscriber in _subscribers)
        {
            subscriber.OnNotification(topic, key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening on {Channel}")]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification listener disconnected; retrying in {RetryMs} ms (caches use short expiry meanwhile)")]
    private static partial void LogDisconnected(ILogger logger, Exception exception, double retryMs);
}
