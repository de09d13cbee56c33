using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Catalog;
using SbbCommerce.Api.Modules.Catalog.Caching;

namespace SbbCommerce.UnitTests.Catalog.Caching;

public sealed class CatalogReadCacheTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly CatalogReadCache _cache;
    private readonly DatabaseNotificationState _listening = Listening(true);
    private int _loads;

    public CatalogReadCacheTests() => _cache = new CatalogReadCache(Options.Create(new CatalogOptions { ReadCacheSeconds = 5 }), _time, _listening);

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task Given_a_cached_value_When_read_again_within_its_lifetime_Then_it_is_not_loaded_again()
    {
        Assert.Equal("v1", await ReadAsync("key", CatalogCacheTags.Products));
        Assert.Equal("v1", await ReadAsync("key", CatalogCacheTags.Products));
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task Given_a_cached_value_When_its_lifetime_passes_Then_it_is_loaded_again()
    {
        await ReadAsync("key", CatalogCacheTags.Products);

        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal("v2", await ReadAsync("key", CatalogCacheTags.Products));
    }

    [Fact]
    public async Task Given_cached_values_of_two_tags_When_one_tag_is_evicted_Then_only_its_values_are_loaded_again()
    {
        await ReadAsync("product", CatalogCacheTags.Products);
        await ReadAsync("tree", CatalogCacheTags.Categories);

        _cache.Evict(CatalogCacheTags.Products);

        Assert.Equal("v3", await ReadAsync("product", CatalogCacheTags.Products));
        Assert.Equal("v2", await ReadAsync("tree", CatalogCacheTags.Categories));
    }

    [Fact]
    public async Task Given_an_eviction_while_a_read_is_loading_When_the_read_ends_Then_its_value_is_not_kept()
    {
        var stale = await _cache.GetOrLoadAsync("key", CatalogCacheTags.Products, _ =>
        {
            _cache.Evict(CatalogCacheTags.Products); // an admin saved while this read was in the database
            return Task.FromResult<string?>("stale");
        }, CancellationToken.None);

        Assert.Equal("stale", stale);
        Assert.Equal("v1", await ReadAsync("key", CatalogCacheTags.Products));
    }

    [Fact]
    public async Task Given_a_null_value_When_read_again_Then_it_is_loaded_again()
    {
        await _cache.GetOrLoadAsync("missing", CatalogCacheTags.Products, _ => { _loads++; return Task.FromResult<string?>(null); }, CancellationToken.None);
        await _cache.GetOrLoadAsync("missing", CatalogCacheTags.Products, _ => { _loads++; return Task.FromResult<string?>(null); }, CancellationToken.None);

        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task Given_a_zero_lifetime_When_reading_Then_every_read_loads()
    {
        using var disabled = new CatalogReadCache(Options.Create(new CatalogOptions { ReadCacheSeconds = 0 }), _time, _listening);

        await disabled.GetOrLoadAsync("key", CatalogCacheTags.Products, _ => { _loads++; return Task.FromResult<string?>("x"); }, CancellationToken.None);
        await disabled.GetOrLoadAsync("key", CatalogCacheTags.Products, _ => { _loads++; return Task.FromResult<string?>("x"); }, CancellationToken.None);

        Assert.Equal(2, _loads);
    }

    private Task<string?> ReadAsync(string key, string tag) =>
        _cache.GetOrLoadAsync(key, tag, _ => Task.FromResult<string?>($"v{++_loads}"), CancellationToken.None);

    [Fact]
    public async Task Given_a_cached_value_When_another_host_notifies_its_tag_Then_it_is_loaded_again()
    {
        await ReadAsync("key", CatalogCacheTags.Products);

        _cache.OnNotification(CatalogReadCache.NotificationTopic, CatalogCacheTags.Products);
        _cache.OnNotification("session", CatalogCacheTags.Products); // another subscriber's topic: ignored

        await ReadAsync("key", CatalogCacheTags.Products);
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task Given_the_listener_is_down_When_a_value_is_cached_Then_it_lives_one_second_not_the_configured_five()
    {
        using var disconnected = new CatalogReadCache(Options.Create(new CatalogOptions { ReadCacheSeconds = 5 }), _time, Listening(false));
        Task<string?> Load(CancellationToken _)
        {
            _loads++;
            return Task.FromResult<string?>("x");
        }

        await disconnected.GetOrLoadAsync("key", CatalogCacheTags.Products, Load, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1100));
        await disconnected.GetOrLoadAsync("key", CatalogCacheTags.Products, Load, CancellationToken.None);

        Assert.Equal(2, _loads);
    }

    private static DatabaseNotificationState Listening(bool listening)
    {
        var state = new DatabaseNotificationState();
        state.Set(listening);
        return state;
    }
}
