namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>
/// When a transient failure is tried again: exponential backoff from <c>Outbox:BaseRetryDelay</c>, doubled per
/// attempt up to <c>Outbox:MaxRetryDelay</c>, with jitter (50-100 % of the step) so messages that failed together
/// do not return together; a provider's <c>Retry-After</c> is honoured when it asks for longer.
/// </summary>
internal sealed class RetrySchedule(IOptions<OutboxOptions> options)
{
    public TimeSpan DelayAfter(int attempts, TimeSpan? retryAfter)
    {
        var settings = options.Value;
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var step = Math.Min(settings.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), settings.MaxRetryDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(step * (0.5 + (Random.Shared.NextDouble() * 0.5)));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }
}
