using System.Threading.Channels;
using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>Wakes this host's inbox dispatcher when a delivery was stored (or replayed) here.</summary>
internal sealed class WebhookInboxSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wakeUps.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _wakeUps.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look for due retries and other hosts' deliveries.
        }
    }
}

/// <summary>
/// Processes stored webhooks on job hosts within moments of their arrival: woken by <see cref="WebhookInboxSignal"/>,
/// else polling (retries coming due, deliveries stored by other hosts). Enabled like the outbox dispatcher; the
/// recurring <c>webhook-inbox</c> job is the safety net.
/// </summary>
internal sealed partial class WebhookInboxDispatcher(
    IServiceScopeFactory scopes,
    WebhookInboxSignal signal,
    DatabaseReadiness readiness,
    IOptions<OutboxOptions> outbox,
    IOptions<WebhookOptions> webhooks,
    IOptions<HangfireOptions> hangfire,
    ILogger<WebhookInboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(outbox.Value.DispatcherEnabled ?? hangfire.Value.ServerEnabled))
        {
            return;
        }

        await readiness.WaitAsync(stoppingToken);
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, webhooks.Value.DispatcherLoops)).Select(_ => LoopAsync(stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool processed;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    processed = await scope.ServiceProvider.GetRequiredService<WebhookInboxProcessor>().ProcessOneAsync(stoppingToken);
                }
                while (processed && !stoppingToken.IsCancellationRequested);

                await signal.WaitAsync(outbox.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFault(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook inbox processing failed; retrying shortly")]
    private static partial void LogFault(ILogger logger, Exception exception);
}
