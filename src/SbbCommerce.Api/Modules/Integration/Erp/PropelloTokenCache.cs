namespace SbbCommerce.Api.Modules.Integration.Erp;

/// <summary>
/// The bearer token Propello gives for the API key: cached until shortly before it expires, renewed by one caller
/// at a time (the others wait and reuse it), and renewed once when the ERP answers 401 to a token we thought valid.
/// </summary>
internal sealed class PropelloTokenCache(TimeProvider timeProvider) : IDisposable
{
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile CachedToken? _current;

    public async Task<string> GetAsync(Func<CancellationToken, Task<PropelloToken>> authenticate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticate);
        if (_current is { } token && token.ValidUntil > timeProvider.GetUtcNow())
        {
            return token.Value;
        }

        return await RenewAsync(rejected: null, authenticate, cancellationToken);
    }

    /// <summary>Renews unless another caller already replaced <paramref name="rejected"/>.</summary>
    public async Task<string> RenewAsync(string? rejected, Func<CancellationToken, Task<PropelloToken>> authenticate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticate);
        await _renewal.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_current is { } current && current.Value != rejected && current.ValidUntil > now)
            {
                return current.Value;
            }

            var fresh = await authenticate(cancellationToken);
            // Renew a little early: a token must not expire between our check and the ERP's.
            var lifetime = TimeSpan.FromSeconds(Math.Max(1, fresh.ExpiresInSeconds));
            var margin = TimeSpan.FromSeconds(Math.Min(60, lifetime.TotalSeconds / 10));
            _current = new CachedToken(fresh.AccessToken, timeProvider.GetUtcNow() + lifetime - margin);
            return fresh.AccessToken;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();

    private sealed record CachedToken(string Value, DateTimeOffset ValidUntil);
}

/// <summary>Propello's authenticate answer.</summary>
internal sealed record PropelloToken(string AccessToken, int ExpiresInSeconds);
