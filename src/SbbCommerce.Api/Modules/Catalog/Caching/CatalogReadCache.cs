using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Primitives;
using SbbCommerce.Api.Common.Notifications;

namespace SbbCommerce.Api.Modules.Catalog.Caching;

/// <summary>
/// The in-memory cache of the public catalog reads, with tag eviction. ASP.NET output caching would need its
/// middleware in the host pipeline; this keeps the cache inside the module and answers the same way (the request
/// id, problem answers and CORS still run on every hit).
/// <para>
/// Staleness: an admin change evicts its tag on this host right after its transaction commits. A read that
/// started before the eviction and finishes after it is not stored (the entry is tied to the tag's token taken
/// before the read), so a visitor of this host never sees the old price after the admin's save has returned.
/// Other hosts hear of it through PostgreSQL NOTIFY (<see cref="NotifyAsync"/>, sent inside the change's transaction, so
/// delivered on commit) and evict the same tags within milliseconds. While this host's listener is disconnected,
/// entries live at most <see cref="DisconnectedLifetime"/>, and everything is dropped when it connects or disconnects
/// (messages may have been missed). Entries still expire after <see cref="CatalogOptions.ReadCacheSeconds"/>. Stock figures
/// shown by the storefront may lag reservations by the same few seconds; reservations themselves always check
/// the database.
/// </para>
/// </summary>
internal sealed class CatalogReadCache : IDatabaseNotificationSubscriber, IDisposable
{
    /// <summary>The topic of <see cref="DatabaseNotifications.Channel"/> messages this cache takes; the key is a tag.</summary>
    public const string NotificationTopic = "catalog";

    /// <summary>How long an entry lives while this host may be missing other hosts' evictions.</summary>
    public static readonly TimeSpan DisconnectedLifetime = TimeSpan.FromSeconds(1);

    private static readonly string[] AllTags = [CatalogCacheTags.Products, CatalogCacheTags.Categories];
    private readonly DatabaseNotificationState _notifications;
    private readonly MemoryCache _cache;
    private readonly TimeSpan _timeToLive;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _tags = new(StringComparer.Ordinal);
    private readonly Lock _evictionGate = new();

    public CatalogReadCache(IOptions<CatalogOptions> options, TimeProvider timeProvider, DatabaseNotificationState notifications)
    {
        ArgumentNullException.ThrowIfNull(options);
        _notifications = notifications;
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
            entry.AbsoluteExpirationRelativeToNow = _notifications.IsListening || _timeToLive < DisconnectedLifetime ? _timeToLive : DisconnectedLifetime;
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

    /// <summary>
    /// Tells every host (this one included) to evict these tags once the current transaction of <paramref name="db"/>
    /// commits; call it inside the change's transaction, before the commit. Without a transaction it is sent at once,
    /// so call it after the change. The caller still calls <see cref="Evict"/> after the commit, so its own next read
    /// does not wait for the message.
    /// </summary>
    public static async Task NotifyAsync(DbContext db, CancellationToken cancellationToken, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            await db.NotifyAsync(NotificationTopic, tag, cancellationToken);
        }
    }

    /// <summary>
    /// Ends an admin change: saves it, tells the other hosts to evict <paramref name="tags"/> (delivered on commit),
    /// commits, then evicts them on this host.
    /// </summary>
    public async Task SaveAndCommitAsync(DbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken,
        params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(transaction);
        await db.SaveChangesAsync(cancellationToken);
        await NotifyAsync(db, cancellationToken, tags);
        await transaction.CommitAsync(cancellationToken);
        Evict(tags);
    }

    public void OnNotification(string topic, string key)
    {
        if (topic == NotificationTopic && AllTags.Contains(key, StringComparer.Ordinal))
        {
            Evict(key);
        }
    }

    public void OnListeningChanged(bool listening) => Evict(AllTags);

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
        public DateTimeOffset UtcNow => timeProvider.GetDatabaseNow();
    }
}
