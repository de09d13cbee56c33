using System.Diagnostics;

namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>
/// Processes due webhooks for at most <see cref="Budget"/> (enqueued on receipt, and every minute as the safety net).
/// Each row gets its own scope: a failed handler's DbContext never leaks into the next row.
/// </summary>
internal sealed partial class WebhookInboxJob(IServiceScopeFactory scopes, ILogger<WebhookInboxJob> logger)
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var processed = 0;
        while (Stopwatch.GetElapsedTime(started) < Budget)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<WebhookInboxProcessor>().ProcessOneAsync(cancellationToken))
            {
                break;
            }

            processed++;
        }

        LogRun(logger, processed);
        return processed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook inbox job: {Processed} processed")]
    private static partial void LogRun(ILogger logger, int processed);
}
