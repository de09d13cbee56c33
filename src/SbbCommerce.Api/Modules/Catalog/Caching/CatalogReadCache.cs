using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace SbbCommerce.Api.Modules.Catalog.Caching;

/// <summary>
/// The in-memory cache of the public catalog reads, with tag eviction. ASP.NET output caching would need its
/// middleware in the host pipeline; this keeps the cache inside the module and answers the same way (the request
/// id, problem answers and CORS still run on every hit).
/// <para>
/// Staleness: an admin change evicts its tag on this host right after its transaction commits. A read that
/// started before the eviction and finishes after it is not stored (the entry is tied to the tag's token taken
/// before the read), so a visitor of this host never sees the old price after the admin's save has returned.
/// Other hosts drop their copy when it expires (<see cref="CatalogOptions.ReadCacheSeconds"/>). Stock figures
/// shown by the storefront may lag reservations by the same few seconds; reservations themselves always check
/// the database.
/// </para>
/// </summary>
internal sealed class CatalogReadCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _timeToLive;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _tags = new(StringComparer.Ordinal);
    private readonly Lock _evictionGate = new();

    public CatalogReadCache(IOptions<CatalogOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeToLive = TimeSpan.FromSeconds(Math.Max(0, options.Value.ReadCacheSeconds));
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(1, options.Value.ReadCacheEntries),
            Clock = new TimeProviderClock(timeProvider),
        });
    }

    public bool Enabled => _timeToLive > TimeSpan.Zero;

    /// <summary>The cached value of <paramref name="key"/>, or <paramref name="load"/>'s (stored unless null).</summary>
    public async Task<T?> GetOrLoadAsync<T>(string key, string tag, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!Enabled)
        {
            return await load(cancellationToken);
        }

        if (_cache.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        // Taken before the read: an eviction during the read cancels it and the stale value is never stored.
        var token = TokenOf(tag);
        var value = await load(cancellationToken);
        if (value is not null && !token.IsCancellationRequested)
        {
            using var entry = _cache.CreateEntry(key);
            entry.Value = value;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = _timeToLive;
            entry.AddExpirationToken(new CancellationChangeToken(token));
        }

        return value;
    }

    /// <summary>Drops every entry of these tags (call after the change has committed).</summary>
    public void Evict(params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            CancellationTokenSource? previous;
            lock (_evictionGate)
            {
                _tags.TryGetValue(tag, out previous);
                _tags[tag] = new CancellationTokenSource();
            }

            // Not disposed: readers may still hold its token (a cancelled source owns no timer or handle).
            previous?.Cancel();
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        foreach (var source in _tags.Values)
        {
            source.Dispose();
        }
    }

    private CancellationToken TokenOf(string tag)
    {
        if (_tags.TryGetValue(tag, out var source))
        {
            return source.Token;
        }

        lock (_evictionGate)
        {
            return _tags.GetOrAdd(tag, _ => new CancellationTokenSource()).Token;
        }
    }

    /// <summary>Expiry follows the host's clock (a FakeTimeProvider in tests).</summary>
    private sealed class TimeProviderClock(TimeProvider timeProvider) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => timeProvider.Now();
    }
}
